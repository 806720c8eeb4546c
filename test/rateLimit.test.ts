import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './support/cacheRequests.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';
import { startTestServer, type TestServer } from './support/server.js';

/** The limit in this process's memory (no REDIS_URL); test/twoInstances.test.ts counts it in Redis across two servers. */
const LIMIT = 3;
let api: SeededApi;
let limited: TestServer;

beforeAll(async () => {
  api = await startSeededApi();
  // One proxy in front (TRUST_PROXY=1): the client's address is the last X-Forwarded-For entry.
  limited = await startTestServer(api.database, { rateLimitPerMinute: LIMIT, trustProxy: 1 });
});

afterAll(async () => {
  await limited.close();
  await api.close();
});

const query = '{ topics { slug } }';
/** A client address of its own for each test (documentation range: only a header, never a destination). */
const from = (address: string) => ({ 'x-forwarded-for': address });

describe('rate limit per client (RATE_LIMIT_PER_MINUTE)', () => {
  it('answers past the limit with 429, Retry-After, the RateLimit headers and the API\'s error body', async () => {
    for (let request = 1; request <= LIMIT; request += 1) {
      const answer = await send(limited.url, { query, headers: from('192.0.2.1') });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit')).toBe(`limit=${LIMIT}, remaining=${LIMIT - request}, reset=${answer.headers.get('ratelimit')?.split('reset=')[1]}`);
    }
    const refused = await send(limited.url, { query, headers: from('192.0.2.1') });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-policy')).toBe(`${LIMIT};w=60`);
    expect(refused.body).toEqual({
      errors: [
        {
          message: 'Too many requests: wait for the time given in Retry-After, then try again.',
          extensions: { code: 'RATE_LIMITED', requestId: refused.headers.get('x-request-id') },
        },
      ],
    });
  });

  it('counts each address and each token on its own; health checks are not counted', async () => {
    for (let request = 0; request < LIMIT; request += 1) await send(limited.url, { query, headers: from('192.0.2.2') });
    expect((await send(limited.url, { query, headers: from('192.0.2.2') })).status).toBe(429);
    expect((await send(limited.url, { query, headers: from('192.0.2.3') })).status).toBe(200);
    // A token counts for whoever carries it, from any address.
    const token = { authorization: 'Bearer reader-token' };
    for (const address of ['192.0.2.2', '192.0.2.4', '192.0.2.5']) {
      expect((await send(limited.url, { query, headers: { ...from(address), ...token } })).status).toBe(200);
    }
    expect((await send(limited.url, { query, headers: { ...from('192.0.2.6'), ...token } })).status).toBe(429);
    expect((await fetch(`${limited.url}/healthz`, { headers: from('192.0.2.2') })).status).toBe(200);
  });

  it('is off by default', async () => {
    for (let request = 0; request <= LIMIT; request += 1) expect((await api.api.graphql(query)).status).toBe(200);
  });
});
