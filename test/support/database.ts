import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { databaseUrl, pgliteTemplate, postgresTemplate, serverUrl, withAdminClient } from './templates.js';

/**
 * A database of its own for one test file, reached at `url` like any
 * PostgreSQL: with DATABASE_URL set, a new database on that server, dropped
 * afterwards; otherwise an embedded PGlite in a temporary folder, served on a
 * loopback port and deleted afterwards. Runs never see each other's rows.
 */
export interface TestDatabase {
  url: string;
  /** Settings that point the app or the seed command at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export const usingPostgres = serverUrl !== undefined;

export interface TestDatabaseOptions {
  /** Start from the run's seeded database (migrated, seed/profiles/ imported) instead of an empty one. */
  seeded?: boolean;
}

export async function createTestDatabase({ seeded = false }: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (!serverUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-pglite-'));
    if (seeded) fs.cpSync(await pgliteTemplate(inject('testRunId')), dataDir, { recursive: true });
    const embedded = await startEmbeddedPostgres({ dataDir, maxConnections: 30 });
    return {
      url: embedded.connectionString,
      env: { DATABASE_URL: embedded.connectionString },
      async drop() {
        await embedded.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `lab_test_${randomBytes(6).toString('hex')}`;
  const template = seeded ? await postgresTemplate(inject('testRunId')) : undefined;
  await withAdminClient((client) => client.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  return {
    url,
    env: { DATABASE_URL: url },
    async drop() {
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Opens (and migrates) the app's database on a test database. */
export function openTestDatabase(testDatabase: TestDatabase, url = testDatabase.url): Promise<Database> {
  return openDatabase({ databaseUrl: url, pgliteDataDir: '', databasePoolSize: 5 });
}
