import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { send } from './support/cacheRequests.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { deleteKeys, testRedisUrl, uniqueKeyPrefix } from './support/redis.js';
import { startTestServer, type TestServer } from './support/server.js';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy.js';

/**
 * The app's Redis reached through a TCP proxy that the test cuts and
 * restores: Redis "goes down" for this server only, not for other test files.
 */
const prefix = uniqueKeyPrefix();
const LIMIT = 2;
let testDatabase: TestDatabase;
let database: Database;
let proxy: TcpProxy;
let api: TestServer;
let redis: Redis;

beforeAll(async () => {
  const target = new URL(testRedisUrl);
  proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
  redis = new Redis(testRedisUrl);
  testDatabase = await createTestDatabase({ seeded: true });
  database = await openTestDatabase(testDatabase);
  api = await startTestServer(database, {
    redisUrl: proxy.route(testRedisUrl),
    redisKeyPrefix: prefix,
    responseCacheTtlSeconds: 60,
    rateLimitPerMinute: LIMIT,
    trustProxy: 1,
  });
});

afterAll(async () => {
  await api.close();
  await database.close();
  await testDatabase.drop();
  await proxy.close();
  redis.disconnect();
  await deleteKeys(prefix);
});

const isRecovery = (line: Record<string, unknown>) => String(line.msg).startsWith('Redis available again');
/**
 * The rate limit counts every request: each one here comes from an address
 * (X-Forwarded-For, one trusted proxy; documentation range, only a header) or
 * with a token of its own, unless a test counts one client's requests.
 */
let clients = 0;
const anon = () => ({ 'x-forwarded-for': `192.0.2.${(clients += 1)}` });
const fresh = () => ({ authorization: `Bearer fresh-${(clients += 1)}` });

async function readyz() {
  const response = await fetch(`${api.url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe('shared state in Redis (REDIS_URL)', () => {
  it('keeps persisted queries, cached answers and rate limit counts in Redis, under REDIS_KEY_PREFIX', async () => {
    const query = 'query RedisTopics { topics { slug } }';
    expect((await send(api.url, { query, persisted: true, headers: anon() })).status).toBe(200);
    expect((await send(api.url, { query, headers: anon() })).headers.get('age')).toMatch(/^\d+$/);
    const keys = await redis.keys(`${prefix}*`);
    expect(keys.some((key) => key.startsWith(`${prefix}apq:`))).toBe(true);
    expect(keys.some((key) => key.startsWith(`${prefix}response-cache:fqc:`))).toBe(true);
    expect(keys.some((key) => key.startsWith(`${prefix}rate-limit:ip:`))).toBe(true);
    expect((await readyz()).body).toEqual({ status: 'ready' });
  });

  it('Redis down: still serving (caches bypassed, rate limit open), /readyz degraded with 200, one warning; all back when it returns', async () => {
    const cachedQuery = '{ topics { slug name } }';
    await send(api.url, { query: cachedQuery, headers: anon() });
    expect((await send(api.url, { query: cachedQuery, headers: anon() })).headers.get('age')).toMatch(/^\d+$/);
    const persistedQuery = 'query DownTopics { topics { name } }';
    expect((await send(api.url, { query: persistedQuery, persisted: true, headers: fresh() })).status).toBe(200);

    await proxy.cut();
    // A change while Redis is unreachable cannot move the shared generation on now…
    await database.pool.query("UPDATE topic SET name = 'Changed during the outage' WHERE slug = 'optimization'");
    const fromDatabase = await send(api.url, { query: cachedQuery, headers: fresh() });
    expect(fromDatabase.status).toBe(200);
    expect(fromDatabase.body.data).toEqual({ topics: expect.arrayContaining([{ slug: 'optimization', name: 'Changed during the outage' }]) as unknown });
    const anonymous = await send(api.url, { query: cachedQuery, headers: anon() });
    expect(anonymous.body).toEqual(fromDatabase.body); // not the cached answer
    expect(anonymous.headers.get('age')).toBeNull();
    // The persisted query is not found (its cache is bypassed): the client sends the text, and is served.
    expect((await send(api.url, { hashOf: persistedQuery, persisted: true, headers: fresh() })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await send(api.url, { query: persistedQuery, persisted: true, headers: fresh() })).status).toBe(200);
    // The rate limit fails open: more than the limit with one token.
    const token = { authorization: 'Bearer counted-while-down' };
    for (let request = 0; request <= LIMIT + 1; request += 1) expect((await send(api.url, { query: cachedQuery, headers: token })).status).toBe(200);
    expect(await readyz()).toEqual({ status: 200, body: { status: 'degraded', redis: 'unavailable: caches bypassed, rate limit not enforced' } });
    expect(api.logs.filter((line) => line.level === 40 || isRecovery(line)).map((line) => line.level)).toEqual([40]);

    const recovered = api.waitForLog(isRecovery);
    await proxy.restore();
    await recovered;
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready' } });
    // …so the cache answered before the outage is never served again.
    const after = await send(api.url, { query: cachedQuery, headers: anon() });
    expect(after.body).toEqual(fromDatabase.body);
    expect(after.headers.get('age')).toBeNull();
    expect((await send(api.url, { query: cachedQuery, headers: anon() })).headers.get('age')).toMatch(/^\d+$/);
    // Persisted queries and the rate limit are shared again.
    expect((await send(api.url, { query: persistedQuery, persisted: true, headers: fresh() })).status).toBe(200);
    expect((await send(api.url, { hashOf: persistedQuery, persisted: true, headers: fresh() })).status).toBe(200);
    const statuses = [];
    for (let request = 0; request <= LIMIT; request += 1) statuses.push((await send(api.url, { query: cachedQuery, headers: { authorization: 'Bearer counted-after' } })).status);
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429]);
    // One outage: one warning, one recovery.
    expect(api.logs.filter((line) => line.level === 40 || isRecovery(line)).map((line) => line.level)).toEqual([40, 30]);
  });

  it('starts while Redis is unreachable (serving, degraded) and picks it up when it comes', async () => {
    const target = new URL(testRedisUrl);
    const late = await startTcpProxy(target.hostname, Number(target.port || 6379));
    await late.cut(); // nothing listens on its port yet
    const server = await startTestServer(database, { redisUrl: late.route(testRedisUrl), redisKeyPrefix: prefix, responseCacheTtlSeconds: 60 });
    try {
      expect((await send(server.url, { query: '{ roles { key } }' })).status).toBe(200);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect(((await (await fetch(`${server.url}/readyz`)).json()) as { status: string }).status).toBe('degraded');
      const recovered = server.waitForLog(isRecovery);
      await late.restore();
      await recovered;
      expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' });
      await send(server.url, { query: '{ roles { key } }' });
      expect((await send(server.url, { query: '{ roles { key } }' })).headers.get('age')).toMatch(/^\d+$/);
    } finally {
      await server.close();
      await late.close();
    }
  });
});
