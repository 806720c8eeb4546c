import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { withDirectRawReads } from './rawReads.js';

/**
 * Read replicas (DATABASE_REPLICA_URLS): pools of our own rather than
 * @prisma/extension-read-replicas. The extension (Prisma 7: it takes replica
 * PrismaClients) picks a replica at random for each query and has no notion
 * of a replica that is down, so a stopped replica would fail reads; it also
 * sends every raw query (most of our reads, see modules/shared/pagination)
 * to the primary. Here each replica has its own pg Pool and PrismaClient:
 *
 * - a request takes one replica's client (round-robin over those that are
 *   up), so all its statements see the same replica;
 * - a replica whose connection fails is marked down for `downMs` and skipped;
 *   the connection that failed falls back to the next replica that is up, then
 *   to the primary, so no read fails because one replica is down;
 * - after `downMs` the next read tries it again (or /readyz's probe, which
 *   marks it up as soon as it answers).
 *
 * Writes never come here: mutations, imports, the token CLI and migrations
 * use the primary client (see graphql/readRouting.ts for GraphQL).
 */

/** Which members are up, by a clock; pure, so that unit tests can drive it. */
export class ReplicaHealth {
  private readonly downUntil: number[];
  private cursor = 0;

  constructor(
    readonly size: number,
    private readonly downMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.downUntil = Array.from({ length: size }, () => 0);
  }

  isUp(index: number): boolean {
    return this.downUntil[index]! <= this.now();
  }

  markDown(index: number): void {
    this.downUntil[index] = this.now() + this.downMs;
  }

  markUp(index: number): void {
    this.downUntil[index] = 0;
  }

  /** The next member that is up, round-robin; undefined when all are down. */
  next(): number | undefined {
    for (let step = 0; step < this.size; step += 1) {
      const index = (this.cursor + step) % this.size;
      if (this.isUp(index)) {
        this.cursor = (index + 1) % this.size;
        return index;
      }
    }
    return undefined;
  }

  /** The members after `index` (wrapping around, `index` excluded) that are up, in order. */
  upAfter(index: number): number[] {
    const after: number[] = [];
    for (let step = 1; step < this.size; step += 1) {
      const other = (index + step) % this.size;
      if (this.isUp(other)) after.push(other);
    }
    return after;
  }
}

/** A connection URL without its password, to name a replica in logs and /readyz. */
export function describeUrl(connectionString: string): string {
  const url = new URL(connectionString);
  return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

/**
 * An error that says the connection (not the statement) failed: the server
 * went away or refused the session. A statement error (bad SQL, a timeout)
 * would fail the same way anywhere and does not make a replica down.
 */
export function isBrokenConnection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return /^(08|57P0[1-3])/u.test(code) || ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'].includes(code);
  return /Connection terminated/u.test(error.message);
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/**
 * One replica's pool. PrismaPg takes a pg.Pool (it checks `instanceof`) and
 * goes through `connect()` for every statement (pg's `pool.query` calls it
 * too), so that is where a replica that cannot be reached is skipped: the
 * caller gets a connection of another pool, whose `release()` returns it there.
 */
class ReplicaPool extends pg.Pool {
  constructor(
    options: pg.PoolConfig,
    private readonly connectElsewhere: (error: unknown) => Promise<pg.PoolClient>,
    private readonly isUp: () => boolean,
  ) {
    super(options);
  }

  /** This replica's own connection, with no fallback. */
  connectHere(): Promise<pg.PoolClient> {
    return super.connect();
  }

  /**
   * The form PrismaPg uses (one config object). A connection can also break
   * while it sits idle in the pool (the replica restarted): the statement
   * then fails, and, being a read, runs again on the next replica or the primary.
   */
  // pg's overloads of query() cannot be restated one by one: `any` keeps them all.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: unknown[]): any {
    const [config] = args;
    const run = (pg.Pool.prototype.query as (...args: unknown[]) => unknown).apply(this, args);
    if (args.length !== 1 || typeof config !== 'object' || config === null || !(run instanceof Promise)) return run;
    return (run as Promise<pg.QueryResult>).catch(async (error: unknown) => {
      if (!isBrokenConnection(error)) throw error;
      const client = await this.connectElsewhere(error);
      try {
        return await client.query(config as pg.QueryConfig);
      } finally {
        client.release();
      }
    });
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const connecting = this.isUp() ? this.connectHere().catch(this.connectElsewhere) : this.connectElsewhere(undefined);
    if (!callback) return connecting;
    connecting.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }
}

export interface ReplicaStatus {
  /** host:port/database, no credentials. */
  replica: string;
  up: boolean;
}

export interface ReadReplicas {
  /** The client for a request that only reads: the next replica that is up, or the primary's read client when none is. */
  readClient(): PrismaClient;
  /** Probes every replica (on connections outside the pools) and says which are up; a probe's answer updates the health. */
  status(probe: (connectionString: string) => Promise<boolean>): Promise<ReplicaStatus[]>;
  close(): Promise<void>;
}

export interface ReplicaOptions {
  urls: string[];
  /** The primary's pool and its read client (rawReads.ts), for when no replica is up. */
  primary: { readClient: PrismaClient; pool: pg.Pool };
  /** The pool settings of the primary (size, timeouts), used for each replica too. */
  poolOptions: Omit<pg.PoolConfig, 'connectionString'>;
  /** How long a replica whose connection failed is skipped. */
  downMs: number;
  /** Told when a replica is marked down (for the log). */
  onDown?: (replica: string, error: unknown) => void;
}

export function openReadReplicas({ urls, primary, poolOptions, downMs, onDown }: ReplicaOptions): ReadReplicas {
  const health = new ReplicaHealth(urls.length, downMs);
  const names = urls.map(describeUrl);
  const markDown = (index: number, error: unknown) => {
    const wasUp = health.isUp(index);
    health.markDown(index);
    if (wasUp) onDown?.(names[index]!, error);
  };

  /** After replica `index` failed: the next replicas that are up, then the primary. */
  async function connectAfter(index: number): Promise<pg.PoolClient> {
    for (const other of health.upAfter(index)) {
      try {
        return await pools[other]!.connectHere();
      } catch (error) {
        markDown(other, error);
      }
    }
    return primary.pool.connect();
  }

  const pools = urls.map((connectionString, index) => {
    const pool = new ReplicaPool(
      { ...poolOptions, connectionString },
      async (error) => {
        if (error !== undefined) markDown(index, error);
        return connectAfter(index);
      },
      () => health.isUp(index),
    );
    // An idle connection that breaks (the replica stopped) must not crash the
    // process; the next connect() finds out whether the replica is back.
    pool.on('error', () => undefined);
    return pool;
  });
  const clients = pools.map((pool) => new PrismaClient({ adapter: new PrismaPg(pool) }));
  const readClients = clients.map((client, index) => withDirectRawReads(client, pools[index]!));

  return {
    readClient() {
      const index = health.next();
      return index === undefined ? primary.readClient : readClients[index]!;
    },
    async status(probe) {
      return Promise.all(
        urls.map(async (url, index) => {
          const up = await probe(url);
          if (up) health.markUp(index);
          else markDown(index, new Error('readiness probe failed'));
          return { replica: names[index]!, up };
        }),
      );
    },
    async close() {
      await Promise.all(clients.map((client) => client.$disconnect()));
      await Promise.all(pools.map((pool) => pool.end()));
    },
  };
}
