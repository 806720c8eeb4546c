import { badUserInput } from './errors.js';

/** How a filter argument's key (a slug, a role key) finds its row, and what to suggest when it finds none. */
export interface KeyLookup {
  /** What the key names, in the error: `topic`, `role`, `researcher`. */
  noun: string;
  find(key: string): Promise<{ id: number } | null>;
  /** The end of the error's sentence: the known keys, or where to find one. */
  hint(): Promise<string>;
}

/** The id of the row the key names, or a BAD_USER_INPUT error naming the argument and what would do. */
export async function requireId(lookup: KeyLookup, key: string, argumentName: string): Promise<number> {
  const row = await lookup.find(key);
  if (!row) throw badUserInput(`Unknown ${lookup.noun} "${key}" in ${argumentName}${await lookup.hint()}`, argumentName);
  return row.id;
}

/** A lookup whose error lists every known key (short vocabularies: topics, roles). */
export function lookupListingKeys(noun: string, find: KeyLookup['find'], knownKeys: () => Promise<string[]>): KeyLookup {
  return { noun, find, hint: async () => `. Known ${noun}s: ${(await knownKeys()).join(', ') || 'none yet'}.` };
}
