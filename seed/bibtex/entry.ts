import { cleanText, titleKey } from '../../src/modules/shared/text.js';
import { bibName, type BibName, type ParsedCreator } from './names.js';

/**
 * One BibTeX entry turned into what the import uses: the paper's title, the
 * fields it fills (year, venue, DOI, arXiv id, URL) and its authors. Pure,
 * unit-tested in test/unit/bibtexEntry.test.ts.
 */

export interface Reference {
  file: string;
  /** Line of the entry's `@type{key`. */
  line: number;
  key: string;
  title: string;
  titleKey: string;
  year: number | null;
  venue: string | null;
  doi: string | null;
  arxivId: string | null;
  url: string | null;
  /** The named authors in order (`and others` names nobody and is left out). */
  authors: BibName[];
}

/** The fields a reference fills on a publication, by their API names. */
export const referenceFields = ['year', 'venue', 'doi', 'arxivId', 'url'] as const;
export type ReferenceField = (typeof referenceFields)[number];

/** An entry as the parser returns it: text fields, and creator lists for names. */
export interface ParsedEntry {
  type: string;
  key: string;
  fields: Record<string, unknown>;
}

/** What is wrong with an entry; the reader adds the file and line. */
export class EntryError extends Error {}

const text = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const cleaned = cleanText(value);
  return cleaned === '' ? null : cleaned;
};

/** Years a publication can have: four digits, not in the future by more than a year. */
function parseYear(value: string | null, key: string): number | null {
  if (value === null) return null;
  const year = /^\d{4}$/u.test(value) ? Number(value) : NaN;
  const latest = new Date().getUTCFullYear() + 1;
  if (!(year >= 1000 && year <= latest)) throw new EntryError(`entry ${key}: the year ${JSON.stringify(value)} is not a year (four digits, at most ${latest})`);
  return year;
}

/** A DOI without its resolver or `doi:` prefix: `https://doi.org/10.1/X` → `10.1/X`. */
export function normalizeDoi(value: string | null, key: string): string | null {
  if (value === null) return null;
  const doi = value.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/iu, '').trim();
  if (!/^10\.\d{4,9}\/\S+$/u.test(doi)) throw new EntryError(`entry ${key}: the DOI ${JSON.stringify(value)} is not a DOI (10.<prefix>/<suffix>)`);
  return doi;
}

// New-style (2307.16704, 2307.16704v2) and old-style (hep-th/9901001) arXiv ids; the version is dropped.
const ARXIV_ID = String.raw`(\d{4}\.\d{4,5}|[a-z][a-z.-]*\/\d{7})(?:v\d+)?`;
const bareArxivId = new RegExp(`^(?:arxiv:\\s*)?${ARXIV_ID}$`, 'iu');
const arxivUrl = new RegExp(`^https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/${ARXIV_ID}(?:\\.pdf)?/?$`, 'iu');
const arxivJournal = new RegExp(`^arxiv preprint,? arxiv:\\s*${ARXIV_ID}$`, 'iu');

/**
 * The arXiv id an entry gives: `eprint` with `archivePrefix` (or biblatex's
 * `eprinttype`) arXiv, an arxiv.org URL, or Google Scholar's
 * `journal = {arXiv preprint arXiv:2307.16704}`.
 */
export function arxivIdOf(fields: Record<string, string | null>, key: string): string | null {
  const archive = (fields.archiveprefix ?? fields.eprinttype ?? '').toLowerCase();
  if (fields.eprint && archive === 'arxiv') {
    const match = bareArxivId.exec(fields.eprint);
    if (!match) throw new EntryError(`entry ${key}: the arXiv eprint ${JSON.stringify(fields.eprint)} is not an arXiv id (2307.16704 or hep-th/9901001)`);
    return match[1]!;
  }
  return arxivUrl.exec(fields.url ?? '')?.[1] ?? arxivJournal.exec(fields.journal ?? '')?.[1] ?? null;
}

/** Journal or booktitle; Google Scholar's `arXiv preprint arXiv:<id>` is the venue `arXiv preprint` (the id is the arXiv id). */
function venueOf(fields: Record<string, string | null>): string | null {
  const venue = fields.journal ?? fields.booktitle ?? null;
  return venue !== null && arxivJournal.test(venue) ? 'arXiv preprint' : venue;
}

/** An http(s) URL, or an error: the API shows it as a link. */
function urlOf(value: string | null, key: string): string | null {
  if (value === null) return null;
  if (!/^https?:\/\/\S+$/iu.test(value)) throw new EntryError(`entry ${key}: the url ${JSON.stringify(value)} is not an http(s) URL`);
  return value;
}

/** The reference an entry gives, or an EntryError saying what is wrong with it. */
export function toReference(entry: ParsedEntry, file: string, line: number): Reference {
  const fields: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(entry.fields)) fields[name.toLowerCase()] = text(value);
  const title = fields.title;
  if (title == null) throw new EntryError(`entry ${entry.key} has no title: every entry needs one to be matched to a paper`);
  if (!/[\p{L}\p{N}]/u.test(title)) throw new EntryError(`entry ${entry.key}: the title ${JSON.stringify(title)} has no letter or digit: it cannot identify a paper`);
  const creators = Array.isArray(entry.fields.author) ? (entry.fields.author as ParsedCreator[]) : [];
  const authors = creators.map(bibName).filter((name): name is BibName => name !== null);
  const nameless = authors.find((name) => !/\p{L}/u.test(name.display));
  if (nameless) throw new EntryError(`entry ${entry.key}: the author ${JSON.stringify(nameless.display)} has no letter in the name: it cannot identify a person`);
  return {
    file,
    line,
    key: entry.key,
    title,
    titleKey: titleKey(title),
    year: parseYear(fields.year ?? null, entry.key),
    venue: venueOf(fields),
    doi: normalizeDoi(fields.doi ?? null, entry.key),
    arxivId: arxivIdOf(fields, entry.key),
    url: urlOf(fields.url ?? null, entry.key),
    authors,
  };
}
