import type { Database } from '../../src/db/database.js';
import { statementCounter } from './cacheRequests.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './database.js';
import { startTestServer, type TestServer } from './server.js';

/** One answer as the client receives it: the status and the body's exact text. */
export interface RawAnswer {
  status: number;
  text: string;
  /** Statements the server sent to the database for this request. */
  statements: number;
  /** The Cache-Control header (the compiled answer must keep the resolvers' policy). */
  cacheControl: string | null;
  /** The Age header: set on an answer served from the response cache. */
  age: string | null;
}

/**
 * Two servers over one seeded database, compiled reads on and off, asked the
 * same operations one at a time (so that the statement count is the request's).
 */
export interface CompiledPair {
  database: Database;
  compiled: TestServer;
  resolvers: TestServer;
  /** POSTs to one server; `authorization` adds that header. */
  send(server: TestServer, query: string, variables?: Record<string, unknown>, authorization?: string, operationName?: string): Promise<RawAnswer>;
  close(): Promise<void>;
}

/** `responseCacheTtlSeconds` above 0 turns both servers' response caches on (each its own, in memory). */
export async function startCompiledPair({ responseCacheTtlSeconds = 0 } = {}): Promise<CompiledPair> {
  const testDatabase: TestDatabase = await createTestDatabase({ seeded: true });
  const database = await openTestDatabase(testDatabase);
  const compiled = await startTestServer(database, { compiledReads: true, responseCacheTtlSeconds });
  const resolvers = await startTestServer(database, { compiledReads: false, responseCacheTtlSeconds });
  const statements = statementCounter(database.pool);
  return {
    database,
    compiled,
    resolvers,
    async send(server, query, variables, authorization, operationName) {
      statements.reset();
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query, variables, operationName }),
      });
      const text = await response.text();
      return { status: response.status, text, statements: statements.count, cacheControl: response.headers.get('cache-control'), age: response.headers.get('age') };
    },
    async close() {
      statements.stop();
      await compiled.close();
      await resolvers.close();
      await database.close();
      await testDatabase.drop();
    },
  };
}
