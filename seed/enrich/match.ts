import { nameKey, titleKey } from '../../src/modules/shared/text.js';
import { mapWork, type MappedWork, type OpenAlexWork, type WorkAuthor } from './work.js';

/**
 * Deciding whether a work found by a title search is the paper we have.
 * A work is a candidate only when its normalised title equals the paper's
 * (titleKey: case, accents, punctuation and spacing folded) and at least one
 * of its authors is one of the paper's. Exactly one candidate is a match;
 * two or more are ambiguous and nothing is written.
 */

/** One of the paper's authors: the researcher's names (name and every alias seen). */
export interface PaperAuthor {
  researcherId: number;
  names: string[];
}

/** Given names (or initials) and surname of a name key: `fred a hamprecht` → [fred, a], hamprecht. */
function nameParts(key: string): { given: string[]; surname: string } {
  const tokens = key.split(' ').filter((token) => token !== '');
  return { given: tokens.slice(0, -1), surname: tokens.at(-1) ?? '' };
}

/** `a` and `aristide`, or `aristide` and `aristide`: an initial stands for any name starting with it. */
function givenCompatible(a: string, b: string): boolean {
  const x = a.replace(/^-/u, '');
  const y = b.replace(/^-/u, '');
  if (x === '' || y === '' || x[0] !== y[0]) return false;
  return x.length === 1 || y.length === 1 || x === y;
}

/**
 * True when two names are the same person's: the same name key, or the same
 * surname and compatible given names, the first of each required
 * (`A. Baratin` ~ `Aristide Baratin`, `Nicolas Le Roux` ~ `Nicolas Roux`;
 * `Baratin` alone, with no given name, is not enough).
 */
export function sameAuthor(a: string, b: string): boolean {
  const keyA = nameKey(a);
  const keyB = nameKey(b);
  if (keyA === '' || keyB === '') return false;
  if (keyA === keyB) return true;
  const x = nameParts(keyA);
  const y = nameParts(keyB);
  if (x.surname !== y.surname || x.given.length === 0 || y.given.length === 0) return false;
  const shared = Math.min(x.given.length, y.given.length);
  for (let index = 0; index < shared; index++) if (!givenCompatible(x.given[index]!, y.given[index]!)) return false;
  return true;
}

/** A paper author and the work author that is the same person. */
export interface AuthorMatch {
  researcherId: number;
  author: WorkAuthor;
}

/**
 * Pairs each paper author with the work author that is them. A researcher
 * whom two work authors could both be (two `J. Smith`) is left unpaired:
 * guessing would give one of them the other's ORCID.
 */
export function matchAuthors(paperAuthors: PaperAuthor[], workAuthors: WorkAuthor[]): AuthorMatch[] {
  const matches: AuthorMatch[] = [];
  for (const paperAuthor of paperAuthors) {
    const exact = workAuthors.filter((author) => paperAuthor.names.some((name) => nameKey(name) === nameKey(author.name)));
    const found = exact.length > 0 ? exact : workAuthors.filter((author) => paperAuthor.names.some((name) => sameAuthor(name, author.name)));
    if (found.length === 1) matches.push({ researcherId: paperAuthor.researcherId, author: found[0]! });
  }
  return matches;
}

export type Verdict =
  | { outcome: 'matched'; work: MappedWork; authors: AuthorMatch[] }
  | { outcome: 'ambiguous'; candidates: string[] }
  | { outcome: 'not_found'; reason: string };

/** The paper being looked up. */
export interface PaperToMatch {
  title: string;
  authors: PaperAuthor[];
}

/** Judges a search's results against the paper (see the module comment). */
export function judge(paper: PaperToMatch, works: OpenAlexWork[]): Verdict {
  const key = titleKey(paper.title);
  const sameTitle = new Map<string, MappedWork>();
  for (const work of works) {
    const mapped = mapWork(work);
    if (titleKey(mapped.title) === key) sameTitle.set(mapped.fields.openAlexId, mapped);
  }
  if (sameTitle.size === 0) {
    return { outcome: 'not_found', reason: works.length === 0 ? 'no result' : `no result has this title (${works.length} looked at)` };
  }
  const candidates = [...sameTitle.values()]
    .map((work) => ({ work, authors: matchAuthors(paper.authors, work.authors) }))
    .filter((candidate) => candidate.authors.length > 0);
  if (candidates.length === 0) return { outcome: 'not_found', reason: 'a work has this title but none of its authors is the paper’s' };
  if (candidates.length > 1) return { outcome: 'ambiguous', candidates: candidates.map((candidate) => candidate.work.fields.openAlexId) };
  const [only] = candidates;
  return { outcome: 'matched', work: only!.work, authors: only!.authors };
}
