/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, as an ISO 8601 string in UTC, e.g. `2026-11-27T08:00:00.000Z`. */
  DateTime: { input: string; output: string; }
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

export type ResearcherProfileQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type ResearcherProfileQuery = { __typename?: 'Query', researcher: { __typename?: 'Researcher', id: string, slug: string, name: string, aliases: Array<string>, position: string | null, positionFr: string | null, organization: string | null, isMember: boolean, orcid: string | null, publicationCount: number, createdAt: string, updatedAt: string, roles: Array<{ __typename?: 'Role', key: string, name: string, nameFr: string }>, topics: Array<{ __typename?: 'Topic', slug: string, name: string, nameFr: string }> } | null };

export type ResearcherSlugsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  orderBy?: InputMaybe<ResearcherOrder>;
}>;


export type ResearcherSlugsQuery = { __typename?: 'Query', researchers: { __typename?: 'ResearcherConnection', totalCount: number, edges: Array<{ __typename?: 'ResearcherEdge', cursor: string, node: { __typename?: 'Researcher', slug: string, publicationCount: number } }>, nodes: Array<{ __typename?: 'Researcher', slug: string, publicationCount: number }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type ResearcherNamesQueryVariables = Exact<{
  filter?: InputMaybe<ResearcherFilter>;
}>;


export type ResearcherNamesQuery = { __typename?: 'Query', researchers: { __typename?: 'ResearcherConnection', totalCount: number, nodes: Array<{ __typename?: 'Researcher', name: string }> } };

export type CoauthorsQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CoauthorsQuery = { __typename?: 'Query', researcher: { __typename?: 'Researcher', coauthors: Array<{ __typename?: 'Coauthor', sharedPublications: number, researcher: { __typename?: 'Researcher', name: string } }> } | null };

export type ResearcherPublicationsQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ResearcherPublicationsQuery = { __typename?: 'Query', researcher: { __typename?: 'Researcher', publications: { __typename?: 'PublicationConnection', totalCount: number, nodes: Array<{ __typename?: 'Publication', title: string }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } } | null };

export type PublicationIdsQueryVariables = Exact<{
  filter?: InputMaybe<PublicationFilter>;
}>;


export type PublicationIdsQuery = { __typename?: 'Query', publications: { __typename?: 'PublicationConnection', nodes: Array<{ __typename?: 'Publication', id: string }> } };

export type PublicationDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PublicationDetailQuery = { __typename?: 'Query', publication: { __typename?: 'Publication', id: string, title: string, abstract: string | null, abstractTruncated: boolean, codeUrl: string | null, year: number | null, venue: string | null, doi: string | null, arxivId: string | null, url: string | null, createdAt: string, updatedAt: string, authors: Array<{ __typename?: 'Researcher', name: string, isMember: boolean }>, topics: Array<{ __typename?: 'Topic', slug: string }> } | null };

export type PublicationListQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PublicationFilter>;
  orderBy?: InputMaybe<PublicationOrder>;
}>;


export type PublicationListQuery = { __typename?: 'Query', publications: { __typename?: 'PublicationConnection', totalCount: number, nodes: Array<{ __typename?: 'Publication', title: string, year: number | null, codeUrl: string | null, abstractTruncated: boolean, authors: Array<{ __typename?: 'Researcher', name: string }> }>, pageInfo: { __typename?: 'PageInfo', startCursor: string | null, hasPreviousPage: boolean } } };

export type VocabulariesQueryVariables = Exact<{ [key: string]: never; }>;


export type VocabulariesQuery = { __typename?: 'Query', topics: Array<{ __typename?: 'Topic', slug: string, name: string, nameFr: string, researchers: { __typename?: 'ResearcherConnection', totalCount: number, nodes: Array<{ __typename?: 'Researcher', name: string }> }, publications: { __typename?: 'PublicationConnection', totalCount: number } }>, topic: { __typename?: 'Topic', name: string, researchers: { __typename?: 'ResearcherConnection', nodes: Array<{ __typename?: 'Researcher', slug: string }> } } | null, missing: { __typename?: 'Topic', name: string } | null, roles: Array<{ __typename?: 'Role', key: string, name: string, nameFr: string, researchers: { __typename?: 'ResearcherConnection', totalCount: number, nodes: Array<{ __typename?: 'Researcher', name: string }> } }>, role: { __typename?: 'Role', nameFr: string } | null };

export type NodeIdsQueryVariables = Exact<{ [key: string]: never; }>;


export type NodeIdsQuery = { __typename?: 'Query', researcher: { __typename?: 'Researcher', id: string } | null, topics: Array<{ __typename?: 'Topic', id: string }>, roles: Array<{ __typename?: 'Role', id: string }>, publications: { __typename?: 'PublicationConnection', nodes: Array<{ __typename?: 'Publication', id: string }> } };

export type NodeByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NodeByIdQuery = { __typename?: 'Query', node:
    | { __typename: 'Publication', title: string, id: string }
    | { __typename: 'Researcher', name: string, id: string }
    | { __typename: 'Role', key: string, id: string }
    | { __typename: 'Topic', slug: string, id: string }
   | null };

export type AuditLogPageQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  target?: InputMaybe<Scalars['ID']['input']>;
}>;


