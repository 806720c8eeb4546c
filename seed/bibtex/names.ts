import { cleanText, foldCase, nameKey } from '../../src/modules/shared/text.js';

/**
 * Author names as BibTeX gives them, and the rules that match them to people.
 * Pure, unit-tested in test/unit/bibtexNames.test.ts.
 */

/** One author of an entry, split as BibTeX splits it (`von Last, Jr, First`). */
export interface BibName {
  /** Given names, as written (`Aristide`, `A.`, `R Devon`); empty for a one-part or institutional name. */
  given: string;
  /** Family name with its particle (`Le Roux`, `van der Berg`). */
  family: string;
  /** The name as a profile page writes it: `Given family suffix`. */
  display: string;
}

/** A name as the parser hands it (its `Creator`). */
export interface ParsedCreator {
  name?: string;
  lastName?: string;
  firstName?: string;
  prefix?: string;
  suffix?: string;
}

// NFC: the parser writes accents it decodes as combining marks (`e` + U+0301); a profile writes `é`.
const joinParts = (...parts: (string | undefined)[]) => cleanText(parts.map((part) => part ?? '').join(' '));

/**
 * A parser creator as a name, or null for `others` (BibTeX's "and others":
 * the list goes on, but names nobody).
 */
export function bibName(creator: ParsedCreator): BibName | null {
  if (creator.name !== undefined) {
    // A braced, institutional name (`{Google Research}`): one part.
    const display = joinParts(creator.name);
    return { given: '', family: display, display };
  }
  if (creator.lastName === 'others' && !creator.firstName && !creator.prefix) return null;
  const family = joinParts(creator.prefix, creator.lastName);
  const given = joinParts(creator.firstName);
  return { given, family, display: joinParts(given, family, creator.suffix) };
}

/** Words of a name part for comparison: folded, split at spaces, hyphens and dots (`P.-L.` → `p`, `l`). */
function words(part: string): string[] {
  return foldCase(part)
    .split(/[\s.\-‐]+/u)
    .map((word) => word.replace(/[^\p{L}\p{N}']/gu, ''))
    .filter((word) => word !== '');
}

/** `a` and `aristide` agree (an initial), as do equal words; `a` and `b` do not. */
function sameGivenWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1) return b.startsWith(a);
  if (b.length === 1) return a.startsWith(b);
  return false;
}

/**
 * True when a BibTeX name can be the person called `personName` (a profile's
 * `First Last`): the same last word of the family name, and given names that
 * agree word by word where both have one, initials standing for names
 * (`Baratin, A.` is `Aristide Baratin`; `Le Roux, Nicolas` is `Nicolas Roux`,
 * a particle the page left out). A looser rule than the name key's, so it is
 * only used among a paper's existing authors, and only when one of them fits.
 */
export function namesCompatible(name: BibName, personName: string): boolean {
  const family = words(name.family);
  const person = foldCase(personName).split(/\s+/u).filter((word) => word !== '');
  const personLast = words(person.at(-1) ?? '');
  if (family.length === 0 || personLast.length === 0) return false;
  // The last written word of the family name (`shea-brown`, not `brown`), compared whole.
  const lastOf = (text: string) => words(text.split(/\s+/u).at(-1) ?? '').join('-');
  if (lastOf(foldCase(name.family)) !== personLast.join('-')) return false;
  // The person's words before the family name: drop those that repeat the BibTeX family name's particles.
  const familyWords = new Set(family);
  let rest = person.slice(0, -1);
  while (rest.length > 0 && familyWords.has(words(rest.at(-1)!).join(''))) rest = rest.slice(0, -1);
  const given = words(name.given);
  const personGiven = rest.flatMap(words);
  if (given.length === 0 || personGiven.length === 0) return given.length === personGiven.length;
  const shared = Math.min(given.length, personGiven.length);
  for (let i = 0; i < shared; i += 1) if (!sameGivenWord(given[i]!, personGiven[i]!)) return false;
  return true;
}

/** The identity key of a BibTeX name: the profiles' key of its `First Last` form. */
export function bibNameKey(name: BibName): string {
  return nameKey(name.display);
}
