import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { operations } from '../bench/src/operations.js';
import { requestsFor, type BenchRequest } from '../bench/src/requests.js';
import { percentile } from '../bench/src/latency.js';
import { median } from '../bench/src/report.js';
import { pausesByKind, pauseWithin, type GcPause } from './support/gcPauses.js';
import { cpuMsOf, freePort, type PerfServer, readSamples, runPerfScript, startPerfServer, waitUntilReady } from './support/perfLoad.js';

/**
 * Where the latency tail of our server under the bench's load comes from
 * (issue 13: p99 under twice the floor's), with the evidence printed so that
 * the claim can be re-run, and an A/B of two builds or two sets of Node
 * options on the same evidence:
 *
 *   npm run build
 *   npx tsx scripts/perf-tail.ts --database postgresql://postgres@127.0.0.1:5432/<copy of a bench template> \
 *     [--a .] [--a-node-args=…] [--a-env K=V,…] [--b <checkout>] [--b-node-args=--max-semi-space-size=32] [--b-env …] \
 *     [--floor] [--ops newest,profile] [--connections 32] [--seconds 15] [--warmup 3] [--rounds 1] [--together]
 *
 * Our built server from --a's checkout (this one by default), and a second
 * one (B) when any --b option is given (--b defaults to --a's checkout),
 * each started as the bench starts ours (scripts/support/perfLoad.ts), and
 * with --floor the bench's floor (bench/src/floor-server.ts), each with
 * scripts/support/tailProbe.mjs loaded first (`--import`), which reports
 * from inside the process every garbage-collection pause, the event-loop
 * delay and utilisation, and the memory. For each operation, after `warmup`
 * seconds of load, `seconds` are measured with `connections` clients
 * (autocannon, in this process: the same load generator, at the same cost,
 * for every server), one server at a time, the order turning each round so
 * that a drift of the machine's load favours none; with --together, all
 * servers at the same time instead (each with `connections` clients), so
 * that every one meets the same load of the machine at every moment (the
 * steadier A/B on a machine shared with other work; the database figures
 * then count the backends of all of them). Printed per measurement:
 * - throughput, the server's CPU per request, p50, p99 and p99/p50 (from
 *   every response's own time, to the microsecond);
 * - the GC pauses: count and total ms by kind, the longest, and their
 *   share of the wall time;
 * - whether the slowest requests (the 1 % at or above p99) met more GC
 *   pause than the others: the mean ms of pause within each one's span,
 *   against the same for the requests around the median;
 * - the event-loop delay (p50, p99, max) and utilisation: how long a ready
 *   callback waited for the main thread;
 * - the database pool: PostgreSQL backends of the run's database busy on a
 *   statement (pg_stat_activity, sampled every 20 ms; the pool holds 10):
 *   their mean, and how often all 10 were busy (then requests wait for a
 *   connection);
 * - memory: resident set at the end and peak (maxRSS), and heap used.
 * Then, per operation, the medians over the rounds and, with B, the ratios
 * B÷A of p99 and A÷B of the CPU per request in each round and their median
 * (p99 B÷A below 1 and CPU A÷B above 1: B is better).
 */
const { values: options } = parseArgs({
  options: {
    database: { type: 'string' },
    a: { type: 'string', default: process.cwd() },
    'a-node-args': { type: 'string', default: '' },
    'a-env': { type: 'string', default: '' },
    b: { type: 'string' },
    'b-node-args': { type: 'string' },
    'b-env': { type: 'string' },
    floor: { type: 'boolean', default: false },
    ops: { type: 'string', default: 'newest,profile' },
    connections: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '1' },
    together: { type: 'boolean', default: false },
  },
});

const probe = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'tailProbe.mjs');
const projectRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

interface ProbeSnapshot {
  at: number;
  gc: GcPause[];
  eventLoopDelayMs: { p50: number; p99: number; max: number; mean: number };
  eventLoopUtilisation: number;
  memory: { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number; maxRss: number };
}

