import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ResearcherModel, ResearcherConnectionModel, ResearcherEdgeModel, CoauthorModel } from '../modules/researcher/mappers.js';
import type { PublicationModel, PublicationConnectionModel, PublicationEdgeModel } from '../modules/publication/mappers.js';
import type { PublicationFacetsModel, TopicCountModel, AuthorCountModel } from '../modules/publication/facets.js';
import type { TopicModel } from '../modules/topic/mappers.js';
import type { RoleModel } from '../modules/role/mappers.js';
import type { AuditEntryModel, AuditEntryConnectionModel, AuditEntryEdgeModel } from '../modules/audit/mappers.js';
import type { GraphQLContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, as an ISO 8601 string in UTC, e.g. `2026-11-27T08:00:00.000Z`. */
  DateTime: { input: Date; output: Date; }
  /** Any JSON value: an object, array, string, number, boolean or null. */
  JSON: { input: unknown; output: unknown; }
};

/** What a token or JWT allows besides reading. */
export type AccessRole =
  /** Also merges researchers, hides papers, imports profiles and reads the audit log. */
  | 'ADMIN'
  /** Edits data. */
  | 'EDITOR';

/** How the author of a change signed in. */
export type ActorKind =
  /** A JWT of the lab's OpenID Connect provider. */
  | 'JWT'
  /** An API token made with `npm run token`. */
  | 'TOKEN';

/** One change made through the write API, written in the change's own transaction. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** The mutation, e.g. `updatePublication`. */
  action: Scalars['String']['output'];
  /** Who made it: the API token's name, or the JWT's name claim (`AUTH_NAME_CLAIM`). */
  actor: Scalars['String']['output'];
  /** How they signed in. */
  actorKind: ActorKind;
  /** The role they had. */
  actorRole: AccessRole;
  /** The changed fields after the change; null when the object no longer exists. */
  after: Maybe<Scalars['JSON']['output']>;
  /** When the change was written. */
  at: Scalars['DateTime']['output'];
  /** The changed fields before the change, by their names in this API; null when the object did not exist. */
  before: Maybe<Scalars['JSON']['output']>;
  /** The entry's number: entries are numbered in the order they were written. */
  id: Scalars['ID']['output'];
  /** The changed object as it is now; null when there is none or it is gone (`node(id: targetId)` follows a merge to the kept researcher). */
  target: Maybe<Node>;
  /** Global id of the changed object, as `node(id:)` takes it; null for a change of no single object (an import). */
  targetId: Maybe<Scalars['ID']['output']>;
  /** The kind of object changed: `Publication`, `Researcher`, `Import`… */
  targetType: Scalars['String']['output'];
};

/** A page of the audit log. */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** The items of the page with their cursors. */
  edges: Array<AuditEntryEdge>;
  /** The items of the page. */
  nodes: Array<AuditEntry>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, all pages together. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of an audit log connection. */
export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  /** Opaque cursor of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: AuditEntry;
};

/** How many publications of a list a person is an author of. */
export type AuthorCount = {
  __typename?: 'AuthorCount';
  /** Publications of the list they are an author of. */
  count: Scalars['Int']['output'];
  /** The author. */
  researcher: Researcher;
};

/** Who may keep a cached answer: anyone (`PUBLIC`) or only the client that asked (`PRIVATE`). */
export type CacheControlScope =
  /** Only the asking client's own cache may keep it. */
  | 'PRIVATE'
  /** Any cache may keep the answer (CDNs, the server's shared response cache). */
  | 'PUBLIC';

/** Formats of citations, made with citation-js. */
export type CitationFormat =
  /** A reference in APA style (7th edition), plain text. */
  | 'APA'
  /** BibTeX entries (`@inproceedings{…}`), LaTeX-escaped; an arXiv id as `eprint` with `archivePrefix = {arXiv}`. */
  | 'BIBTEX'
  /** CSL-JSON: a JSON array of Citation Style Language items, as Zotero and citeproc read them. */
  | 'CSL_JSON'
  /** A numbered reference in IEEE style, plain text. */
  | 'IEEE'
  /** RIS (`TY  - JOUR` …), for EndNote, Mendeley and Zotero. */
  | 'RIS';

/** A co-author of a researcher, with the number of publications they share. */
export type Coauthor = {
  __typename?: 'Coauthor';
  /** The co-author. */
  researcher: Researcher;
  /** Publications both are authors of. */
  sharedPublications: Scalars['Int']['output'];
};

