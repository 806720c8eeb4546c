import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { adminQuery, databaseUrl, serverUrl } from '../../scripts/support/scratchDatabase.js';
import { projectRoot } from '../../src/db/paths.js';
import { ensureTemplate } from './build.js';
import { checkAndCount, type Endpoints } from './check.js';
import { measure } from './measure.js';
import { operations, systems, type System } from './operations.js';
import { formatTable, summarise, type RoundMeasurement } from './report.js';
import { requestsFor } from './requests.js';
import { readSamples } from './samples.js';
import { isScaleName, scales } from './scales.js';
import { startServer, killAll, type RunningServer } from './servers.js';
import { startStatementCounter, type StatementCounter } from './statements.js';
import { describeMachine } from './machine.js';

/**
 * `npm run bench -- --scale S|M|L`: builds (or reuses) the database at that
 * scale, copies it for the run, starts our server, PostGraphile v5 and the
 * floor on the copy, checks once that they answer the same data and counts
 * their statements, then measures each operation on each system in
 * interleaved rounds, prints the table and writes the raw results to
 * bench/results/<scale>-<timestamp>.json. See BENCHMARKS.md.
 */
const { values: options } = parseArgs({
  options: {
    scale: { type: 'string', default: 'S' },
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    pool: { type: 'string', default: '10' },
  },
});
const scale = options.scale.toUpperCase();
if (!isScaleName(scale)) throw new Error(`--scale must be one of ${Object.keys(scales).join(', ')}; got ${options.scale}`);
const rounds = Number(options.rounds);
const load = { connections: Number(options.connections), seconds: Number(options.duration), warmupSeconds: Number(options.warmup) };
const poolSize = Number(options.pool);
if (!serverUrl) {
  process.stderr.write('npm run bench needs DATABASE_URL: a PostgreSQL server where it may create databases, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres\n');
  process.exit(1);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const resultsDir = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'results');
const runDatabase = `bench_run_${randomBytes(4).toString('hex')}`;
const servers: RunningServer[] = [];
const counters: StatementCounter[] = [];

async function stopServers(): Promise<void> {
  await Promise.allSettled(servers.splice(0).map((server) => server.stop()));
  await Promise.allSettled(counters.splice(0).map((counter) => counter.close()));
}

let cleaning: Promise<void> | undefined;

/** Stops everything and drops the run's database; once, whether the run ends, fails or is interrupted. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await stopServers();
    await adminQuery(`DROP DATABASE IF EXISTS "${runDatabase}" WITH (FORCE)`);
  })();
  return cleaning;
}

/** `npm run build` in the project, asynchronously (a synchronous spawn would hold Ctrl-C until it ends). */
function buildServer(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build exited with ${code}`))));
  });
}

process.once('SIGINT', () => {
  log('\nInterrupted: stopping the servers and dropping the run database…');
  killAll();
  void cleanUp()
    .catch((error: unknown) => process.stderr.write(`Clean-up failed: ${String(error)}\n`))
    .finally(() => process.exit(130));
});

async function startAll(urlFor: (system: System) => string): Promise<Record<System, RunningServer>> {
  const started = {} as Record<System, RunningServer>;
  for (const system of systems) {
    started[system] = await startServer(system, { databaseUrl: urlFor(system), poolSize });
    servers.push(started[system]);
  }
  return started;
}

async function main(): Promise<number> {
  const template = await ensureTemplate(scale as keyof typeof scales, log);
  log('Building our server (npm run build)…');
  await buildServer();
  await adminQuery(`CREATE DATABASE "${runDatabase}" TEMPLATE "${template}"`);
  const url = databaseUrl(runDatabase);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const samples = await readSamples(client);
  const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  await client.end();

  // Pass 1, through the counting proxies: same answers, and statements per request.
  log('Checking that the three systems answer the same data, and counting statements…');
  const counterOf = {} as Record<System, StatementCounter>;
  for (const system of systems) {
    counterOf[system] = await startStatementCounter(url);
    counters.push(counterOf[system]);
  }
  const counted = await startAll((system) => counterOf[system].url);
  const endpoints = {} as Endpoints;
  for (const system of systems) endpoints[system] = { url: counted[system].url, counter: counterOf[system] };
  const check = await checkAndCount(endpoints, samples, url);
  await stopServers();
  if (check.mismatches.length > 0) {
    for (const mismatch of check.mismatches) {
      log(`\n${mismatch.operation} (${mismatch.value ?? 'no variables'}): ${mismatch.system} differs from the floor.`);
      log(`  floor:  ${JSON.stringify(mismatch.expected).slice(0, 2000)}`);
      log(`  ${mismatch.system}: ${JSON.stringify(mismatch.actual).slice(0, 2000)}`);
    }
    log(`\n${check.mismatches.length} answer(s) differ: not measuring.`);
    return 1;
  }
  log('All answers agree.');

  // Pass 2, direct: interleaved rounds.
  const direct = await startAll(() => url);
  const measurements: RoundMeasurement[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    for (const operation of operations) {
      for (const system of systems) {
        const server = direct[system];
        const result = await measure(server.url, server.pid, requestsFor(system, operation, samples), load);
        measurements.push({ round, operation: operation.name, system, ...result });
        log(`round ${round}/${rounds}  ${operation.name.padEnd(10)} ${system.padEnd(12)} ${result.rps.toFixed(0).padStart(6)} rps  p50 ${result.p50} ms  p99 ${result.p99} ms${result.errors + result.non2xx + result.timeouts > 0 ? `  ERRORS ${result.errors} non-2xx ${result.non2xx} timeouts ${result.timeouts}` : ''}`);
      }
    }
  }
  const summary = summarise(operations.map((operation) => operation.name), systems, measurements, check.statements, check.databaseMs);
  const table = formatTable(summary);
  log(`\nScale ${scale}: ${scales[scale as keyof typeof scales].researchers} researchers, ${scales[scale as keyof typeof scales].publications} papers; ${load.connections} connections, ${rounds} rounds of ${load.seconds} s (medians).\n`);
  log(table);

  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${scale}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = { ...describeMachine(), postgres };
  fs.writeFileSync(
    file,
    `${JSON.stringify({ scale, template, settings: { ...load, rounds, poolSize }, machine, samples, statements: check.statements, databaseMs: check.databaseMs, explained: check.explained, measurements, summary, table }, null, 2)}\n`,
  );
  log(`\nRaw results: ${path.relative(projectRoot, file)}`);
  const failed = measurements.filter((m) => m.errors + m.non2xx + m.timeouts > 0);
  if (failed.length > 0) {
    log(`${failed.length} measurement(s) had errors, non-2xx answers or timeouts: see the JSON.`);
    return 1;
  }
  return 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  process.stderr.write(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  killAll();
} finally {
  await cleanUp();
}
log(`Load average at the end: ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`);
process.exit(exitCode);
