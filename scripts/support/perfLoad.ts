import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

import { operations } from '../../bench/src/operations.js';
import { readSamples as readBenchSamples, type Samples } from '../../bench/src/samples.js';

/**
 * What scripts/perf-ab.ts, perf-pg-cpu.ts and perf-profile.ts share: the
 * bench's five operations as it sends them to our server
 * (bench/src/operations.ts) and the sample values they cycle through
 * (bench/src/samples.ts), our built server started as the bench starts it,
 * and one autocannon load.
 */

export interface PerfOperation {
  name: string;
  query: string;
  sample: 'member' | 'topic' | 'search' | 'none';
  variables(value: string | undefined): Record<string, string>;
}

export const perfOperations: readonly PerfOperation[] = operations.map((operation) => ({
  name: operation.name,
  query: operation.ours,
  sample: operation.sample,
  variables: (value) => operation.variables(value),
}));

export type { Samples };

/** The bench's sample values, read from the database at `databaseUrl`. */
export async function readSamples(databaseUrl: string): Promise<Samples> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await readBenchSamples(client);
  } finally {
    await client.end();
  }
}

/** The request bodies of an operation, one per sample value. */
export function bodiesOf(operation: PerfOperation, samples: Samples): string[] {
  return samples[operation.sample].map((value) => JSON.stringify({ query: operation.query, variables: operation.variables(value) }));
}

/** `K=V,K=V` (a command-line option) as an environment. */
export function envOf(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split(',')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
}

export interface PerfServer {
  label: string;
  pid: number;
  url: string;
  /** SIGTERM, then waits for the exit (a CPU profile is written on the way out). */
  stop(): Promise<void>;
}

export interface PerfServerOptions {
  label: string;
  /** A checkout with a build in dist/ (`npm run build`). */
  dir: string;
  databaseUrl: string;
  /** Node options before the script, e.g. --max-semi-space-size=64 or --cpu-prof. */
  nodeArgs?: string[];
  /** Settings over the bench's. */
  env?: Record<string, string>;
}

/** A TCP port free on the loopback interface now (the bench's servers take theirs here too: bench/src/servers.ts). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const started = new Set<ChildProcess>();

/** Ends the servers still running (for the error path). */
export function killPerfServers(): void {
  for (const child of started) child.kill('SIGKILL');
}

/** A perf script's main: on failure, the servers it started are ended and the message goes to stderr with exit code 1. */
export async function runPerfScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    killPerfServers();
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

/** Resolves once `probe` answers true; rejects if the child exits first or after 60 s. */
export async function waitUntilReady(child: ChildProcess, probe: () => Promise<boolean>, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.exitCode ?? child.signalCode}) before answering:\n${output()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`did not answer within 60 s:\n${output()}`);
}

/** Our built server as the bench starts it (bench/src/servers.ts): production, no request logs, a pool of 10. */
export async function startPerfServer({ label, dir, databaseUrl, nodeArgs = [], env = {} }: PerfServerOptions): Promise<PerfServer> {
  const port = await freePort();
  const { DATABASE_URL: _unused, ...inherited } = process.env;
  const child = spawn(process.execPath, [...nodeArgs, path.join('dist', 'src', 'index.js')], {
    cwd: dir,
    env: {
      ...inherited,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '10',
      NODE_ENV: 'production',
      SEED_ON_START: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      MAX_QUERY_COST: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-10_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => started.delete(child));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(child, async () => (await fetch(`${url}/readyz`)).ok, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    label,
    pid: child.pid!,
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Sends each body once and fails on an error answer: load on a broken server measures nothing. */
export async function checkAnswers(url: string, bodies: string[]): Promise<string[]> {
  const answers: string[] = [];
  for (const body of bodies) {
    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    if (!response.ok || text.includes('"errors"')) throw new Error(`${url} answered ${response.status} to ${body.slice(0, 120)}: ${text.slice(0, 300)}`);
    answers.push(text);
  }
  return answers;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /**
   * CPU time (user + system) the server process spent per request, in ms:
   * on a machine shared with other work, throughput follows the share of the
   * cores the server gets, while the CPU a request costs barely depends on it.
   */
  cpuMsPerRequest: number;
}

/** User + system CPU time of a process so far, in ms (Linux: /proc/<pid>/stat, in clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** `connections` clients each keep one request in flight for `seconds`, cycling through `bodies`; `pid` is the server's. */
export async function load(url: string, bodies: string[], connections: number, seconds: number, pid?: number): Promise<LoadResult> {
  const cpuBefore = pid === undefined ? 0 : cpuMsOf(pid);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: bodies.map((body) => ({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body })),
  });
  if (result.errors || result.non2xx || result.timeouts) {
    throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`);
  }
  const cpuMs = pid === undefined ? 0 : cpuMsOf(pid) - cpuBefore;
  return {
    rps: result.requests.total / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: cpuMs / Math.max(result.requests.total, 1),
  };
}
