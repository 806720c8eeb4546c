import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createScratchDatabase, usingPostgres, type ScratchDatabase } from '../../scripts/support/scratchDatabase.js';
import { pgliteTemplate, postgresTemplate } from './templates.js';

/**
 * A database of its own for one test file (scripts/support/scratchDatabase.ts:
 * a new database on the server at DATABASE_URL, or an embedded PGlite in a
 * temporary folder), empty or a copy of the run's seeded database.
 */
export type TestDatabase = ScratchDatabase;

export { usingPostgres };

export interface TestDatabaseOptions {
  /** Start from the run's seeded database (migrated, seed/profiles/ imported) instead of an empty one. */
  seeded?: boolean;
}

export async function createTestDatabase({ seeded = false }: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (!seeded) return createScratchDatabase();
  const runId = inject('testRunId');
  return usingPostgres
    ? createScratchDatabase({ postgresTemplate: await postgresTemplate(runId) })
    : createScratchDatabase({ pgliteTemplate: await pgliteTemplate(runId) });
}

/** Opens (and migrates) the app's database on a test database. */
export function openTestDatabase(testDatabase: TestDatabase, url = testDatabase.url): Promise<Database> {
  return openDatabase({ databaseUrl: url, pgliteDataDir: '', databasePoolSize: 5 });
}
