import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PGlite (PostgreSQL compiled to WebAssembly) served over the Postgres wire
 * protocol on a loopback port, so that the same `pg` pool and Prisma adapter
 * serve it and a real PostgreSQL alike.
 */
export interface EmbeddedPostgres {
  connectionString: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Data folder; undefined keeps the database in memory (for shadow databases). */
  dataDir: string | undefined;
  /** PGlite runs one query at a time; these are the wire connections it accepts. */
  maxConnections?: number;
  /** What holds the folder, for the message another process gets: 'server' for the API (see acquireLock). */
  holder?: EmbeddedHolder;
}

/** Who holds an embedded data folder: the API server, or another command (`npm run seed`…). */
export type EmbeddedHolder = 'server' | 'command';

export class EmbeddedDatabaseBusyError extends Error {}

const LOCK_FILE = 'lab-publications.pid';

/**
 * PGlite is a single-process database: two processes on one data folder would
 * corrupt it. A pid file makes the second one fail with a clear message.
 */
function acquireLock(dataDir: string, holderKind: EmbeddedHolder): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (;;) {
    try {
      // The pid, then what this process is: the message to the next one says whether a server holds the folder.
      fs.writeFileSync(lockPath, `${process.pid}\n${holderKind}`, { flag: 'wx' });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pid, kind] = fs.readFileSync(lockPath, 'utf8').split('\n');
      const holder = Number(pid);
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new EmbeddedDatabaseBusyError(
          kind === 'server'
            ? `The embedded database in ${dataDir} is in use by process ${holder}, a running API server: only one process can open it. ` +
                'While the server runs, import profiles through it with the importProfiles mutation (an admin token; see "Curation" in the README); ' +
                'or stop the server first, or set DATABASE_URL to use PostgreSQL.'
            : `The embedded database in ${dataDir} is in use by process ${holder}. Stop it first, or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // left behind by a process that died
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where to connect: `databaseUrl` when given, else the embedded database started on `dataDir`. */
export interface DatabaseTarget {
  connectionString: string;
  /** The embedded database when one was started; stop it when done. */
  embedded: EmbeddedPostgres | undefined;
}

export async function resolveDatabase(
  databaseUrl: string | undefined,
  dataDir: string,
  maxConnections?: number,
  holder?: EmbeddedHolder,
): Promise<DatabaseTarget> {
  if (databaseUrl) return { connectionString: databaseUrl, embedded: undefined };
  const embedded = await startEmbeddedPostgres({ dataDir, maxConnections, holder });
  return { connectionString: embedded.connectionString, embedded };
}

export async function startEmbeddedPostgres({ dataDir, maxConnections = 20, holder = 'command' }: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const releaseLock = dataDir ? acquireLock(dataDir, holder) : () => undefined;
  try {
    // unaccent backs full-text search (see the first migration).
    const db = await PGlite.create({ dataDir, extensions: { unaccent } });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
    await server.start(); // resolves once it listens: connecting earlier would be refused
    return {
      connectionString: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
      async stop() {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
