import { cleanText } from '../shared/text.js';

/** A person's name as CSL-JSON writes it. */
export interface CslName {
  given?: string;
  family?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
}

// Lower-case words that start a family name ("Ludwig van Beethoven",
// "Jean de la Fontaine"). A capitalised one counts only with a family name
// after it ("Nicola De Cao"), never as the first word, which is a given name.
const particles = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'des', 'la', 'le', 'ten', 'ter', 'dos', 'das', 'bin', 'ibn', 'al', 'el']);
const suffixes = /^(jr\.?|sr\.?|ii|iii|iv)$/i;

/**
 * Splits a "First Last" name, as profiles write it, into CSL parts: the last
 * word is the family name, the particles just before it go with it, the rest
 * is the given name. A one-word name is a family name alone.
 */
export function splitName(name: string): CslName {
  const words = cleanText(name).split(' ').filter(Boolean);
  let suffix: string | undefined;
  if (words.length > 2 && suffixes.test(words.at(-1)!)) suffix = words.pop();
  // "Martin Luther King, Jr.": the comma belongs to the suffix, not the family name.
  const family = (words.pop() ?? '').replace(/,$/, '');
  let start = words.length;
  while (start > 1 && particles.has(words[start - 1]!.toLowerCase())) start -= 1;
  const particle = words.slice(start).join(' ');
  const given = words.slice(0, start).join(' ');
  return {
    ...(given ? { given } : {}),
    family,
    ...(particle ? { 'non-dropping-particle': particle } : {}),
    ...(suffix ? { suffix } : {}),
  };
}

/** The family name with its particle, as RIS writes it (citation-js's RIS output drops particles). */
export function familyWithParticle(name: CslName): CslName {
  const particle = name['non-dropping-particle'];
  if (!particle) return name;
  const { 'non-dropping-particle': _particle, ...rest } = name;
  return { ...rest, family: `${particle} ${name.family ?? ''}`.trim() };
}
