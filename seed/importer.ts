import type pg from 'pg';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { reportedImport } from '../src/metrics/imports.js';
import { importReferences, type ReferenceReport } from './bibtex/import.js';
import type { ReferenceSource } from './bibtex/read.js';
import { kinds, planImport, planKeys, type Changes, type ImportCounts, type ImportPlan } from './plan.js';
import type { ProfileSource } from './source.js';
import { loadVocabulary, type Vocabulary } from './vocabulary.js';
import { emptySnapshot } from './snapshot.js';
import { plannedWrites, readSnapshot, writePlan, type Sql } from './write.js';

/**
 * Imports parsed profiles in one transaction: a run imports every file or
 * changes nothing. The planner (seed/plan.ts) compares the files with the
 * rows already there, so importing the same files again writes nothing
 * (updatedAt stays), and every merge is a function of all the data seen, so
 * import order does not matter. The writer (seed/write.ts) reads and writes
 * in a handful of set-based statements.
 *
 * Given the pool the PrismaClient runs on (`pool`), the import runs on a
 * connection of its own: its statements carry megabytes of rows as
 * parameters, which go straight to PostgreSQL there, whereas Prisma's raw
 * queries copy them through its query engine (measured with
 * test/support/measureImport.ts: about twice the time and more memory).
 */

export { kinds };
export type { Kind, Outcome, ImportCounts, Changes } from './plan.js';

export interface ImportReport {
  dryRun: boolean;
  counts: ImportCounts;
  /** True when the run wrote (or, dry, would write) anything. */
  changed: boolean;
  /** The researchers, publications, topics and roles created, updated (field by field) and deleted. */
  changes: Changes;
  /** Values a person corrected that the files would have changed: kept (src/modules/shared/provenance.ts). */
  keptCorrections: number;
  /** What the BibTeX files of the run did, when there were any. */
  references?: ReferenceReport;
}

export interface ImportEvents {
  /** Another import holds the lock: this one waits for it to finish. */
  onWaiting?: () => void;
  /** The rows are planned: `total` rows to write. */
  onPlanned?: (total: number) => void;
  /** `rows` more rows were written. */
  onRows?: (rows: number) => void;
  /**
   * Runs inside the transaction once the lock is held, before anything is
   * read (tests use it to hold the lock, or to look at the session's settings).
   */
  onLocked?: (sql: Sql) => Promise<void>;
}

export interface ImportOptions extends ImportEvents {
  dryRun?: boolean;
  vocabulary?: Vocabulary;
  /** Longest wait for another import to finish, in ms; see DEFAULT_LOCK_TIMEOUT_MS. */
  lockTimeoutMs?: number;
  /** The pool under `prisma` (Database.pool): the import then runs on a pg connection of its own, faster. */
  pool?: pg.Pool;
  /** BibTeX files to import in the same transaction, after the profiles (seed/bibtex/). */
  references?: ReferenceSource[];
}

/** Serialises imports: a second one waits for the first, then sees its rows. */
const IMPORT_LOCK_ID = '4172019501'; // a bigint, sent as text

/**
 * A waiting import gives up after 15 minutes: long enough for the largest
 * import we measured to finish many times over, short enough that a stuck
 * one (a session left open on the lock) is reported rather than waited on forever.
 */
export const DEFAULT_LOCK_TIMEOUT_MS = 15 * 60_000;

/** Budget for the import's own work once it holds the lock, on Prisma's interactive transaction. */
const WORK_TIMEOUT_MS = 60 * 60_000;

export class ImportLockTimeoutError extends Error {
  constructor(ms: number) {
    const wait = ms >= 60_000 ? `${ms / 60_000} min` : `${ms / 1000} s`;
    super(`another import held the import lock for more than ${wait}: gave up waiting; nothing was written`);
    this.name = 'ImportLockTimeoutError';
  }
}

/** One import run; how it ended is published for this process's metrics (src/metrics/imports.ts). */
export function importProfiles(prisma: PrismaClient, sources: ProfileSource[], options: ImportOptions = {}): Promise<ImportReport> {
  return reportedImport(() => runImport(prisma, sources, options));
}

