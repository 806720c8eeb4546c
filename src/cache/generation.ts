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
  /** False when the change could not be recorded (Redis down: see redisGeneration). */
  bump(): Promise<boolean>;
}

export function memoryGeneration(): CacheGeneration {
  let generation = 0;
  return {
    current: () => Promise.resolve(String(generation)),
    bump() {
      generation += 1;
      return Promise.resolve(true);
    },
  };
}

export function redisGeneration(redis: SharedRedis): CacheGeneration {
  const key = `${redis.prefix}response-cache:generation`;
  const bump = async () => (await redis.attempt((client) => client.incr(key))) !== undefined;
  // The outages this instance has moved the generation on for: a change made
  // while Redis was unreachable could not bump it, so the end of an outage
  // counts as a change, before any answer is read from the cache again.
  let settledOutages = 0;
  return {
    async current() {
      const outages = redis.outages();
      if (outages !== settledOutages) {
        if (!(await bump())) return undefined;
        settledOutages = outages;
      }
      const value = await redis.attempt((client) => client.get(key));
      return value === undefined ? undefined : (value ?? '0');
    },
    bump,
  };
}
