import { expect } from 'vitest';
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
  /** Sends to both servers; the status, Cache-Control and body bytes must be the same. */
  both(query: string, variables?: Record<string, unknown>, authorization?: string, operationName?: string): Promise<BothAnswers>;
  /** Same bytes, no error, and the compiled server used one statement; the data. */
  compiledAlike(query: string, variables?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /**
   * Same bytes, through the resolvers on both servers (the compiled server sent
   * the same statements). `guarded`: the compiled statement ran first and its
   * guard sent the operation to the resolvers (an unknown slug): one more.
   */
  resolversAlike(query: string, variables?: Record<string, unknown>, authorization?: string, guarded?: boolean, operationName?: string): Promise<AnswerBody>;
  close(): Promise<void>;
}

export interface AnswerBody {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: string } }[];
}

export interface BothAnswers {
  compiled: RawAnswer;
  resolvers: RawAnswer;
  body: AnswerBody;
}

/** An answer with its request ids removed (each server numbers its own requests). */
function comparable(answer: RawAnswer): string {
  return answer.text.replace(/"requestId":"[^"]*"/gu, '"requestId":"…"');
}

/** `responseCacheTtlSeconds` above 0 turns both servers' response caches on (each its own, in memory). */
export async function startCompiledPair({ responseCacheTtlSeconds = 0 } = {}): Promise<CompiledPair> {
  const testDatabase: TestDatabase = await createTestDatabase({ seeded: true });
  const database = await openTestDatabase(testDatabase);
  const compiled = await startTestServer(database, { compiledReads: true, responseCacheTtlSeconds });
  const resolvers = await startTestServer(database, { compiledReads: false, responseCacheTtlSeconds });
  const statements = statementCounter(database.pool);
  const send: CompiledPair['send'] = async (server, query, variables, authorization, operationName) => {
    statements.reset();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables, operationName }),
    });
    const text = await response.text();
    return { status: response.status, text, statements: statements.count, cacheControl: response.headers.get('cache-control'), age: response.headers.get('age') };
  };
  const both: CompiledPair['both'] = async (query, variables, authorization, operationName) => {
    const fromResolvers = await send(resolvers, query, variables, authorization, operationName);
    const fromCompiled = await send(compiled, query, variables, authorization, operationName);
    expect(fromCompiled.status).toBe(fromResolvers.status);
    expect(fromCompiled.cacheControl).toBe(fromResolvers.cacheControl);
    expect(comparable(fromCompiled)).toBe(comparable(fromResolvers));
    return { compiled: fromCompiled, resolvers: fromResolvers, body: JSON.parse(fromResolvers.text) as AnswerBody };
  };
  return {
    database,
    compiled,
    resolvers,
    send,
    both,
    async compiledAlike(query, variables) {
      const answers = await both(query, variables);
      expect(answers.body.errors).toBeUndefined();
      expect(answers.compiled.statements).toBe(1);
      return answers.body.data!;
    },
    async resolversAlike(query, variables, authorization, guarded = false, operationName) {
      const answers = await both(query, variables, authorization, operationName);
      expect(answers.compiled.statements).toBe(answers.resolvers.statements + (guarded ? 1 : 0));
      return answers.body;
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