/** A new paper. */
export type CreatePublicationInput = {
  /** Abstract. */
  abstract?: InputMaybe<Scalars['String']['input']>;
  /** arXiv identifier, e.g. `2101.00001`. */
  arxivId?: InputMaybe<Scalars['String']['input']>;
  /** Authors, in order, by Researcher id. */
  authors?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Link to the code, an http(s) URL. */
  codeUrl?: InputMaybe<Scalars['String']['input']>;
  /** DOI, e.g. `10.1234/abc.5678`. */
  doi?: InputMaybe<Scalars['String']['input']>;
  /** Title. */
  title: Scalars['String']['input'];
  /** Topics, by slug. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Link to the paper, an http(s) URL. */
  url?: InputMaybe<Scalars['String']['input']>;
  /** Venue (journal or conference). */
  venue?: InputMaybe<Scalars['String']['input']>;
  /** Year, 1900 to next year. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** Where a value comes from, strongest first. */
export type DataSource =
  /** The lab's BibTeX files. */
  | 'BIBTEX'
  /** A person's correction through the write API: no import changes it. */
  | 'CURATION'
  /** The OpenAlex scholarly graph (`npm run enrich`). */
  | 'OPENALEX'
  /** The lab's profile pages. */
  | 'PROFILE';

/** The source of one field's value. */
export type FieldSource = {
  __typename?: 'FieldSource';
  /** The field, as named in this API, e.g. `year` or `authors`. */
  field: Scalars['String']['output'];
  /** Where its value comes from. */
  source: DataSource;
};

/** Rows of one kind an import created, updated, left unchanged and deleted. */
export type ImportCount = {
  __typename?: 'ImportCount';
  /** Rows created. */
  created: Scalars['Int']['output'];
  /** Rows deleted. */
  deleted: Scalars['Int']['output'];
  /** The kind of row, e.g. `publication`, `researcher`, `authorship`. */
  kind: Scalars['String']['output'];
  /** Rows already as the files say. */
  unchanged: Scalars['Int']['output'];
  /** Rows updated. */
  updated: Scalars['Int']['output'];
};

/** What an import did (or, dry, would do): the report of `npm run seed`. */
export type ImportProfilesPayload = {
  __typename?: 'ImportProfilesPayload';
  /** True when the import changed (or, dry, would change) anything. */
  changed: Scalars['Boolean']['output'];
  /** Counts per kind of row. */
  counts: Array<ImportCount>;
  /** True when nothing was written. */
  dryRun: Scalars['Boolean']['output'];
  /** Values a person corrected that the files would have changed: kept, as every correction is. */
  keptCorrections: Scalars['Int']['output'];
  /** The whole report as `npm run seed -- --json` prints it, with every change field by field. */
  report: Scalars['JSON']['output'];
  /** The report as `npm run seed` prints it: the changes, then the summary table. */
  summary: Scalars['String']['output'];
};

/** The result of a merge. */
export type MergeResearchersPayload = {
  __typename?: 'MergeResearchersPayload';
  /** The removed record's id: `node(id:)` now resolves it to the kept researcher. */
  removedId: Scalars['ID']['output'];
  /** The kept researcher, with everything of the removed one. */
  researcher: Researcher;
};

/**
 * Changes to the data, for holders of a token (`Authorization: Bearer <token>`):
 * editors correct publications and researchers; admins also merge people, hide
 * papers and import profiles. Every change runs in one transaction with its
 * audit log entry, and what a person sets is marked `CURATION` in `provenance`:
 * no later import changes it.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a paper that no profile lists (editor). A paper whose title matches an existing one is refused. */
  createPublication: PublicationPayload;
  /** Hides a paper from every public list, count and search (admin); editors still see it with `filter.visibility`. */
  hidePublication: PublicationPayload;
  /**
   * Imports profile pages as `npm run seed` does, with the same report (admin):
   * how a server's embedded database is fed while it runs. Every file is checked
   * first; on any error nothing is imported and the error names the file and line.
   */
  importProfiles: ImportProfilesPayload;
  /**
   * Makes one person of two records (admin): authorships, profile listings,
   * roles, topics and name spellings move to `keep`; a paper both were on keeps
   * one authorship, at the better position. The removed id and slug lead to the
   * kept person from then on, and imports that name the removed one reach it.
   */
  mergeResearchers: MergeResearchersPayload;
  /** Shows a hidden paper again (admin). */
  restorePublication: PublicationPayload;
  /** Sets a publication's authors, in order: adds, removes and reorders (editor). */
  setPublicationAuthors: PublicationPayload;
  /** Corrects a publication's fields (editor). Fields left out keep their value; `null` clears an optional one. */
  updatePublication: PublicationPayload;
  /** Corrects a researcher's fields (editor). Fields left out keep their value; `null` clears an optional one. */
  updateResearcher: ResearcherPayload;
};


/**
 * Changes to the data, for holders of a token (`Authorization: Bearer <token>`):
 * editors correct publications and researchers; admins also merge people, hide
 * papers and import profiles. Every change runs in one transaction with its
 * audit log entry, and what a person sets is marked `CURATION` in `provenance`:
 * no later import changes it.
 */
export type MutationCreatePublicationArgs = {
  input: CreatePublicationInput;
};


/**
 * Changes to the data, for holders of a token (`Authorization: Bearer <token>`):
 * editors correct publications and researchers; admins also merge people, hide
 * papers and import profiles. Every change runs in one transaction with its
 * audit log entry, and what a person sets is marked `CURATION` in `provenance`:
 * no later import changes it.
 */
export type MutationHidePublicationArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Changes to the data, for holders of a token (`Authorization: Bearer <token>`):
 * editors correct publications and researchers; admins also merge people, hide
 * papers and import profiles. Every change runs in one transaction with its
 * audit log entry, and what a person sets is marked `CURATION` in `provenance`:
 * no later import changes it.
 */
export type MutationImportProfilesArgs = {
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  files: Array<ProfileFileInput>;
};


/**
 * Changes to the data, for holders of a token (`Authorization: Bearer <token>`):
 * editors correct publications and researchers; admins also merge people, hide
 * papers and import profiles. Every change runs in one transaction with its
 * audit log entry, and what a person sets is marked `CURATION` in `provenance`:
 * no later import changes it.
 */
