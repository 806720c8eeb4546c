import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';

/**
 * A database of its own for one run (a test file, `npm run load`, `npm run
 * docs:examples`), reached at `url` like any PostgreSQL: with DATABASE_URL
 * set, a new database on that server, dropped
 * afterwards; otherwise an embedded PGlite in a temporary folder, served on a
 * loopback port and deleted afterwards. Runs never see each other's rows.
 */
export interface ScratchDatabase {
  url: string;
  /** Settings that point the app or the seed command at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** The PostgreSQL server at DATABASE_URL; unset: scratch databases are embedded PGlites. */
export const serverUrl = loadConfig().databaseUrl;

export const usingPostgres = serverUrl !== undefined;

/** Runs `use` on a connection of its own to the server (CREATE and DROP DATABASE cannot run in a transaction). */
export async function withAdminClient<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Runs one statement on the server, on a connection of its own. */
export async function adminQuery(sql: string): Promise<void> {
  await withAdminClient((client) => client.query(sql));
}

/** The URL of database `name` on the server at DATABASE_URL. */
export function databaseUrl(name: string): string {
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Where a scratch database starts from: empty, or a copy of a prepared one. */
export interface ScratchDatabaseOptions {
  /** On PostgreSQL: a database to copy (CREATE DATABASE … TEMPLATE). */
  postgresTemplate?: string;
  /** On PGlite: a data folder to copy. */
  pgliteTemplate?: string;
}

export async function createScratchDatabase(options: ScratchDatabaseOptions = {}): Promise<ScratchDatabase> {
  if (!serverUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-pglite-'));
    if (options.pgliteTemplate) fs.cpSync(options.pgliteTemplate, dataDir, { recursive: true });
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
  await adminQuery(options.postgresTemplate ? `CREATE DATABASE "${name}" TEMPLATE "${options.postgresTemplate}"` : `CREATE DATABASE "${name}"`);
  const url = databaseUrl(name);
  return {
    url,
    env: { DATABASE_URL: url },
    async drop() {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Opens (and migrates) the app's database on a scratch database. */
export function openScratchDatabase(scratchDatabase: ScratchDatabase, url = scratchDatabase.url): Promise<Database> {
  return openDatabase({ databaseUrl: url, pgliteDataDir: '', databasePoolSize: 5 });
}
