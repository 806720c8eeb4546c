import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { SharedRedis } from './redis.js';

/**
 * Apollo's cache interface (what `persistedQueries.cache` and the response
 * cache plugin take) over the shared Redis, under `<REDIS_KEY_PREFIX><name>:`.
 * A Redis failure is a miss on read and a no-op on write: the request is
 * served as if there were no cache (SharedRedis logs the outage once).
 *
 * Apollo's KeyvAdapter over Keyv and @keyv/redis would do the same in three
 * layers, with node-redis queueing commands while it reconnects; one ioredis
 * client that fails fast is what "Redis down: keep serving" needs.
 */
export function redisKeyValueCache(redis: SharedRedis, name: string, defaultTtlSeconds?: number): KeyValueCache<string> {
  const keyOf = (key: string) => `${redis.prefix}${name}:${key}`;
  return {
    async get(key) {
      return (await redis.attempt((client) => client.get(keyOf(key)))) ?? undefined;
    },
    async set(key, value, options?: KeyValueCacheSetOptions) {
      const ttl = options?.ttl ?? defaultTtlSeconds;
      await redis.attempt((client) => (ttl ? client.set(keyOf(key), value, 'EX', Math.max(1, Math.ceil(ttl))) : client.set(keyOf(key), value)));
    },
    async delete(key) {
      return (await redis.attempt((client) => client.del(keyOf(key)))) === 1;
    },
  };
}
