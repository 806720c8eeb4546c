import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { runCommand } from './command.js';
import { spawnTracked, stopGroup } from './process.js';

/**
 * A PostgreSQL primary and a streaming replica of it, made for one test
 * file: `initdb` in a temporary folder, `pg_basebackup -R -X stream` for the
 * replica, each server on a free loopback port with trust authentication.
 * Both run as tracked children (test/support/process.ts), so a failed or
 * timed-out test leaves no server behind; `stop()` ends them and removes the folder.
 */

export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

const runningAsRoot = process.getuid?.() === 0;

/** Why this machine cannot run the servers, or undefined when it can. */
export function whyNoStreamingReplica(): string | undefined {
  for (const binary of ['initdb', 'postgres', 'pg_basebackup']) {
    if (!fs.existsSync(path.join(POSTGRES_BIN, binary))) return `${path.join(POSTGRES_BIN, binary)} is not installed`;
  }
  // PostgreSQL refuses to run as root: as root the servers run as the postgres user.
  if (runningAsRoot && !fs.existsSync('/usr/sbin/runuser') && !fs.existsSync('/sbin/runuser')) return 'running as root without runuser';
  return undefined;
}

/** A PostgreSQL binary's command line, as the postgres OS user when we are root. */
function asPostgres(binary: string, args: string[]): [string, string[]] {
  const executable = path.join(POSTGRES_BIN, binary);
  return runningAsRoot ? ['runuser', ['-u', 'postgres', '--', executable, ...args]] : [executable, args];
}

async function run(binary: string, args: string[]): Promise<void> {
  const [command, commandArgs] = asPostgres(binary, args);
  const { code, output } = await runCommand(command, commandArgs, { ...process.env, LC_ALL: 'C' });
  if (code !== 0) throw new Error(`${binary} ${args.join(' ')} exited with ${code}:\n${output}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresServer {
  port: number;
  /** A connection URL for `database` on this server. */
  url(database: string): string;
  /** Fast shutdown (sessions are ended), waiting until the server has exited. */
  stop(): Promise<void>;
}

/** Starts `postgres` on a data directory; resolves once it accepts connections (its own log line says so). */
async function startServer(dataDir: string, socketDir: string, name: string): Promise<PostgresServer> {
  const port = await freePort();
  const [command, args] = asPostgres('postgres', ['-D', dataDir, '-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1']);
  const child: ChildProcess = spawnTracked(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      // "ready to accept connections" (primary) or "ready to accept read-only connections" (standby).
      if (/database system is ready to accept (read-only )?connections/u.test(log)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the ${name} server exited with ${code} before accepting connections:\n${log}`)));
  });
  return {
    port,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      // SIGINT is PostgreSQL's fast shutdown: sessions are ended rather than awaited.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGINT');
      await exited;
      await stopGroup(child);
    },
  };
}

export interface StreamingReplica {
  primary: PostgresServer;
  replica: PostgresServer;
  /** Resolves once the replica has replayed everything the primary has written so far (bounded by `timeoutMs`). */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** Stops both servers (if running) and removes the folder. */
  stop(): Promise<void>;
}

async function queryOne<T>(url: string, sql: string): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ value: T }>(sql);
    return rows[0]!.value;
  } finally {
    await client.end();
  }
}

export async function startStreamingReplica(): Promise<StreamingReplica> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-replication-'));
  const servers: PostgresServer[] = [];
  const stop = async () => {
    // The replica first: the primary would otherwise wait for its WAL sender.
    for (const server of [...servers].reverse()) await server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  };
  try {
    if (runningAsRoot) {
      const { uid, gid } = await idsOf('postgres');
      fs.chownSync(folder, uid, gid);
    }
    fs.chmodSync(folder, 0o700);
    const primaryDir = path.join(folder, 'primary');
    const replicaDir = path.join(folder, 'replica');
    // Trust on 127.0.0.1, replication connections included (initdb's pg_hba.conf with --auth=trust).
    await run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync', '--no-instructions', '-E', 'UTF8']);
    fs.appendFileSync(
      path.join(primaryDir, 'postgresql.conf'),
      [
        'wal_level = replica',
        'max_wal_senders = 4',
        'hot_standby = on',
        // A throwaway cluster: no need to wait for the disk.
        'fsync = off',
        'full_page_writes = off',
        '',
      ].join('\n'),
    );
    const primary = await startServer(primaryDir, folder, 'primary');
    servers.push(primary);
    // -R writes primary_conninfo and standby.signal: the copy starts as a streaming replica.
    await run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']);
    const replica = await startServer(replicaDir, folder, 'replica');
    servers.push(replica);
    return {
      primary,
      replica,
      async caughtUp(timeoutMs = 30_000) {
        const target = await queryOne<string>(primary.url('postgres'), 'SELECT pg_current_wal_insert_lsn()::text AS value');
        const deadline = Date.now() + timeoutMs;
        // Polls the replica's replay position: the event waited for is "replayed past target".
        for (;;) {
          const behind = await queryOne<boolean>(
            replica.url('postgres'),
            `SELECT pg_last_wal_replay_lsn() IS NULL OR pg_last_wal_replay_lsn() < '${target}'::pg_lsn AS value`,
          );
          if (!behind) return;
          if (Date.now() > deadline) throw new Error(`the replica has not replayed the primary's WAL up to ${target} in ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function idsOf(user: string): Promise<{ uid: number; gid: number }> {
  const { code, output } = await runCommand('id', ['-u', user], process.env);
  const group = await runCommand('id', ['-g', user], process.env);
  if (code !== 0 || group.code !== 0) throw new Error(`no ${user} user: ${output}`);
  return { uid: Number(output.trim()), gid: Number(group.output.trim()) };
}
