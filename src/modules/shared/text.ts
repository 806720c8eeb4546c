/**
 * Text normalisation shared by the importer (identity keys) and the API
 * (accent-insensitive search): the same folding on both sides.
 */

/** NFC, with every run of white space (including no-break spaces) made one space, trimmed. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Lower case, accents and other combining marks removed: `Élise` → `elise`. */
export function foldCase(text: string): string {
  return cleanText(text).normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Identity of a person: case, accents and spacing folded (`KELLER  Jordan` → `keller jordan`). */
export function nameKey(name: string): string {
  return foldCase(name).replace(/[^\p{L}\p{N}' -]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** Identity of a paper or label: also folds punctuation away (`Lookbehind-SAM: k Steps` → `lookbehind sam k steps`). */
export function titleKey(title: string): string {
  return foldCase(title)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** URL-safe identifier: `Noor Haddad-Lefebvre` → `noor-haddad-lefebvre`. */
export function slugify(text: string): string {
  return titleKey(text).replace(/ /g, '-');
}

/** Escapes LIKE wildcards so that user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}