export type MutationMergeResearchersArgs = {
  keep: Scalars['ID']['input'];
  remove: Scalars['ID']['input'];
};


/**
 * Changes to the data, for holders of a token (`Authorization: Bearer <token>`):
 * editors correct publications and researchers; admins also merge people, hide
 * papers and import profiles. Every change runs in one transaction with its
 * audit log entry, and what a person sets is marked `CURATION` in `provenance`:
 * no later import changes it.
 */
export type MutationRestorePublicationArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Changes to the data, for holders of a token (`Authorization: Bearer <token>`):
 * editors correct publications and researchers; admins also merge people, hide
 * papers and import profiles. Every change runs in one transaction with its
 * audit log entry, and what a person sets is marked `CURATION` in `provenance`:
 * no later import changes it.
 */
export type MutationSetPublicationAuthorsArgs = {
  authors: Array<Scalars['ID']['input']>;
  expectedUpdatedAt?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


/**
 * Changes to the data, for holders of a token (`Authorization: Bearer <token>`):
 * editors correct publications and researchers; admins also merge people, hide
 * papers and import profiles. Every change runs in one transaction with its
 * audit log entry, and what a person sets is marked `CURATION` in `provenance`:
 * no later import changes it.
 */
export type MutationUpdatePublicationArgs = {
  expectedUpdatedAt?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
  patch: PublicationPatch;
};


/**
 * Changes to the data, for holders of a token (`Authorization: Bearer <token>`):
 * editors correct publications and researchers; admins also merge people, hide
 * papers and import profiles. Every change runs in one transaction with its
 * audit log entry, and what a person sets is marked `CURATION` in `provenance`:
 * no later import changes it.
 */
export type MutationUpdateResearcherArgs = {
  expectedUpdatedAt?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
  patch: ResearcherPatch;
};

/** An object with a globally unique, opaque id, which `Query.node` fetches. */
export type Node = {
  /** The object's global id. */
  id: Scalars['ID']['output'];
};

/** Pagination details of a connection (Relay cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of the page; null on an empty page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items precede this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of the page; null on an empty page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** A publication profile file to import. */
export type ProfileFileInput = {
  /** File name with its extension, e.g. `jane-doe.txt`: it names the file in errors and tells text from HTML. */
  name: Scalars['String']['input'];
  /** The file's text (UTF-8). */
  text: Scalars['String']['input'];
};

/** A paper listed on one or more profiles. */
export type Publication = Node & {
  __typename?: 'Publication';
  /** Abstract, with the page's `(voir plus)` cuts joined; null when no profile gives one. */
  abstract: Maybe<Scalars['String']['output']>;
  /** True when the abstract was cut for good by the page (it ends in `…`). */
  abstractTruncated: Scalars['Boolean']['output'];
  /** arXiv identifier, when known. */
  arxivId: Maybe<Scalars['String']['output']>;
  /** Authors, in order. */
  authors: Array<Researcher>;
  /**
   * The paper cited in one format, e.g. `BIBTEX` for an entry keyed
   * `baratin2024torque` (first author's family name, year or `nd`, first
   * significant title word), or `APA` for a formatted reference.
   */
  citation: Scalars['String']['output'];
  /** Citations OpenAlex counted when the paper was last enriched. */
  citationCount: Maybe<Scalars['Int']['output']>;
  /** Link to the code, from an abstract's `Our code is available at …`. */
  codeUrl: Maybe<Scalars['String']['output']>;
  /** When the row was created. */
  createdAt: Scalars['DateTime']['output'];
  /** DOI, when known. */
  doi: Maybe<Scalars['String']['output']>;
  /** When and why the paper was hidden (hidePublication); null when it is shown, and for anyone who is not an editor. */
  hidden: Maybe<PublicationHidden>;
  /** Global id. */
  id: Scalars['ID']['output'];
  /** A free-to-read copy of the paper, from OpenAlex. */
  openAccessUrl: Maybe<Scalars['String']['output']>;
  /** OpenAlex work id, e.g. `W2741809807`, when the paper was found there. */
  openAlexId: Maybe<Scalars['String']['output']>;
  /** Where each field's value comes from: a person's correction beats a profile page, which beats BibTeX, which beats OpenAlex. */
  provenance: Array<FieldSource>;
  /** Title. */
  title: Scalars['String']['output'];
  /** Research topics of the profiles that list it, by English name. */
  topics: Array<Topic>;
  /** When the row last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Link to the paper, when known. */
  url: Maybe<Scalars['String']['output']>;
  /** Venue (journal or conference), when known. */
  venue: Maybe<Scalars['String']['output']>;
  /** Publication year, when known. */
  year: Maybe<Scalars['Int']['output']>;
};


/** A paper listed on one or more profiles. */
export type PublicationCitationArgs = {
  format: CitationFormat;
};

/** A page of publications. */
export type PublicationConnection = {
  __typename?: 'PublicationConnection';
  /** The items of the page with their cursors. */
  edges: Array<PublicationEdge>;
  /**
   * Counts over the whole filtered list, all pages together: by year, topic and
   * author, and how many have code. Only `Query.publications` counts them; on a
   * nested list, asking for them is an error (filter `Query.publications` by
   * `author` or `topic` instead).
   */
  facets: PublicationFacets;
  /** The items of the page. */
  nodes: Array<Publication>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, all pages together. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a publication connection. */
export type PublicationEdge = {
  __typename?: 'PublicationEdge';
  /** Opaque cursor of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The publication. */
  node: Publication;
};

/** Counts over a filtered list of publications. Each facet is counted only when asked for. */
export type PublicationFacets = {
  __typename?: 'PublicationFacets';
  /** The authors with the most publications in the list, most first (then by name). */
  authors: Array<AuthorCount>;
  /** Publications per research topic, most first (then by name). */
  topics: Array<TopicCount>;
  /** Publications with a link to their code. */
  withCode: Scalars['Int']['output'];
  /** Publications per year, newest first; the papers without a year last, as `year: null`. */
  years: Array<YearCount>;
};


/** Counts over a filtered list of publications. Each facet is counted only when asked for. */
export type PublicationFacetsAuthorsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Which publications to list. Conditions combine with AND. */
export type PublicationFilter = {
  /** Slug of an author, e.g. `aristide-baratin`. */
  author?: InputMaybe<Scalars['String']['input']>;
  /** Full-text search over title and abstract, in English or French, accents ignored; the title weighs more. Supports `"quoted phrases"`, `or` and `-excluded` words. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Slug of a research topic, e.g. `deep-learning`. */
  topic?: InputMaybe<Scalars['String']['input']>;
  /** Shown papers only (the default), hidden ones only, or both; HIDDEN and ALL need an editor's token. */
  visibility?: InputMaybe<PublicationVisibility>;
  /** Earliest publication year, inclusive. */
  yearFrom?: InputMaybe<Scalars['Int']['input']>;
  /** Latest publication year, inclusive. */
  yearTo?: InputMaybe<Scalars['Int']['input']>;
};

/** Why a paper is not shown: only editors see it. */
export type PublicationHidden = {
  __typename?: 'PublicationHidden';
  /** When it was hidden. */
  at: Scalars['DateTime']['output'];
  /** Why, as the editor wrote it. */
  reason: Scalars['String']['output'];
};

/** Orders of publication lists. Ties are broken by title, then id, so cursors stay stable. */
export type PublicationOrder =
  /** Best match first; only with `filter.search`, where it is the default. */
  | 'RELEVANCE'
  /** By title, A to Z. */
  | 'TITLE'
  /** Oldest first; papers without a year last. */
  | 'YEAR_ASC'
  /** Newest first; papers without a year last. */
  | 'YEAR_DESC';

/** Changes to a publication's fields: fields left out keep their value. */
export type PublicationPatch = {
  /** Abstract; null clears it. */
  abstract?: InputMaybe<Scalars['String']['input']>;
  /** arXiv identifier, e.g. `2101.00001` or `hep-th/9901001`; null clears it. */
  arxivId?: InputMaybe<Scalars['String']['input']>;
  /** Link to the code, an http(s) URL; null clears it. */
  codeUrl?: InputMaybe<Scalars['String']['input']>;
  /** DOI, e.g. `10.1234/abc.5678` (a `https://doi.org/` prefix is dropped); null clears it. */
  doi?: InputMaybe<Scalars['String']['input']>;
  /** Title; may not be empty. The paper keeps its identity for imports (the title it was imported under). */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Every topic of the paper, by slug, e.g. `deep-learning`; [] removes them all. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Link to the paper, an http(s) URL; null clears it. */
  url?: InputMaybe<Scalars['String']['input']>;
  /** Venue (journal or conference); null clears it. */
  venue?: InputMaybe<Scalars['String']['input']>;
  /** Year, 1900 to next year; null clears it. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** The publication as it is after the change. */
export type PublicationPayload = {
  __typename?: 'PublicationPayload';
  /** The publication, read again after the change. */
  publication: Publication;
};

/** Which papers a publication list holds, by whether they are hidden (hidePublication). */
export type PublicationVisibility =
  /** Both (editors). */
  | 'ALL'
  /** Hidden papers only (editors). */
  | 'HIDDEN'
  /** Papers shown to everyone. */
  | 'VISIBLE';

/** The API's entry points. */
export type Query = {
  __typename?: 'Query';
  /** Every change made through the write API, newest first. Admins only: needs `Authorization: Bearer <token>` of the admin role. */
  auditLog: AuditEntryConnection;
  /** The object with this global id, or null. */
  node: Maybe<Node>;
  /** The publication with this global id, or null. */
  publication: Maybe<Publication>;
  /** Publications, filtered and ordered. */
  publications: PublicationConnection;
  /** The researcher with this slug, or null. */
  researcher: Maybe<Researcher>;
  /** Researchers, filtered and ordered. */
  researchers: ResearcherConnection;
  /** The role with this key, or null. */
  role: Maybe<Role>;
  /** Every supervision role, by English name. */
  roles: Array<Role>;
  /** The topic with this slug, or null. */
  topic: Maybe<Topic>;
  /** Every research topic, by English name. */
  topics: Array<Topic>;
};


/** The API's entry points. */
export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  target?: InputMaybe<Scalars['ID']['input']>;
};


/** The API's entry points. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** The API's entry points. */
export type QueryPublicationArgs = {
  id: Scalars['ID']['input'];
};


/** The API's entry points. */
export type QueryPublicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PublicationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PublicationOrder>;
};


/** The API's entry points. */
export type QueryResearcherArgs = {
  slug: Scalars['String']['input'];
};


/** The API's entry points. */
export type QueryResearchersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ResearcherFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ResearcherOrder>;
};


