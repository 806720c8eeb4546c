import { foldCase } from '../shared/text.js';

// Words that never make a key's title part: "On the Limits of…" is `limits`.
const stopWords = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'at', 'to', 'for', 'and', 'or', 'with', 'by', 'from']);

/** Lower-case ASCII letters and digits only: `Lévesque` → `levesque`, `Shea-Brown` → `sheabrown`. */
function asciiWord(text: string): string {
  return foldCase(text).replace(/[^a-z0-9]+/g, '');
}

/** The first word of a title that is not a stop word, folded to ASCII. */
function firstSignificantWord(title: string): string {
  const words = foldCase(title).split(/[^a-z0-9]+/).filter(Boolean);
  return words.find((word) => !stopWords.has(word)) ?? words[0] ?? '';
}

/**
 * A readable BibTeX key: the first author's family name, the year (or `nd`),
 * the first significant word of the title: `baratin2024torque`.
 */
export function citationKey(firstAuthorFamily: string | undefined, year: number | null, title: string): string {
  const author = asciiWord(firstAuthorFamily ?? '') || 'anon';
  return `${author}${year ?? 'nd'}${firstSignificantWord(title)}`;
}

/** Letter suffixes: a … z, then aa, ab … */
function suffix(index: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return index < letters.length ? letters[index]! : `${suffix(Math.floor(index / letters.length) - 1)}${letters[index % letters.length]!}`;
}

/**
 * Unique keys within one export: papers that share a key get `a`, `b`, `c`…
 * in id order, so the same papers always get the same keys whatever order
 * the export lists them in. A suffixed key that another paper already has
 * naturally moves on to the next letter.
 */
export function uniqueKeys(papers: readonly { id: number; key: string }[]): Map<number, string> {
  const byKey = new Map<string, number[]>();
  for (const { id, key } of papers) byKey.set(key, [...(byKey.get(key) ?? []), id]);
  const taken = new Set(byKey.keys());
  const keys = new Map<number, string>();
  for (const [key, ids] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (ids.length === 1) {
      keys.set(ids[0]!, key);
      continue;
    }
    let next = 0;
    for (const id of [...ids].sort((a, b) => a - b)) {
      let candidate: string;
      do candidate = `${key}${suffix(next++)}`;
      while (taken.has(candidate));
      taken.add(candidate);
      keys.set(id, candidate);
    }
  }
  return keys;
}
