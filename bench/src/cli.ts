import os from 'node:os';
import { parseArgs } from 'node:util';
import { migrationsDir } from '../../src/db/paths.js';
import { serverUrl } from '../../scripts/support/scratchDatabase.js';
import { ab } from './ab.js';
import { ensureTemplate } from './build.js';
import { compare, type CacheStore } from './compare.js';
import { flatness } from './flatness.js';
import { migrationsIn } from './migrations.js';
import { isScaleName, scales, type ScaleName } from './scales.js';
import { Session } from './session.js';

/**
 * `npm run bench -- [options]`, one mode per run (BENCHMARKS.md, Running it):
 * - `--scale S|M|L` (default): ours, PostGraphile v5 and the floor, checked
 *   then measured in interleaved rounds; the response cache in a table of its own.
 * - `--flatness S,M`: latency at one connection on two scales in one run.
 * - `--ab <git-ref>`: that build of our server against this checkout.
 * - `--build S,M,L`: only build (or find) the templates.
 */
const { values: options } = parseArgs({
  options: {
    scale: { type: 'string', default: 'S' },
    rounds: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string', default: '32' },
    pool: { type: 'string', default: '10' },
    cached: { type: 'string', default: 'memory' },
    'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
    flatness: { type: 'string' },
    ab: { type: 'string' },
    build: { type: 'string' },
  },
});

const log = (line: string) => process.stdout.write(`${line}\n`);

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function scaleList(value: string, option: string): ScaleName[] {
  const list = value.split(',').map((entry) => entry.trim().toUpperCase());
  for (const entry of list) if (!isScaleName(entry)) fail(`${option}: ${entry} is not a scale (${Object.keys(scales).join(', ')})`);
  return list as ScaleName[];
}

function positive(option: string, value: string | undefined, fallback: number, { allowZero = false } = {}): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || (!allowZero && number === 0)) fail(`--${option} must be a ${allowZero ? 'non-negative' : 'positive'} number; got ${value}`);
  return number;
}

const modes = [options.flatness, options.ab, options.build].filter((value) => value !== undefined);
if (modes.length > 1) fail('--flatness, --ab and --build are separate runs: give one of them');
if (!serverUrl) fail('npm run bench needs DATABASE_URL: a PostgreSQL server where it may create databases, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres');

const scale = options.scale.toUpperCase();
if (!isScaleName(scale)) fail(`--scale must be one of ${Object.keys(scales).join(', ')}; got ${options.scale}`);
const cached = options.cached === 'none' ? [] : options.cached.split(',').map((entry) => entry.trim());
for (const store of cached) if (store !== 'memory' && store !== 'redis') fail(`--cached: ${store} is not memory, redis or none`);
const poolSize = positive('pool', options.pool, 10);
const connections = positive('connections', options.connections, 32);

const session = new Session();
process.once('SIGINT', () => {
  log('\nInterrupted: stopping the servers and dropping the run databases…');
  void session
    .interrupt()
    .catch((error: unknown) => process.stderr.write(`Clean-up failed: ${String(error)}\n`))
    .finally(() => process.exit(130));
});

async function main(): Promise<number> {
  if (options.build !== undefined) {
    for (const name of scaleList(options.build, '--build')) {
      const started = performance.now();
      const template = await ensureTemplate(name, migrationsIn(migrationsDir), migrationsDir, log);
      log(`${name}: ${template} ready after ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    }
    return 0;
  }
  if (options.flatness !== undefined) {
    const pair = scaleList(options.flatness, '--flatness');
    if (pair.length !== 2 || pair[0] === pair[1]) fail('--flatness takes two scales, smaller first: --flatness S,M');
    return flatness(
      session,
      {
        scales: pair as [ScaleName, ScaleName],
        rounds: positive('rounds', options.rounds, 3),
        seconds: positive('duration', options.duration, 3),
        warmupSeconds: positive('warmup', options.warmup, 1, { allowZero: true }),
        poolSize,
      },
      log,
    );
  }
  const rounds = positive('rounds', options.rounds, 3);
  const load = { connections, seconds: positive('duration', options.duration, 10), warmupSeconds: positive('warmup', options.warmup, 3, { allowZero: true }) };
  if (options.ab !== undefined) return ab(session, { ref: options.ab, scale: scale as ScaleName, rounds, load, poolSize }, log);
  return compare(session, { scale: scale as ScaleName, rounds, load, poolSize, cached: cached as CacheStore[], redisUrl: options['redis-url'] }, log);
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  process.stderr.write(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  const outputs = session.serverOutputs();
  if (outputs) process.stderr.write(`${outputs}\n`);
  await session.interrupt().catch(() => undefined);
} finally {
  await session.cleanUp();
}
log(`Load average at the end: ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`);
process.exit(exitCode);