export type AuditLogPageQuery = { __typename?: 'Query', auditLog: { __typename?: 'AuditEntryConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ __typename?: 'AuditEntryEdge', cursor: string, node: { __typename?: 'AuditEntry', id: string, at: string, actor: string, actorKind: ActorKind, actorRole: AccessRole, action: string, targetType: string, targetId: string | null, before: unknown | null, after: unknown | null, target:
          | { __typename: 'Publication', title: string, id: string }
          | { __typename: 'Researcher', name: string, id: string }
          | { __typename: 'Role', id: string }
          | { __typename: 'Topic', id: string }
         | null } }> } };

export type BatchedPublicationsQueryVariables = Exact<{
  n?: InputMaybe<Scalars['Int']['input']>;
}>;


export type BatchedPublicationsQuery = { __typename?: 'Query', publications: { __typename?: 'PublicationConnection', nodes: Array<{ __typename?: 'Publication', title: string, authors: Array<{ __typename?: 'Researcher', name: string, topics: Array<{ __typename?: 'Topic', name: string }> }>, topics: Array<{ __typename?: 'Topic', name: string }> }> } };

export type BatchedResearchersQueryVariables = Exact<{
  n?: InputMaybe<Scalars['Int']['input']>;
}>;


export type BatchedResearchersQuery = { __typename?: 'Query', researchers: { __typename?: 'ResearcherConnection', nodes: Array<{ __typename?: 'Researcher', name: string, roles: Array<{ __typename?: 'Role', name: string }>, publications: { __typename?: 'PublicationConnection', totalCount: number, nodes: Array<{ __typename?: 'Publication', authors: Array<{ __typename?: 'Researcher', name: string }> }> }, coauthors: Array<{ __typename?: 'Coauthor', sharedPublications: number, researcher: { __typename?: 'Researcher', name: string } }> }> } };

export type PaperCitationQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  format: CitationFormat;
}>;


export type PaperCitationQuery = { __typename?: 'Query', publication: { __typename?: 'Publication', citation: string } | null };

export type ResearcherCitationsQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  format: CitationFormat;
}>;


export type ResearcherCitationsQuery = { __typename?: 'Query', researcher: { __typename?: 'Researcher', citations: string, publications: { __typename?: 'PublicationConnection', totalCount: number, nodes: Array<{ __typename?: 'Publication', title: string, year: number | null }> } } | null };

export type CitationDownloadsQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type CitationDownloadsQuery = { __typename?: 'Query', researcher: { __typename?: 'Researcher', bib: string, ris: string, json: string } | null };

export type AllCitationsQueryVariables = Exact<{
  n?: InputMaybe<Scalars['Int']['input']>;
}>;


export type AllCitationsQuery = { __typename?: 'Query', researchers: { __typename?: 'ResearcherConnection', nodes: Array<{ __typename?: 'Researcher', citations: string }> } };

export type FacetsQueryVariables = Exact<{
  filter?: InputMaybe<PublicationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  authors?: InputMaybe<Scalars['Int']['input']>;
}>;