/** The API's entry points. */
export type QueryRoleArgs = {
  key: Scalars['String']['input'];
};


/** The API's entry points. */
export type QueryTopicArgs = {
  slug: Scalars['String']['input'];
};

/** A person: a lab member with a profile page, or a co-author seen on one. */
export type Researcher = Node & {
  __typename?: 'Researcher';
  /** Other spellings of the name seen on profiles, e.g. `KELLER JORDAN`. */
  aliases: Array<Scalars['String']['output']>;
  /**
   * Citations of all the person's publications, newest first, in one format:
   * one BibTeX file, one CSL-JSON array, one RIS file, or one reference a line
   * (APA, IEEE). Keys are unique within the list (`baratin2024torque`, then
   * `…a`, `…b` for papers that would share one). The same files download from
   * `/researchers/{slug}/publications.bib`, `.ris` and `.json`.
   */
  citations: Scalars['String']['output'];
  /** People who share publications with this one, most shared first (then by name). */
  coauthors: Array<Coauthor>;
  /** When the row was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Global id. */
  id: Scalars['ID']['output'];
  /** True when the person has a profile page of their own at the lab. */
  isMember: Scalars['Boolean']['output'];
  /** The name as the person's own profile writes it, or the best spelling seen. */
  name: Scalars['String']['output'];
  /** ORCID identifier, when known. */
  orcid: Maybe<Scalars['String']['output']>;
  /** Organisation, e.g. `Samsung SAIT`. */
  organization: Maybe<Scalars['String']['output']>;
  /** Position in English, e.g. `Independent visiting researcher`; null for co-authors without a profile. */
  position: Maybe<Scalars['String']['output']>;
  /** Position in French, e.g. `Visiteur de recherche indépendant`. */
  positionFr: Maybe<Scalars['String']['output']>;
  /** Where each field's value comes from: a person's correction beats a profile page, which beats BibTeX, which beats OpenAlex. */
  provenance: Array<FieldSource>;
  /** Number of publications the person is an author of. */
  publicationCount: Scalars['Int']['output'];
  /** The person's publications. */
  publications: PublicationConnection;
  /** Supervision roles, by English name. */
  roles: Array<Role>;
  /** URL-safe identifier derived from the name, e.g. `aristide-baratin`. */
  slug: Scalars['String']['output'];
  /** Research topics from the person's profile, by English name. */
  topics: Array<Topic>;
  /** When the row last changed. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A person: a lab member with a profile page, or a co-author seen on one. */
export type ResearcherCitationsArgs = {
  format: CitationFormat;
};


/** A person: a lab member with a profile page, or a co-author seen on one. */
export type ResearcherCoauthorsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person: a lab member with a profile page, or a co-author seen on one. */
export type ResearcherPublicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PublicationOrder>;
};

