import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * Responses are compact JSON: no indentation, which would cost bytes and CPU
 * on every request. Apollo Server 5's default stringifyResult is already
 * JSON.stringify plus one trailing newline (prettyJSONStringify in
 * runHttpQuery.js, despite its name), and so is the request-id rewrite of
 * error bodies (src/http/requestId.ts): this pins that down.
 */

let testDatabase: TestDatabase;
let database: Database;
let api: TestServer;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openTestDatabase(testDatabase);
  api = await startTestServer(database);
}, 180_000);

afterAll(async () => {
  await api?.close();
  await database?.close();
  await testDatabase?.drop();
});

/** The raw body of a POST to /graphql, as the client receives it. */
async function rawBody(query: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, text: await response.text() };
}

describe('JSON responses', () => {
  it.each([
    ['an answer with data', '{ publications(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }', 200],
    ['a refusal with errors', '{ publications { noSuchField } }', 400],
  ])('%s is compact: one line, no indentation', async (_case, query, status) => {
    const { status: received, text } = await rawBody(query);
    expect(received).toBe(status);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text))}\n`);
  });
});
