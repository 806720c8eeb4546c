// @module-tag runtime
// @module-tag database
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { projectRoot, seedProfilesDir, seedReferencesDir } from '../src/db/paths.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { importReferences } from '../seed/bibtex/import.js';
import { readBibtexFile } from '../seed/bibtex/read.js';
import { importProfileFiles } from '../seed/run.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { canonicalDump, emptyDatabase, lastWrites } from './support/dump.js';
import { runSeedCli } from './support/seedCli.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * The BibTeX import (seed/bibtex/) through `npm run seed` and the API, on a
 * real database: the seed BibTeX fills the seeded papers, its precedence
 * rules, and the import's guarantees (all or nothing, idempotent, order-independent, dry run).
 */

const seedBib = path.join(seedReferencesDir, 'seed-papers.bib');
const fixtures = path.join(projectRoot, 'test', 'fixtures');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-bibtex-'));

let testDatabase: TestDatabase;
let database: Database;
let api: TestServer;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openTestDatabase(testDatabase);
  api = await startTestServer(database);
});

afterAll(async () => {
  await api.close();
  await database.close();
  await testDatabase.drop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

beforeEach(async () => {
  await emptyDatabase(database.prisma);
});

interface PaperAnswer {
  title: string;
  year: number | null;
  venue: string | null;
  doi: string | null;
  arxivId: string | null;
  url: string | null;
  authors: { name: string; slug: string; isMember: boolean }[];
  provenance: { field: string; source: string }[];
}

const PAPER_FIELDS = 'title year venue doi arxivId url authors { name slug isMember } provenance { field source }';

/** Every paper, newest first, through the API. */
async function papers(filter: Record<string, unknown> = {}, orderBy = 'YEAR_DESC'): Promise<PaperAnswer[]> {
  const response = await api.graphql<{ publications: { nodes: PaperAnswer[] } }>(
    `query Papers($filter: PublicationFilter, $orderBy: PublicationOrder) { publications(first: 100, filter: $filter, orderBy: $orderBy) { nodes { ${PAPER_FIELDS} } } }`,
    { filter, orderBy },
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.publications.nodes;
}

async function paper(titleStart: string): Promise<PaperAnswer> {
  const found = (await papers()).find((candidate) => candidate.title.startsWith(titleStart));
  expect(found, titleStart).toBeDefined();
  return found!;
}

const sourceOf = (answer: PaperAnswer, field: string) => answer.provenance.find((entry) => entry.field === field)?.source;

/** canonicalDump plus the fields BibTeX fills and their sources. */
async function dump(prisma: PrismaClient) {
  const base = await canonicalDump(prisma);
  const rows = await prisma.publication.findMany({ orderBy: { titleKey: 'asc' } });
  return {
    ...base,
    references: rows.map((row) => ({ title: row.title, year: row.year, venue: row.venue, doi: row.doi, arxivId: row.arxivId, url: row.url, provenance: row.provenance })),
  };
}

function scratchFile(name: string, content: string): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, content);
  return file;
}

/** The seed file's entries (each with its comment), in the file's order. */
function seedEntries(): string[] {
  return fs
    .readFileSync(seedBib, 'utf8')
    .split(/\n(?=% \d+\. Sources)/u)
    .slice(1);
}

describe('npm run seed with no argument: the profiles, then seed/references/', () => {
  it('fills the seeded papers from the seed BibTeX: years, venues, arXiv ids, URLs, marked bibtex; yearFrom and year order work', async () => {
    const result = await runSeedCli([], testDatabase.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('BibTeX: 12 entries from 1 file');
    expect(result.stdout).toMatch(/publications matched\s+12/);
    expect(result.stdout).toMatch(/publications created\s+0/);
    expect(result.stdout).toContain('Import complete.');

    // Values from seed/references/SOURCES.md.
    const lookbehind = await paper('Lookbehind-SAM');
    expect(lookbehind).toMatchObject({
      title: 'Lookbehind-SAM: k Steps Back, 1 Step Forward', // the profile's spelling, not BibTeX's
      year: 2024,
      venue: 'International Conference on Machine Learning (ICML)',
      doi: null,
      arxivId: '2307.16704',
      url: 'https://proceedings.mlr.press/v235/mordido24a.html',
    });
    expect(sourceOf(lookbehind, 'year')).toBe('BIBTEX');
    expect(sourceOf(lookbehind, 'title')).toBe('PROFILE');
    expect(await paper('On the Spectral Bias')).toMatchObject({ year: 2019, venue: 'International Conference on Machine Learning (ICML)', arxivId: '1806.08734' });
    expect(await paper('Lazy vs hasty')).toMatchObject({ year: 2022, venue: 'Transactions on Machine Learning Research', arxivId: '2209.09658' });
    expect(await paper('How Learning Rates Shape')).toMatchObject({ year: 2024, arxivId: null, url: 'https://openreview.net/forum?id=NeetGrZ22b' });

    // Every paper of the seed page has a year; the English sample's (made up) have none.
    const all = await papers();
    const baratinPapers = all.filter((candidate) => candidate.authors.some((author) => author.slug === 'aristide-baratin'));
    expect(baratinPapers.filter((candidate) => candidate.year === null).map((candidate) => candidate.title)).toEqual([]);
    expect(baratinPapers).toHaveLength(12);

    const since2020 = await papers({ yearFrom: 2020 }, 'YEAR_DESC');
    expect(since2020.map((candidate) => candidate.year)).toEqual([2024, 2024, 2024, 2024, 2024, 2024, 2023, 2023, 2022, 2022, 2021]);
    const oldestFirst = await papers({}, 'YEAR_ASC');
    expect(oldestFirst.slice(0, 2).map((candidate) => [candidate.year, candidate.title])).toEqual([
      [2019, 'On the Spectral Bias of Neural Networks'],
      [2021, 'Implicit Regularization via Neural Feature Alignment'],
    ]);
    // Unknown years last in both directions.
    expect(oldestFirst.at(-1)!.year).toBeNull();
    expect(all.at(-1)!.year).toBeNull();
  });

  it('gives Lookbehind-SAM its four authors in order, though the page names none; new co-authors are not members', async () => {
    await importProfileFiles(database.prisma, [seedProfilesDir, seedReferencesDir]);
    const lookbehind = await paper('Lookbehind-SAM');
    expect(lookbehind.authors.map((author) => author.name)).toEqual(['Gonçalo Mordido', 'Pranshu Malviya', 'Aristide Baratin', 'Sarath Chandar']);
    expect(lookbehind.authors.map((author) => [author.slug, author.isMember])).toEqual([
      ['goncalo-mordido', false],
      ['pranshu-malviya', false],
      ['aristide-baratin', true],
      ['sarath-chandar', false],
    ]);
    expect(sourceOf(lookbehind, 'authors')).toBe('BIBTEX');
    // `Le Roux, Nicolas` is the page's `Nicolas Roux` (surname particle, same given name): one person, the list set.
    const learningRates = await paper('How Learning Rates Shape');
    expect(learningRates.authors.map((author) => author.name)).toEqual(['Ekaterina Lobacheva', 'Keller Jordan', 'Aristide Baratin', 'Nicolas Roux']);
  });

  it('keeps an author list that leaves out someone already on the paper', async () => {
    // The English sample lists Torque-Aware Momentum with two people the BibTeX entry does not name.
    const report = await importProfileFiles(database.prisma, [seedProfilesDir, seedReferencesDir]);
    expect(report.references?.counts.authorListsKept).toBe(1);
    const torque = await paper('Torque-Aware Momentum');
    expect(torque.authors.map((author) => author.name)).toEqual(['Aristide Baratin', 'Nicolas Roux', 'Noor Haddad-Lefebvre']);
    expect(sourceOf(torque, 'authors')).toBe('PROFILE');
    expect(torque.year).toBe(2024);
  });
});

describe('BibTeX input', () => {
  it('reads LaTeX accents, case-protecting braces, @string macros, `and others` and `Last, First`; unmatched entries become papers', async () => {
    const report = await importProfileFiles(database.prisma, [path.join(fixtures, 'latex-names.bib')]);
    expect(report.references?.counts).toMatchObject({ entries: 2, matched: 0, created: 2, peopleCreated: 4 });
    const gans = await paper('Training GANs');
    expect(gans).toMatchObject({
      title: "Training GANs with Élise's Method",
      year: 2021,
      venue: 'Advances in Neural Information Processing Systems (NeurIPS)',
      doi: '10.5555/Fixture.2021.1',
    });
    expect(gans.authors.map((author) => [author.name, author.slug, author.isMember])).toEqual([
      ['Élise Lévy', 'elise-levy', false],
      ['Jörg Müller', 'jorg-muller', false],
      ['Jan van der Berg', 'jan-van-der-berg', false],
    ]);
    expect(sourceOf(gans, 'title')).toBe('BIBTEX');
    const scholar = await paper('Un modèle');
    expect(scholar).toMatchObject({ title: "Un modèle à l'échelle: Ça marche", venue: 'arXiv preprint', arxivId: '2001.00001', year: 2020 });
    expect(scholar.authors.map((author) => author.name)).toEqual(['François Núñez', 'Élise Lévy']);
  });

  it('matches abbreviated names (`Baratin, A.`) to the paper\'s authors by surname and initials', async () => {
    await importProfileFiles(database.prisma, [seedProfilesDir]);
    await importProfileFiles(database.prisma, [path.join(fixtures, 'abbreviated.bib')]);
    const spectral = await paper('On the Spectral Bias');
    expect(spectral.authors.map((author) => author.name)).toEqual([
      'Nasim Rahaman',
      'Aristide Baratin',
      'D. Arpit',
      'Felix Draxler',
      'M. Lin',
      'Fred A. Hamprecht',
      'Y. Bengio',
      'A. Courville',
    ]);
  });

  it('a syntax error reports file:line and writes nothing, profiles included', async () => {
    const result = await runSeedCli([seedProfilesDir, path.join(fixtures, 'syntax-error.bib')], testDatabase.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(fixtures, 'syntax-error.bib')}:11: BibTeX syntax error (in the entry that starts on line 7)`);
    expect(result.stderr).toContain('Nothing was imported.');
    expect(await database.prisma.publication.count()).toBe(0);
    expect(await database.prisma.researcher.count()).toBe(0);
  });

  it.each([
    ['an entry without a title', '@article{untitled,\n  year = {2020}\n}\n', 1, 'entry untitled has no title'],
    ['a bad year', '% note\n@article{bad,\n  title = {A Title},\n  year = {20x4}\n}\n', 2, 'entry bad: the year "20x4" is not a year'],
    ['a bad arXiv eprint', '@article{bad,\n  title = {A Title},\n  eprint = {not-an-id},\n  archivePrefix = {arXiv}\n}\n', 1, 'entry bad: the arXiv eprint "not-an-id" is not an arXiv id'],
  ])('%s is a file:line error and nothing is written', async (_, content, line, message) => {
    const file = scratchFile('bad.bib', content);
    await expect(importProfileFiles(database.prisma, [seedProfilesDir, file])).rejects.toThrow(`${file}:${line}: ${message}`);
    expect(await database.prisma.publication.count()).toBe(0);
  });

  it('two entries that give one paper different values are an error naming both', async () => {
    const entries = seedEntries();
    const changed = entries[3]!.replace('year          = {2024}', 'year          = {2023}').replace('mordido2024lookbehind', 'other');
    const file = scratchFile('twice.bib', changed);
    // Files are read in path order, whatever the order given: the error is at the entry read second.
    const seedEntry = { at: `${seedBib}:51`, key: 'mordido2024lookbehind', year: 2024 };
    const otherEntry = { at: `${file}:4`, key: 'other', year: 2023 };
    const [earlier, later] = seedBib < file ? [seedEntry, otherEntry] : [otherEntry, seedEntry];
    const message = `${later.at}: entry ${later.key} gives the year ${later.year}, but ${earlier.at} (entry ${earlier.key}) gives ${earlier.year} for the same paper`;
    await expect(importProfileFiles(database.prisma, [seedBib, file])).rejects.toThrow(message);
    await expect(importProfileFiles(database.prisma, [file, seedBib])).rejects.toThrow(message);
  });
});

describe('precedence', () => {
  it('never overwrites a correction: a curated value, or a curated author list, stays', async () => {
    await importProfileFiles(database.prisma, [seedProfilesDir]);
    await database.prisma.$executeRawUnsafe(
      `UPDATE publication SET year = 2023, venue = 'ICML 2024 (corrected)', provenance = provenance || '{"year":"curation","venue":"curation","authors":"curation"}'::jsonb
        WHERE title LIKE 'Lookbehind-SAM%'`,
    );
    const report = await importProfileFiles(database.prisma, [seedBib]);
    expect(report.references?.counts.valuesKept).toBe(2);
    const lookbehind = await paper('Lookbehind-SAM');
    expect(lookbehind).toMatchObject({ year: 2023, venue: 'ICML 2024 (corrected)', arxivId: '2307.16704' });
    expect(lookbehind.authors.map((author) => author.name)).toEqual(['Aristide Baratin']);
    expect([sourceOf(lookbehind, 'year'), sourceOf(lookbehind, 'venue'), sourceOf(lookbehind, 'arxivId'), sourceOf(lookbehind, 'authors')]).toEqual(['CURATION', 'CURATION', 'BIBTEX', 'CURATION']);
  });

  it('overwrites what OpenAlex gave', async () => {
    await importProfileFiles(database.prisma, [seedProfilesDir]);
    await database.prisma.$executeRawUnsafe(
      `UPDATE publication SET year = 2023, provenance = provenance || '{"year":"openalex"}'::jsonb WHERE title LIKE 'Lookbehind-SAM%'`,
    );
    await importProfileFiles(database.prisma, [seedBib]);
    const lookbehind = await paper('Lookbehind-SAM');
    expect([lookbehind.year, sourceOf(lookbehind, 'year')]).toEqual([2024, 'BIBTEX']);
  });
});

describe('the import guarantees', () => {
  it('is idempotent: a second run changes nothing and says so', async () => {
    await importProfileFiles(database.prisma, [seedProfilesDir]);
    await importProfileFiles(database.prisma, [seedBib]);
    const before = { dump: await dump(database.prisma), writes: await lastWrites(database.prisma) };
    const result = await runSeedCli([seedBib], testDatabase.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/publications unchanged\s+12/);
    expect(result.stdout).toContain('Everything unchanged.');
    expect(await dump(database.prisma)).toEqual(before.dump);
    expect(await lastWrites(database.prisma)).toEqual(before.writes);
  });

  it('--dry-run shows what would change and writes nothing, with the profiles of the same run', async () => {
    const result = await runSeedCli(['--dry-run'], testDatabase.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  ~ Lookbehind-SAM: k Steps Back, 1 Step Forward\n      year: (none) → 2024\n');
    expect(result.stdout).toContain('      authors: Aristide Baratin → Gonçalo Mordido, Pranshu Malviya, Aristide Baratin, Sarath Chandar');
    expect(result.stdout).toMatch(/publications matched\s+12/);
    expect(result.stdout).toContain('Dry run: these changes were not written.');
    expect(await database.prisma.publication.count()).toBe(0);
    expect(await database.prisma.researcher.count()).toBe(0);
    // The same on Prisma's transaction (the CLI runs on a pg connection of its own).
    const both = await importProfileFiles(database.prisma, [seedProfilesDir, seedReferencesDir], { dryRun: true });
    expect(both.references?.counts).toMatchObject({ matched: 12, authorListsSet: 11, peopleCreated: 31 });
    expect(await database.prisma.publication.count()).toBe(0);

    await importProfileFiles(database.prisma, [seedProfilesDir]);
    const before = { dump: await dump(database.prisma), writes: await lastWrites(database.prisma) };
    const report = await importProfileFiles(database.prisma, [seedBib], { dryRun: true });
    expect(report.changed).toBe(true);
    expect(report.references?.counts).toMatchObject({ matched: 12, fieldsFilled: 47, authorListsSet: 11 });
    expect(await dump(database.prisma)).toEqual(before.dump);
    expect(await lastWrites(database.prisma)).toEqual(before.writes);
  });

  it('is order-independent: entries in any order, split over files, before or after the profiles on the command line', async () => {
    await importProfileFiles(database.prisma, [seedProfilesDir, seedReferencesDir]);
    const inOrder = await dump(database.prisma);

    const entries = seedEntries();
    const folder = path.join(scratch, 'shuffled');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'a.bib'), [...entries.slice(6)].reverse().join('\n'));
    fs.writeFileSync(path.join(folder, 'b.bib'), [...entries.slice(0, 6)].reverse().join('\n'));
    await emptyDatabase(database.prisma);
    await importProfileFiles(database.prisma, [folder, seedProfilesDir]);
    expect(await dump(database.prisma)).toEqual(inOrder);

    // Profiles in one run, BibTeX in the next: the same as both at once.
    await emptyDatabase(database.prisma);
    await importProfileFiles(database.prisma, [seedProfilesDir]);
    await importProfileFiles(database.prisma, [folder]);
    expect(await dump(database.prisma)).toEqual(inOrder);
  });

  it('reads and writes in a handful of statements, not one per entry', async () => {
    await importProfileFiles(database.prisma, [seedProfilesDir]);
    const statements: string[] = [];
    const report = await database.prisma.$transaction((tx) =>
      importReferences(
        {
          query: <R>(text: string, params: unknown[] = []) => {
            statements.push(text);
            return tx.$queryRawUnsafe<R[]>(text, ...params);
          },
        },
        [readBibtexFile(seedBib), readBibtexFile(path.join(fixtures, 'latex-names.bib'))],
      ),
    );
    // 14 entries, 13 papers changed or created, 35 people created, dozens of authorships.
    expect(report.counts).toMatchObject({ entries: 14, matched: 12, created: 2, peopleCreated: 35 });
    // Reads: papers, authorships, redirects, people, slugs. Writes: people, new papers, updated papers, authorships.
    expect(statements).toHaveLength(9);
  });

  it('BibTeX in one run, the profiles in the next: the same as both at once, but for a name only BibTeX spells in full', async () => {
    await importProfileFiles(database.prisma, [seedProfilesDir, seedReferencesDir]);
    const together = await dump(database.prisma);
    await emptyDatabase(database.prisma);
    await importProfileFiles(database.prisma, [seedReferencesDir]);
    await importProfileFiles(database.prisma, [seedProfilesDir]);
    // The profile import keeps a BibTeX author list that names everyone the page names, by name key.
    // One entry names the page's `Nicolas Roux` as `Le Roux, Nicolas`, which only the BibTeX import
    // matches (surname and given name, among a paper's authors): the page's list wins there, this once…
    const learningRates = 'How Learning Rates Shape Neural Network Focus: Insights from Example Ranking';
    const separate = await dump(database.prisma);
    const without = (state: typeof together) => ({
      ...state,
      researchers: state.researchers.filter((person) => !['ekaterina-lobacheva', 'nicolas-le-roux'].includes(person.slug)),
      publications: state.publications.filter((publication) => publication.title !== learningRates),
      references: state.references.filter((publication) => publication.title !== learningRates),
    });
    expect(without(separate)).toEqual(without(together));
    expect(separate.publications.find((publication) => publication.title === learningRates)!.authors).toEqual(['keller-jordan', 'nicolas-roux', 'aristide-baratin']);
    // … until the BibTeX is imported again (as `npm run seed` always does, after the profiles).
    await importProfileFiles(database.prisma, [seedReferencesDir]);
    expect(await dump(database.prisma)).toEqual(together);
  });

  it('npm run seed twice: the second run changes nothing', async () => {
    await importProfileFiles(database.prisma, [seedProfilesDir, seedReferencesDir]);
    const before = await lastWrites(database.prisma);
    const second = await importProfileFiles(database.prisma, [seedProfilesDir, seedReferencesDir]);
    expect(second.changed).toBe(false);
    expect(await lastWrites(database.prisma)).toEqual(before);
  });
});
