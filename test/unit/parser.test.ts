import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProfile, ProfileParseError, type ParsedProfile } from '../../seed/parser.js';
import { readLineAfterTitle } from '../../seed/titleOrName.js';
import { containing, matching } from '../support/matchers.js';

const profilesDir = path.join(import.meta.dirname, '../../seed/profiles');
const seedText = fs.readFileSync(path.join(profilesDir, '000_83e153fc7d8806a7.txt'), 'utf8');
const englishText = fs.readFileSync(path.join(profilesDir, 'english-sample.txt'), 'utf8');

const ABSTRACT = 'We study a problem that matters to many people and show, with experiments on several datasets, that our method works better than the methods before it.';

/** An English profile page whose publications section is the given lines. */
function page(...publicationLines: string[]): string {
  return ['Portrait of Jo Doe', '', 'Jo Doe', '', 'Research Scientist - Mila', 'Research Topics', 'Optimization', '', 'Publications', '', ...publicationLines, ''].join('\n');
}

/** Line number in `page(...)` of its n-th publication line (0-based): 10 lines come before. */
const lineOf = (n: number) => 11 + n;

function entries(profile: ParsedProfile) {
  return profile.publications.map(({ title, coauthors, abstract }) => ({ title, coauthors, hasAbstract: abstract !== null }));
}

function parseError(text: string): ProfileParseError {
  try {
    parseProfile(text);
  } catch (error) {
    if (error instanceof ProfileParseError) return error;
    throw error;
  }
  throw new Error('expected a ProfileParseError');
}

describe('the seed page', () => {
  const profile = parseProfile(seedText);

  it('reads the owner, position, role, topic and language', () => {
    expect(profile).toMatchObject({
      language: 'fr',
      name: 'Aristide Baratin',
      position: 'Visiteur de recherche indépendant',
      organization: 'Samsung SAIT',
      roles: ['Superviseur⋅e principal⋅e'],
      topics: ['Apprentissage profond'],
      warnings: [],
    });
  });

  it('reads 12 publications, 11 abstracts (1 cut for good), 3 code links and each entry\'s co-authors', () => {
    expect(profile.publications).toHaveLength(12);
    expect(profile.publications.filter((publication) => publication.abstract !== null)).toHaveLength(11);
    expect(profile.publications.filter((publication) => publication.abstractTruncated).map((publication) => publication.title)).toEqual([
      'On the Spectral Bias of Neural Networks',
    ]);
    expect(profile.publications.flatMap((publication) => publication.codeUrl ?? []).sort()).toEqual([
      'https://github.com/chandar-lab/CMOptimizer',
      'https://github.com/chandar-lab/Lookbehind-SAM',
      'https://github.com/rarefin/CoBalT',
    ]);
    expect(profile.publications.map((publication) => [publication.line, publication.title.slice(0, 30), publication.coauthors])).toEqual([
      [12, "Maxwell's Demon at Work: Effic", []],
      [14, 'Torque-Aware Momentum', []],
      [16, 'How Learning Rates Shape Neura', ['Keller Jordan', 'Nicolas Roux']],
      [20, 'Lookbehind-SAM: k Steps Back, ', []],
      [22, 'Unsupervised Concept Discovery', ['Md Rifat Arefin', 'Francesco Locatello', 'Dianbo Liu']],
      [27, 'Promoting Exploration in Memor', []],
      [29, 'How Connectivity Structure Sha', ['Yuhan Helena Liu', 'Stefan Mihalas', 'Eric Shea-Brown']],
      [34, 'CrossSplit: Mitigating Label N', []],
      [36, 'Expressiveness and Learnabilit', []],
      [37, 'Lazy vs hasty: linearization i', []],
      [39, 'Implicit Regularization via Ne', []],
      [41, 'On the Spectral Bias of Neural', ['Nasim Rahaman', 'Felix Draxler', 'Fred A. Hamprecht']],
    ]);
  });

  it('joins the page\'s cuts, inside a word too', () => {
    const implicit = profile.publications.find((publication) => publication.title.startsWith('Implicit'))!;
    expect(implicit.abstract).toContain('a regularization effect induced by a dynamical alignment');
    expect(implicit.abstract).not.toContain('voir plus');
  });

  it('reads the same with CRLF line ends and a byte order mark', () => {
    expect(parseProfile('\uFEFF' + seedText.replace(/\n/g, '\r\n'))).toEqual(profile);
    expect(parseProfile(seedText.replace(/\n/g, '\r'))).toEqual(profile);
  });
});

