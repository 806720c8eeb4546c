import { describe, expect, it } from 'vitest';
import type { ParsedProfile, ParsedPublication } from '../../seed/parser.js';
import { planImport, planKeys, type ImportPlan } from '../../seed/plan.js';
import { emptySnapshot } from '../../seed/snapshot.js';
import { afterWriting } from '../support/planSnapshot.js';
import { ImportInputError, type ProfileSource } from '../../seed/source.js';
import { loadVocabulary } from '../../seed/vocabulary.js';

const vocabulary = loadVocabulary();

function paper(title: string, coauthors: string[], abstract: string | null = null, line = 10): ParsedPublication {
  return { line, title, coauthors, abstract, abstractTruncated: false, codeUrl: null };
}

function profile(file: string, name: string, publications: ParsedPublication[], topics: string[] = ['Deep Learning']): ProfileSource {
  const profile: ParsedProfile = { language: 'en', name, position: 'Core Academic Member', organization: 'Mila', roles: [], topics, publications, warnings: [] };
  return { file, profile };
}


const written = (plan: ImportPlan) =>
  Object.values(plan.counts).reduce((sum, counts) => sum + counts.created + counts.updated + counts.deleted, 0);

const ada = profile('ada.txt', 'Ada Byron', [
  paper('Widgets at Scale', ['Keller Jordan', 'Grace Hopper'], 'We scale widgets to many machines and report what breaks along the way.'),
  paper('A Note on Gadgets', ['Keller Jordan']),
]);
const grace = profile(
  'grace.txt',
  'Grace Hopper',
  [paper('Widgets at scale', ['Ada Byron', 'Alan Turing'], 'We scale widgets to many machines and report what breaks along the way, in detail.')],
  ['Optimisation'],
);

describe('planning an import', () => {
  it('on an empty database, creates every person, paper, link and vocabulary entry the files name', () => {
    const plan = planImport([ada], emptySnapshot(), vocabulary);
    // In the order the file names them: new ids follow it.
    expect(plan.researchers.create.map((row) => [row.name, row.slug, row.isMember])).toEqual([
      ['Ada Byron', 'ada-byron', true],
      ['Keller Jordan', 'keller-jordan', false],
      ['Grace Hopper', 'grace-hopper', false],
    ]);
    expect(plan.publications.create.map((row) => row.title).sort()).toEqual(['A Note on Gadgets', 'Widgets at Scale']);
    // The owner comes after the co-authors the page names.
    expect(plan.authorships.create.filter((row) => row.titleKey === 'widgets at scale').map((row) => [row.researcherKey, row.position])).toEqual([
      ['keller jordan', 0],
      ['grace hopper', 1],
      ['ada byron', 2],
    ]);
    expect(plan.vocabulary.topic.create).toEqual([{ key: 'deep-learning', name: 'Deep Learning', nameFr: 'Apprentissage profond' }]);
    expect(plan.changes.publication.created).toHaveLength(2);
    expect(plan.counts.researcher).toEqual({ created: 3, updated: 0, unchanged: 0, deleted: 0 });
  });

  it('plans nothing when the rows already match the files', () => {
    const first = planImport([ada, grace], emptySnapshot(), vocabulary);
    const again = planImport([ada, grace], afterWriting(first), vocabulary);
    expect(written(again)).toBe(0);
    expect(again.counts.publication.unchanged).toBe(2);
    expect(again.changes).toEqual({
      researcher: { created: [], updated: [], deleted: [] },
      publication: { created: [], updated: [], deleted: [] },
      topic: { created: [], updated: [], deleted: [] },
      role: { created: [], updated: [], deleted: [] },
    });
  });

  it('gives the same rows whatever the order of the files', () => {
    const sorted = (plan: ImportPlan) => ({
      researchers: [...plan.researchers.create].sort((a, b) => a.nameKey.localeCompare(b.nameKey)),
      publications: [...plan.publications.create].sort((a, b) => a.titleKey.localeCompare(b.titleKey)),
      authorships: [...plan.authorships.create].sort((a, b) => `${a.titleKey}/${a.position}`.localeCompare(`${b.titleKey}/${b.position}`)),
      topics: [...plan.publicationTopics.create].sort((a, b) => `${a.titleKey}/${a.topicKey}`.localeCompare(`${b.titleKey}/${b.topicKey}`)),
    });
    expect(sorted(planImport([grace, ada], emptySnapshot(), vocabulary))).toEqual(sorted(planImport([ada, grace], emptySnapshot(), vocabulary)));
  });

  it('merges a paper from every listing: the fuller abstract and its title, one author order, topics of every owner', () => {
    const plan = planImport([ada, grace], emptySnapshot(), vocabulary);
    const widgets = plan.publications.create.find((row) => row.titleKey === 'widgets at scale')!;
    expect(widgets).toMatchObject({ title: 'Widgets at scale', abstract: expect.stringContaining('in detail') as string });
    // Equal co-author counts: the owner first in name order (Ada) sets the order, Grace's listing adds Alan Turing.
    expect(plan.authorships.create.filter((row) => row.titleKey === 'widgets at scale').map((row) => row.researcherKey)).toEqual([
      'keller jordan',
      'grace hopper',
      'ada byron',
      'alan turing',
    ]);
    expect(plan.publicationTopics.create.filter((row) => row.titleKey === 'widgets at scale').map((row) => row.topicKey).sort()).toEqual(['deep-learning', 'optimization']);
  });

  it('lists an updated paper with its changed fields, and deletes a co-author left with no paper', () => {
    const before = afterWriting(planImport([ada], emptySnapshot(), vocabulary));
    const edited = profile('ada.txt', 'Ada Byron', [
      paper('Widgets at Scale', ['Keller Jordan'], 'We scale widgets to many machines.'),
      paper('A Note on Gadgets', ['Keller Jordan']),
    ]);
    const plan = planImport([edited], before, vocabulary);
    expect(plan.changes.publication.updated).toEqual([
      {
        name: 'Widgets at Scale',
        fields: [
          { field: 'abstract', from: 'We scale widgets to many machines and report what breaks along the way.', to: 'We scale widgets to many machines.' },
          { field: 'authors', from: 'Keller Jordan, Grace Hopper, Ada Byron', to: 'Keller Jordan, Ada Byron' },
        ],
      },
    ]);
    expect(plan.changes.researcher).toEqual({ created: [], updated: [], deleted: ['Grace Hopper'] });
    const grace = before.researchers.find((row) => row.nameKey === 'grace hopper')!;
    expect(plan.researchers.delete).toEqual([grace.id]);
    expect(plan.authorships.delete).toEqual([{ publicationId: expect.any(Number) as number, researcherId: grace.id }]);
    expect(plan.authorships.update.map((row) => row.position)).toEqual([1]); // Ada moves up
  });

  it('keeps a paper another profile still lists when its other owner drops it', () => {
    const both = afterWriting(planImport([ada, grace], emptySnapshot(), vocabulary));
    const adaWithoutWidgets = profile('ada.txt', 'Ada Byron', [paper('A Note on Gadgets', ['Keller Jordan'])]);
    const plan = planImport([adaWithoutWidgets], both, vocabulary);
    expect(plan.publications.delete).toEqual([]);
    expect(plan.listings.delete).toHaveLength(1);
    // Merged again from Grace's listing alone: Ada is still an author there (Grace names her), Keller is not.
    expect(plan.changes.publication.updated).toEqual([
      { name: 'Widgets at scale', fields: [{ field: 'authors', from: 'Keller Jordan, Grace Hopper, Ada Byron, Alan Turing', to: 'Ada Byron, Alan Turing, Grace Hopper' }] },
    ]);
    // Keller Jordan still has the other paper; nobody is deleted.
    expect(plan.researchers.delete).toEqual([]);
  });

  it('numbers the slugs of new people whose names make the same slug, whatever the file order', () => {
    // Three name keys (a space, an apostrophe, a hyphen), one slug; `jo-doe` is already taken.
    const snapshot = { ...emptySnapshot(), takenSlugs: new Set(['jo-doe']) };
    const slugs = (coauthors: string[]) =>
      planImport([profile('a.txt', 'Jo Doe', [paper('One Paper', coauthors)])], snapshot, vocabulary).researchers.create.map((row) => [row.nameKey, row.slug]).sort();
    const expected = [
      ['jo doe', 'jo-doe-2'],
      ["jo'doe", 'jo-doe-3'],
      ['jo-doe', 'jo-doe-4'],
    ];
    expect(slugs(["Jo'Doe", 'Jo-Doe'])).toEqual(expected);
    expect(slugs(['Jo-Doe', "Jo'Doe"])).toEqual(expected);
  });
});

