import { badUserInput } from './errors.js';

/**
 * Bounds of a search string. A long full-text query costs the database time
 * in proportion to its terms (and 96 kB of prefix terms overflow
 * PostgreSQL's stack); no real search needs more than this.
 */
export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_TERMS = 20;

/** The search text, trimmed, or null when there is none; refuses one over the bounds. */
export function readSearch(value: string | null | undefined, argumentName: string): string | null {
  const search = value?.trim();
  if (!search) return null;
  if (search.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(`Argument "${argumentName}" is ${search.length} characters long; at most ${MAX_SEARCH_LENGTH} are allowed.`, argumentName);
  }
  const terms = search.split(/\s+/u).length;
  if (terms > MAX_SEARCH_TERMS) {
    throw badUserInput(`Argument "${argumentName}" has ${terms} words; at most ${MAX_SEARCH_TERMS} are allowed.`, argumentName);
  }
  return search;
}