/** A page of researchers. */
export type ResearcherConnection = {
  __typename?: 'ResearcherConnection';
  /** The items of the page with their cursors. */
  edges: Array<ResearcherEdge>;
  /** The items of the page. */
  nodes: Array<Researcher>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, all pages together. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a researcher connection. */
export type ResearcherEdge = {
  __typename?: 'ResearcherEdge';
  /** Opaque cursor of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The researcher. */
  node: Researcher;
};

/** Which researchers to list. Conditions combine with AND. */
export type ResearcherFilter = {
  /** true: lab members only; false: co-authors without a profile only. */
  isMember?: InputMaybe<Scalars['Boolean']['input']>;
  /** Key of a supervision role, e.g. `principal-supervisor`. */
  role?: InputMaybe<Scalars['String']['input']>;
  /** Part of a name or alias, ignoring case and accents: `elise` finds `Élise`. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Slug of a research topic, e.g. `deep-learning`. */
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** Orders of researcher lists. Ties are broken by id, so cursors stay stable. */
export type ResearcherOrder =
  /** By name, A to Z (accents and case ignored). */
  | 'NAME'
  /** Most publications first, then by name. */
  | 'PUBLICATION_COUNT';

/** Changes to a researcher's fields: fields left out keep their value. */
export type ResearcherPatch = {
  /** True for a lab member. */
  isMember?: InputMaybe<Scalars['Boolean']['input']>;
  /** Name; the old spelling stays an alias (and the person keeps their slug and identity for imports). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** ORCID iD, e.g. `0000-0002-1825-0097` (its check digit is checked); null clears it. */
  orcid?: InputMaybe<Scalars['String']['input']>;
  /** Organisation; null clears it. */
  organization?: InputMaybe<Scalars['String']['input']>;
  /** Position, by vocabulary key, e.g. `independent-visiting-researcher`; null clears it. */
  position?: InputMaybe<Scalars['String']['input']>;
  /** Every supervision role, by key, e.g. `principal-supervisor`; [] removes them all. */
  roles?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Every research topic, by slug; [] removes them all. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** The researcher as it is after the change. */
export type ResearcherPayload = {
  __typename?: 'ResearcherPayload';
  /** The researcher, read again after the change. */
  researcher: Researcher;
};

/** A supervision role, with English and French names. */
export type Role = Node & {
  __typename?: 'Role';
  /** Global id. */
  id: Scalars['ID']['output'];
  /** Stable key, e.g. `principal-supervisor`. */
  key: Scalars['String']['output'];
  /** English name, e.g. `Principal supervisor`. */
  name: Scalars['String']['output'];
  /** French name, e.g. `Superviseur⋅e principal⋅e`. */
  nameFr: Scalars['String']['output'];
  /** Researchers with this role, by name. */
  researchers: ResearcherConnection;
};


/** A supervision role, with English and French names. */
export type RoleResearchersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A research topic, with English and French names. */
export type Topic = Node & {
  __typename?: 'Topic';
  /** Global id. */
  id: Scalars['ID']['output'];
  /** English name, e.g. `Deep Learning`. */
  name: Scalars['String']['output'];
  /** French name, e.g. `Apprentissage profond`. */
  nameFr: Scalars['String']['output'];
  /** Publications tagged with this topic. */
  publications: PublicationConnection;
  /** Researchers whose profile lists this topic, by name. */
  researchers: ResearcherConnection;
  /** URL-safe identifier, e.g. `deep-learning`. */
  slug: Scalars['String']['output'];
};


/** A research topic, with English and French names. */
export type TopicPublicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PublicationOrder>;
};


/** A research topic, with English and French names. */
export type TopicResearchersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** How many publications of a list are tagged with a topic. */
export type TopicCount = {
  __typename?: 'TopicCount';
  /** Publications tagged with it. */
  count: Scalars['Int']['output'];
  /** The topic. */
  topic: Topic;
};

/** How many publications of a list appeared in a year. */
export type YearCount = {
  __typename?: 'YearCount';
  /** Publications of that year. */
  count: Scalars['Int']['output'];
  /** The year; null for the papers whose year is unknown. */
  year: Maybe<Scalars['Int']['output']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Node:
    | ( PublicationModel )
    | ( ResearcherModel )
    | ( RoleModel )
    | ( TopicModel )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AccessRole: AccessRole;
  ActorKind: ActorKind;
  AuditEntry: ResolverTypeWrapper<AuditEntryModel>;
  AuditEntryConnection: ResolverTypeWrapper<AuditEntryConnectionModel>;
  AuditEntryEdge: ResolverTypeWrapper<AuditEntryEdgeModel>;
  AuthorCount: ResolverTypeWrapper<AuthorCountModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CacheControlScope: CacheControlScope;
  CitationFormat: CitationFormat;
  Coauthor: ResolverTypeWrapper<CoauthorModel>;
  CreatePublicationInput: CreatePublicationInput;
  DataSource: DataSource;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FieldSource: ResolverTypeWrapper<FieldSource>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImportCount: ResolverTypeWrapper<ImportCount>;
  ImportProfilesPayload: ResolverTypeWrapper<ImportProfilesPayload>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  MergeResearchersPayload: ResolverTypeWrapper<Omit<MergeResearchersPayload, 'researcher'> & { researcher: ResolversTypes['Researcher'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ProfileFileInput: ProfileFileInput;
  Publication: ResolverTypeWrapper<PublicationModel>;
  PublicationConnection: ResolverTypeWrapper<PublicationConnectionModel>;
  PublicationEdge: ResolverTypeWrapper<PublicationEdgeModel>;
  PublicationFacets: ResolverTypeWrapper<PublicationFacetsModel>;
  PublicationFilter: PublicationFilter;
  PublicationHidden: ResolverTypeWrapper<PublicationHidden>;
  PublicationOrder: PublicationOrder;
  PublicationPatch: PublicationPatch;
  PublicationPayload: ResolverTypeWrapper<Omit<PublicationPayload, 'publication'> & { publication: ResolversTypes['Publication'] }>;
  PublicationVisibility: PublicationVisibility;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Researcher: ResolverTypeWrapper<ResearcherModel>;
  ResearcherConnection: ResolverTypeWrapper<ResearcherConnectionModel>;
  ResearcherEdge: ResolverTypeWrapper<ResearcherEdgeModel>;
  ResearcherFilter: ResearcherFilter;
  ResearcherOrder: ResearcherOrder;
  ResearcherPatch: ResearcherPatch;
  ResearcherPayload: ResolverTypeWrapper<Omit<ResearcherPayload, 'researcher'> & { researcher: ResolversTypes['Researcher'] }>;
  Role: ResolverTypeWrapper<RoleModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Topic: ResolverTypeWrapper<TopicModel>;
  TopicCount: ResolverTypeWrapper<TopicCountModel>;
  YearCount: ResolverTypeWrapper<YearCount>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AuditEntry: AuditEntryModel;
  AuditEntryConnection: AuditEntryConnectionModel;
  AuditEntryEdge: AuditEntryEdgeModel;
  AuthorCount: AuthorCountModel;
  Boolean: Scalars['Boolean']['output'];
  Coauthor: CoauthorModel;
  CreatePublicationInput: CreatePublicationInput;
  DateTime: Scalars['DateTime']['output'];
  FieldSource: FieldSource;
  ID: Scalars['ID']['output'];
  ImportCount: ImportCount;
  ImportProfilesPayload: ImportProfilesPayload;
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  MergeResearchersPayload: Omit<MergeResearchersPayload, 'researcher'> & { researcher: ResolversParentTypes['Researcher'] };
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  ProfileFileInput: ProfileFileInput;
  Publication: PublicationModel;
  PublicationConnection: PublicationConnectionModel;
  PublicationEdge: PublicationEdgeModel;
  PublicationFacets: PublicationFacetsModel;
  PublicationFilter: PublicationFilter;
  PublicationHidden: PublicationHidden;
  PublicationPatch: PublicationPatch;
  PublicationPayload: Omit<PublicationPayload, 'publication'> & { publication: ResolversParentTypes['Publication'] };
  Query: Record<PropertyKey, never>;
  Researcher: ResearcherModel;
  ResearcherConnection: ResearcherConnectionModel;
  ResearcherEdge: ResearcherEdgeModel;
  ResearcherFilter: ResearcherFilter;
  ResearcherPatch: ResearcherPatch;
  ResearcherPayload: Omit<ResearcherPayload, 'researcher'> & { researcher: ResolversParentTypes['Researcher'] };
  Role: RoleModel;
  String: Scalars['String']['output'];
  Topic: TopicModel;
  TopicCount: TopicCountModel;
  YearCount: YearCount;
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AuditEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorKind?: Resolver<ResolversTypes['ActorKind'], ParentType, ContextType>;
  actorRole?: Resolver<ResolversTypes['AccessRole'], ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType>;
  targetId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  targetType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AuditEntryConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEntryConnection'] = ResolversParentTypes['AuditEntryConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AuditEntryEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AuditEntryEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEntryEdge'] = ResolversParentTypes['AuditEntryEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEntry'], ParentType, ContextType>;
}>;

export type AuthorCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuthorCount'] = ResolversParentTypes['AuthorCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  researcher?: Resolver<ResolversTypes['Researcher'], ParentType, ContextType>;
}>;

export type CoauthorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Coauthor'] = ResolversParentTypes['Coauthor']> = ResolversObject<{
  researcher?: Resolver<ResolversTypes['Researcher'], ParentType, ContextType>;
  sharedPublications?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FieldSourceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FieldSource'] = ResolversParentTypes['FieldSource']> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['DataSource'], ParentType, ContextType>;
}>;

export type ImportCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportCount'] = ResolversParentTypes['ImportCount']> = ResolversObject<{
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ImportProfilesPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportProfilesPayload'] = ResolversParentTypes['ImportProfilesPayload']> = ResolversObject<{
  changed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  counts?: Resolver<Array<ResolversTypes['ImportCount']>, ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  keptCorrections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  report?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MergeResearchersPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MergeResearchersPayload'] = ResolversParentTypes['MergeResearchersPayload']> = ResolversObject<{
  removedId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  researcher?: Resolver<ResolversTypes['Researcher'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  createPublication?: Resolver<ResolversTypes['PublicationPayload'], ParentType, ContextType, RequireFields<MutationCreatePublicationArgs, 'input'>>;
  hidePublication?: Resolver<ResolversTypes['PublicationPayload'], ParentType, ContextType, RequireFields<MutationHidePublicationArgs, 'id' | 'reason'>>;
  importProfiles?: Resolver<ResolversTypes['ImportProfilesPayload'], ParentType, ContextType, RequireFields<MutationImportProfilesArgs, 'dryRun' | 'files'>>;
  mergeResearchers?: Resolver<ResolversTypes['MergeResearchersPayload'], ParentType, ContextType, RequireFields<MutationMergeResearchersArgs, 'keep' | 'remove'>>;
  restorePublication?: Resolver<ResolversTypes['PublicationPayload'], ParentType, ContextType, RequireFields<MutationRestorePublicationArgs, 'id'>>;
  setPublicationAuthors?: Resolver<ResolversTypes['PublicationPayload'], ParentType, ContextType, RequireFields<MutationSetPublicationAuthorsArgs, 'authors' | 'id'>>;
  updatePublication?: Resolver<ResolversTypes['PublicationPayload'], ParentType, ContextType, RequireFields<MutationUpdatePublicationArgs, 'id' | 'patch'>>;
  updateResearcher?: Resolver<ResolversTypes['ResearcherPayload'], ParentType, ContextType, RequireFields<MutationUpdateResearcherArgs, 'id' | 'patch'>>;
}>;

export type NodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Publication' | 'Researcher' | 'Role' | 'Topic', ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PublicationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Publication'] = ResolversParentTypes['Publication']> = ResolversObject<{
  abstract?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  abstractTruncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  arxivId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  authors?: Resolver<Array<ResolversTypes['Researcher']>, ParentType, ContextType>;
  citation?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<PublicationCitationArgs, 'format'>>;
  citationCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  codeUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  doi?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hidden?: Resolver<Maybe<ResolversTypes['PublicationHidden']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openAccessUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  openAlexId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provenance?: Resolver<Array<ResolversTypes['FieldSource']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topics?: Resolver<Array<ResolversTypes['Topic']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  venue?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  year?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PublicationConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PublicationConnection'] = ResolversParentTypes['PublicationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PublicationEdge']>, ParentType, ContextType>;
  facets?: Resolver<ResolversTypes['PublicationFacets'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Publication']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PublicationEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PublicationEdge'] = ResolversParentTypes['PublicationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Publication'], ParentType, ContextType>;
}>;

export type PublicationFacetsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PublicationFacets'] = ResolversParentTypes['PublicationFacets']> = ResolversObject<{
  authors?: Resolver<Array<ResolversTypes['AuthorCount']>, ParentType, ContextType, RequireFields<PublicationFacetsAuthorsArgs, 'first'>>;
  topics?: Resolver<Array<ResolversTypes['TopicCount']>, ParentType, ContextType>;
  withCode?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  years?: Resolver<Array<ResolversTypes['YearCount']>, ParentType, ContextType>;
}>;

