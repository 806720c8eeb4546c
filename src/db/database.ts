import net from 'node:net';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import type { Config } from '../config.js';
import { resolveDatabase, type EmbeddedHolder } from './embedded.js';
import { applyPendingMigrations as applyMigrations } from './offline-engine/index.js';
import { boundedPreparedStatementsClient } from './preparedStatements.js';
import { withDirectRawReads } from './rawReads.js';
import { openReadReplicas, type ReplicaStatus } from './replicas.js';

/** The database the app runs on: PostgreSQL at DATABASE_URL, or the embedded PGlite. */
export interface Database {
  prisma: PrismaClient;
  pool: pg.Pool;
  /** True when this is the embedded PGlite database. */
  embedded: boolean;
  /** Migrations applied while opening. */
  appliedMigrations: string[];
  /**
   * True when the database answers a trivial query within `timeoutMs`
   * (default 2 s), false otherwise, however the database fails (even frozen).
   */
  isReady(timeoutMs?: number): Promise<boolean>;
  /**
   * The client for work that only reads (GraphQL queries): a read replica
   * that is up (DATABASE_REPLICA_URLS, src/db/replicas.ts), or the primary
   * when there is none; its `$queryRaw` goes straight to the pool
   * (src/db/rawReads.ts). Everything that writes uses `prisma`, the primary.
   */
  readClient(): PrismaClient;
  /** Probes each read replica: which are up (empty without replicas). */
  replicaStatus(timeoutMs?: number): Promise<ReplicaStatus[]>;
  close(): Promise<void>;
}

export type DatabaseConfig = Pick<Config, 'databaseUrl' | 'pgliteDataDir' | 'databasePoolSize'> &
  Partial<Pick<Config, 'databaseConnectTimeoutMs' | 'databaseStatementTimeoutMs' | 'databasePreparedStatements' | 'databaseReplicas'>> & {
    /** Who opens an embedded database: the API server says so, and a second process is told (src/db/embedded.ts). */
    holder?: EmbeddedHolder;
  };

/**
 * Connects and runs `SELECT 1` on a connection of its own, outside the pool
 * (a probe must neither wait for a busy pool nor leave a pool connection
 * stuck on a frozen database). Past `timeoutMs` the socket is destroyed: a
 * frozen server would never answer a polite goodbye either.
 */
async function probeDatabase(connectionString: string, timeoutMs: number): Promise<boolean> {
  const socket = new net.Socket();
  const client = new pg.Client({ connectionString, stream: () => socket });
  client.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = (async () => {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  })().catch(() => false);
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}

/**
 * True when the server is a PGlite (the embedded one, or one served at
 * DATABASE_URL as the tests do): its connections share one session, where
 * the prepared statements of one connection would clash with another's
 * (42P05, 26000), so statements go unnamed there.
 */
async function isPglite(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    return rows[0]!.version.includes('PGlite');
  } finally {
    await client.end();
  }
}

export interface DatabaseEvents {
  /** A read replica's connection failed: it is skipped for a while (for the log). */
  onReplicaDown?: (replica: string, error: unknown) => void;
}

export async function openDatabase(config: DatabaseConfig, events: DatabaseEvents = {}): Promise<Database> {
  const { connectionString, embedded } = await resolveDatabase(config.databaseUrl, config.pgliteDataDir, config.databasePoolSize + 4, config.holder);
  try {
    const appliedMigrations = await applyMigrations(connectionString);
    const oneSession = embedded !== undefined || (await isPglite(connectionString));
    const poolOptions = {
      max: config.databasePoolSize,
      // A saturated or unreachable database answers with an error, not a hang.
      connectionTimeoutMillis: config.databaseConnectTimeoutMs ?? 5_000,
      // No statement holds a connection for long (a slow query cannot starve the pool).
      statement_timeout: config.databaseStatementTimeoutMs ?? 5_000,
      // The read statements rawReads.ts names stay prepared, a bounded number per connection (replicas' pools too).
      Client: boundedPreparedStatementsClient(oneSession ? 0 : (config.databasePreparedStatements ?? 100)),
    };
    const pool = new pg.Pool({ connectionString, ...poolOptions });
    // An idle client's error (the server restarted) must not crash the process.
    pool.on('error', () => undefined);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const primaryReads = withDirectRawReads(prisma, pool);
    const replicas =
      config.databaseReplicas &&
      openReadReplicas({ ...config.databaseReplicas, primary: { readClient: primaryReads, pool }, poolOptions, onDown: events.onReplicaDown });
    let readiness: Promise<boolean> | undefined;
    // Prisma loads its query compiler on the first query: do it now, not on a
    // user's request (it blocks the event loop for a moment).
    await prisma.$queryRaw`SELECT 1`;
    return {
      prisma,
      pool,
      embedded: embedded !== undefined,
      appliedMigrations,
      isReady(timeoutMs = 2_000) {
        // Probes that arrive while one runs share its answer: piled-up probes
        // of a frozen database open one connection, not one each.
        readiness ??= probeDatabase(connectionString, timeoutMs).finally(() => {
          readiness = undefined;
        });
        return readiness;
      },
      readClient: () => replicas?.readClient() ?? primaryReads,
      async replicaStatus(timeoutMs = 2_000) {
        return (await replicas?.status((url) => probeDatabase(url, timeoutMs))) ?? [];
      },
      async close() {
        await replicas?.close();
        await prisma.$disconnect();
        await pool.end();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
