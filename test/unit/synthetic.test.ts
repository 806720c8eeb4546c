import { describe, expect, it } from 'vitest';
import { nameKey, titleKey } from '../../src/modules/shared/text.js';
import { parseProfile, type ParseOptions, type ParsedProfile } from '../../seed/parser.js';
import { generateLab } from '../../seed/synthetic/generate.js';
import { reviseProfile } from '../../seed/synthetic/revise.js';
import { LabelResolver, loadVocabulary } from '../../seed/vocabulary.js';

const vocabulary = loadVocabulary();
const roles = new LabelResolver(vocabulary.roles);
const positions = new LabelResolver(vocabulary.positions);
/** The label checks the importer gives the parser (seed/run.ts). */
const parseOptions: ParseOptions = {
  isKnownRole: (label) => roles.find(label) !== undefined,
  isKnownPosition: (label) => positions.find(label) !== undefined,
};

const lab = generateLab({ members: 30, seed: 7 });
const entries = lab.planned.flatMap((profile) => profile.publications.map((publication) => ({ profile, publication })));

describe('generateLab', () => {
  it('gives byte-identical files for the same seed, and other files for another seed', () => {
    expect(generateLab({ members: 30, seed: 7 }).files).toEqual(lab.files);
    const other = generateLab({ members: 30, seed: 8 }).files;
    expect(other.map((file) => file.text)).not.toEqual(lab.files.map((file) => file.text));
  });

  it('names the files <nnnn>_<slug>.txt, one per member', () => {
    expect(lab.files).toHaveLength(30);
    expect(lab.files[0]!.name).toMatch(/^0001_[a-z0-9-]+\.txt$/);
    expect(new Set(lab.files.map((file) => file.name)).size).toBe(30);
  });

  it('parses every file to exactly the planned profile', () => {
    lab.files.forEach((file, i) => {
      expect({ file: file.name, profile: parseProfile(file.text, parseOptions) }).toEqual({ file: file.name, profile: lab.planned[i] });
    });
  });

  it('writes both languages: French and English labels and cuts', () => {
    const languages = lab.planned.map((profile) => profile.language);
    expect(languages).toContain('fr');
    expect(languages).toContain('en');
    const french = lab.files.filter((_, i) => languages[i] === 'fr').map((file) => file.text).join('\n');
    const english = lab.files.filter((_, i) => languages[i] === 'en').map((file) => file.text).join('\n');
    expect(french).toMatch(/^Portrait de /m);
    expect(french).toContain('Sujets de recherche');
    expect(french).toContain('… (voir plus)');
    expect(french).not.toContain('(see more)');
    expect(english).toMatch(/^Portrait of /m);
    expect(english).toContain('Research Topics');
    expect(english).not.toContain('(voir plus)');
    const frenchLabels = vocabulary.positions.map((position) => position.fr);
    expect(lab.planned.filter((profile) => profile.language === 'fr').every((profile) => frenchLabels.includes(profile.position!))).toBe(true);
  });

  it('gives members 0–2 supervision roles and 1–4 topics from the vocabulary, sometimes an unknown one', () => {
    const topicLabels = new LabelResolver(vocabulary.topics);
    for (const profile of lab.planned) {
      expect(profile.roles.length).toBeLessThanOrEqual(2);
      expect(profile.roles.every((role) => roles.find(role))).toBe(true);
      expect(profile.topics.filter((topic) => topicLabels.find(topic)).length).toBeGreaterThanOrEqual(1);
      expect(profile.topics.length).toBeLessThanOrEqual(5);
    }
    const bigger = generateLab({ members: 200, seed: 7 }).planned;
    expect(bigger.some((profile) => profile.topics.some((topic) => !topicLabels.find(topic)))).toBe(true);
  });

  it('shares papers between members, named as co-authors on each other’s pages, sometimes spelled differently', () => {
    const owners = new Map<string, Set<string>>();
    const spellings = new Map<string, Set<string>>();
    for (const { profile, publication } of entries) {
      const key = titleKey(publication.title);
      owners.set(key, (owners.get(key) ?? new Set()).add(profile.name));
      spellings.set(key, (spellings.get(key) ?? new Set()).add(publication.title));
    }
    const shared = [...owners].filter(([, names]) => names.size > 1);
    expect(shared.length).toBeGreaterThan(10);
    expect([...spellings.values()].some((titles) => titles.size > 1)).toBe(true);
    const memberKeys = new Set(lab.planned.map((profile) => nameKey(profile.name)));
    const namingMembers = entries.filter(({ publication }) => publication.coauthors.some((coauthor) => memberKeys.has(nameKey(coauthor))));
    expect(namingMembers.length).toBeGreaterThan(10);
    expect(lab.summary.papers).toBe(owners.size);
    expect(lab.summary.listings).toBe(entries.length);
  });

  it('names co-authors without profiles, some with accents, some in capitals on one page', () => {
    const memberKeys = new Set(lab.planned.map((profile) => nameKey(profile.name)));
    const outside = entries.flatMap(({ publication }) => publication.coauthors).filter((name) => !memberKeys.has(nameKey(name)));
    expect(new Set(outside.map(nameKey)).size).toBe(lab.summary.coauthorsWithoutProfile);
    expect(lab.summary.coauthorsWithoutProfile).toBeGreaterThan(30);
    expect(outside.some((name) => /[^\p{ASCII}]/u.test(name))).toBe(true);
    const capitals = outside.filter((name) => name === name.toUpperCase());
    expect(capitals.length).toBeGreaterThan(0);
    // Folded back to someone also spelled normally elsewhere.
    expect(capitals.some((name) => outside.some((other) => other !== name && nameKey(other) === nameKey(name)))).toBe(true);
    for (const name of outside) expect(name.split(' ').length).toBeGreaterThanOrEqual(2);
    for (const name of outside) expect(name.split(' ').length).toBeLessThanOrEqual(4);
  });

  it('cuts abstracts with "see more" (sometimes inside a word), truncates some for good, leaves some out, ends some with a code link', () => {
    const text = lab.files.map((file) => file.text).join('\n');
    expect(text).toMatch(/\p{L}… \((?:see more|voir plus)\)\p{L}/u);
    const abstracts = entries.map(({ publication }) => publication);
    expect(abstracts.filter((p) => p.abstract === null).length).toBeGreaterThan(5);
    const truncated = abstracts.filter((p) => p.abstractTruncated);
    expect(truncated.length).toBeGreaterThan(5);
    expect(truncated.every((p) => p.abstract!.endsWith('…') && p.codeUrl === null)).toBe(true);
    const withCode = abstracts.filter((p) => p.codeUrl !== null);
    expect(withCode.length).toBeGreaterThan(20);
    expect(withCode.every((p) => p.abstract!.includes(`${p.codeUrl}.`) && /^https:\/\/(github|gitlab)\.com\/[\w-]+\/[\w-]+$/.test(p.codeUrl!))).toBe(true);
  });

  it('writes titles of more than three words with a colon or a lowercase connecting word, and names of 2–4 capitalised words', () => {
    for (const { profile, publication } of entries) {
      expect(publication.title.split(' ').length).toBeGreaterThan(3);
      expect(publication.title).toMatch(/: | (?:a|an|the|of|for|in|on|with|via|to|from|through|under) /);
      expect(profile.name).toMatch(/^\p{Lu}[\p{L}'.-]*(?: \p{Lu}[\p{L}'.-]*){1,3}$/u);
    }
  });

  it('lists about 15 papers per member with a long tail', () => {
    const { summary, planned } = generateLab({ members: 300, seed: 42 });
    expect(summary.papers / summary.members).toBeGreaterThan(12);
    expect(summary.papers / summary.members).toBeLessThan(18);
    const counts = planned.map((profile) => profile.publications.length).sort((a, b) => a - b);
    expect(counts.at(-1)!).toBeGreaterThan(4 * counts[Math.floor(counts.length / 2)]!);
  });
});

describe('reviseProfile', () => {
  it('changes exactly one title and one abstract, and the file still parses as planned', () => {
    const revised = reviseProfile(lab.files[0]!, lab.planned[0]!);
    expect(revised.file.name).toBe(lab.files[0]!.name);
    expect(parseProfile(revised.file.text, parseOptions)).toEqual(revised.planned);
    const before = lab.planned[0]!.publications;
    const after = revised.planned.publications;
    expect(after).toHaveLength(before.length);
    const changed = (field: 'title' | 'abstract') => after.filter((publication, i) => publication[field] !== before[i]![field]).length;
    expect(changed('title')).toBe(1);
    expect(changed('abstract')).toBe(1);
    expect(stripPublications(revised.planned)).toEqual(stripPublications(lab.planned[0]!));
  });
});

const stripPublications = ({ publications: _, ...rest }: ParsedProfile) => rest;
