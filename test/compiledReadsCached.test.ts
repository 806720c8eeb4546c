import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../bench/src/operations.js';
import { startCompiledPair, type CompiledPair } from './support/compiledPair.js';
import { createApiToken } from './support/tokens.js';

/**
 * Compiled reads with the response cache on: the cache policy comes from the
 * document (src/cache/cacheControl.ts), not from resolvers running, so a
 * compiled answer must carry the same Cache-Control as the resolvers' answer
 * and be stored and served by the response cache like it.
 */

let pair: CompiledPair;
let member: string;
let topic: string;

beforeAll(async () => {
  pair = await startCompiledPair({ responseCacheTtlSeconds: 60 });
  const pool = pair.database.pool;
  member = (await pool.query<{ slug: string }>('SELECT slug FROM researcher WHERE is_member ORDER BY slug LIMIT 1')).rows[0]!.slug;
  topic = (await pool.query<{ slug: string }>('SELECT slug FROM topic ORDER BY slug LIMIT 1')).rows[0]!.slug;
});

afterAll(() => pair.close());

const sampleOf = (sample: string) => (sample === 'member' ? member : sample === 'topic' ? topic : sample === 'search' ? 'learning' : undefined);

describe('compiled reads with the response cache on', () => {
  it('give the resolvers\' bytes and Cache-Control, then are served from the cache without a statement', async () => {
    for (const operation of operations) {
      const variables = operation.variables(sampleOf(operation.sample));
      const resolvers = await pair.send(pair.resolvers, operation.ours, variables);
      const compiled = await pair.send(pair.compiled, operation.ours, variables);
      expect(compiled.status, operation.name).toBe(200);
      expect(compiled.text, operation.name).toBe(resolvers.text);
      // The schema's hints (300 s) capped by the TTL: cacheable by anyone downstream.
      expect(compiled.cacheControl, operation.name).toBe('max-age=60, public');
      expect(compiled.cacheControl, operation.name).toBe(resolvers.cacheControl);
      expect(compiled.statements, operation.name).toBe(1);
      expect(compiled.age, operation.name).toBeNull();

      const again = await pair.send(pair.compiled, operation.ours, variables);
      expect(again.text, operation.name).toBe(compiled.text);
      expect(again.age, operation.name).not.toBeNull();
      expect(again.statements, operation.name).toBe(0);
    }
  });

  it('a request with credentials is neither served from the cache nor cacheable downstream', async () => {
    const token = await createApiToken(pair.database.prisma, 'compiled-cache-test', 'editor');
    const operation = operations[0]!;
    const variables = operation.variables(member);
    await pair.send(pair.compiled, operation.ours, variables);
    const withCredentials = await pair.send(pair.compiled, operation.ours, variables, `Bearer ${token}`);
    expect(withCredentials.status).toBe(200);
    expect(withCredentials.age).toBeNull();
    expect(withCredentials.cacheControl).toBe('no-store');
  });
});