interface Probed extends PerfServer {
  /** Asks the probe for what happened since the last call (or the start), and resets it. */
  snapshot(): Promise<ProbeSnapshot>;
}

function probeReader(pid: number, file: string): () => Promise<ProbeSnapshot> {
  let sequence = 0;
  return async () => {
    sequence += 1;
    const target = `${file}.${sequence}`;
    process.kill(pid, 'SIGUSR2');
    const deadline = Date.now() + 10_000;
    while (!fs.existsSync(target)) {
      if (Date.now() > deadline) throw new Error(`the probe in ${pid} wrote no ${target}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return JSON.parse(fs.readFileSync(target, 'utf8')) as ProbeSnapshot;
  };
}

const words = (text: string) => text.split(' ').filter(Boolean);
const envOf = (text: string) => Object.fromEntries(text.split(',').filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));

interface Side {
  label: 'A' | 'B';
  dir: string;
  nodeArgs: string;
  env: string;
}

async function startOurs(side: Side, scratch: string): Promise<Probed> {
  const file = path.join(scratch, side.label);
  const server = await startPerfServer({
    label: side.label,
    dir: path.resolve(side.dir),
    databaseUrl: options.database!,
    nodeArgs: ['--import', probe, ...words(side.nodeArgs)],
    env: { TAIL_PROBE_FILE: file, ...envOf(side.env) },
  });
  return { ...server, snapshot: probeReader(server.pid, file) };
}

/** The bench's floor as bench/src/servers.ts starts it (machine Node, tsx, pool of 10), with the probe. */
async function startFloor(scratch: string): Promise<Probed> {
  const file = path.join(scratch, 'floor');
  const port = await freePort();
  const { DATABASE_URL: _unused, NODE_OPTIONS: _options, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', probe, '--import', 'tsx', path.join(projectRoot, 'bench', 'src', 'floor-server.ts')], {
    cwd: projectRoot,
    env: { ...inherited, DATABASE_URL: options.database, DATABASE_POOL_SIZE: '10', NODE_ENV: 'production', PORT: String(port), TAIL_PROBE_FILE: file },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(child, async () => (await fetch(`${url}/healthz`)).ok, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    label: 'floor',
    pid: child.pid!,
    url,
    snapshot: probeReader(child.pid!, file),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Response {
  /** Epoch ms when the response was complete. */
  end: number;
  ms: number;
}

/** `connections` clients, one request in flight each, for `seconds`; every response's end and duration. */
function loadRecording(url: string, requests: BenchRequest[], connections: number, seconds: number): Promise<Response[]> {
  const responses: Response[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 30,
        requests: requests.map((request) => ({ method: 'POST', path: request.path, headers: { 'content-type': 'application/json' }, body: request.body })),
      },
      (error, result) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else if (result.errors || result.non2xx || result.timeouts) reject(new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`));
        else resolve(responses);
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      responses.push({ end: Date.now(), ms });
    });
  });
}

/** Busy backends of the run's database, sampled every 20 ms until stop() (not counting the sampler's own). */
async function samplePool(databaseUrl: string): Promise<{ stop(): Promise<number[]> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const busy: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ busy: number }>(
        "SELECT count(*)::int AS busy FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()",
      );
      busy.push(rows[0]!.busy);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      return busy;
    },
  };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / (values.length || 1);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

interface Figures {
  rps: number;
  cpuMsPerRequest: number;
  p50: number;
  p99: number;
  gcShare: number;
  peakRss: number;
}