describe('English and French labels', () => {
  it('reads the English sample', () => {
    const profile = parseProfile(englishText);
    expect(profile).toMatchObject({
      language: 'en',
      name: 'Noor Haddad-Lefebvre',
      position: 'Associate Academic Member',
      organization: 'McGill University',
      roles: ['Principal supervisor', 'Co-supervisor'],
      topics: ['Optimization', 'Deep Learning', 'Reinforcement Learning'],
      warnings: [],
    });
    expect(entries(profile)).toEqual([
      { title: 'Torque-Aware Momentum', coauthors: ['Aristide Baratin', 'Nicolas Roux'], hasAbstract: true },
      { title: 'Curvature-Aware Replay for Continual Reinforcement Learning', coauthors: [], hasAbstract: true },
      { title: 'Sparse Rewards', coauthors: ['Oumar Diallo', 'Keller Jordan'], hasAbstract: true },
      { title: 'A Note on Step-Size Warmup', coauthors: [], hasAbstract: true },
    ]);
  });

  it('takes the language from the portrait line or the topics header', () => {
    const french = 'Portrait de Jo Doe\n\nJo Doe\n\nChercheur - Mila\nSujets de recherche\nOptimisation\n\nPublications\n\nUn titre\n';
    expect(parseProfile(french)).toMatchObject({ language: 'fr', topics: ['Optimisation'], publications: [{ title: 'Un titre' }] });
    expect(parseProfile('Jo Doe\n\nChercheur - Mila\nSujets de recherche\nOptimisation\n\nPublications\n\nUn titre\n').language).toBe('fr');
    expect(parseProfile(page('A Title')).language).toBe('en');
  });
});

describe('titles and co-authors after an entry without an abstract', () => {
  it('a Title Case title is the next publication, not a person (the two papers stay apart)', () => {
    const profile = parseProfile(page('Sequence to Sequence Learning', 'Attention Is All You Need', ABSTRACT));
    expect(entries(profile)).toEqual([
      { title: 'Sequence to Sequence Learning', coauthors: [], hasAbstract: false },
      { title: 'Attention Is All You Need', coauthors: [], hasAbstract: true },
    ]);
    expect(profile.warnings).toEqual([]);
  });

  it('a Title Case title after co-authors is the next publication too', () => {
    const profile = parseProfile(page('First Paper Title', 'Keller Jordan', 'Attention Is All You Need', 'Nicolas Roux', ABSTRACT));
    expect(entries(profile)).toEqual([
      { title: 'First Paper Title', coauthors: ['Keller Jordan'], hasAbstract: false },
      { title: 'Attention Is All You Need', coauthors: ['Nicolas Roux'], hasAbstract: true },
    ]);
  });

  it('an all-caps title is a title; an all-caps name stays a person', () => {
    const profile = parseProfile(page('A Paper On Widgets', 'KELLER JORDAN', 'ATTENTION IS ALL YOU NEED', 'DEEP RESIDUAL LEARNING FOR IMAGE RECOGNITION', ABSTRACT));
    expect(entries(profile)).toEqual([
      { title: 'A Paper On Widgets', coauthors: ['KELLER JORDAN'], hasAbstract: false },
      { title: 'ATTENTION IS ALL YOU NEED', coauthors: [], hasAbstract: false },
      { title: 'DEEP RESIDUAL LEARNING FOR IMAGE RECOGNITION', coauthors: [], hasAbstract: true },
    ]);
  });

  it('French titles are titles', () => {
    const profile = parseProfile(page('Un premier titre', 'Apprentissage Profond Pour La Vision', 'Modèles De Langue Et Sens', ABSTRACT));
    expect(profile.publications.map((publication) => publication.title)).toEqual([
      'Un premier titre',
      'Apprentissage Profond Pour La Vision',
      'Modèles De Langue Et Sens',
    ]);
  });

  it('a title with a colon, a question mark, digits or more than six words is a title', () => {
    const titles = ['Lookbehind-SAM: k Steps Back', 'Is Attention Enough?', 'Pix2Pix Revisited', 'Seven Words Here Make This Long Thing'];
    const profile = parseProfile(page('First', ...titles));
    expect(profile.publications.map((publication) => publication.title)).toEqual(['First', ...titles]);
    expect(profile.warnings).toEqual([]);
  });

  it('names with particles, initials, hyphens and apostrophes are co-authors', () => {
    const names = [
      'Yoshua de Bengio',
      'Ludwig van Beethoven',
      'Hung Le',
      'J. R. R. Tolkien',
      'Fred A. Hamprecht',
      'J.-P. Sartre',
      'Eric Shea-Brown',
      'Jean-Pierre Dupont',
      "Conan O'Brien",
      'Élise Ménard',
      'Aristide BARATIN',
    ];
    const profile = parseProfile(page('A Title', ...names, ABSTRACT));
    expect(entries(profile)).toEqual([{ title: 'A Title', coauthors: names, hasAbstract: true }]);
    expect(profile.warnings).toEqual([]);
  });

  // The rule (seed/titleOrName.ts): a single capitalised word is never a person: it is
  // read as a title and warned about, since a one-word title (`Dropout`) read as a
  // person would merge two papers.
  it('a one-word line is a title, with a warning when it could be a one-word name', () => {
    const profile = parseProfile(page('The Republic', 'Plato', ABSTRACT, 'Transformers', ABSTRACT, 'BERT', ABSTRACT));
    expect(entries(profile)).toEqual([
      { title: 'The Republic', coauthors: [], hasAbstract: false },
      { title: 'Plato', coauthors: [], hasAbstract: true },
      { title: 'Transformers', coauthors: [], hasAbstract: true },
      { title: 'BERT', coauthors: [], hasAbstract: true },
    ]);
    expect(profile.warnings).toEqual([{ line: lineOf(1), message: containing('"Plato" read as the title of a new publication') }]);
  });

  it('an ambiguous line stays a title and gets a warning with its line', () => {
    const profile = parseProfile(page('First Paper', 'Keller Jordan', 'Capsule Networks', 'An Nguyen', ABSTRACT));
    expect(entries(profile)).toEqual([
      { title: 'First Paper', coauthors: ['Keller Jordan'], hasAbstract: false },
      { title: 'Capsule Networks', coauthors: [], hasAbstract: false },
      { title: 'An Nguyen', coauthors: [], hasAbstract: true },
    ]);
    expect(profile.warnings).toEqual([
      { line: lineOf(2), message: matching(/^"Capsule Networks" read as the title of a new publication .*"Networks" is a title word$/) },
      { line: lineOf(3), message: matching(/^"An Nguyen" read as the title .*"An" is a title word$/) },
    ]);
  });

  it('a name-shaped line after an abstract is a title: the abstract closed the entry', () => {
    const profile = parseProfile(page('First Paper', ABSTRACT, 'Sparse Rewards', 'Oumar Diallo', ABSTRACT));
    expect(entries(profile)).toEqual([
      { title: 'First Paper', coauthors: [], hasAbstract: true },
      { title: 'Sparse Rewards', coauthors: ['Oumar Diallo'], hasAbstract: true },
    ]);
  });

  // Guards the title vocabulary against words that are also names (`Rich`, `Deep`, `Lawrence`, `Dominique`).
  it('reads researchers\' names as co-authors', () => {
    const names = [
      'Christopher Manning', 'Neil Lawrence', 'Rich Sutton', 'Deep Ganguli', 'Simon Du', 'Kian Hsiang Low', 'Les Valiant',
      'Dominique Beaini', 'Véronique Dupont', 'Jean-François Godbout', 'Simon Lacoste-Julien', 'Quoc V. Le', 'Hado van Hasselt',
      'Nando de Freitas', 'Diego de Las Casas', 'George van den Driessche', 'Jack W. Rae', 'Will Dabney', 'Joy Buolamwini', 'Kaiming He',
    ];
    expect(names.filter((name) => readLineAfterTitle(name).kind !== 'coauthor')).toEqual([]);
  });

  it('reads short titles as titles (some with a warning), never as co-authors', () => {
    const titles = [
      'Batch Normalization', 'Generative Adversarial Nets', 'Neural Turing Machines', 'Wasserstein GAN', 'Mask R-CNN', 'Emergent Abilities',
      'Lottery Ticket Hypothesis', 'Segment Anything', 'Representation Learning', 'Réseaux Neuronaux Profonds', 'Domain Adaptation',
    ];
    expect(titles.filter((title) => readLineAfterTitle(title).kind === 'coauthor')).toEqual([]);
  });

  it.each([
    ['Keller Jordan', 'coauthor'],
    ['Yuhan Helena Liu', 'coauthor'],
    ['Torque-Aware Momentum', 'title'],
    ['Attention Is All You Need', 'title'],
    ['Deep Learning', 'ambiguous'],
    ['In So Kweon', 'ambiguous'],
    ['Plato', 'ambiguous'],
    ['lower case words', 'title'],
  ])('reads %j after a title as %s', (line, kind) => {
    expect(readLineAfterTitle(line).kind).toBe(kind);
  });
});

