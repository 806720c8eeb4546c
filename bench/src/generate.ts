import { makeAbstract } from '../../seed/synthetic/abstracts.js';
import { NameSource } from '../../seed/synthetic/names.js';
import { Random } from '../../seed/synthetic/random.js';
import { makeTitle, methodName } from '../../seed/synthetic/titles.js';
import { organisations } from '../../seed/synthetic/words.js';
import { foldCase, nameKey, slugify, titleKey } from '../../src/modules/shared/text.js';
import type { Scale } from './scales.js';

/**
 * The benchmark's data, drawn from a seeded generator so that a scale always
 * gives the same rows on any machine. Shapes follow the lab's real pages:
 * a tenth of the people are members with a profile (a position, an
 * organisation, 1–4 topics) and write most of the papers; a paper has 1–15
 * authors with a long tail (most have 2–5), 1–4 topics, a year for 9 in 10,
 * and an abstract of 100–300 words. Words come from seed/synthetic, the
 * generator of the importer's synthetic lab.
 */

export const GENERATOR_VERSION = 1;

export interface ResearcherRow {
  id: number;
  slug: string;
  name: string;
  nameKey: string;
  searchKey: string;
  /** Index into the vocabulary's positions (members only). */
  position: number | null;
  organization: string | null;
  isMember: boolean;
  /** Indexes into the vocabulary's topics (members only). */
  topics: number[];
}

export interface PublicationRow {
  id: number;
  title: string;
  titleKey: string;
  abstract: string;
  year: number | null;
  /** Researcher ids in author order. */
  authors: number[];
  /** Indexes into the vocabulary's topics. */
  topics: number[];
}

export interface Dataset {
  researchers: ResearcherRow[];
  /** Papers, produced lazily: at scale L their abstracts alone weigh hundreds of megabytes. */
  publications(): Generator<PublicationRow>;
}

const MEMBER_SHARE = 0.1;

/** `count` distinct indexes below `size`, drawn with `draw`. */
function distinct(count: number, size: number, draw: () => number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, size)) chosen.add(draw());
  return [...chosen];
}

/** An abstract of 100–300 words: whole generated paragraphs until the length is reached, cut at a sentence end. */
export function abstractOfLength(random: Random, method: string, words: number): string {
  const sentences: string[] = [];
  let length = 0;
  while (length < words) {
    for (const sentence of makeAbstract(random, method).split(/(?<=\.) /u)) {
      sentences.push(sentence);
      length += sentence.split(' ').length;
      if (length >= words) break;
    }
  }
  return sentences.join(' ');
}

/** A year for 9 papers in 10, more of them recent (as a lab's list grows); null otherwise. */
function yearOf(random: Random): number | null {
  if (random.chance(0.1)) return null;
  return 2026 - Math.min(30, Math.floor(Math.abs(random.normal()) * 8));
}

export function generateDataset(scale: Scale, topicCount: number, positionCount: number, seed = 13): Dataset {
  const random = new Random(seed);
  const names = new NameSource(random);
  const members = Math.round(scale.researchers * MEMBER_SHARE);
  const researchers: ResearcherRow[] = [];
  for (let id = 1; id <= scale.researchers; id += 1) {
    const name = names.next();
    const isMember = id <= members;
    researchers.push({
      id,
      slug: slugify(name),
      name,
      nameKey: nameKey(name),
      searchKey: foldCase(name),
      position: isMember ? random.int(0, positionCount - 1) : null,
      organization: isMember || random.chance(0.3) ? random.pick(organisations) : null,
      isMember,
      topics: isMember ? distinct(random.int(1, 4), topicCount, () => random.int(0, topicCount - 1)) : [],
    });
  }
  // Authors: a member first on most papers, then co-authors drawn with a
  // skew (u² favours low ids, where members are), so a few people write a lot.
  const author = () => 1 + Math.floor(scale.researchers * random.next() ** 2);
  const member = () => random.int(1, members);

  function* publications(): Generator<PublicationRow> {
    const taken = new Set<string>();
    for (let id = 1; id <= scale.publications; id += 1) {
      const method = methodName(random);
      let title = makeTitle(random, method);
      // Templates repeat at 200,000 papers: redraw a few times, then number the part.
      for (let attempt = 0; taken.has(titleKey(title)) && attempt < 3; attempt += 1) title = makeTitle(random, methodName(random));
      for (let part = 2; taken.has(titleKey(title)); part += 1) title = `${title.replace(/, Part \d+$/u, '')}, Part ${part}`;
      taken.add(titleKey(title));
      const authorCount = random.longTail(3.5, 0.6, 1, 15);
      const authors = new Set([member()]);
      while (authors.size < authorCount) authors.add(author());
      yield {
        id,
        title,
        titleKey: titleKey(title),
        abstract: abstractOfLength(random, method, random.int(100, 300)),
        year: yearOf(random),
        authors: [...authors],
        topics: distinct(random.int(1, 4), topicCount, () => random.int(0, topicCount - 1)),
      };
    }
  }
  return { researchers, publications };
}
