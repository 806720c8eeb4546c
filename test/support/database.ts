import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';

/**
 * A database of its own for one test file: with DATABASE_URL set, a new
 * database on that PostgreSQL server, dropped afterwards; otherwise an
 * embedded PGlite in a temporary folder, deleted afterwards. Runs never see
 * each other's rows.
 */
export interface TestDatabase {
  /** Connection URL of the new database; undefined on PGlite. */
  url: string | undefined;
  /** PGlite's data folder; undefined on PostgreSQL. */
  dataDir: string | undefined;
  /** Settings that point the app at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

const serverUrl = loadConfig().databaseUrl;

export const usingPostgres = serverUrl !== undefined;

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!serverUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-pglite-'));
    return {
      url: undefined,
      dataDir,
      env: { PGLITE_DATA_DIR: dataDir },
      async drop() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `lab_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir: undefined,
    env: { DATABASE_URL: url.toString() },
    async drop() {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Opens (and migrates) the app's database on a test database. */
export function openTestDatabase(testDatabase: TestDatabase): Promise<Database> {
  return openDatabase({
    databaseUrl: testDatabase.url,
    pgliteDataDir: testDatabase.dataDir ?? '',
    databasePoolSize: 5,
  });
}