function report(label: string, operation: string, responses: Response[], seconds: number, cpuMs: number, snapshot: ProbeSnapshot, busy: number[]): { figures: Figures; text: string } {
  const times = responses.map((response) => response.ms);
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  const slow = responses.filter((response) => response.ms >= p99);
  const sorted = [...times].sort((a, b) => a - b);
  const [low, high] = [sorted[Math.floor(sorted.length * 0.4)]!, sorted[Math.floor(sorted.length * 0.6)]!];
  const middle = responses.filter((response) => response.ms >= low && response.ms <= high);
  const pauseOf = (response: Response) => pauseWithin(snapshot.gc, response.end - response.ms, response.end);
  const byKind = pausesByKind(snapshot.gc);
  const gcShare = snapshot.gc.reduce((sum, pause) => sum + pause.ms, 0) / (seconds * 1000);
  const { eventLoopDelayMs: delay, memory } = snapshot;
  const figures: Figures = { rps: responses.length / seconds, cpuMsPerRequest: cpuMs / Math.max(responses.length, 1), p50, p99, gcShare, peakRss: memory.maxRss };
  const f = (value: number, digits = 1) => value.toFixed(digits);
  const text = [
    `${label} ${operation}: ${f(figures.rps)} rps, ${f(figures.cpuMsPerRequest, 2)} ms CPU/req, p50 ${f(p50)} ms, p99 ${f(p99)} ms, p99/p50 ${f(p99 / p50, 2)}, max ${f(sorted.at(-1) ?? 0)} ms`,
    `  GC: ${[...byKind].map(([kind, { count, ms, max }]) => `${kind} ${count}× ${f(ms)} ms (max ${f(max)})`).join(', ') || 'none'}; ${f(gcShare * 100)} % of the wall time`,
    `  GC pause within a request's span: slowest 1 % (n=${slow.length}) ${f(mean(slow.map(pauseOf)))} ms, middle 20 % ${f(mean(middle.map(pauseOf)))} ms`,
    `  event loop: delay p50 ${f(delay.p50)} ms, p99 ${f(delay.p99)} ms, max ${f(delay.max)} ms; utilisation ${f(snapshot.eventLoopUtilisation, 2)}`,
    `  database: busy backends mean ${f(mean(busy))} of 10, all 10 busy in ${f((busy.filter((count) => count >= 10).length / (busy.length || 1)) * 100)} % of ${busy.length} samples`,
    `  memory: rss ${mib(memory.rss)} (peak ${mib(memory.maxRss)}), heap used ${mib(memory.heapUsed)} of ${mib(memory.heapTotal)}, external ${mib(memory.external)}`,
  ].join('\n');
  return { figures, text };
}

/** Measures `servers` at the same time (--together) or one after the other; one report per server. */
async function measure(servers: Probed[], operation: (typeof operations)[number], samples: Awaited<ReturnType<typeof readSamples>>): Promise<ReturnType<typeof report>[]> {
  const connections = Number(options.connections);
  const seconds = Number(options.seconds);
  const one = async (server: Probed, start: () => Promise<void>) => {
    const requests = requestsFor(server.label === 'floor' ? 'floor' : 'ours', operation, samples);
    if (Number(options.warmup) > 0) await loadRecording(server.url, requests, connections, Number(options.warmup));
    await start();
    await server.snapshot();
    const cpuBefore = cpuMsOf(server.pid);
    const responses = await loadRecording(server.url, requests, connections, seconds);
    const cpuMs = cpuMsOf(server.pid) - cpuBefore;
    return { responses, cpuMs, snapshot: await server.snapshot() };
  };
  if (options.together) {
    // The pool sampler starts once every warm-up is over, and counts the backends of all the servers.
    let pool: Awaited<ReturnType<typeof samplePool>> | undefined;
    let warmedUp = 0;
    let started: () => void = () => undefined;
    const allWarm = new Promise<void>((resolve) => (started = resolve));
    const start = async () => {
      warmedUp += 1;
      if (warmedUp === servers.length) {
        pool = await samplePool(options.database!);
        started();
      }
      await allWarm;
    };
    const runs = await Promise.all(servers.map((server) => one(server, start)));
    const busy = await pool!.stop();
    return runs.map((run, index) => report(servers[index]!.label, operation.name, run.responses, seconds, run.cpuMs, run.snapshot, busy));
  }
  const reports: ReturnType<typeof report>[] = [];
  for (const server of servers) {
    let pool: Awaited<ReturnType<typeof samplePool>> | undefined;
    const run = await one(server, async () => void (pool = await samplePool(options.database!)));
    reports.push(report(server.label, operation.name, run.responses, seconds, run.cpuMs, run.snapshot, await pool!.stop()));
  }
  return reports;
}

