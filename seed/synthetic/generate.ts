import { nameKey, slugify, titleKey } from '../../src/modules/shared/text.js';
import type { ParsedProfile, ParsedPublication } from '../parser.js';
import { loadVocabulary, type Vocabulary, type VocabularyEntry } from '../vocabulary.js';
import { makeAbstract, makeCodeSentence } from './abstracts.js';
import { familyName, NameSource, spellingVariant } from './names.js';
import { Random } from './random.js';
import { makeTitle, methodName, titleVariant } from './titles.js';
import * as words from './words.js';

/**
 * A synthetic lab in the seed's profile format (DESIGN section 2), the input
 * of the scale tests and of `npm run import:scale`. The same options always
 * give the same files, byte for byte.
 *
 * Each profile comes with the profile the parser must read from it (its
 * `planned` twin), so a test can check that every generated line parses the
 * way it was meant: a title as a title, a name as a co-author, an abstract
 * with its cuts joined.
 */

export interface LabOptions {
  members: number;
  seed?: number;
}

export interface GeneratedFile {
  /** `0001_elise-tremblay.txt` */
  name: string;
  text: string;
}

export interface LabSummary {
  members: number;
  /** Distinct papers (by the importer's title key). */
  papers: number;
  /** Entries on all the pages: a paper shared by three members counts three times. */
  listings: number;
  /** Distinct co-authors named on some page who have no profile. */
  coauthorsWithoutProfile: number;
}

export interface GeneratedLab {
  files: GeneratedFile[];
  /** What the parser must read from each file, in the same order. */
  planned: ParsedProfile[];
  summary: LabSummary;
}

/** The shape of the lab: tuned so that 1,000 members give about 15,000 papers and 100,000 rows. */
const shape = {
  papersPerMember: 15,
  papersTailSigma: 0.9,
  maxPapersPerMember: 150,
  /** How many other members also list a paper: none, one, two, three. */
  sharedWith: [78, 17, 4, 1],
  /** Co-authors without a profile on a paper. */
  outsideCoauthors: [30, 30, 20, 12, 8],
  outsidePoolPerMember: 3,
  outsideCirclePerMember: 8,
  collaboratorsPerMember: 6,
  codeLink: 0.2,
  /** A page that lists a paper without its co-authors (the seed page does, for most entries). */
  noCoauthorsShown: 0.25,
  spellingVariant: 0.05,
  titleVariant: 0.1,
  noAbstract: 0.07,
  truncatedForGood: 0.07,
  seeMoreCut: 0.9,
  unknownTopic: 0.04,
} as const;

type Language = 'en' | 'fr';

const labels = {
  en: { portrait: 'Portrait of', topics: 'Research Topics', seeMore: '… (see more)' },
  fr: { portrait: 'Portrait de', topics: 'Sujets de recherche', seeMore: '… (voir plus)' },
} as const;

interface Person {
  name: string;
  memberIndex: number | null;
}

interface Member {
  person: Person;
  language: Language;
  position: VocabularyEntry;
  organization: string | null;
  roles: VocabularyEntry[];
  topics: VocabularyEntry[];
  unknownTopic: number | null;
  papers: Paper[];
}

interface Paper {
  title: string;
  authors: Person[];
  /** The full abstract, code sentence included. */
  abstract: string;
  /** Where the code sentence starts (abstract.length when there is none). */
  bodyLength: number;
  codeUrl: string | null;
}