export type PublicationHiddenResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PublicationHidden'] = ResolversParentTypes['PublicationHidden']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PublicationPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PublicationPayload'] = ResolversParentTypes['PublicationPayload']> = ResolversObject<{
  publication?: Resolver<ResolversTypes['Publication'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  auditLog?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, Partial<QueryAuditLogArgs>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  publication?: Resolver<Maybe<ResolversTypes['Publication']>, ParentType, ContextType, RequireFields<QueryPublicationArgs, 'id'>>;
  publications?: Resolver<ResolversTypes['PublicationConnection'], ParentType, ContextType, Partial<QueryPublicationsArgs>>;
  researcher?: Resolver<Maybe<ResolversTypes['Researcher']>, ParentType, ContextType, RequireFields<QueryResearcherArgs, 'slug'>>;
  researchers?: Resolver<ResolversTypes['ResearcherConnection'], ParentType, ContextType, RequireFields<QueryResearchersArgs, 'orderBy'>>;
  role?: Resolver<Maybe<ResolversTypes['Role']>, ParentType, ContextType, RequireFields<QueryRoleArgs, 'key'>>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  topic?: Resolver<Maybe<ResolversTypes['Topic']>, ParentType, ContextType, RequireFields<QueryTopicArgs, 'slug'>>;
  topics?: Resolver<Array<ResolversTypes['Topic']>, ParentType, ContextType>;
}>;

export type ResearcherResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Researcher'] = ResolversParentTypes['Researcher']> = ResolversObject<{
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  citations?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<ResearcherCitationsArgs, 'format'>>;
  coauthors?: Resolver<Array<ResolversTypes['Coauthor']>, ParentType, ContextType, RequireFields<ResearcherCoauthorsArgs, 'first'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isMember?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orcid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  organization?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  positionFr?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provenance?: Resolver<Array<ResolversTypes['FieldSource']>, ParentType, ContextType>;
  publicationCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  publications?: Resolver<ResolversTypes['PublicationConnection'], ParentType, ContextType, RequireFields<ResearcherPublicationsArgs, 'orderBy'>>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topics?: Resolver<Array<ResolversTypes['Topic']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ResearcherConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ResearcherConnection'] = ResolversParentTypes['ResearcherConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ResearcherEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Researcher']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ResearcherEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ResearcherEdge'] = ResolversParentTypes['ResearcherEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Researcher'], ParentType, ContextType>;
}>;

