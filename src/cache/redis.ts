import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * The one Redis connection of an instance, shared by the persisted queries
 * cache, the response cache, its generation and the rate limit.
 *
 * Redis is a helper, never a dependency: while it is down every command fails
 * at once (no offline queue, a short command timeout for a Redis that stops
 * answering), its users fall back (caches miss, the rate limit lets requests
 * through), one warning is logged per outage, and the client reconnects by
 * itself. The first command sent during an outage that works ends it.
 */
export interface SharedRedis {
  client: Redis;
  /** Prefix of every key the app writes (REDIS_KEY_PREFIX). */
  prefix: string;
  /**
   * Runs `command`; on failure records the outage and returns undefined.
   * During an outage only one command a second is sent (to notice the end of
   * it); the others return undefined at once instead of waiting.
   */
  attempt<T>(command: (client: Redis) => Promise<T>): Promise<T | undefined>;
  /** Outages so far (each starts at a failure while Redis was counted up). */
  outages(): number;
  /** Connects: resolves once connected, or once the first try failed (then it keeps trying: the app starts degraded). */
  start(): Promise<void>;
  /** PING within the command timeout: what /readyz reports. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** A request never waits longer than this for Redis: past it, Redis counts as down. */
const COMMAND_TIMEOUT_MS = 500;
/** During an outage, how often a command is let through to see whether Redis is back. */
const PROBE_INTERVAL_MS = 1_000;

export class RedisUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Redis is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RedisUnavailableError';
  }
}

export function connectRedis(url: string, prefix: string, logger: Logger): SharedRedis {
  const client = new Redis(url, {
    // A command sent while disconnected fails now instead of waiting for a reconnection.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    // Reconnect forever, at most every 2 s: Redis coming back is noticed without a restart.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    // Connected by start(): a command sent before the connection is up would fail (no offline queue).
    lazyConnect: true,
  });
  let up = true;
  let lastProbe = 0;
  let outages = 0;

  const markDown = (cause: unknown) => {
    if (!up) return;
    up = false;
    outages += 1;
    logger.warn(
      { err: cause instanceof Error ? { message: cause.message } : cause },
      'Redis unavailable: caches bypassed and rate limit not enforced until it answers again',
    );
  };
  const markUp = () => {
    if (up) return;
    up = true;
    logger.info('Redis available again: shared caches and rate limit back on');
  };
  // Connection errors are reported here (and nowhere else): an unhandled 'error' would crash the process.
  client.on('error', markDown);
  client.on('close', () => markDown(new Error('connection closed')));
  client.on('ready', () => {
    // A reconnection proves the connection, not that commands work: PING does.
    if (!up) void client.ping().then(markUp, markDown);
  });

  const shared: SharedRedis = {
    client,
    prefix,
    async attempt(command) {
      const probe = !up;
      if (probe) {
        if (Date.now() - lastProbe < PROBE_INTERVAL_MS) return undefined;
        lastProbe = Date.now();
      }
      try {
        const result = await command(client);
        // Only a command sent during the outage ends it: one sent before may be answered after it began.
        if (probe) markUp();
        return result;
      } catch (error) {
        markDown(error);
        return undefined;
      }
    },
    outages: () => outages,
    async start() {
      await client.connect().catch(markDown);
    },
    async ping() {
      return (await shared.attempt((redis) => redis.ping())) === 'PONG';
    },
    close() {
      client.removeAllListeners('close');
      client.disconnect();
      return Promise.resolve();
    },
  };
  return shared;
}
