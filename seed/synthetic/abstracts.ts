import type { Random } from './random.js';
import * as words from './words.js';

/**
 * Abstracts in the register of the lab's real ones: a problem, a method, an
 * analysis, results on named benchmarks, a conclusion; about a hundred words,
 * so that a line always reads as an abstract, never as a title.
 */

/** `Graph Neural Networks` → `graph neural networks`; acronyms and names such as CrossSplit keep their case. */
function lower(phrase: string): string {
  return phrase
    .split(' ')
    .map((word) => (/^\p{Lu}[\p{Ll}-]*$/u.test(word) ? word.toLowerCase() : word))
    .join(' ');
}

/** `a robust…`, `an adaptive…` */
const article = (word: string) => `${/^[aeiou]/u.test(word) ? 'an' : 'a'} ${word}`;

const capitalise = (sentence: string) => sentence.charAt(0).toUpperCase() + sentence.slice(1);

export function makeAbstract(random: Random, method: string): string {
  const r = random;
  const openings = [
    () => `Training ${lower(r.pick(words.models))} is ${r.pick(words.difficulties)} when ${r.pick(words.situations)}.`,
    () => `Handling ${lower(r.pick(words.objects))} is a central obstacle for ${lower(r.pick(words.tasks))}.`,
    () => `Recent work on ${lower(r.pick(words.tasks))} relies on ${lower(r.pick(words.techniques))}, which is ${r.pick(words.difficulties)} when ${r.pick(words.situations)}.`,
  ];
  const proposals = [
    () => `We propose ${method}, ${article(lower(r.pick(words.adjectives)))} method that ${r.pick(words.mechanisms)}.`,
    () => `In this paper, we introduce ${method}, which ${r.pick(words.mechanisms)}.`,
    () => `To address this, we study the ${lower(r.pick(words.properties))} of ${lower(r.pick(words.models))} and show that ${r.pick(words.findings)}.`,
  ];
  const analyses = [
    () => `Unlike prior approaches, ${method} ${r.pick(words.mechanisms)} without extra supervision.`,
    () => `We analyse the ${lower(r.pick(words.properties))} of the resulting models and find that ${r.pick(words.findings)}.`,
    () => `Our analysis relates ${lower(r.pick(words.objects))} to the ${lower(r.pick(words.properties))} of ${lower(r.pick(words.models))}.`,
    () => `Theoretical results on ${lower(r.pick(words.models))} support these observations.`,
    () => `The method adds little overhead and is easy to combine with ${lower(r.pick(words.techniques))}.`,
  ];
  const results = () => {
    const [a, b, c] = r.shuffle(words.datasets);
    return `Experiments on ${a}, ${b} and ${c} show that ${method} improves accuracy by up to ${r.int(1, 9)}.${r.int(0, 9)} points over strong baselines.`;
  };
  const conclusion = () => `These results suggest that ${r.pick(words.conclusions)}.`;

  const sentences = [r.pick(openings)(), r.pick(proposals)()];
  for (const analysis of r.shuffle(analyses).slice(0, r.int(1, 3))) sentences.push(analysis());
  sentences.push(results());
  if (r.chance(0.6)) sentences.push(conclusion());
  return sentences.map(capitalise).join(' ');
}

/** The sentence that gives a paper its code link, and the link. */
export function makeCodeSentence(random: Random, owner: string, method: string): { sentence: string; url: string } {
  const url = `${random.pick(words.hosts)}/${owner}/${method.toLowerCase()}`;
  return { sentence: random.pick(words.codeSentences)(url), url };
}