export type FacetsQuery = { __typename?: 'Query', publications: { __typename?: 'PublicationConnection', totalCount: number, nodes: Array<{ __typename?: 'Publication', title: string }>, facets: { __typename?: 'PublicationFacets', withCode: number, years: Array<{ __typename?: 'YearCount', year: number | null, count: number }>, topics: Array<{ __typename?: 'TopicCount', count: number, topic: { __typename?: 'Topic', slug: string } }>, authors: Array<{ __typename?: 'AuthorCount', count: number, researcher: { __typename?: 'Researcher', slug: string } }> } } };

export type FacetsPageOnlyQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type FacetsPageOnlyQuery = { __typename?: 'Query', publications: { __typename?: 'PublicationConnection', nodes: Array<{ __typename?: 'Publication', title: string }> } };

export type FacetsYearsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type FacetsYearsQuery = { __typename?: 'Query', publications: { __typename?: 'PublicationConnection', nodes: Array<{ __typename?: 'Publication', title: string }>, facets: { __typename?: 'PublicationFacets', years: Array<{ __typename?: 'YearCount', year: number | null, count: number }> } } };

export type FacetsTopicsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type FacetsTopicsQuery = { __typename?: 'Query', publications: { __typename?: 'PublicationConnection', nodes: Array<{ __typename?: 'Publication', title: string }>, facets: { __typename?: 'PublicationFacets', topics: Array<{ __typename?: 'TopicCount', count: number, topic: { __typename?: 'Topic', name: string } }> } } };

export type FacetsAuthorsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type FacetsAuthorsQuery = { __typename?: 'Query', publications: { __typename?: 'PublicationConnection', nodes: Array<{ __typename?: 'Publication', title: string }>, facets: { __typename?: 'PublicationFacets', authors: Array<{ __typename?: 'AuthorCount', count: number, researcher: { __typename?: 'Researcher', name: string } }> } } };

export type FacetsWithCodeQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type FacetsWithCodeQuery = { __typename?: 'Query', publications: { __typename?: 'PublicationConnection', nodes: Array<{ __typename?: 'Publication', title: string }>, facets: { __typename?: 'PublicationFacets', withCode: number } } };

export type FacetsAllQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type FacetsAllQuery = { __typename?: 'Query', publications: { __typename?: 'PublicationConnection', nodes: Array<{ __typename?: 'Publication', title: string }>, facets: { __typename?: 'PublicationFacets', withCode: number, years: Array<{ __typename?: 'YearCount', year: number | null, count: number }>, topics: Array<{ __typename?: 'TopicCount', count: number, topic: { __typename?: 'Topic', name: string } }>, authors: Array<{ __typename?: 'AuthorCount', count: number, researcher: { __typename?: 'Researcher', name: string } }> } } };

export type ResearcherCountQueryVariables = Exact<{ [key: string]: never; }>;


