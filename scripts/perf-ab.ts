/**
 * Interleaved A/B of two builds of the server on copies of one database (issue
 * 13): `npx tsx scripts/perf-ab.ts --a <checkout A> --b <checkout B> --base <database>`.
 * Each checkout must hold a build (`npm run build`: dist/src/index.js). The
 * bench's five operations (bench/src/operations.ts, its samples) go to both.
 *
 * 1. Two databases are copied from `--base` (each server then applies its own
 *    pending migrations, as it does on start), and both servers start behind
 *    the bench's statement-counting proxy (bench/src/statements.ts): every
 *    request of every operation is sent once to each, the answers must be
 *    equal, and the statements each sent are counted.
 * 2. The servers restart without the proxy, as in production (NODE_ENV=production,
 *    LOG_LEVEL=warn, DATABASE_POOL_SIZE=10, SEED_ON_START=false,
 *    MAX_QUERY_COST=100000), and for each round, each operation, A then B:
 *    `--warmup` s of load, then `--seconds` s measured with autocannon
 *    (`--connections` connections cycling through the operation's requests).
 *
 * Prints, per operation, the rps of each round, B÷A of the medians, and
 * statements per request; writes the raw figures as JSON to `--out`.
 * Compare only within one run: the machine is shared.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { operations as allOperations } from '../bench/src/operations.js';
import { requestsFor, send, type BenchRequest } from '../bench/src/requests.js';
import { readSamples } from '../bench/src/samples.js';
import { isDataStatement, startStatementCounter, type StatementCounter } from '../bench/src/statements.js';

const { values: options } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    base: { type: 'string' },
    server: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    out: { type: 'string' },
    /** Only these operations, comma separated (e.g. `search,topic`). */
    only: { type: 'string' },
  },
});
if (!options.a || !options.b || !options.base) {
  process.stderr.write('usage: tsx scripts/perf-ab.ts --a <checkout> --b <checkout> --base <database> [--rounds 3 --seconds 8 --warmup 2 --connections 16 --only search,topic --out file.json]\n');
  process.exit(2);
}
const checkouts = { A: path.resolve(options.a), B: path.resolve(options.b) } as const;
type Side = keyof typeof checkouts;
const sides: Side[] = ['A', 'B'];
const urlOf = (database: string) => `${options.server}/${database}`;
const suffix = randomBytes(4).toString('hex');
const databases: Record<Side, string> = { A: `perf_ab_a_${suffix}`, B: `perf_ab_b_${suffix}` };
const children = new Set<ChildProcess>();
const only = options.only?.split(',');
const operations = allOperations.filter((operation) => !only || only.includes(operation.name));

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlOf('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Running {
  url: string;
  stop(): Promise<void>;
}

/** Starts a checkout's build on `databaseUrl`; resolves once it answers a query. */
async function startServer(checkout: string, databaseUrl: string): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/index.js'], {
    cwd: checkout,
    env: {
      ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '10', SEED_ON_START: 'false',
      MAX_QUERY_COST: '100000', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`${checkout}: the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 600) throw new Error(`${checkout}: the server did not answer within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      children.delete(child);
    },
  };
}

function load(url: string, requests: BenchRequest[], seconds: number, connections: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: requests.map((request) => ({ method: 'POST', path: request.path, headers: { 'content-type': 'application/json' }, body: request.body })),
      },
      (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)),
    );
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main(): Promise<void> {
  const rounds = Number(options.rounds);
  const seconds = Number(options.seconds);
  const warmup = Number(options.warmup);
  const connections = Number(options.connections);
  for (const side of sides) await admin(`CREATE DATABASE "${databases[side]}" TEMPLATE "${options.base}"`);
  const sampleClient = new pg.Client({ connectionString: urlOf(options.base!) });
  await sampleClient.connect();
  const samples = await readSamples(sampleClient);
  await sampleClient.end();
  const requests = Object.fromEntries(operations.map((operation) => [operation.name, requestsFor('ours', operation, samples)]));

  // 1. Same answers, statements per request.
  const statements: Record<string, Record<Side, number>> = {};
  {
    const counters: Record<Side, StatementCounter> = { A: await startStatementCounter(urlOf(databases.A)), B: await startStatementCounter(urlOf(databases.B)) };
    const servers: Record<Side, Running> = { A: await startServer(checkouts.A, counters.A.url), B: await startServer(checkouts.B, counters.B.url) };
    try {
      for (const operation of operations) {
        const counts: Record<Side, number> = { A: 0, B: 0 };
        for (const request of requests[operation.name]!) {
          const answers: Partial<Record<Side, string>> = {};
          for (const side of sides) {
            counters[side].reset();
            answers[side] = JSON.stringify(await send(servers[side].url, request));
            counts[side] += counters[side].statements().filter((statement) => isDataStatement(statement.text)).length;
          }
          if (answers.A !== answers.B) throw new Error(`${operation.name}: A and B answer differently to ${request.body}\nA: ${answers.A}\nB: ${answers.B}`);
        }
        const n = requests[operation.name]!.length;
        statements[operation.name] = { A: counts.A / n, B: counts.B / n };
      }
    } finally {
      for (const side of sides) await servers[side].stop();
      for (const side of sides) await counters[side].close();
    }
  }
  process.stdout.write('Same answers from A and B on every request.\n');

  // 2. Interleaved load.
  const servers: Record<Side, Running> = { A: await startServer(checkouts.A, urlOf(databases.A)), B: await startServer(checkouts.B, urlOf(databases.B)) };
  const measured: Record<string, Record<Side, { rps: number; p50: number; p99: number }[]>> = {};
  try {
    for (let round = 0; round < rounds; round++) {
      for (const operation of operations) {
        for (const side of sides) {
          await load(servers[side].url, requests[operation.name]!, warmup, connections);
          const result = await load(servers[side].url, requests[operation.name]!, seconds, connections);
          if (result.non2xx || result.errors || result.timeouts) throw new Error(`${side} ${operation.name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
          ((measured[operation.name] ??= { A: [], B: [] })[side]).push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
          process.stdout.write(`round ${round + 1} ${operation.name} ${side}: ${result.requests.average.toFixed(1)} rps\n`);
        }
      }
    }
  } finally {
    for (const side of sides) await servers[side].stop();
  }

  const lines = ['| operation | rps A (rounds) | rps B (rounds) | B÷A (medians) | p50 ms A / B | stmts/req A / B |', '| --- | --- | --- | --- | --- | --- |'];
  for (const operation of operations) {
    const m = measured[operation.name]!;
    const rps = (side: Side) => m[side].map((r) => r.rps);
    const p50 = (side: Side) => median(m[side].map((r) => r.p50));
    lines.push(`| ${operation.name} | ${rps('A').map((v) => v.toFixed(1)).join(', ')} | ${rps('B').map((v) => v.toFixed(1)).join(', ')} | ` +
      `${(median(rps('B')) / median(rps('A'))).toFixed(2)}× | ${p50('A')} / ${p50('B')} | ${statements[operation.name]!.A.toFixed(1)} / ${statements[operation.name]!.B.toFixed(1)} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (options.out) {
    fs.writeFileSync(options.out, `${JSON.stringify({ checkouts, base: options.base, rounds, seconds, warmup, connections, statements, measured }, null, 2)}\n`);
  }
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    for (const side of sides) await admin(`DROP DATABASE IF EXISTS "${databases[side]}" WITH (FORCE)`).catch(() => undefined);
  });