export function generateLab({ members: memberCount, seed = 42 }: LabOptions, vocabulary: Vocabulary = loadVocabulary()): GeneratedLab {
  if (!Number.isInteger(memberCount) || memberCount < 1) throw new RangeError(`members must be a positive integer, got ${memberCount}`);
  const random = new Random(seed);
  const names = new NameSource(random);

  const members = makeMembers(random, names, memberCount, vocabulary);
  const outsiders: Person[] = Array.from({ length: memberCount * shape.outsidePoolPerMember }, () => ({ name: names.next(), memberIndex: null }));
  makePapers(random, members, outsiders);

  const files: GeneratedFile[] = [];
  const planned: ParsedProfile[] = [];
  const outsideNamed = new Set<string>();
  let listings = 0;
  const width = Math.max(4, String(memberCount).length);
  members.forEach((member, index) => {
    const { text, profile } = renderProfile(random, member);
    files.push({ name: `${String(index + 1).padStart(width, '0')}_${slugify(member.person.name)}.txt`, text });
    planned.push(profile);
    listings += profile.publications.length;
    for (const publication of profile.publications) for (const coauthor of publication.coauthors) outsideNamed.add(nameKey(coauthor));
  });
  for (const member of members) outsideNamed.delete(nameKey(member.person.name));
  const papers = new Set(members.flatMap((member) => member.papers.map((paper) => titleKey(paper.title))));
  return { files, planned, summary: { members: memberCount, papers: papers.size, listings, coauthorsWithoutProfile: outsideNamed.size } };
}

function makeMembers(random: Random, names: NameSource, count: number, vocabulary: Vocabulary): Member[] {
  return Array.from({ length: count }, (_, memberIndex) => {
    const topicCount = 1 + random.weighted([35, 35, 20, 10]);
    const roles = [[], [vocabulary.roles[0]!], [vocabulary.roles[1]!], vocabulary.roles.slice(0, 2)][random.weighted([40, 35, 10, 15])]!;
    return {
      person: { name: names.next(), memberIndex },
      language: random.chance(0.5) ? 'fr' : 'en',
      position: random.pick(vocabulary.positions),
      organization: random.chance(0.95) ? random.pick(words.organisations) : null,
      roles,
      topics: random.shuffle(vocabulary.topics).slice(0, topicCount),
      unknownTopic: random.chance(shape.unknownTopic) ? random.int(0, words.unknownTopics.en.length - 1) : null,
      papers: [],
    };
  });
}

/** Each member writes papers with a few usual collaborators (members sharing a topic) and outside co-authors. */
function makePapers(random: Random, members: Member[], outsiders: Person[]): void {
  const byTopic = new Map<string, number[]>();
  members.forEach((member, index) => {
    for (const topic of member.topics) byTopic.set(topic.key, [...(byTopic.get(topic.key) ?? []), index]);
  });
  const titles = new Set<string>();
  members.forEach((member, index) => {
    const peers = Array.from({ length: shape.collaboratorsPerMember }, () =>
      random.chance(0.7) ? random.pick(byTopic.get(random.pick(member.topics).key)!) : random.int(0, members.length - 1),
    );
    const collaborators = [...new Set(peers)].filter((peer) => peer !== index).map((peer) => members[peer]!);
    const circle = Array.from({ length: shape.outsideCirclePerMember }, () => random.pick(outsiders));
    const count = random.longTail(shape.papersPerMember, shape.papersTailSigma, 1, shape.maxPapersPerMember);
    for (let n = 0; n < count; n += 1) {
      const method = methodName(random);
      let title = makeTitle(random, method);
      for (let attempt = 0; titles.has(titleKey(title)); attempt += 1) {
        if (attempt > 1_000) throw new Error(`ran out of distinct titles after ${titles.size}: add words to seed/synthetic/words.ts`);
        title = makeTitle(random, method);
      }
      titles.add(titleKey(title));

      const coMembers = random.shuffle(collaborators).slice(0, random.weighted(shape.sharedWith));
      const outside = [...new Set(Array.from({ length: random.weighted(shape.outsideCoauthors) }, () => random.chance(0.8) ? random.pick(circle) : random.pick(outsiders)))];
      const others = random.shuffle([...coMembers.map((peer) => peer.person), ...outside]);
      // The member leads the paper, closes it as the senior author, or sits anywhere.
      const place = random.weighted([40, 30, 30]);
      const at = place === 0 ? 0 : place === 1 ? others.length : random.int(0, others.length);
      const authors = [...others.slice(0, at), member.person, ...others.slice(at)];

      let abstract = makeAbstract(random, method);
      const bodyLength = abstract.length;
      let codeUrl: string | null = null;
      if (random.chance(shape.codeLink)) {
        const code = makeCodeSentence(random, `${slugify(familyName(member.person.name))}-lab`, method);
        abstract = `${abstract} ${code.sentence}`;
        codeUrl = code.url;
      }
      const paper: Paper = { title, authors, abstract, bodyLength, codeUrl };
      member.papers.push(paper);
      for (const peer of coMembers) peer.papers.push(paper);
    }
  });
}

