// @module-tag database
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxiedApi, type ProxiedApi } from './support/proxiedApi.js';
import { usingPostgres } from './support/database.js';
import { startTestServer } from './support/server.js';

let api: ProxiedApi;
let server: ProxiedApi['server'];
let proxy: ProxiedApi['proxy'];
let database: ProxiedApi['database'];

beforeAll(async () => {
  // A pool of 2 that gives up on a connection after 1 s.
  api = await startProxiedApi({ databasePoolSize: 2, databaseConnectTimeoutMs: 1_000 }, undefined, { seeded: true });
  ({ server, proxy, database } = api);
});

afterAll(() => api.close());

const query = '{ researchers(first: 2) { totalCount nodes { name } } }';

describe('database outages', () => {
  it('while the database is unreachable: DATABASE_UNAVAILABLE, /readyz 503, the process stays up; then it recovers without a restart', async () => {
    expect((await server.graphql(query)).body.data).toMatchObject({ researchers: { totalCount: 45 } });

    await proxy.cut();
    const down = await server.graphql(query);
    expect(down.body.errors).toHaveLength(1);
    expect(down.body.errors![0]).toMatchObject({
      message: 'The database is unavailable. Try again in a moment.',
      extensions: { code: 'DATABASE_UNAVAILABLE', requestId: down.headers.get('x-request-id') },
    });
    expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack|prisma/i);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(server.logs.some((line) => line.msg === 'database unavailable' && line.requestId === down.headers.get('x-request-id'))).toBe(true);

    await proxy.restore();
    expect((await server.graphql(query)).body).toEqual({ data: { researchers: { totalCount: 45, nodes: [{ name: 'A. Courville' }, { name: 'A. Sordoni' }] } } });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('a saturated pool answers with a clean error after the connect timeout, not a hang', async () => {
    const held = await Promise.all([database.pool.connect(), database.pool.connect()]);
    try {
      const started = Date.now();
      const response = await server.graphql(query);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(response.body.errors![0]!.extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    } finally {
      for (const client of held) client.release();
    }
    expect((await server.graphql(query)).body.errors).toBeUndefined();
  });
});

describe('timeouts', () => {
  // PGlite runs one statement at a time in a single session and ignores it.
  it.runIf(usingPostgres)('every connection of the pool carries the statement timeout', async () => {
    const { rows } = await database.pool.query<{ statement_timeout: string }>('SHOW statement_timeout');
    expect(rows[0]!.statement_timeout).toBe('5s');
  });

  it('a request that takes longer than REQUEST_TIMEOUT_MS answers 503 REQUEST_TIMEOUT, and the server goes on', async () => {
    const impatient = await startTestServer(database, { requestTimeoutMs: 1_000 });
    proxy.latencyMs = 1_500; // every database answer now takes 1.5 s
    let requestId: string | null = null;
    try {
      const response = await fetch(`${impatient.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      expect(response.status).toBe(503);
      requestId = response.headers.get('x-request-id');
      expect(await response.json()).toEqual({
        errors: [{ message: 'The request took longer than 1000 ms.', extensions: { code: 'REQUEST_TIMEOUT', requestId: response.headers.get('x-request-id') } }],
      });
    } finally {
      proxy.latencyMs = 0;
    }
    // The late answer: the operation runs to its end and is logged, but nothing more is sent or logged as an error.
    const late = await impatient.waitForLog((line) => line.msg === 'graphql request' && line.requestId === requestId);
    expect(late).toMatchObject({ status: 200, errors: [] });
    expect(impatient.logs.filter((line) => line.requestId === requestId && line.level !== 30)).toEqual([]);
    expect((await impatient.graphql(query)).body.data).toMatchObject({ researchers: { totalCount: 45 } });
    await impatient.close();
  });
});

describe('unexpected errors', () => {
  it('are masked as "Internal server error" with a request id, and logged in full as JSON', async () => {
    // Something the API does not expect: a table it reads has gone.
    await database.prisma.$executeRawUnsafe('ALTER TABLE role RENAME TO role_gone');
    try {
      const response = await server.graphql('query RolesPlease { roles { name } }');
      const requestId = response.headers.get('x-request-id');
      expect(response.body).toEqual({
        data: null,
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
      });
      const logged = server.logs.find((line) => line.msg === 'internal error' && line.requestId === requestId);
      expect(logged).toMatchObject({ level: 50, operationName: 'RolesPlease' });
      expect(JSON.stringify(logged)).toContain('role');
      const summary = server.logs.find((line) => line.msg === 'graphql request' && line.requestId === requestId);
      expect(summary).toMatchObject({ operationName: 'RolesPlease', status: 200, errors: ['INTERNAL_SERVER_ERROR'] });
      expect(typeof summary!.durationMs).toBe('number');
    } finally {
      await database.prisma.$executeRawUnsafe('ALTER TABLE role_gone RENAME TO role');
    }
  });
});
