import { nameKey } from '../../src/modules/shared/text.js';
import type { Random } from './random.js';
import * as words from './words.js';

/**
 * People's names: two to four capitalised words (hyphens, apostrophes and
 * accents as real pages have them), unique by the importer's name key so
 * that two generated people never fold into one.
 */

function makeName(random: Random): string {
  const first = random.pick(words.firstNames);
  const last = random.pick(words.lastNames);
  switch (random.weighted([70, 10, 8, 5, 7])) {
    case 0:
      return `${first} ${last}`;
    case 1:
      return `${first} ${random.pick(words.middleNames)} ${last}`;
    case 2:
      return `${first} ${last}-${random.pick(words.lastNames)}`;
    case 3:
      return `${first} ${random.pick(words.middleNames).charAt(0)}. ${last}`;
    default:
      return `${first} ${random.pick(words.middleNames)} ${last} ${random.pick(words.lastNames)}`;
  }
}

/** Hands out names never given before (by name key). */
export class NameSource {
  private readonly taken = new Set<string>();

  constructor(private readonly random: Random) {}

  next(): string {
    for (let attempt = 0; attempt < 10_000; attempt += 1) {
      const name = makeName(this.random).normalize('NFC');
      const key = nameKey(name);
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return name;
      }
    }
    throw new Error(`ran out of distinct names after ${this.taken.size}: add names to seed/synthetic/words.ts`);
  }
}

/** The last word of a name, for a lab's code host account (`o-neill-lab`). */
export function familyName(name: string): string {
  return name.split(' ').at(-1)!;
}

/**
 * How another page may spell the name: in capitals (`KELLER JORDAN`), or
 * without its accents; only spellings the importer folds back to the same
 * person (`Yılmaz` in capitals is `YILMAZ`, which folds to another key).
 */
export function spellingVariant(random: Random, name: string): string {
  const plain = name.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
  const variant = plain !== name && random.chance(0.6) ? plain : name.toUpperCase();
  return nameKey(variant) === nameKey(name) ? variant : name;
}
