import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { directives } from './support/csp.js';
import { startTestServer, type TestServer } from './support/server.js';

let testDatabase: TestDatabase;
let database: Database;
/** The test configuration: not production, so the explorer page (Apollo Sandbox, else GraphiQL) is on. */
let development: TestServer;
let production: TestServer;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openTestDatabase(testDatabase);
  development = await startTestServer(database);
  production = await startTestServer(database, { isProduction: true, introspection: false });
});

afterAll(async () => {
  await development?.close();
  await production?.close();
  await database?.close();
  await testDatabase?.drop();
});

const strictPolicy = { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] };

function expectStrictHeaders(response: Response) {
  const policy = directives(response.headers.get('content-security-policy'));
  for (const [name, sources] of Object.entries(strictPolicy)) expect(policy.get(name), name).toEqual(sources);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(response.headers.get('x-powered-by')).toBeNull();
}

const post = (server: TestServer, body: string) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('security headers on every answer', () => {
  for (const [name, server] of [
    ['development', () => development],
    ['production', () => production],
  ] as const) {
    it(`${name}: GraphQL answers, errors, /healthz and 404s carry them, with a CSP that loads nothing`, async () => {
      const answers = [
        await post(server(), JSON.stringify({ query: '{ researchers { totalCount } }' })),
        await post(server(), '{ not json'),
        await fetch(`${server().url}/healthz`),
        await fetch(`${server().url}/readyz`),
        await fetch(`${server().url}/no/such/page`),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([200, 400, 200, 200, 404]);
      for (const answer of answers) expectStrictHeaders(answer);
    });
  }

  it('development: the explorer page gets a CSP that lets Apollo Sandbox and the bundled GraphiQL load (test/explorer*.test.ts: in detail and in Chromium)', async () => {
    const response = await fetch(`${development.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('embeddable-sandbox');
    const header = directives(response.headers.get('content-security-policy'));
    expect(header.get('script-src')).toEqual(["'self'", 'https://embeddable-sandbox.cdn.apollographql.com']);
    expect(header.get('frame-src')).toEqual(['https://sandbox.embed.apollographql.com']);
    expect(header.get('default-src')).toEqual(["'none'"]);
  });

  it('production: no landing page, the same strict policy for a browser', async () => {
    const response = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toContain('embeddable-sandbox');
    expectStrictHeaders(response);
  });
});
