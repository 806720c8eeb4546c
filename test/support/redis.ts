import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * The Redis that tests share (the machine's and CI's, 127.0.0.1:6379, or
 * TEST_REDIS_URL). Tests that need it fail when it is not there: CI runs
 * one, so a missing Redis is a broken setup, not a reason to skip.
 */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix of its own for one test file, so that parallel files and runs never share keys. */
export function uniqueKeyPrefix(): string {
  return `lab-test-${randomBytes(6).toString('hex')}:`;
}

/** Deletes every key under `prefix` (after a test file). */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