describe('empty keys', () => {
  const refusal = (source: ProfileSource) => {
    try {
      planImport([source], emptySnapshot(), vocabulary);
    } catch (error) {
      return error instanceof ImportInputError ? error.message : `not an ImportInputError: ${String(error)}`;
    }
    return 'accepted';
  };

  it('refuses an owner whose name has no letter', () => {
    expect(refusal(profile('p.txt', '!!! ???', [paper('A Real Title', [])]))).toBe('p.txt:1: the name "!!! ???" has no letter: it cannot identify a person');
  });

  it('refuses a co-author whose name has no letter, at the line of the entry', () => {
    expect(refusal(profile('p.txt', 'Ada Byron', [paper('A Real Title', ['???'], null, 14)]))).toBe(
      'p.txt:14: the co-author "???" of "A Real Title" has no letter in the name: it cannot identify a person',
    );
  });

  it('refuses a title with no letter or digit, at its line', () => {
    expect(refusal(profile('p.txt', 'Ada Byron', [paper('— … —', [], null, 9)]))).toBe('p.txt:9: the title "— … —" has no letter or digit: it cannot identify a paper');
  });

  it('never makes two punctuation-only names one person: the run is refused before any key is used', () => {
    const first = profile('a.txt', '!!! ???', [paper('First Paper', [])]);
    const second = profile('b.txt', '???', [paper('Second Paper', [])]);
    expect(() => planImport([first, second], emptySnapshot(), vocabulary)).toThrow(ImportInputError);
    expect(() => planKeys([first, second])).not.toThrow(); // only reads keys; the planner is the gate
  });

  it('accepts a one-word name and names in any script', () => {
    expect(refusal(profile('p.txt', 'Madonna', [paper('Ελληνικά και 中文', ['Σωκράτης'])]))).toBe('accepted');
  });
});
