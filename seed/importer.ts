import type { Prisma, PrismaClient } from '../src/generated/prisma/client.js';
import { kinds, planImport, planKeys, type Changes, type ImportCounts, type ImportPlan } from './plan.js';
import type { ProfileSource } from './source.js';
import { loadVocabulary, type Vocabulary } from './vocabulary.js';
import { plannedWrites, readSnapshot, writePlan } from './write.js';

/**
 * Imports parsed profiles in one transaction: a run imports every file or
 * changes nothing. The planner (seed/plan.ts) compares the files with the
 * rows already there, so importing the same files again writes nothing
 * (updatedAt stays), and every merge is a function of all the data seen, so
 * import order does not matter. The writer (seed/write.ts) reads and writes
 * in a handful of set-based statements.
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
  onLocked?: (tx: Prisma.TransactionClient) => Promise<void>;
}

export interface ImportOptions extends ImportEvents {
  dryRun?: boolean;
  vocabulary?: Vocabulary;
  /** Longest wait for another import to finish, in ms; see DEFAULT_LOCK_TIMEOUT_MS. */
  lockTimeoutMs?: number;
}

/** Serialises imports: a second one waits for the first, then sees its rows. */
const IMPORT_LOCK_ID = 4_172_019_501;

/**
 * A waiting import gives up after 15 minutes: long enough for the largest
 * import we measured to finish many times over, short enough that a stuck
 * one (a session left open on the lock) is reported rather than waited on forever.
 */
export const DEFAULT_LOCK_TIMEOUT_MS = 15 * 60_000;

/** Budget for the import's own work once it holds the lock (Prisma ends a longer interactive transaction). */
const WORK_TIMEOUT_MS = 60 * 60_000;

export class ImportLockTimeoutError extends Error {
  constructor(ms: number) {
    super(`another import held the lock for more than ${Math.round(ms / 1000)} s: gave up waiting (lockTimeoutMs)`);
    this.name = 'ImportLockTimeoutError';
  }
}

export async function importProfiles(prisma: PrismaClient, sources: ProfileSource[], options: ImportOptions = {}): Promise<ImportReport> {
  const vocabulary = options.vocabulary ?? loadVocabulary();
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const keys = planKeys(sources);
  let plan: ImportPlan | undefined;
  try {
    await prisma.$transaction(
      async (tx) => {
        // The pool's statement_timeout protects the API from slow queries; an
        // import's statements are legitimately long and must not be cut by it.
        // The lock wait gets a timeout of its own instead.
        await tx.$queryRaw`SELECT set_config('statement_timeout', '0', true), set_config('lock_timeout', ${`${lockTimeoutMs}ms`}, true)`;
        await acquireImportLock(tx, options.onWaiting);
        await options.onLocked?.(tx);
        plan = planImport(sources, await readSnapshot(tx, keys), vocabulary);
        if (options.dryRun) return;
        options.onPlanned?.(plannedWrites(plan));
        await writePlan(tx, plan, options.onRows);
      },
      { maxWait: 30_000, timeout: lockTimeoutMs + WORK_TIMEOUT_MS },
    );
  } catch (error) {
    if (isLockTimeout(error)) throw new ImportLockTimeoutError(lockTimeoutMs);
    throw error;
  }
  const { counts, changes } = plan!;
  const changed = kinds.some((kind) => counts[kind].created + counts[kind].updated + counts[kind].deleted > 0);
  return { dryRun: options.dryRun ?? false, counts, changed, changes };
}

/** Takes the import lock at once if it is free; otherwise says so, then waits for it. */
async function acquireImportLock(tx: Prisma.TransactionClient, onWaiting: () => void = () => undefined): Promise<void> {
  const [attempt] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${IMPORT_LOCK_ID}::bigint) AS locked`;
  if (attempt?.locked) return;
  onWaiting();
  await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(${IMPORT_LOCK_ID}::bigint)`;
}

function isLockTimeout(error: unknown): boolean {
  // SQLSTATE 55P03 (lock_not_available), as the driver adapter reports it.
  const text = error instanceof Error ? `${error.message} ${JSON.stringify(error)}` : String(error);
  return /55P03|lock timeout/iu.test(text);
}
