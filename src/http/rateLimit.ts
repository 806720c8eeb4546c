import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type IncrementResponse, type Store } from 'express-rate-limit';
import { RedisUnavailableError, type SharedRedis } from '../cache/redis.js';
import type { Logger } from '../logger.js';
import { errorBody } from './errors.js';

const WINDOW_MS = 60_000;

/**
 * Who a request counts against: the token it carries (hashed: the key is
 * stored in Redis and may be logged, the token must not be), else its address
 * (IPv6 by /56, as express-rate-limit advises: one host often has a whole range).
 */
export function rateLimitKey(request: Pick<Request, 'ip' | 'headers'>): string {
  const authorization = request.headers.authorization;
  if (authorization) return `token:${createHash('sha256').update(authorization).digest('hex')}`;
  return `ip:${ipKeyGenerator(request.ip ?? 'unknown')}`;
}

/**
 * A fixed one-minute window per client, counted in Redis so that every
 * instance counts the same requests. A Redis failure throws, and the limiter
 * lets the request through (fail open: Redis is a helper, not a gate).
 */
export function redisRateLimitStore(redis: SharedRedis): Store {
  let windowMs = WINDOW_MS;
  const keyOf = (key: string) => `${redis.prefix}rate-limit:${key}`;
  return {
    init(options) {
      windowMs = options.windowMs;
    },
    async increment(key): Promise<IncrementResponse> {
      const replies = await redis.attempt((client) =>
        client.multi().incr(keyOf(key)).pexpire(keyOf(key), windowMs, 'NX').pttl(keyOf(key)).exec(),
      );
      const failure = replies?.find(([error]) => error)?.[0];
      if (!replies || failure) throw new RedisUnavailableError(failure ?? 'command not sent');
      const totalHits = Number(replies[0]![1]);
      const ttl = Number(replies[2]![1]);
      return { totalHits, resetTime: new Date(Date.now() + (ttl > 0 ? ttl : windowMs)) };
    },
    async decrement(key) {
      await redis.attempt((client) => client.decr(keyOf(key)));
    },
    async resetKey(key) {
      await redis.attempt((client) => client.del(keyOf(key)));
    },
  };
}

/**
 * RATE_LIMIT_PER_MINUTE requests a minute per client, then 429 with
 * `Retry-After`, the RateLimit headers and the API's error body. Without
 * Redis the count is this instance's own.
 */
export function rateLimitPerClient(perMinute: number, redis: SharedRedis | undefined, logger: Logger): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: rateLimitKey,
    ...(redis ? { store: redisRateLimitStore(redis) } : {}),
    passOnStoreError: true,
    // Redis outages are logged once by SharedRedis; anything else the limiter reports is a warning.
    logger: {
      warn: (error: unknown) => logger.warn({ err: error }, 'rate limiter'),
      error: (error: unknown) => {
        if (!(error instanceof RedisUnavailableError)) logger.warn({ err: error }, 'rate limiter');
      },
    },
    handler(_request, response) {
      response
        .status(429)
        .json(errorBody('Too many requests: wait for the time given in Retry-After, then try again.', 'RATE_LIMITED', response.locals.requestId));
    },
  });
}
