import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { startTestServer, type TestServer } from './support/server.js';

let testDatabase: TestDatabase;
let database: Database;
/** Logs at debug, so that the probes' lines are written too. */
let debugServer: TestServer;
/** The test configuration's level (info). */
let infoServer: TestServer;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openTestDatabase(testDatabase);
  debugServer = await startTestServer(database, { logLevel: 'debug', maxBodyBytes: 1024 });
  infoServer = await startTestServer(database);
});

afterAll(async () => {
  await debugServer?.close();
  await infoServer?.close();
  await database?.close();
  await testDatabase?.drop();
});

const isHttpLine = (line: Record<string, unknown>) => line.msg === 'http request';

/** Sends a request and returns its one HTTP log line (after checking there is exactly one). */
async function loggedLine(server: TestServer, path: string, init?: RequestInit) {
  const response = await fetch(`${server.url}${path}`, init);
  await response.arrayBuffer();
  const id = response.headers.get('x-request-id');
  expect(id).toBeTruthy();
  const line = await server.waitForLog((logged) => isHttpLine(logged) && logged.requestId === id);
  expect(server.logs.filter((logged) => isHttpLine(logged) && logged.requestId === id)).toHaveLength(1);
  return { response, line };
}

const expectedShape = (method: string, path: string, status: number) => ({
  requestId: expect.any(String) as string,
  method,
  path,
  status,
  durationMs: expect.any(Number) as number,
});

describe('one log line per HTTP request', () => {
  it('a 404 is logged once, at info, with id, method, path, status and duration', async () => {
    const { response, line } = await loggedLine(debugServer, '/no/such/page?secret=1');
    expect(response.status).toBe(404);
    expect(line).toMatchObject({ ...expectedShape('GET', '/no/such/page', 404), level: 30, requestId: response.headers.get('x-request-id') });
    // Nothing else: no headers (cookies, tokens) and no query string (it can carry an operation's variables).
    expect(Object.keys(line).sort()).toEqual(['durationMs', 'level', 'method', 'msg', 'path', 'requestId', 'status', 'time']);
    expect(JSON.stringify(line)).not.toContain('secret');
  });

  it('a 413 (body over the limit) is logged once', async () => {
    const { response, line } = await loggedLine(debugServer, '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ researchers { totalCount } } # ${'x'.repeat(4096)}` }),
    });
    expect(response.status).toBe(413);
    expect(line).toMatchObject({ ...expectedShape('POST', '/graphql', 413), level: 30 });
  });

  it('a GraphQL POST is logged once at info, next to its own "graphql request" line', async () => {
    const { response, line } = await loggedLine(debugServer, '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Count { researchers { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    expect(line).toMatchObject({ ...expectedShape('POST', '/graphql', 200), level: 30 });
    const operationLines = debugServer.logs.filter((logged) => logged.msg === 'graphql request' && logged.requestId === line.requestId);
    expect(operationLines).toEqual([expect.objectContaining({ operationName: 'Count', status: 200 })]);
  });

  it('/healthz and /readyz are logged at debug, so not at all at info', async () => {
    const health = await loggedLine(debugServer, '/healthz');
    expect(health.line).toMatchObject({ ...expectedShape('GET', '/healthz', 200), level: 20 });
    const ready = await loggedLine(debugServer, '/readyz');
    expect(ready.line).toMatchObject({ ...expectedShape('GET', '/readyz', 200), level: 20 });

    const probe = await fetch(`${infoServer.url}/healthz`);
    await probe.arrayBuffer();
    // A request logged at info after the probe: the probe's line, had there been one, came first.
    await loggedLine(infoServer, '/nothing-here');
    expect(infoServer.logs.filter((logged) => logged.requestId === probe.headers.get('x-request-id'))).toEqual([]);
  });

  it('X-Request-Id is readable by browsers (CORS exposes it)', async () => {
    const response = await fetch(`${debugServer.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
      body: JSON.stringify({ query: '{ researchers { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('x-request-id');
  });
});
