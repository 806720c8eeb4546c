// @module-tag database
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { nextDataChange, send, statementCounter } from './support/cacheRequests.js';
import { createTestDatabase, openTestDatabase, usingPostgres, type TestDatabase } from './support/database.js';
import { startTestServer, type TestServer } from './support/server.js';

/** The response cache in this process's memory (no REDIS_URL); test/redis.test.ts runs it in Redis. */
const TTL = 60;
let testDatabase: TestDatabase;
let database: Database;
let cached: TestServer;
let uncached: TestServer;
let statements: ReturnType<typeof statementCounter>;

beforeAll(async () => {
  testDatabase = await createTestDatabase({ seeded: true });
  database = await openTestDatabase(testDatabase);
  statements = statementCounter(database.pool);
  cached = await startTestServer(database, { responseCacheTtlSeconds: TTL });
  uncached = await startTestServer(database);
});

afterAll(async () => {
  await cached.close();
  await uncached.close();
  await database.close();
  await testDatabase.drop();
});

/** Sends `query` to the cached server, counting the SQL statements it cost. */
async function measured(query: string, headers?: Record<string, string>) {
  statements.reset();
  const answer = await send(cached.url, { query, headers });
  expect(answer.body.errors).toBeUndefined();
  return { ...answer, statements: statements.count };
}

const topicsQuery = '{ topics { slug name } }';

describe('response cache (RESPONSE_CACHE_TTL_SECONDS)', () => {
  it('answers a repeated anonymous query from the cache: no SQL, an Age header, the same data', async () => {
    const query = '{ researcher(slug: "aristide-baratin") { name publications(first: 3) { totalCount nodes { title } } } }';
    const first = await measured(query);
    expect(first.statements).toBeGreaterThan(0);
    expect(first.headers.get('age')).toBeNull();
    const second = await measured(query);
    expect(second.statements).toBe(0);
    expect(second.headers.get('age')).toMatch(/^\d+$/);
    expect(second.body).toEqual(first.body);
  });

  it('a request with credentials is neither served from the cache nor stored in it', async () => {
    const query = '{ roles { key name } }';
    await measured(query); // stored
    const withToken = await measured(query, { authorization: 'Bearer someone' });
    expect(withToken.statements).toBeGreaterThan(0);
    expect(withToken.headers.get('age')).toBeNull();
    expect(withToken.headers.get('cache-control')).toBe('no-store');

    const tokenFirst = '{ roles { key nameFr } }';
    await measured(tokenFirst, { authorization: 'Bearer someone' });
    expect((await measured(tokenFirst)).statements).toBeGreaterThan(0); // the token's answer was not stored
  });

  it('an edit drops the whole cache: the next request sees the new data', async () => {
    const other = '{ researchers(first: 2) { totalCount nodes { slug } } }';
    const before = await measured(topicsQuery);
    await measured(other);
    expect((await measured(topicsQuery)).statements).toBe(0);

    const dropped = nextDataChange(cached);
    await database.pool.query("BEGIN; UPDATE topic SET name = 'Optimisation (edited)' WHERE slug = 'optimization'; COMMIT");
    await dropped;

    const after = await measured(topicsQuery);
    expect(after.statements).toBeGreaterThan(0);
    expect(after.body).toEqual({
      data: { topics: expect.arrayContaining([{ slug: 'optimization', name: 'Optimisation (edited)' }]) as unknown },
    });
    expect(after.body).not.toEqual(before.body);
    expect((await measured(other)).statements).toBeGreaterThan(0); // every entry went, not only the topic's
  });

  it('a rolled-back edit signals nothing', async () => {
    const signals = cached.logs.filter((line) => line.msg === 'data changed: cached answers dropped').length;
    await measured(topicsQuery);
    await database.pool.query("BEGIN; UPDATE topic SET name = 'never' WHERE slug = 'optimization'; ROLLBACK");
    // A later committed change's signal arrives after any earlier one: when it is here, nothing came before it.
    const next = nextDataChange(cached);
    await database.pool.query("UPDATE topic SET name = name WHERE slug = 'optimization'");
    await next;
    expect(cached.logs.filter((line) => line.msg === 'data changed: cached answers dropped').length).toBe(signals + 1);
  });

  it.skipIf(!usingPostgres)(
    'a lost LISTEN connection is reopened, and counts as a change (PostgreSQL: the embedded PGlite has one session, nothing to cut)',
    async () => {
      await measured(topicsQuery);
      expect((await measured(topicsQuery)).statements).toBe(0);
      const dropped = nextDataChange(cached);
      const terminated = await database.pool.query<{ terminated: boolean }>(
        "SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN lab_data_changed'",
      );
      expect(terminated.rows).toEqual([{ terminated: true }]);
      expect(await dropped).toMatchObject({ reason: 'reconnected' });
      expect((await measured(topicsQuery)).statements).toBeGreaterThan(0);
      // Listening again: a change is heard.
      const heard = nextDataChange(cached);
      await database.pool.query("UPDATE topic SET name = name WHERE slug = 'optimization'");
      expect(await heard).toMatchObject({ reason: 'notification' });
    },
  );
});

describe('Cache-Control for CDNs', () => {
  const query = 'query TopicNames { topics { name } }';

  it('a persisted query over GET says public, max-age (the schema\'s 300 s capped by the TTL), and is served from the cache', async () => {
    const registered = await send(cached.url, { query, persisted: true });
    expect(registered.status).toBe(200);
    const byGet = await send(cached.url, { hashOf: query, persisted: true, method: 'GET' });
    expect(byGet.status).toBe(200);
    expect(byGet.body.data).toEqual(registered.body.data);
    expect(byGet.headers.get('cache-control')).toBe(`max-age=${TTL}, public`);
    // A CDN must not answer a request with credentials from what it kept for anonymous ones.
    expect(byGet.headers.get('vary')?.split(/,\s*/)).toEqual(expect.arrayContaining(['Origin', 'Authorization']));
    expect((await send(cached.url, { hashOf: query, persisted: true, method: 'GET' })).headers.get('age')).toMatch(/^\d+$/);
  });

  it('says no-store for a request with credentials, an error, or a field without a hint', async () => {
    const withToken = await send(cached.url, { hashOf: query, persisted: true, method: 'GET', headers: { authorization: 'Bearer someone' } });
    expect(withToken.headers.get('cache-control')).toBe('no-store');
    const failed = await send(cached.url, { query: '{ topics { nope } }', method: 'GET' });
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect((await send(cached.url, { query: '{ __typename }', method: 'GET' })).headers.get('cache-control')).toBe('no-store');
  });

  it('with caching off (the default) every answer says no-store and nothing is cached', async () => {
    for (let round = 0; round < 2; round += 1) {
      const answer = await send(uncached.url, { query, method: 'GET' });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('age')).toBeNull();
    }
  });
});
