// @module-tag runtime
// @module-tag database
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.js';
import { seedProfilesDir } from '../src/db/paths.js';
import { titleKey } from '../src/modules/shared/text.js';
import { ImportLockTimeoutError } from '../seed/importer.js';
import { formatChanges } from '../seed/report.js';
import { importProfileFiles, readProfiles } from '../seed/run.js';
import { graphql } from './generated/gql.js';
import type { ResearcherCountQuery } from './generated/graphql.js';
import { createTestDatabase, openTestDatabase, usingPostgres, type TestDatabase } from './support/database.js';
import { canonicalDump, emptyDatabase, lastWrites } from './support/dump.js';
import { seedPageAsHtml } from './support/htmlProfile.js';
import { spawnApp } from './support/process.js';
import type { GraphQLResponse } from './support/server.js';
import { runSeedCli } from './support/seedCli.js';

const seedPage = path.join(seedProfilesDir, '000_83e153fc7d8806a7.txt');
const englishSample = path.join(seedProfilesDir, 'english-sample.txt');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-import-'));

let testDatabase: TestDatabase;
let database: Database;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openTestDatabase(testDatabase);
});

afterAll(async () => {
  await database.close();
  await testDatabase.drop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

beforeEach(async () => {
  await emptyDatabase(database.prisma);
});

/** Writes a profile file for a test and returns its path. */
function profileFile(name: string, content: string | Buffer): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('importing the seed page alone', () => {
  it('gives 12 publications, 12 researchers (1 member), 1 topic, 1 role, 11 abstracts (1 cut for good), 3 code links', async () => {
    await importProfileFiles(database.prisma, [seedPage]);
    const prisma = database.prisma;
    expect(await prisma.publication.count()).toBe(12);
    expect(await prisma.researcher.count()).toBe(12);
    expect(await prisma.researcher.count({ where: { isMember: true } })).toBe(1);
    expect(await prisma.topic.findMany({ select: { slug: true, name: true, nameFr: true } })).toEqual([
      { slug: 'deep-learning', name: 'Deep Learning', nameFr: 'Apprentissage profond' },
    ]);
    expect(await prisma.role.findMany({ select: { key: true, name: true, nameFr: true } })).toEqual([
      { key: 'principal-supervisor', name: 'Principal supervisor', nameFr: 'Superviseur⋅e principal⋅e' },
    ]);
    expect(await prisma.publication.count({ where: { abstract: { not: null } } })).toBe(11);
    expect(await prisma.publication.count({ where: { abstractTruncated: true } })).toBe(1);
    expect((await prisma.publication.findMany({ where: { codeUrl: { not: null } }, orderBy: { codeUrl: 'asc' } })).map((p) => p.codeUrl)).toEqual([
      'https://github.com/chandar-lab/CMOptimizer',
      'https://github.com/chandar-lab/Lookbehind-SAM',
      'https://github.com/rarefin/CoBalT',
    ]);

    const member = await prisma.researcher.findUniqueOrThrow({ where: { slug: 'aristide-baratin' }, include: { position: true } });
    expect(member).toMatchObject({ name: 'Aristide Baratin', isMember: true, organization: 'Samsung SAIT' });
    expect(member.position).toMatchObject({ name: 'Independent visiting researcher', nameFr: 'Visiteur de recherche indépendant' });
    // The owner is an author of every publication on the profile.
    expect(await prisma.authorship.count({ where: { researcherId: member.id } })).toBe(12);
  });

  it('joins abstracts where the page cut them, inside a word too, and keeps a final cut marked', async () => {
    await importProfileFiles(database.prisma, [seedPage]);
    const abstractOf = async (title: string) => (await database.prisma.publication.findFirstOrThrow({ where: { title: { startsWith: title } } })).abstract!;
    expect(await abstractOf("Maxwell's Demon")).toContain('This paper sheds new light on this phenomenon');
    expect(await abstractOf('Implicit Regularization')).toContain('regularization effect induced by a dynamical alignment');
    expect(await abstractOf('How Learning Rates')).toContain('neural networks. Through a new {\\it loss-based example ranking}');
    for (const publication of await database.prisma.publication.findMany()) expect(publication.abstract ?? '').not.toMatch(/voir plus|see more/);
    const cut = await database.prisma.publication.findFirstOrThrow({ where: { abstractTruncated: true } });
    expect(cut.title).toBe('On the Spectral Bias of Neural Networks');
    expect(cut.abstract).toBe('Neural networks are known to be a class of highly expressive functions able to fit even random input-output mappings with …');
    const authors = await database.prisma.authorship.findMany({ where: { publicationId: cut.id }, orderBy: { position: 'asc' }, include: { researcher: true } });
    expect(authors.map((a) => a.researcher.name)).toEqual(['Nasim Rahaman', 'Felix Draxler', 'Fred A. Hamprecht', 'Aristide Baratin']);
  });
});

describe('a profile saved as HTML', () => {
  it('gives exactly the rows of the same profile saved as text', async () => {
    const htmlPage = profileFile('seed-page.html', seedPageAsHtml(seedPage).html);
    await importProfileFiles(database.prisma, [htmlPage]);
    const fromHtml = await canonicalDump(database.prisma);
    await emptyDatabase(database.prisma);
    await importProfileFiles(database.prisma, [seedPage]);
    expect(fromHtml).toEqual(await canonicalDump(database.prisma));
    expect(fromHtml.publications).toHaveLength(12);
  });
});

describe('importing several profiles', () => {
  it('makes one row per paper, person and topic across profiles and languages', async () => {
    await importProfileFiles(database.prisma, [seedPage, englishSample]);
    const prisma = database.prisma;
    const torque = await prisma.publication.findMany({
      where: { title: 'Torque-Aware Momentum' },
      include: { authorships: { orderBy: { position: 'asc' }, include: { researcher: true } }, topics: { include: { topic: true } } },
    });
    expect(torque).toHaveLength(1);
    expect(torque[0]!.authorships.map((a) => a.researcher.name)).toEqual(['Aristide Baratin', 'Nicolas Roux', 'Noor Haddad-Lefebvre']);
    expect(torque[0]!.topics.map((t) => t.topic.slug).sort()).toEqual(['deep-learning', 'optimization', 'reinforcement-learning']);
    expect(await prisma.researcher.count({ where: { nameKey: 'keller jordan' } })).toBe(1);
    expect(await prisma.topic.count({ where: { OR: [{ name: 'Deep Learning' }, { nameFr: 'Apprentissage profond' }] } })).toBe(1);
    expect(await prisma.researcher.count({ where: { isMember: true } })).toBe(2);
    expect(await prisma.publication.count()).toBe(15);
    expect(await prisma.researcher.count()).toBe(14);
  });

  it('gives the same data in either order, and Aristide Baratin stays a member', async () => {
    await importProfileFiles(database.prisma, [seedPage]);
    await importProfileFiles(database.prisma, [englishSample]);
    const seedFirst = await canonicalDump(database.prisma);

    await emptyDatabase(database.prisma);
    await importProfileFiles(database.prisma, [englishSample]);
    expect(await database.prisma.researcher.findUnique({ where: { slug: 'aristide-baratin' } })).toMatchObject({ isMember: false });
    await importProfileFiles(database.prisma, [seedPage]);
    const sampleFirst = await canonicalDump(database.prisma);

    expect(sampleFirst).toEqual(seedFirst);
    expect(seedFirst.researchers.find((r) => r.slug === 'aristide-baratin')).toMatchObject({ isMember: true, position: 'independent-visiting-researcher' });
  });

  it('keeps other spellings of a name as aliases, and prefers the profile owner\'s own', async () => {
    const upperCase = profileFile(
      'upper.txt',
      'Portrait of Ada Byron\n\nAda Byron\n\nCore Academic Member - Mila\nResearch Topics\nQuantum Widgets\n\nPublications\n\nA Paper On Widgets\nKELLER JORDAN\nAristide BARATIN\n',
    );
    await importProfileFiles(database.prisma, [upperCase]);
    await importProfileFiles(database.prisma, [seedPage]);
    const aristide = await database.prisma.researcher.findUniqueOrThrow({ where: { slug: 'aristide-baratin' } });
    expect(aristide).toMatchObject({ name: 'Aristide Baratin', aliases: ['Aristide BARATIN'], isMember: true });
    const keller = await database.prisma.researcher.findUniqueOrThrow({ where: { nameKey: 'keller jordan' } });
    expect(keller).toMatchObject({ name: 'Keller Jordan', aliases: ['KELLER JORDAN'] });
    // An unknown topic label is a new topic, not an error.
    expect(await database.prisma.topic.findUnique({ where: { slug: 'quantum-widgets' } })).toMatchObject({ name: 'Quantum Widgets' });
  });
});

describe('idempotence and safety', () => {
  it('a second import rewrites no row and reports everything unchanged', async () => {
    const first = await importProfileFiles(database.prisma, [seedProfilesDir]);
    expect(first.changed).toBe(true);
    const before = await lastWrites(database.prisma);
    const second = await importProfileFiles(database.prisma, [seedProfilesDir]);
    expect(second.changed).toBe(false);
    for (const counts of Object.values(second.counts)) expect(counts).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(second.counts.publication.unchanged).toBe(15);
    expect(await lastWrites(database.prisma)).toEqual(before);
  });

  it('two imports at the same time neither fail nor duplicate anything', async () => {
    const other = await openTestDatabase(testDatabase);
    try {
      const reports = await Promise.all([
        importProfileFiles(database.prisma, [seedProfilesDir]),
        importProfileFiles(other.prisma, [seedProfilesDir]),
      ]);
      expect(reports.filter((report) => report.changed)).toHaveLength(1);
      expect(await database.prisma.publication.count()).toBe(15);
      expect(await database.prisma.researcher.count()).toBe(14);
    } finally {
      await other.close();
    }
  });

  // The embedded database's socket server runs one transaction at a time: there a
  // second import waits before it can even ask for the lock, and cannot say so.
  it.runIf(usingPostgres)('a second import says that it waits for the first, then both succeed', async () => {
    const signal = () => {
      let fire!: () => void;
      const fired = new Promise<void>((resolve) => (fire = resolve));
      return { fire, fired };
    };
    const [holding, release, waiting] = [signal(), signal(), signal()];
    // One through a connection of the pool, the other through Prisma: they share the lock.
    const first = importProfileFiles(database.prisma, [seedPage], {
      pool: database.pool,
      onLocked: async () => {
        holding.fire();
        await release.fired;
      },
    });
    await holding.fired;
    const second = importProfileFiles(database.prisma, [seedProfilesDir], { onWaiting: waiting.fire });
    await waiting.fired;
    release.fire();
    const [firstReport, secondReport] = await Promise.all([first, second]);
    expect(firstReport.counts.publication.created).toBe(12);
    // The second saw the first's rows: only the English sample's papers are new.
    expect(secondReport.counts.publication).toMatchObject({ created: 3, unchanged: 12 });
  });

  it.runIf(usingPostgres)('gives up waiting after its lock timeout, with a clear error, and writes nothing', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const first = importProfileFiles(database.prisma, [englishSample], {
      pool: database.pool,
      onLocked: async () => {
        holding();
        await released;
      },
    });
    await held;
    await expect(importProfileFiles(database.prisma, [seedPage], { lockTimeoutMs: 200 })).rejects.toThrow(
      new ImportLockTimeoutError(200),
    );
    release();
    await first;
    expect(await database.prisma.publication.count()).toBe(4); // the English sample's alone
  });

  // Through Prisma's interactive transaction (npm start), and on a connection of the pool (npm run seed).
  it.each(['prisma', 'pool'] as const)("runs its statements without the API's statement_timeout, with a lock timeout of its own (%s)", async (through) => {
    // A pool whose statements are cut after 100 ms, like the API's (5 s by default).
    const strict = await openDatabase({ databaseUrl: testDatabase.url, pgliteDataDir: '', databasePoolSize: 2, databaseStatementTimeoutMs: 100 });
    try {
      const settings: Record<string, string> = {};
      await importProfileFiles(strict.prisma, [seedPage], {
        pool: through === 'pool' ? strict.pool : undefined,
        lockTimeoutMs: 20 * 60_000,
        onLocked: async (sql) => {
          for (const name of ['statement_timeout', 'lock_timeout']) {
            const [row] = await sql.query<Record<string, string>>(`SHOW ${name}`);
            settings[name] = row![name]!;
          }
          if (usingPostgres) await sql.query('SELECT 1 FROM pg_sleep(0.3)'); // three times the pool's limit
        },
      });
      expect(settings).toEqual({ statement_timeout: '0', lock_timeout: '20min' });
      if (usingPostgres) await expect(strict.pool.query('SELECT 1 FROM pg_sleep(0.3)')).rejects.toThrow(/statement timeout/);
      expect(await database.prisma.publication.count()).toBe(12);
    } finally {
      await strict.close();
    }
  });
});

describe('a dry run', () => {
  it('lists exactly what a changed profile changes, field by field, and writes nothing', async () => {
    await importProfileFiles(database.prisma, [seedProfilesDir]);
    const before = { dump: await canonicalDump(database.prisma), writes: await lastWrites(database.prisma) };
    const title = 'Unsupervised Concept Discovery Mitigates Spurious Correlations';
    const oldAbstract = (await database.prisma.publication.findUniqueOrThrow({ where: { titleKey: titleKey(title) } })).abstract!;
    const newAbstract = 'Models prone to spurious correlations in training data often produce brittle predictions; concept discovery mitigates them on four benchmarks.';
    // The page drops a co-author (Dianbo Liu, on no other paper) and gets a new abstract for that paper.
    const lines = fs.readFileSync(seedPage, 'utf8').split('\n');
    const entry = lines.findIndex((line) => line === title);
    expect(lines.slice(entry + 1, entry + 4)).toEqual(['Md Rifat Arefin', 'Francesco Locatello', 'Dianbo Liu']);
    lines.splice(entry + 3, 2, newAbstract);
    const changed = profileFile('000_83e153fc7d8806a7.txt', lines.join('\n'));

    const report = await importProfileFiles(database.prisma, [changed], { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, changed: true });
    expect(report.changes).toEqual({
      publication: {
        created: [],
        updated: [
          {
            name: title,
            fields: [
              { field: 'abstract', from: oldAbstract, to: newAbstract },
              // The old abstract ended with "Code is available at …"; the new one has no code link.
              { field: 'codeUrl', from: 'https://github.com/rarefin/CoBalT', to: '(none)' },
              { field: 'authors', from: 'Md Rifat Arefin, Francesco Locatello, Dianbo Liu, Aristide Baratin', to: 'Md Rifat Arefin, Francesco Locatello, Aristide Baratin' },
            ],
          },
        ],
        deleted: [],
      },
      researcher: { created: [], updated: [], deleted: ['Dianbo Liu'] },
      topic: { created: [], updated: [], deleted: [] },
      role: { created: [], updated: [], deleted: [] },
    });
    expect(formatChanges(report)).toContain(`Publications: 0 created, 1 updated, 0 deleted\n  ~ ${title}\n      abstract: `);
    expect(formatChanges(report)).toContain('Researchers: 0 created, 0 updated, 1 deleted\n  - Dianbo Liu');
    expect(await canonicalDump(database.prisma)).toEqual(before.dump);
    expect(await lastWrites(database.prisma)).toEqual(before.writes);

    // Written for real, the change is the one listed.
    const real = await importProfileFiles(database.prisma, [changed]);
    expect(real.changes).toEqual(report.changes);
    expect(await database.prisma.researcher.count({ where: { name: 'Dianbo Liu' } })).toBe(0);
  });
});

describe('bad input', () => {
  const badInputs: [string, string | Buffer, RegExp][] = [
    ['empty.txt', '', /empty\.txt:1: the file is empty/],
    ['latin1.txt', Buffer.from('Portrait de Ren\xe9\n\nRen\xe9 Dupont\n', 'latin1'), /latin1\.txt:1: not UTF-8 text/],
    ['binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a]), /binary\.txt:1: not UTF-8 text: the file holds binary data/],
    ['no-name.txt', 'Portrait of\n\nPublications\n\nA Title\n', /no-name\.txt:3: the profile has no name/],
    ['no-publications.txt', 'Portrait of Jo Doe\n\nJo Doe\n\nResearch Topics\nOptimization\n', /no-publications\.txt:\d+: the profile has no "Publications" section/],
    [
      'no-title.txt',
      'Portrait of Jo Doe\n\nJo Doe\n\nPublications\n\nWe study the thing and it is … (see more)very interesting indeed.\n',
      /no-title\.txt:7: a publication has no title/,
    ],
    ['no-letter.txt', 'Portrait of\n\n!!! ???\n\nPublications\n\nA Real Title\n', /no-letter\.txt:3: the (profile's )?name "!!! \?\?\?" has no letter/],
  ];

  it.each(badInputs)('refuses %s with file:line before any database is used', (name, content, message) => {
    const read = () => readProfiles([seedPage, profileFile(name, content)]);
    expect(read).toThrow(AggregateError);
    expect(() => read()).toThrow(message);
  });

  it('reports every bad file at once', () => {
    const files = badInputs.map(([name, content]) => profileFile(name, content));
    expect(() => readProfiles(files)).toThrow(new RegExp(badInputs.map(([, , message]) => message.source).join('.*\n.*')));
  });

  it('a good file beside a bad one is not imported either: all or nothing', async () => {
    await importProfileFiles(database.prisma, [englishSample]);
    const before = { dump: await canonicalDump(database.prisma), writes: await lastWrites(database.prisma) };
    await expect(importProfileFiles(database.prisma, [seedPage, profileFile('empty.txt', '')])).rejects.toThrow(/empty\.txt:1/);
    expect(await canonicalDump(database.prisma)).toEqual(before.dump);
    expect(await lastWrites(database.prisma)).toEqual(before.writes);
  });
});

describe('npm run seed', () => {
  it('imports seed/profiles/ by default: a line per file with --verbose, the changes, a summary', async () => {
    const result = await runSeedCli(['--verbose'], testDatabase.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('000_83e153fc7d8806a7.txt: Aristide Baratin — 12 publications, 1 topic, 1 role');
    expect(result.stdout).toContain('english-sample.txt: Noor Haddad-Lefebvre — 4 publications, 3 topics, 2 roles');
    expect(result.stdout).toContain('Publications: 15 created, 0 updated, 0 deleted\n  + ');
    expect(result.stdout).toMatch(/researchers\s+14\s+0\s+0\s+0/);
    expect(result.stdout).toContain('Import complete.');
    expect(await database.prisma.publication.count()).toBe(15);
  });

  it('stops on a missing file before it opens, creates or migrates any database', async () => {
    const missing = path.join(scratch, 'missing.txt');
    const absentDatabase = new URL(testDatabase.url);
    absentDatabase.pathname = `/${path.basename(scratch).replace(/\W/g, '_')}_absent`;
    const pgliteDir = path.join(scratch, 'pglite-never-created');
    const [withUrl, embedded] = await Promise.all([
      runSeedCli([missing], { DATABASE_URL: absentDatabase.toString() }),
      runSeedCli([missing], { PGLITE_DATA_DIR: pgliteDir }),
    ]);
    for (const result of [withUrl, embedded]) {
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`${missing}: no such file or folder\nNothing was imported.\n`);
    }
    expect(fs.existsSync(pgliteDir)).toBe(false);
    if (usingPostgres) {
      const databases = await database.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_database WHERE datname = ${absentDatabase.pathname.slice(1)}`;
      expect(databases[0]!.n).toBe(0);
    }
  });
});

describe('npm start on an empty database', () => {
  const ResearcherCount = graphql(`query ResearcherCount { researchers { totalCount } }`);

  async function researcherCount(env: Record<string, string>) {
    const app = spawnApp(env);
    const port = await app.port;
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ResearcherCount.toString() }),
    });
    const body = (await response.json()) as GraphQLResponse<ResearcherCountQuery>['body'];
    app.child.kill('SIGTERM');
    expect(await app.exit).toBe(0);
    return body.data?.researchers.totalCount;
  }

  it('imports seed/profiles/ and seed/references/ first unless SEED_ON_START=false', async () => {
    expect(await researcherCount({ ...testDatabase.env, SEED_ON_START: 'false' })).toBe(0);
    // 14 people on the profiles, 31 more co-authors from the seed BibTeX.
    expect(await researcherCount({ ...testDatabase.env, SEED_ON_START: 'true' })).toBe(45);
    // Not empty any more: a restart imports nothing.
    const before = await lastWrites(database.prisma);
    expect(await researcherCount({ ...testDatabase.env, SEED_ON_START: 'true' })).toBe(45);
    expect(await lastWrites(database.prisma)).toEqual(before);
  });
});
