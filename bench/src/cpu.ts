import fs from 'node:fs';
import pg from 'pg';
import { cpuMsOf } from '../../scripts/support/perfLoad.js';

/**
 * The CPU a measurement costs, per request: the server process's, and
 * PostgreSQL's. On two shared cores, throughput follows the CPU a request
 * costs in both processes, and that cost barely depends on how busy the
 * machine is, while rps does.
 *
 * PostgreSQL's share is that of the backends connected to the run's
 * database (pg_stat_activity), read from /proc: the bench measures one
 * system at a time on that database, the other systems' connections sit
 * idle meanwhile, and other work on the same server (other checkouts'
 * tests, other databases) is left out, as is PostgreSQL's own background
 * (checkpointer, WAL writer, autovacuum), which no request pays directly.
 */

/** User + system CPU ms of each process that still exists; one that has exited is left out. */
export function cpuOfProcesses(pids: Iterable<number>): Map<number, number> {
  const cpu = new Map<number, number>();
  for (const pid of pids) {
    try {
      cpu.set(pid, cpuMsOf(pid));
    } catch {
      // exited between the listing and the read
    }
  }
  return cpu;
}

/**
 * CPU ms spent between two snapshots (pid → CPU ms so far; `after` holds the
 * latest reading of every process seen in between, see keepLatest): a
 * process in both counts what it added; one only in `after` started in
 * between and counts all it spent; one only in `before` was never read
 * again, and what it spent after `before` is lost (counted 0: the figure can
 * be a little low, never high).
 */
export function cpuSpentMs(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}

/** ms per request; NaN when no request was answered (a figure of nothing). */
export function perRequest(ms: number, requests: number): number {
  return requests > 0 ? ms / requests : Number.NaN;
}

/** Keeps, for each process, the latest of its readings (`latest` is changed in place). */
export function keepLatest(latest: Map<number, number>, snapshot: ReadonlyMap<number, number>): void {
  for (const [pid, ms] of snapshot) latest.set(pid, ms);
}

/** The CPU of the backends serving one database, over a window. */
export interface PostgresCpu {
  /** Starts a window; `stop` returns the CPU ms its backends spent in it. */
  start(): Promise<{ stop(): Promise<number> }>;
  close(): Promise<void>;
}

/**
 * How often a window reads the backends again: a parallel worker, or a pool
 * connection that closes, is lost after its last reading (cpuSpentMs), so
 * what it spent in its last 200 ms at most is left out.
 */
const SAMPLE_MS = 200;

/**
 * Watches the backends of the database at `url` through a connection of its
 * own (left out of the snapshots). Undefined when PostgreSQL runs where this
 * process cannot read its processes (another machine, a container): the
 * figures are then unknown rather than 0.
 */
export async function watchPostgresCpu(url: string): Promise<PostgresCpu | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  if (!isLocalPostgres(rows[0]!.pid)) {
    await client.end();
    return undefined;
  }
  const snapshot = async () => {
    const backends = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return cpuOfProcesses(backends.rows.map((row) => row.pid));
  };
  return {
    async start() {
      const before = await snapshot();
      const latest = new Map(before);
      // One reading at a time on the one connection; each as soon as the last is done and SAMPLE_MS have passed.
      let reading: Promise<void> = Promise.resolve();
      let failed: unknown;
      const timer = setInterval(() => {
        reading = reading.then(async () => keepLatest(latest, await snapshot())).catch((error: unknown) => void (failed ??= error));
      }, SAMPLE_MS);
      return {
        async stop() {
          clearInterval(timer);
          await reading;
          if (failed !== undefined) throw failed;
          keepLatest(latest, await snapshot());
          return cpuSpentMs(before, latest);
        },
      };
    },
    close: () => client.end(),
  };
}

/** True when `pid` (this connection's backend) is a PostgreSQL process on this machine. */
function isLocalPostgres(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return false;
  }
}
