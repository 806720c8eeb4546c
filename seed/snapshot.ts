import type { Provenance } from '../src/modules/shared/provenance.js';

/**
 * The rows an import works on, as the planner sees them: plain data with
 * database ids, read by the writer (seed/write.ts) in a handful of statements.
 * Only the rows the run can touch are here, not the whole database.
 */

/** A position, role or topic; `key` is the topic's slug for topics. */
export interface VocabularyRow {
  id: number;
  key: string;
  name: string;
  nameFr: string;
}

export interface ResearcherRow {
  id: number;
  nameKey: string;
  slug: string;
  name: string;
  aliases: string[];
  searchKey: string;
  isMember: boolean;
  positionId: number | null;
  organization: string | null;
  /** Which source set each field; 'curation' ones the import keeps. */
  provenance: Provenance;
}

export interface PublicationRow {
  id: number;
  titleKey: string;
  title: string;
  abstract: string | null;
  abstractTruncated: boolean;
  codeUrl: string | null;
  /** Which source set each field; 'curation' ones the import keeps. */
  provenance: Provenance;
  /** Hidden by an editor: the import never deletes it. */
  hidden: boolean;
}

export interface ListingRow {
  id: number;
  publicationId: number;
  ownerId: number;
  title: string;
  abstract: string | null;
  abstractTruncated: boolean;
  codeUrl: string | null;
  coauthorKeys: string[];
}

export interface AuthorshipRow {
  publicationId: number;
  researcherId: number;
  position: number;
}

export interface Snapshot {
  positions: VocabularyRow[];
  roles: VocabularyRow[];
  topics: VocabularyRow[];
  /**
   * The people the files name, everyone on the papers below, and every
   * co-author already left with no paper (so that the run deletes them).
   */
  researchers: ResearcherRow[];
  /** The papers the files list, and every paper the imported members listed before. */
  publications: PublicationRow[];
  /** Every listing of those papers, whoever's. */
  listings: ListingRow[];
  /** The authors of those papers. */
  authorships: AuthorshipRow[];
  publicationTopics: { publicationId: number; topicId: number }[];
  /** Roles of the imported members. */
  researcherRoles: { researcherId: number; roleId: number }[];
  /** Topics of the imported members and of every owner of a listing above. */
  researcherTopics: { researcherId: number; topicId: number }[];
  /** Per researcher above: how many papers outside this snapshot they author (absent: none). */
  otherAuthorships: Map<number, number>;
  /** Slugs already taken that a new researcher's slug could collide with. */
  takenSlugs: Set<string>;
  /** Name keys of researchers merged into another (mergeResearchers) -> the kept researcher's name key. */
  redirects: Map<string, string>;
}

export function emptySnapshot(): Snapshot {
  return {
    positions: [],
    roles: [],
    topics: [],
    researchers: [],
    publications: [],
    listings: [],
    authorships: [],
    publicationTopics: [],
    researcherRoles: [],
    researcherTopics: [],
    otherAuthorships: new Map(),
    takenSlugs: new Set(),
    redirects: new Map(),
  };
}
