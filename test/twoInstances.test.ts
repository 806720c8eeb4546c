// @module-tag runtime
// @module-tag database
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { seedProfilesDir } from '../src/db/paths.js';
import { nextDataChange, send, statementCounter, type Send } from './support/cacheRequests.js';
import { createTestDatabase, openTestDatabase, usingPostgres, type TestDatabase } from './support/database.js';
import { deleteKeys, testRedisUrl, uniqueKeyPrefix } from './support/redis.js';
import { runSeedCli } from './support/seedCli.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * Two instances behind a load balancer, as in production: one PostgreSQL,
 * one Redis, and nothing else in common (each has its own pool, its own
 * LISTEN connection, its own memory).
 */
const prefix = uniqueKeyPrefix();
const LIMIT = 10;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-two-instances-'));

interface Instance {
  api: TestServer;
  database: Database;
  statements: ReturnType<typeof statementCounter>;
}

let testDatabase: TestDatabase;
let a: Instance;
let b: Instance;

async function startInstance(): Promise<Instance> {
  const database = await openTestDatabase(testDatabase);
  const statements = statementCounter(database.pool);
  const api = await startTestServer(database, {
    redisUrl: testRedisUrl,
    redisKeyPrefix: prefix,
    responseCacheTtlSeconds: 60,
    rateLimitPerMinute: LIMIT,
    trustProxy: 1,
  });
  return { api, database, statements };
}

beforeAll(async () => {
  testDatabase = await createTestDatabase({ seeded: true });
  a = await startInstance();
  b = await startInstance();
});

afterAll(async () => {
  for (const instance of [a, b]) {
    await instance.api.close();
    await instance.database.close();
  }
  await testDatabase.drop();
  await deleteKeys(prefix);
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** Every anonymous request comes from an address of its own (a trusted proxy's X-Forwarded-For): only the rate limit test counts one client. */
let clients = 0;
const anon = () => ({ 'x-forwarded-for': `198.51.100.${(clients += 1)}` });

/** Sends through one instance, counting the SQL statements that instance sent. */
async function through(instance: Instance, request: Send) {
  instance.statements.reset();
  const answer = await send(instance.api.url, { headers: anon(), ...request });
  return { ...answer, statements: instance.statements.count };
}

describe('two instances, one PostgreSQL, one Redis', () => {
  it('a persisted query registered through one is found through the other', async () => {
    const query = 'query TwoInstanceTopics { topics { slug } }';
    expect((await through(b, { hashOf: query, persisted: true })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await through(a, { query, persisted: true })).status).toBe(200);
    const byHash = await through(b, { hashOf: query, persisted: true, method: 'GET' });
    expect(byHash.status).toBe(200);
    expect(byHash.body.data).toEqual({ topics: [{ slug: 'deep-learning' }, { slug: 'optimization' }, { slug: 'reinforcement-learning' }] });
  });

  it('an answer cached through one is served by the other without SQL', async () => {
    const query = '{ researcher(slug: "noor-haddad-lefebvre") { name position publications(first: 2) { nodes { title } } } }';
    const first = await through(a, { query });
    expect(first.statements).toBe(1); // one compiled statement (COMPILED_READS, on with the response cache too)
    const second = await through(b, { query });
    expect(second.statements).toBe(0);
    expect(second.headers.get('age')).toMatch(/^\d+$/);
    expect(second.body).toEqual(first.body);
  });

  it('an edit through one is seen at once through the other (no stale cached answer)', async () => {
    const query = '{ topic(slug: "deep-learning") { name } }';
    for (const instance of [a, b, a, b]) await through(instance, { query });
    expect((await through(b, { query })).statements).toBe(0);

    // On PostgreSQL each instance hears the commit and moves the shared
    // generation on: wait for both, or the later one would drop the fresh
    // answer cached in between. The embedded PGlite is one session: only the
    // connection that made the change hears it (src/db/dataChanges.ts), so A.
    const heard = Promise.all((usingPostgres ? [a, b] : [a]).map((instance) => nextDataChange(instance.api)));
    await a.database.pool.query("BEGIN; UPDATE topic SET name = 'Deep learning (edited through A)' WHERE slug = 'deep-learning'; COMMIT");
    await heard;
    const fromB = await through(b, { query });
    expect(fromB.body).toEqual({ data: { topic: { name: 'Deep learning (edited through A)' } } });
    expect(fromB.statements).toBe(1);
    expect((await through(a, { query })).statements).toBe(0); // B's fresh answer is shared too
  });

  it.skipIf(!usingPostgres)(
    'an import run from another process is seen at once through both (PostgreSQL: the embedded PGlite is one process\'s database, no other process imports while a server holds it)',
    async () => {
      const query = '{ researcher(slug: "noor-haddad-lefebvre") { position } }';
      for (const instance of [a, b, a]) await through(instance, { query });
      expect((await through(b, { query })).statements).toBe(0);

      const profile = fs.readFileSync(path.join(seedProfilesDir, 'english-sample.txt'), 'utf8');
      const edited = profile.replace('Associate Academic Member - McGill University', 'Core Academic Member - McGill University');
      expect(edited).not.toBe(profile);
      fs.writeFileSync(path.join(scratch, 'english-sample.txt'), edited);
      const heardByA = nextDataChange(a.api);
      const heardByB = nextDataChange(b.api);
      const result = await runSeedCli([scratch], testDatabase.env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      // Each instance hears the import's commit on its own LISTEN connection.
      await Promise.all([heardByA, heardByB]);
      for (const instance of [b, a]) {
        expect((await through(instance, { query })).body).toEqual({ data: { researcher: { position: 'Core Academic Member' } } });
      }
    },
  );

  it('the rate limit counts one client\'s requests across both', async () => {
    const token = { authorization: 'Bearer one-client' };
    const served: Record<string, number> = { a: 0, b: 0 };
    for (let request = 0; request < LIMIT; request += 1) {
      const [name, instance] = request % 2 === 0 ? ['a', a] : ['b', b];
      expect((await through(instance, { query: '{ roles { key } }', headers: token })).status).toBe(200);
      served[name]! += 1;
    }
    expect(served).toEqual({ a: LIMIT / 2, b: LIMIT / 2 });
    // A has answered only half the limit itself, yet refuses: the count is shared.
    const refused = await through(a, { query: '{ roles { key } }', headers: token });
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await through(b, { query: '{ roles { key } }', headers: token })).status).toBe(429);
  });
});