/** The page's text and the profile the parser must read from it. */
function renderProfile(random: Random, member: Member): { text: string; profile: ParsedProfile } {
  const { language } = member;
  const label = labels[language];
  const name = member.person.name;
  const topics = member.topics.map((topic) => topic[language]);
  if (member.unknownTopic !== null) topics.push(words.unknownTopics[language][member.unknownTopic]!);
  const roles = member.roles.map((role) => role[language]);
  const position = member.position[language];

  const lines = [`${label.portrait} ${name}`, '', name, '', member.organization ? `${position} - ${member.organization}` : position, ...roles, label.topics, ...topics, '', 'Publications', ''];
  const publications: ParsedPublication[] = [];
  for (const paper of random.shuffle(member.papers)) {
    const title = random.chance(shape.titleVariant) ? titleVariant(random, paper.title) : paper.title;
    const line = lines.push(title);
    const shared = paper.authors.some((author) => author.memberIndex !== null && author !== member.person);
    const coauthors =
      random.chance(shared ? shape.noCoauthorsShown / 2 : shape.noCoauthorsShown) ? [] : paper.authors.filter((author) => author !== member.person).map((author) => spell(random, author));
    lines.push(...coauthors);
    const entry = renderAbstract(random, paper, label.seeMore);
    if (entry.line !== null) lines.push(entry.line);
    publications.push({ line, title, coauthors, abstract: entry.abstract, abstractTruncated: entry.truncated, codeUrl: entry.codeUrl });
  }
  return {
    text: `${lines.join('\n')}\n`,
    profile: { language, name, position, organization: member.organization, roles, topics, publications, warnings: [] },
  };
}

/** Members keep their spelling; an outside co-author is sometimes in capitals or without accents on one page. */
function spell(random: Random, person: Person): string {
  return person.memberIndex === null && random.chance(shape.spellingVariant) ? spellingVariant(random, person.name) : person.name;
}

interface RenderedAbstract {
  line: string | null;
  abstract: string | null;
  truncated: boolean;
  codeUrl: string | null;
}

/**
 * The abstract as the page shows it: usually cut by a "see more" about 140
 * characters in (sometimes inside a word), sometimes truncated for good
 * (ending in `…`, code sentence lost), sometimes missing.
 */
function renderAbstract(random: Random, paper: Paper, seeMore: string): RenderedAbstract {
  const draw = random.next();
  if (draw < shape.noAbstract) return { line: null, abstract: null, truncated: false, codeUrl: null };
  let visible = paper.abstract;
  let truncated = false;
  if (draw < shape.noAbstract + shape.truncatedForGood) {
    // Truncated inside the body, either inside a word (`mappi…`) or after one (`mappings with …`).
    const end = random.int(Math.min(200, paper.bodyLength - 40), paper.bodyLength - 20);
    const cut = paper.abstract.slice(0, end);
    visible = random.chance(0.5) ? `${cut.trimEnd()}…` : `${cut.slice(0, cut.lastIndexOf(' '))} …`;
    truncated = true;
  }
  const line = random.chance(shape.seeMoreCut) ? insertAt(visible, random.int(120, 160), seeMore) : visible;
  return { line, abstract: visible, truncated, codeUrl: truncated ? null : paper.codeUrl };
}

const insertAt = (text: string, index: number, insert: string) => `${text.slice(0, index)}${insert}${text.slice(index)}`;
