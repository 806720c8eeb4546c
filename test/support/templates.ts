import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/database.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { defaultSeedPaths } from '../../src/db/paths.js';
import { importProfileFiles } from '../../seed/run.js';
import { databaseUrl, serverUrl, withAdminClient } from '../../scripts/support/scratchDatabase.js';

/**
 * The seeded database most test files start from (migrated, seed/profiles/
 * imported), built once per run and copied for each file: migrating and
 * importing in every file was most of a file's set-up, and on PGlite most of
 * the suite's time. On PostgreSQL it is a template database
 * (`CREATE DATABASE … TEMPLATE`), on PGlite a data folder that is copied.
 */

export function templateName(runId: string): string {
  return `lab_template_${runId}`;
}

function templateDir(runId: string): string {
  return path.join(os.tmpdir(), `lab-pglite-template-${runId}`);
}

async function migrateAndSeed(connectionString: string): Promise<void> {
  const database = await openDatabase({ databaseUrl: connectionString, pgliteDataDir: '', databasePoolSize: 2 });
  try {
    await importProfileFiles(database.prisma, defaultSeedPaths);
  } finally {
    await database.close();
  }
}

/** Builds the PostgreSQL template once per run; the two test workers take turns under an advisory lock. */
export async function postgresTemplate(runId: string): Promise<string> {
  const name = templateName(runId);
  await withAdminClient(async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount) return;
      await client.query(`CREATE DATABASE "${name}"`);
      try {
        await migrateAndSeed(databaseUrl(name));
      } catch (error) {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        throw error;
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
  return name;
}

/**
 * Builds the PGlite template folder once per run. Without a lock: each
 * worker that finds none builds one and renames it into place; a worker that
 * loses the race uses the winner's.
 */
export async function pgliteTemplate(runId: string): Promise<string> {
  const target = templateDir(runId);
  if (fs.existsSync(target)) return target;
  const building = fs.mkdtempSync(`${target}-building-`);
  const embedded = await startEmbeddedPostgres({ dataDir: building, maxConnections: 10 });
  try {
    await migrateAndSeed(embedded.connectionString);
  } finally {
    await embedded.stop();
  }
  try {
    fs.renameSync(building, target);
  } catch (error) {
    if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    fs.rmSync(building, { recursive: true, force: true });
  }
  return target;
}

/** Removes the run's templates (vitest global teardown). */
export async function dropTemplates(runId: string): Promise<void> {
  const dir = templateDir(runId);
  for (const entry of fs.readdirSync(path.dirname(dir))) {
    if (entry.startsWith(path.basename(dir))) fs.rmSync(path.join(path.dirname(dir), entry), { recursive: true, force: true });
  }
  if (serverUrl) await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${templateName(runId)}" WITH (FORCE)`));
}