async function runImport(prisma: PrismaClient, sources: ProfileSource[], options: ImportOptions): Promise<ImportReport> {
  const vocabulary = options.vocabulary ?? loadVocabulary();
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const keys = planKeys(sources);
  const references = options.references ?? [];
  let plan: ImportPlan | undefined;
  let referenceReport: ReferenceReport | undefined;
  const run = async (sql: Sql) => {
    // The pool's statement_timeout protects the API from slow queries; an
    // import's statements are legitimately long and must not be cut by it.
    // The lock wait gets a timeout of its own instead.
    await sql.query(`SELECT set_config('statement_timeout', '0', true), set_config('lock_timeout', $1, true)`, [`${lockTimeoutMs}ms`]);
    await acquireImportLock(sql, options.onWaiting);
    await options.onLocked?.(sql);
    // A run of BibTeX files alone leaves the profiles' rows alone (the planner would otherwise tidy orphans).
    plan = planImport(sources, sources.length > 0 ? await readSnapshot(sql, keys) : emptySnapshot(), vocabulary);
    // BibTeX is planned against the rows the profiles leave: a dry run with
    // both writes the profiles' plan, then takes it back once BibTeX is planned.
    const rehearse = options.dryRun && references.length > 0 && plannedWrites(plan) > 0;
    if (rehearse) await sql.query('SAVEPOINT import_dry_run');
    if (!options.dryRun) {
      options.onPlanned?.(plannedWrites(plan));
      await writePlan(sql, plan, options.onRows);
    } else if (rehearse) {
      await writePlan(sql, plan);
    }
    if (references.length > 0) referenceReport = await importReferences(sql, references, options);
    if (rehearse) await sql.query('ROLLBACK TO SAVEPOINT import_dry_run');
  };
  try {
    if (options.pool) await inPoolTransaction(options.pool, run);
    else await inPrismaTransaction(prisma, lockTimeoutMs, run);
  } catch (error) {
    if (isLockTimeout(error)) throw new ImportLockTimeoutError(lockTimeoutMs);
    throw error;
  }
  const { counts, changes, keptCorrections } = plan!;
  const changed = kinds.some((kind) => counts[kind].created + counts[kind].updated + counts[kind].deleted > 0) || (referenceReport?.changed ?? false);
  return { dryRun: options.dryRun ?? false, counts, changed, changes, keptCorrections, ...(referenceReport ? { references: referenceReport } : {}) };
}

async function inPoolTransaction(pool: pg.Pool, work: (sql: Sql) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query('BEGIN');
    await work({ query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[] });
    await client.query('COMMIT');
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A connection that failed mid-transaction is not handed back to the API: it is closed (and its transaction with it).
    client.release(failed);
  }
}

function inPrismaTransaction(prisma: PrismaClient, lockTimeoutMs: number, work: (sql: Sql) => Promise<void>): Promise<void> {
  return prisma.$transaction((tx) => work({ query: <R>(text: string, params: unknown[] = []) => tx.$queryRawUnsafe<R[]>(text, ...params) }), {
    maxWait: 30_000,
    // Prisma ends a longer interactive transaction: the lock wait, then the work.
    timeout: lockTimeoutMs + WORK_TIMEOUT_MS,
  });
}

/** Takes the import lock at once if it is free; otherwise says so, then waits for it. */
async function acquireImportLock(sql: Sql, onWaiting: () => void = () => undefined): Promise<void> {
  const [attempt] = await sql.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [IMPORT_LOCK_ID]);
  if (attempt?.locked) return;
  onWaiting();
  await sql.query('SELECT 1 FROM pg_advisory_xact_lock($1::bigint)', [IMPORT_LOCK_ID]);
}

function isLockTimeout(error: unknown): boolean {
  // SQLSTATE 55P03 (lock_not_available), as the driver adapter reports it.
  const text = error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : String(error);
  return /55P03|lock timeout/iu.test(text);
}
