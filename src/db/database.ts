import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import type { Config } from '../config.js';
import { resolveDatabase } from './embedded.js';
import { applyMigrations } from './migrate.js';

/** The database the app runs on: PostgreSQL at DATABASE_URL, or the embedded PGlite. */
export interface Database {
  prisma: PrismaClient;
  pool: pg.Pool;
  /** True when this is the embedded PGlite database. */
  embedded: boolean;
  /** Migrations applied while opening. */
  appliedMigrations: string[];
  /** True when the database answers a trivial query. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

export type DatabaseConfig = Pick<Config, 'databaseUrl' | 'pgliteDataDir' | 'databasePoolSize'> &
  Partial<Pick<Config, 'databaseConnectTimeoutMs' | 'databaseStatementTimeoutMs'>>;

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const { connectionString, embedded } = await resolveDatabase(config.databaseUrl, config.pgliteDataDir, config.databasePoolSize + 4);
  try {
    const appliedMigrations = await applyMigrations(connectionString);
    const pool = new pg.Pool({
      connectionString,
      max: config.databasePoolSize,
      // A saturated or unreachable database answers with an error, not a hang.
      connectionTimeoutMillis: config.databaseConnectTimeoutMs ?? 5_000,
      // No statement holds a connection for long (a slow query cannot starve the pool).
      statement_timeout: config.databaseStatementTimeoutMs ?? 5_000,
    });
    // An idle client's error (the server restarted) must not crash the process.
    pool.on('error', () => undefined);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    // Prisma loads its query compiler on the first query: do it now, not on a
    // user's request (it blocks the event loop for a moment).
    await prisma.$queryRaw`SELECT 1`;
    return {
      prisma,
      pool,
      embedded: embedded !== undefined,
      appliedMigrations,
      async isReady() {
        try {
          await pool.query('SELECT 1');
          return true;
        } catch {
          return false;
        }
      },
      async close() {
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
