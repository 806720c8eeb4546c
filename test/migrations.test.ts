// @module-tag runtime
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { applyPendingMigrations } from '../src/db/offline-engine/index.js';
import { migrationsDir } from '../src/db/paths.js';
import { envWithout, killCommands, runCommand } from './support/command.js';
import { createTestDatabase, usingPostgres, type TestDatabase } from './support/database.js';
import { containing } from './support/matchers.js';

/** Applying migrations runs the WebAssembly engine (seconds on a busy machine, more on PGlite). */
const ENGINE_TIMEOUT_MS = 180_000;

const migrationNames = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let testDatabase: TestDatabase;
let workDir: string;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-migrations-'));
});
afterEach(killCommands);
afterAll(async () => {
  fs.rmSync(workDir, { recursive: true, force: true });
  await testDatabase.drop();
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of prisma/migrations plus the given new migrations (name → SQL). */
function migrationsFolderWith(name: string, extra: Record<string, string>): string {
  const dir = path.join(workDir, name);
  fs.cpSync(migrationsDir, dir, { recursive: true });
  for (const [migration, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, migration));
    fs.writeFileSync(path.join(dir, migration, 'migration.sql'), sql);
  }
  return dir;
}

describe('migrations', () => {
  it('apply from an empty database, record their history, and do nothing the second time', { timeout: ENGINE_TIMEOUT_MS }, async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(await applyPendingMigrations(testDatabase.url)).toEqual(migrationNames);
    expect(await applyPendingMigrations(testDatabase.url)).toEqual([]);

    const history = await query<{ migration_name: string; finished: boolean; checksum: string }>(
      testDatabase.url,
      'SELECT migration_name, finished_at IS NOT NULL AS finished, checksum FROM _prisma_migrations ORDER BY migration_name',
    );
    // The start-up skips the engine when every checksum matches: it must be
    // the engine's own (SHA-256 of migration.sql, hex), or every start would
    // load the engine for nothing.
    expect(history).toEqual(
      migrationNames.map((name) => ({
        migration_name: name,
        finished: true,
        checksum: createHash('sha256').update(fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'))).digest('hex'),
      })),
    );
    const tables = await query<{ table_name: string }>(
      testDatabase.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['authorship', 'listing', 'publication', 'publication_topic', 'researcher', 'role', 'topic']),
    );
    // The full-text vector is kept by the migration's trigger (a PL/pgSQL body with ';' inside), title weighted A.
    await query(testDatabase.url, "INSERT INTO publication (title_key, title, abstract, updated_at) VALUES ('k', 'Torque momentum', 'Une étude', now())");
    const [vector] = await query<{ v: string }>(testDatabase.url, "SELECT search_vector::text AS v FROM publication WHERE title_key = 'k'");
    expect(vector?.v).toContain("'torqu':1A");
    expect(vector?.v).toContain("'etud':4B");
  });

  it('report a failed migration at every start instead of skipping it', { timeout: ENGINE_TIMEOUT_MS }, async () => {
    const folder = migrationsFolderWith('failing', { '29990101000000_broken': 'SELECT * FROM no_such_table;' });
    await expect(applyPendingMigrations(testDatabase.url, { migrationsDir: folder })).rejects.toThrow(/no_such_table/);
    // Its history row is unfinished now: the engine refuses to go on (P3009), and so must the quick check.
    await expect(applyPendingMigrations(testDatabase.url, { migrationsDir: folder })).rejects.toThrow(/29990101000000_broken/);
    await query(testDatabase.url, "DELETE FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'");
    expect(await applyPendingMigrations(testDatabase.url)).toEqual([]);
  });
});

/** The databases a new migration must reach: the test database (PostgreSQL when DATABASE_URL is set) and PGlite. */
const targets = usingPostgres ? ['PostgreSQL', 'the embedded database'] : ['the embedded database'];

describe.each(targets)('a new migration on %s', (target) => {
  it('is applied by the next start, once, by the engine the app runs', { timeout: ENGINE_TIMEOUT_MS }, async () => {
    const embedded = target === 'PostgreSQL' ? undefined : await startEmbeddedPostgres({ dataDir: undefined, maxConnections: 4 });
    const url = embedded?.connectionString ?? testDatabase.url;
    try {
      await applyPendingMigrations(url);
      const folder = migrationsFolderWith(`new-${embedded ? 'embedded' : 'postgres'}`, {
        '29990102000000_add_probe': 'CREATE TABLE probe (id integer PRIMARY KEY);\nINSERT INTO probe VALUES (1);',
      });
      expect(await applyPendingMigrations(url, { migrationsDir: folder })).toEqual(['29990102000000_add_probe']);
      expect(await applyPendingMigrations(url, { migrationsDir: folder })).toEqual([]);
      expect(await query(url, 'SELECT id FROM probe')).toEqual([{ id: 1 }]);
      // Leave the shared test database as prisma/migrations makes it.
      await query(url, "DROP TABLE probe; DELETE FROM _prisma_migrations WHERE migration_name = '29990102000000_add_probe'");
    } finally {
      await embedded?.stop();
    }
  });
});

describe('npm run db:migrate', () => {
  /** What `npm run db:migrate` runs, with the given database settings. */
  const dbMigrate = (env: Record<string, string>) =>
    runCommand(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], { ...envWithout('DATABASE_URL'), ...env });

  it('migrates a new embedded database folder', { timeout: ENGINE_TIMEOUT_MS }, async () => {
    expect(await dbMigrate({ PGLITE_DATA_DIR: path.join(workDir, 'pglite') })).toMatchObject({
      code: 0,
      output: containing(`Applied ${migrationNames.length} migration(s) to the embedded database`),
    });
  });

  it('finds DATABASE_URL up to date', { timeout: ENGINE_TIMEOUT_MS }, async () => {
    expect(await dbMigrate(testDatabase.env)).toMatchObject({ code: 0, output: containing('No pending migrations: DATABASE_URL is up to date') });
  });
});
