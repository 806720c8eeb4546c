import type { Random } from './random.js';
import * as words from './words.js';

/**
 * Paper titles that read like real ones. Every template has at least five
 * words and a lowercase connecting word (for, of, with, in, via…) that no
 * name has, so a title line can never be read as a co-author line; some
 * have a colon as well.
 */
const templates: ((random: Random, method: string) => string)[] = [
  (r, m) => `${m}: ${r.pick(words.gerunds)} ${r.pick(words.objects)} through ${r.pick(words.techniques)}`,
  (r, m) => `${m}: ${r.pick(words.adjectives)} ${r.pick(words.techniques)} for ${r.pick(words.tasks)}`,
  (r) => `On the ${r.pick(words.properties)} of ${r.pick(words.models)} in ${r.pick(words.tasks)}`,
  (r) => `${r.pick(words.gerunds)} ${r.pick(words.objects)} in ${r.pick(words.models)} with ${r.pick(words.techniques)}`,
  (r) => `How ${r.pick(words.factors)} Shape ${r.pick(words.properties)} in ${r.pick(words.models)}`,
  (r) => `Towards ${r.pick(words.adjectives)} ${r.pick(words.tasks)} via ${r.pick(words.techniques)}`,
  (r) => `${r.pick(words.adjectives)} ${r.pick(words.techniques)} for ${r.pick(words.tasks)} under ${r.pick(words.conditions)}`,
  (r) => `Learning to ${r.pick(words.verbs)} ${r.pick(words.objects)} from ${r.pick(words.sources)}`,
  (r) => `${article(r.pick(words.adjectives))} View of ${r.pick(words.properties)} in ${r.pick(words.models)}`,
  (r) => `Beyond ${r.pick(words.objects)}: ${r.pick(words.adjectives)} ${r.pick(words.techniques)} for ${r.pick(words.models)}`,
  (r) => `${r.pick(words.gerunds)} the ${r.pick(words.properties)} of ${r.pick(words.models)} on ${r.pick(words.tasks)}`,
];

/** `A Robust…`, `An Adaptive…` */
function article(word: string): string {
  return `${/^[AEIOU]/u.test(word) ? 'An' : 'A'} ${word}`;
}

/** A made-up method name such as CrossSplit. */
export function methodName(random: Random): string {
  return `${random.pick(words.methodHeads)}${random.pick(words.methodTails)}`;
}

export function makeTitle(random: Random, method: string): string {
  return random.pick(templates)(random, method);
}

/**
 * The same title as another page may spell it; the importer folds these
 * together (its title key ignores case and punctuation):
 * sentence case, a hyphen written as a space, or a final period.
 */
export function titleVariant(random: Random, title: string): string {
  switch (random.int(0, 2)) {
    case 0:
      // Sentence case: words with a single leading capital are lowered; acronyms and names like CrossSplit stay.
      return title
        .split(' ')
        .map((word, i) => (i > 0 && /^\p{Lu}[\p{Ll}-]*$/u.test(word) ? word.toLowerCase() : word))
        .join(' ');
    case 1:
      if (title.includes('-')) return title.replace('-', ' ');
      return withPeriod(title);
    default:
      return withPeriod(title);
  }
}

/** A final period, only on titles too short to be read as a sentence of an abstract. */
function withPeriod(title: string): string {
  return title.split(' ').length < 10 ? `${title}.` : title;
}