function summary(results: Map<string, Map<string, Figures[]>>): string {
  const f = (value: number, digits = 1) => value.toFixed(digits);
  const lines = ['', 'medians over the rounds: rps, CPU ms/req, p50, p99 (ms), p99/p50, GC % of wall time, peak RSS'];
  for (const [operation, byServer] of results) {
    for (const [label, rounds] of byServer) {
      const m = (pick: (figures: Figures) => number) => median(rounds.map(pick));
      lines.push(
        `${operation.padEnd(9)} ${label.padEnd(6)} ${f(m((x) => x.rps)).padStart(7)} ${f(m((x) => x.cpuMsPerRequest), 2).padStart(6)} ${f(m((x) => x.p50)).padStart(7)} ${f(m((x) => x.p99)).padStart(7)} ` +
          `${f(m((x) => x.p99 / x.p50), 2).padStart(5)} ${f(m((x) => x.gcShare * 100)).padStart(5)} % ${mib(m((x) => x.peakRss)).padStart(8)}`,
      );
    }
    const a = byServer.get('A');
    const b = byServer.get('B');
    if (a && b) {
      const p99 = a.map((round, index) => b[index]!.p99 / round.p99);
      const cpu = a.map((round, index) => round.cpuMsPerRequest / b[index]!.cpuMsPerRequest);
      const list = (values: number[]) => values.map((value) => f(value, 2)).join(' ');
      lines.push(`${operation.padEnd(9)} p99 B÷A ${list(p99)} → ${f(median(p99), 2)}; CPU/req A÷B ${list(cpu)} → ${f(median(cpu), 2)}`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  if (!options.database) throw new Error('--database <url of a copy of a bench database> is required (see the top of scripts/perf-tail.ts)');
  const chosen = options.ops.split(',');
  const measured = operations.filter((operation) => chosen.includes(operation.name));
  const samples = await readSamples(options.database);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-tail-'));
  const sides: Side[] = [{ label: 'A', dir: options.a, nodeArgs: options['a-node-args'], env: options['a-env'] }];
  if (options.b !== undefined || options['b-node-args'] !== undefined || options['b-env'] !== undefined) {
    sides.push({ label: 'B', dir: options.b ?? options.a, nodeArgs: options['b-node-args'] ?? '', env: options['b-env'] ?? '' });
  }
  const servers: Probed[] = [];
  try {
    // One after the other, each pushed as soon as it runs, so that a failed start still stops the others.
    for (const side of sides) servers.push(await startOurs(side, scratch));
    if (options.floor) servers.push(await startFloor(scratch));
    for (const side of sides) process.stdout.write(`${side.label}: ${side.dir} ${side.nodeArgs} ${side.env}\n`);
    for (const server of servers) {
      const { memory } = await server.snapshot();
      process.stdout.write(`${server.label} after start: rss ${mib(memory.rss)}, heap used ${mib(memory.heapUsed)} of ${mib(memory.heapTotal)}, external ${mib(memory.external)}\n`);
    }
    process.stdout.write(`${options.connections} connections, ${options.warmup} s warm-up + ${options.seconds} s measured, ${options.together ? 'all servers at the same time' : 'one server at a time'}\n\n`);
    const results = new Map<string, Map<string, Figures[]>>();
    for (let round = 0; round < Number(options.rounds); round += 1) {
      for (const operation of measured) {
        const turn = [...servers.slice(round % servers.length), ...servers.slice(0, round % servers.length)];
        for (const [index, { figures, text }] of (await measure(turn, operation, samples)).entries()) {
          const server = turn[index]!;
          process.stdout.write(`round ${round + 1} ${text}\n`);
          const byServer = results.get(operation.name) ?? new Map<string, Figures[]>();
          results.set(operation.name, byServer);
          byServer.set(server.label, [...(byServer.get(server.label) ?? []), figures]);
        }
      }
    }
    process.stdout.write(`${summary(results)}\n`);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

await runPerfScript(main);
