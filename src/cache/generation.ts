import type { SharedRedis } from './redis.js';

/**
 * The response cache's generation: every cache key carries it, and a change
 * of the data moves it on, which drops the whole cache at once (old entries
 * are never read again and expire by their TTL).
 *
 * A request reads the generation when it starts: an answer computed from data
 * older than a change is stored under the generation before it, which no
 * later request reads. With Redis the generation is one shared counter, so
 * every instance reads and writes the same entries, and the first instance to
 * hear of a change moves it on for all (each one bumps it when it hears: extra
 * bumps only cost a few misses).
 */
export interface CacheGeneration {
  /** The generation to cache under; undefined when it cannot be known (Redis down): then do not cache. */
  current(): Promise<string | undefined>;
  bump(): Promise<void>;
}

export function memoryGeneration(): CacheGeneration {
  let generation = 0;
  return {
    current: () => Promise.resolve(String(generation)),
    bump() {
      generation += 1;
      return Promise.resolve();
    },
  };
}

export function redisGeneration(redis: SharedRedis): CacheGeneration {
  const key = `${redis.prefix}response-cache:generation`;
  const generation: CacheGeneration = {
    async current() {
      const value = await redis.attempt((client) => client.get(key));
      return value === undefined ? undefined : (value ?? '0');
    },
    async bump() {
      await redis.attempt((client) => client.incr(key));
    },
  };
  // A change made while Redis was unreachable could not bump it: assume one did.
  redis.onRecovered(() => void generation.bump());
  return generation;
}