describe('lines with no letter', () => {
  it('an owner\'s name with no letter is an error at its line', () => {
    const error = parseError('Portrait de !!! ???\n\n!!! ???\n\nPublications\n\nA Title\n');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/the profile's name "!!! \?\?\?" has no letter/);
  });

  it('a co-author line with no letter is an error at its line, never a person', () => {
    const error = parseError(page('A Title', 'Keller Jordan', '???', ABSTRACT));
    expect(error.line).toBe(lineOf(2));
    expect(error.message).toMatch(/"\?\?\?" has no letter or digit: it is neither a publication's title nor a co-author's name/);
  });

  it('a title with no letter after an abstract is an error at its line', () => {
    expect(parseError(page('A Title', ABSTRACT, '— — —')).line).toBe(lineOf(2));
  });
});

describe('errors', () => {
  it('an abstract where a title is expected', () => {
    const error = parseError(page('We study the thing and it is … (see more)very interesting indeed.'));
    expect(error.line).toBe(lineOf(0));
    expect(error.message).toMatch(/a publication has no title/);
  });

  it('no name, no publications section, an empty file', () => {
    expect(parseError('Portrait of\n\nPublications\n\nA Title\n')).toMatchObject({ line: 3, message: matching(/the profile has no name/) });
    expect(parseError('Portrait of Jo Doe\n\nJo Doe\n\nResearch Topics\nOptimization\n').message).toMatch(/no "Publications" section/);
    expect(parseError('\n  \n').message).toMatch(/the file is empty/);
  });
});