export type ResearcherCountQuery = { __typename?: 'Query', researchers: { __typename?: 'ResearcherConnection', totalCount: number } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ResearcherProfileDocument = new TypedDocumentString(`
    query ResearcherProfile($slug: String!) {
  researcher(slug: $slug) {
    id
    slug
    name
    aliases
    position
    positionFr
    organization
    isMember
    orcid
    publicationCount
    createdAt
    updatedAt
    roles {
      key
      name
      nameFr
    }
    topics {
      slug
      name
      nameFr
    }
  }
}
    `) as unknown as TypedDocumentString<ResearcherProfileQuery, ResearcherProfileQueryVariables>;
export const ResearcherSlugsDocument = new TypedDocumentString(`
    query ResearcherSlugs($first: Int, $after: String, $last: Int, $before: String, $orderBy: ResearcherOrder) {
  researchers(
    first: $first
    after: $after
    last: $last
    before: $before
    orderBy: $orderBy
  ) {
    totalCount
    edges {
      cursor
      node {
        slug
        publicationCount
      }
    }
    nodes {
      slug
      publicationCount
    }
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ResearcherSlugsQuery, ResearcherSlugsQueryVariables>;
export const ResearcherNamesDocument = new TypedDocumentString(`
    query ResearcherNames($filter: ResearcherFilter) {
  researchers(filter: $filter) {
    totalCount
    nodes {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ResearcherNamesQuery, ResearcherNamesQueryVariables>;
export const CoauthorsDocument = new TypedDocumentString(`
    query Coauthors($slug: String!, $first: Int) {
  researcher(slug: $slug) {
    coauthors(first: $first) {
      sharedPublications
      researcher {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CoauthorsQuery, CoauthorsQueryVariables>;
export const ResearcherPublicationsDocument = new TypedDocumentString(`
    query ResearcherPublications($slug: String!, $after: String) {
  researcher(slug: $slug) {
    publications(first: 2, after: $after, orderBy: TITLE) {
      totalCount
      nodes {
        title
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ResearcherPublicationsQuery, ResearcherPublicationsQueryVariables>;
export const PublicationIdsDocument = new TypedDocumentString(`
    query PublicationIds($filter: PublicationFilter) {
  publications(filter: $filter) {
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<PublicationIdsQuery, PublicationIdsQueryVariables>;
export const PublicationDetailDocument = new TypedDocumentString(`
    query PublicationDetail($id: ID!) {
  publication(id: $id) {
    id
    title
    abstract
    abstractTruncated
    codeUrl
    year
    venue
    doi
    arxivId
    url
    createdAt
    updatedAt
    authors {
      name
      isMember
    }
    topics {
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<PublicationDetailQuery, PublicationDetailQueryVariables>;
export const PublicationListDocument = new TypedDocumentString(`
    query PublicationList($first: Int, $last: Int, $before: String, $filter: PublicationFilter, $orderBy: PublicationOrder) {
  publications(
    first: $first
    last: $last
    before: $before
    filter: $filter
    orderBy: $orderBy
  ) {
    totalCount
    nodes {
      title
      year
      codeUrl
      abstractTruncated
      authors {
        name
      }
    }
    pageInfo {
      startCursor
      hasPreviousPage
    }
  }
}
    `) as unknown as TypedDocumentString<PublicationListQuery, PublicationListQueryVariables>;
export const VocabulariesDocument = new TypedDocumentString(`
    query Vocabularies {
  topics {
    slug
    name
    nameFr
    researchers {
      totalCount
      nodes {
        name
      }
    }
    publications(first: 1) {
      totalCount
    }
  }
  topic(slug: "optimization") {
    name
    researchers {
      nodes {
        slug
      }
    }
  }
  missing: topic(slug: "nope") {
    name
  }
  roles {
    key
    name
    nameFr
    researchers {
      totalCount
      nodes {
        name
      }
    }
  }
  role(key: "co-supervisor") {
    nameFr
  }
}
    `) as unknown as TypedDocumentString<VocabulariesQuery, VocabulariesQueryVariables>;
export const NodeIdsDocument = new TypedDocumentString(`
    query NodeIds {
  researcher(slug: "keller-jordan") {
    id
  }
  topics {
    id
  }
  roles {
    id
  }
  publications(first: 1, orderBy: TITLE) {
    nodes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<NodeIdsQuery, NodeIdsQueryVariables>;
export const NodeByIdDocument = new TypedDocumentString(`
    query NodeById($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Researcher {
      name
    }
    ... on Topic {
      slug
    }
    ... on Role {
      key
    }
    ... on Publication {
      title
    }
  }
}
    `) as unknown as TypedDocumentString<NodeByIdQuery, NodeByIdQueryVariables>;
export const AuditLogPageDocument = new TypedDocumentString(`
    query AuditLogPage($first: Int, $after: String, $last: Int, $before: String, $target: ID) {
  auditLog(
    first: $first
    after: $after
    last: $last
    before: $before
    target: $target
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      cursor
      node {
        id
        at
        actor
        actorKind
        actorRole
        action
        targetType
        targetId
        before
        after
        target {
          __typename
          id
          ... on Publication {
            title
          }
          ... on Researcher {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogPageQuery, AuditLogPageQueryVariables>;
export const BatchedPublicationsDocument = new TypedDocumentString(`
    query BatchedPublications($n: Int) {
  publications(first: $n) {
    nodes {
      title
      authors {
        name
        topics {
          name
        }
      }
      topics {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BatchedPublicationsQuery, BatchedPublicationsQueryVariables>;
export const BatchedResearchersDocument = new TypedDocumentString(`
    query BatchedResearchers($n: Int) {
  researchers(first: $n) {
    nodes {
      name
      roles {
        name
      }
      publications(first: 5) {
        totalCount
        nodes {
          authors {
            name
          }
        }
      }
      coauthors(first: 3) {
        sharedPublications
        researcher {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BatchedResearchersQuery, BatchedResearchersQueryVariables>;
export const PaperCitationDocument = new TypedDocumentString(`
    query PaperCitation($id: ID!, $format: CitationFormat!) {
  publication(id: $id) {
    citation(format: $format)
  }
}
    `) as unknown as TypedDocumentString<PaperCitationQuery, PaperCitationQueryVariables>;
export const ResearcherCitationsDocument = new TypedDocumentString(`
    query ResearcherCitations($slug: String!, $format: CitationFormat!) {
  researcher(slug: $slug) {
    citations(format: $format)
    publications(first: 100) {
      totalCount
      nodes {
        title
        year
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ResearcherCitationsQuery, ResearcherCitationsQueryVariables>;
export const CitationDownloadsDocument = new TypedDocumentString(`
    query CitationDownloads($slug: String!) {
  researcher(slug: $slug) {
    bib: citations(format: BIBTEX)
    ris: citations(format: RIS)
    json: citations(format: CSL_JSON)
  }
}
    `) as unknown as TypedDocumentString<CitationDownloadsQuery, CitationDownloadsQueryVariables>;
export const AllCitationsDocument = new TypedDocumentString(`
    query AllCitations($n: Int) {
  researchers(first: $n) {
    nodes {
      citations(format: BIBTEX)
    }
  }
}
    `) as unknown as TypedDocumentString<AllCitationsQuery, AllCitationsQueryVariables>;
export const FacetsDocument = new TypedDocumentString(`
    query Facets($filter: PublicationFilter, $first: Int, $authors: Int) {
  publications(filter: $filter, first: $first) {
    totalCount
    nodes {
      title
    }
    facets {
      years {
        year
        count
      }
      topics {
        topic {
          slug
        }
        count
      }
      authors(first: $authors) {
        researcher {
          slug
        }
        count
      }
      withCode
    }
  }
}
    `) as unknown as TypedDocumentString<FacetsQuery, FacetsQueryVariables>;
export const FacetsPageOnlyDocument = new TypedDocumentString(`
    query FacetsPageOnly($first: Int) {
  publications(first: $first) {
    nodes {
      title
    }
  }
}
    `) as unknown as TypedDocumentString<FacetsPageOnlyQuery, FacetsPageOnlyQueryVariables>;
export const FacetsYearsDocument = new TypedDocumentString(`
    query FacetsYears($first: Int) {
  publications(first: $first) {
    nodes {
      title
    }
    facets {
      years {
        year
        count
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FacetsYearsQuery, FacetsYearsQueryVariables>;
export const FacetsTopicsDocument = new TypedDocumentString(`
    query FacetsTopics($first: Int) {
  publications(first: $first) {
    nodes {
      title
    }
    facets {
      topics {
        topic {
          name
        }
        count
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FacetsTopicsQuery, FacetsTopicsQueryVariables>;
export const FacetsAuthorsDocument = new TypedDocumentString(`
    query FacetsAuthors($first: Int) {
  publications(first: $first) {
    nodes {
      title
    }
    facets {
      authors {
        researcher {
          name
        }
        count
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FacetsAuthorsQuery, FacetsAuthorsQueryVariables>;
export const FacetsWithCodeDocument = new TypedDocumentString(`
    query FacetsWithCode($first: Int) {
  publications(first: $first) {
    nodes {
      title
    }
    facets {
      withCode
    }
  }
}
    `) as unknown as TypedDocumentString<FacetsWithCodeQuery, FacetsWithCodeQueryVariables>;
export const FacetsAllDocument = new TypedDocumentString(`
    query FacetsAll($first: Int) {
  publications(first: $first) {
    nodes {
      title
    }
    facets {
      years {
        year
        count
      }
      topics {
        topic {
          name
        }
        count
      }
      authors(first: 5) {
        researcher {
          name
        }
        count
      }
      withCode
    }
  }
}
    `) as unknown as TypedDocumentString<FacetsAllQuery, FacetsAllQueryVariables>;
export const ResearcherCountDocument = new TypedDocumentString(`
    query ResearcherCount {
  researchers {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<ResearcherCountQuery, ResearcherCountQueryVariables>;