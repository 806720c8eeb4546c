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
 * CPU ms spent between two snapshots (pid → CPU ms so far): a process in
 * both counts what it added; one only in `after` started in between and
 * counts all it spent; one only in `before` ended in between, and what it
 * spent after `before` is lost (counted 0: a pool's connection closing
 * mid-measurement makes the figure a little low, never high).
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

/** Snapshots of the CPU of the backends serving one database. */
export interface PostgresCpu {
  snapshot(): Promise<Map<number, number>>;
  close(): Promise<void>;
}

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
  return {
    async snapshot() {
      const backends = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      return cpuOfProcesses(backends.rows.map((row) => row.pid));
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