export type ResearcherPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ResearcherPayload'] = ResolversParentTypes['ResearcherPayload']> = ResolversObject<{
  researcher?: Resolver<ResolversTypes['Researcher'], ParentType, ContextType>;
}>;

export type RoleResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Role'] = ResolversParentTypes['Role']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameFr?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  researchers?: Resolver<ResolversTypes['ResearcherConnection'], ParentType, ContextType, Partial<RoleResearchersArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type TopicResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Topic'] = ResolversParentTypes['Topic']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nameFr?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publications?: Resolver<ResolversTypes['PublicationConnection'], ParentType, ContextType, RequireFields<TopicPublicationsArgs, 'orderBy'>>;
  researchers?: Resolver<ResolversTypes['ResearcherConnection'], ParentType, ContextType, Partial<TopicResearchersArgs>>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type TopicCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TopicCount'] = ResolversParentTypes['TopicCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['Topic'], ParentType, ContextType>;
}>;

export type YearCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['YearCount'] = ResolversParentTypes['YearCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  year?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = GraphQLContext> = ResolversObject<{
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  AuditEntryEdge?: AuditEntryEdgeResolvers<ContextType>;
  AuthorCount?: AuthorCountResolvers<ContextType>;
  Coauthor?: CoauthorResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FieldSource?: FieldSourceResolvers<ContextType>;
  ImportCount?: ImportCountResolvers<ContextType>;
  ImportProfilesPayload?: ImportProfilesPayloadResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  MergeResearchersPayload?: MergeResearchersPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Publication?: PublicationResolvers<ContextType>;
  PublicationConnection?: PublicationConnectionResolvers<ContextType>;
  PublicationEdge?: PublicationEdgeResolvers<ContextType>;
  PublicationFacets?: PublicationFacetsResolvers<ContextType>;
  PublicationHidden?: PublicationHiddenResolvers<ContextType>;
  PublicationPayload?: PublicationPayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Researcher?: ResearcherResolvers<ContextType>;
  ResearcherConnection?: ResearcherConnectionResolvers<ContextType>;
  ResearcherEdge?: ResearcherEdgeResolvers<ContextType>;
  ResearcherPayload?: ResearcherPayloadResolvers<ContextType>;
  Role?: RoleResolvers<ContextType>;
  Topic?: TopicResolvers<ContextType>;
  TopicCount?: TopicCountResolvers<ContextType>;
  YearCount?: YearCountResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = GraphQLContext> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;
