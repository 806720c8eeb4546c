import type { Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './database.js';
import { startTestServer, type TestServer } from './server.js';

/** A test database holding seed/profiles/, and the HTTP server over it. */
export interface SeededApi {
  testDatabase: TestDatabase;
  database: Database;
  api: TestServer;
  close(): Promise<void>;
}

/** `overrides`: configuration of the server (e.g. `compiledReads: false` for a test of the resolvers' own statements). */
export async function startSeededApi(overrides: Partial<Config> = {}): Promise<SeededApi> {
  const testDatabase = await createTestDatabase({ seeded: true });
  const database = await openTestDatabase(testDatabase);
  const api = await startTestServer(database, overrides);
  return {
    testDatabase,
    database,
    api,
    async close() {
      await api.close();
      await database.close();
      await testDatabase.drop();
    },
  };
}
