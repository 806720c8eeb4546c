import type { ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { RequestHandler } from 'express';
import type { Config } from '../config.js';
import type { GraphQLContext } from '../context.js';
import type { Database } from '../db/database.js';
import { listenForDataChanges, type DataChangeListener } from '../db/dataChanges.js';
import { rateLimitPerClient } from '../http/rateLimit.js';
import type { Logger } from '../logger.js';
import { memoryGeneration, redisGeneration } from './generation.js';
import { connectRedis, type SharedRedis } from './redis.js';
import { redisKeyValueCache } from './redisKeyValueCache.js';
import { responseCachePlugins } from './responseCache.js';

export type SharedStateConfig = Pick<Config, 'redisUrl' | 'redisKeyPrefix' | 'responseCacheTtlSeconds' | 'rateLimitPerMinute' | 'apqCacheBytes'>;

/** Registered persisted queries live this long in Redis (a client re-sends an expired one's text once). */
const APQ_REDIS_TTL_SECONDS = 86_400;

/**
 * What instances share: in Redis when REDIS_URL is set (every instance sees
 * the same entries and counts), else in this process's memory as before.
 * The data itself is never here: PostgreSQL is the one truth, and a change
 * to it drops the response cache (db/dataChanges.ts → generation.ts).
 */
export interface SharedState {
  /** The automatic persisted queries cache; undefined: APQ off. */
  apqCache: KeyValueCache<string> | undefined;
  plugins: ApolloServerPlugin<GraphQLContext>[];
  /** Mounted on /graphql before Apollo: the rate limit (when on), and `Vary: Authorization`. */
  httpMiddleware: RequestHandler[];
  /** Problems that leave the API serving, worse: what /readyz reports as degraded. */
  degradations(): Promise<Record<string, string>>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A CDN may keep a public answer; this tells it that a request with
 * credentials is another request, not one to answer from what it kept.
 */
const varyOnCredentials: RequestHandler = (_request, response, next) => {
  response.vary('Authorization');
  next();
};

export function createSharedState(config: SharedStateConfig, database: Database, logger: Logger): SharedState {
  const redis: SharedRedis | undefined = config.redisUrl ? connectRedis(config.redisUrl, config.redisKeyPrefix, logger) : undefined;
  const ttl = config.responseCacheTtlSeconds;
  const generation = redis ? redisGeneration(redis) : memoryGeneration();
  let listener: DataChangeListener | undefined;
  if (ttl > 0) {
    listener = listenForDataChanges(
      database.pool.options.connectionString!,
      database.pool,
      (reason) => {
        void generation.bump().then((bumped) =>
          bumped
            ? logger.info({ reason }, 'data changed: cached answers dropped')
            : logger.info({ reason }, 'data changed while Redis is unreachable: cached answers will be dropped when it answers again'),
        );
      },
      logger,
    );
  }
  return {
    apqCache:
      config.apqCacheBytes === 0
        ? undefined
        : redis
          ? redisKeyValueCache(redis, 'apq', APQ_REDIS_TTL_SECONDS)
          : new InMemoryLRUCache({ maxSize: config.apqCacheBytes }),
    plugins: responseCachePlugins(ttl, redis ? redisKeyValueCache(redis, 'response-cache') : new InMemoryLRUCache(), generation),
    httpMiddleware: [
      ...(config.rateLimitPerMinute > 0 ? [rateLimitPerClient(config.rateLimitPerMinute, redis, logger)] : []),
      varyOnCredentials,
    ],
    async degradations(): Promise<Record<string, string>> {
      if (redis && !(await redis.ping())) return { redis: 'unavailable: caches bypassed, rate limit not enforced' };
      return {};
    },
    async start() {
      await redis?.start();
      if (!listener) return;
      await listener.start();
      // Changes made while no instance listened (an import while every instance was stopped) were not heard.
      await generation.bump();
    },
    async stop() {
      await listener?.stop();
      await redis?.close();
    },
  };
}
