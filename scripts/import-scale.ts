import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { resolveDatabase } from '../src/db/embedded.js';
import { applyPendingMigrations as applyMigrations } from '../src/db/offline-engine/index.js';
import { projectRoot } from '../src/db/paths.js';
import { generateLab } from '../seed/synthetic/generate.js';
import { reviseProfile } from '../seed/synthetic/revise.js';
import { adminQuery, databaseUrl } from './support/scratchDatabase.js';

/**
 * `npm run import:scale`: how the import behaves at institute scale. For each
 * size, it writes a synthetic lab (seed/synthetic) to a temporary folder,
 * makes a database of its own (a new database on the PostgreSQL at
 * DATABASE_URL, or with --embedded a PGlite in a temporary folder), migrates
 * it, then times three runs of the seed command, each in a child process as
 * a user runs it: into the empty database, again unchanged, and again after
 * one profile changed (one title, one abstract). Each child reports its peak
 * memory (max RSS). It prints one table and writes the raw results as JSON.
 * Every database and folder it made is removed at the end, on failure and
 * on Ctrl-C too.
 *
 * The seed command is only called, never imported: the script measures
 * whichever importer the branch has.
 */

const USAGE = `Usage: npm run import:scale -- [--members 100,300,1000] [--embedded] [--seed 42] [--json FILE] [--timeout SECONDS]
Needs DATABASE_URL (a PostgreSQL server where it may create and drop databases),
unless --embedded, which measures the embedded PGlite instead.`;

function usageError(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function readOptions() {
  return parseArgs({
    options: {
      members: { type: 'string', default: '100,300,1000' },
      embedded: { type: 'boolean', default: false },
      seed: { type: 'string', default: '42' },
      json: { type: 'string', default: 'bench-results/import-scale.json' },
      timeout: { type: 'string', default: '1800' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
}

let options: ReturnType<typeof readOptions>;
try {
  options = readOptions();
} catch (error) {
  usageError((error as Error).message);
}
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const sizes = options.members.split(',').map((item) => Number(item.trim()));
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) usageError(`--members must list positive integers, got ${JSON.stringify(options.members)}.`);
sizes.sort((a, b) => a - b);
const seed = Number(options.seed);
if (!Number.isInteger(seed) || seed < 0) usageError(`--seed must be a non-negative integer, got ${JSON.stringify(options.seed)}.`);
const timeoutMs = Number(options.timeout) * 1000;
if (!(timeoutMs > 0)) usageError(`--timeout must be a number of seconds, got ${JSON.stringify(options.timeout)}.`);
const embedded = options.embedded;
const serverUrl = loadConfig().databaseUrl;
if (!embedded && !serverUrl) {
  usageError('npm run import:scale needs DATABASE_URL: a PostgreSQL server where it may create (and then drop) a database, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test. Or pass --embedded.');
}

// ---- Clean-up: everything made is registered here and undone once, whatever happens.

const cleanups: (() => Promise<void> | void)[] = [];
let current: { child: ChildProcess; exited: Promise<unknown> } | null = null;

/** Undoes, newest first, everything registered after the first `keep` entries. */
async function cleanUp(keep = 0): Promise<void> {
  while (cleanups.length > keep) {
    const undo = cleanups.pop()!;
    try {
      await undo();
    } catch (error) {
      process.stderr.write(`Clean-up failed: ${(error as Error).message}\n`);
    }
  }
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\n${signal}: stopping the import and removing the scale databases and folders…\n`);
    const running = current;
    running?.child.kill('SIGTERM');
    void (running?.exited ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => cleanUp()).finally(() => process.exit(130));
  });
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-scale-'));
cleanups.push(() => fs.rmSync(scratch, { recursive: true, force: true }));

// ---- Databases

interface ScaleDatabase {
  /** Settings for the seed command's child process. */
  env: Record<string, string | undefined>;
  /** Runs `use` with a connection string that reaches the database. */
  connect<T>(use: (connectionString: string) => Promise<T>): Promise<T>;
}


async function createDatabase(): Promise<ScaleDatabase> {
  if (embedded) {
    const dataDir = fs.mkdtempSync(path.join(scratch, 'pglite-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    return {
      env: { DATABASE_URL: undefined, PGLITE_DATA_DIR: dataDir },
      async connect(use) {
        const target = await resolveDatabase(undefined, dataDir);
        try {
          return await use(target.connectionString);
        } finally {
          await target.embedded?.stop();
        }
      },
    };
  }
  const name = `lab_scale_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  cleanups.push(() => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const url = databaseUrl(name);
  return { env: { DATABASE_URL: url }, connect: (use) => use(url) };
}

/** Rows per table after an import (the migrations' own table left out). */
async function countRows(connectionString: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      counts[name] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`)).rows[0]!.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

// ---- The seed command, as a child process

/**
 * Preloaded into the child: on exit it writes the process's peak resident
 * memory (kB) to the file named by IMPORT_SCALE_RSS_FILE. A data: URL, so
 * that the seed command itself needs no change.
 */
const REPORT_MAX_RSS = `data:text/javascript,${encodeURIComponent(
  `import { writeFileSync } from 'node:fs';
   process.on('exit', () => { if (process.env.IMPORT_SCALE_RSS_FILE) writeFileSync(process.env.IMPORT_SCALE_RSS_FILE, String(process.resourceUsage().maxRSS)); });`,
)}`;

interface CommandRun {
  seconds: number;
  peakMiB: number;
  /** The end of what the command printed: its summary. */
  output: string;
}

let runNumber = 0;

function runSeedCommand(args: string[], env: Record<string, string | undefined>): Promise<CommandRun> {
  runNumber += 1;
  const rssFile = path.join(scratch, `rss-${runNumber}.txt`);
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...env, IMPORT_SCALE_RSS_FILE: rssFile })) if (value !== undefined) childEnv[key] = value;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', REPORT_MAX_RSS, 'seed/cli.ts', ...args], {
    cwd: projectRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep only the end of the output: the summary (one line per file before it would be megabytes at scale).
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString()).slice(-4000)));
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  current = { child, exited };
  const timer = setTimeout(() => {
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  }, timeoutMs);
  return exited.then(({ code, signal }) => {
    clearTimeout(timer);
    current = null;
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) {
      const why = signal ? `was stopped by ${signal}${seconds * 1000 >= timeoutMs ? ` after the ${timeoutMs / 1000} s timeout` : ''}` : `exited with ${code}`;
      throw new Error(`seed/cli.ts ${args.join(' ')} ${why}:\n${stderr || stdout}`);
    }
    const peakKb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : Number.NaN;
    return { seconds, peakMiB: peakKb / 1024, output: stdout.trim().split('\n').slice(-14).join('\n') };
  });
}

// ---- The measurement

interface SizeResult {
  members: number;
  papers: number;
  rows: number;
  rowsByTable: Record<string, number>;
  generated: ReturnType<typeof generateLab>['summary'];
  import: CommandRun;
  reimport: CommandRun;
  /** The changed profile imported on its own, as a person does after editing one page. */
  oneChanged: CommandRun;
  /** Every file imported again, one of them changed. */
  allWithOneChanged: CommandRun;
  peakMiB: number;
}

async function measure(members: number, quiet: string[]): Promise<SizeResult> {
  const keep = cleanups.length;
  const lab = generateLab({ members, seed });
  const dir = path.join(scratch, `profiles-${members}`);
  fs.mkdirSync(dir);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const file of lab.files) fs.writeFileSync(path.join(dir, file.name), file.text);

  const database = await createDatabase();
  // Migrated beforehand: the timed runs are imports, not schema creation.
  await database.connect((url) => applyMigrations(url));

  const step = (label: string) => process.stderr.write(`  ${members} members: ${label}…\n`);
  step('import into the empty database');
  const first = await runSeedCommand([...quiet, dir], database.env);
  const rowsByTable = await database.connect(countRows);
  step('re-import unchanged');
  const reimport = await runSeedCommand([...quiet, dir], database.env);
  step('re-import one changed profile');
  const revised = reviseProfile(lab.files[0]!, lab.planned[0]!);
  const changedFile = path.join(dir, revised.file.name);
  fs.writeFileSync(changedFile, revised.file.text);
  const oneChanged = await runSeedCommand([...quiet, changedFile], database.env);
  step('re-import every file, one changed');
  const revisedAgain = reviseProfile(revised.file, revised.planned);
  fs.writeFileSync(changedFile, revisedAgain.file.text);
  const allWithOneChanged = await runSeedCommand([...quiet, dir], database.env);

  await cleanUp(keep); // this size's database and profiles, before the next size

  return {
    members,
    papers: rowsByTable.publication ?? Number.NaN,
    rows: Object.values(rowsByTable).reduce((sum, n) => sum + n, 0),
    rowsByTable,
    generated: lab.summary,
    import: first,
    reimport,
    oneChanged,
    allWithOneChanged,
    peakMiB: Math.max(first.peakMiB, reimport.peakMiB, oneChanged.peakMiB, allWithOneChanged.peakMiB),
  };
}

function table(results: SizeResult[]): string {
  const header = ['members', 'papers', 'rows', 'import s', 're-import s', 'one changed s', 'all, one changed s', 'peak MiB'];
  const rows = results.map((r) => [
    String(r.members),
    String(r.papers),
    String(r.rows),
    r.import.seconds.toFixed(1),
    r.reimport.seconds.toFixed(1),
    r.oneChanged.seconds.toFixed(1),
    r.allWithOneChanged.seconds.toFixed(1),
    r.peakMiB.toFixed(0),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  return [header, ...rows].map((row) => row.map((cell, i) => cell.padStart(widths[i]!)).join('  ')).join('\n');
}

/** Time per profile at the largest size over time per profile at the smallest: 1 is linear. */
function growth(results: SizeResult[], pick: (r: SizeResult) => CommandRun): number {
  const [small, large] = [results[0]!, results.at(-1)!];
  return pick(large).seconds / large.members / (pick(small).seconds / small.members);
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  const machine = { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` };
  const database = embedded ? 'embedded PGlite' : 'PostgreSQL';
  const startedAt = new Date().toISOString();
  process.stderr.write(`Import at scale on ${database}, sizes ${sizes.join(', ')}, seed ${seed}; ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}.\n`);

  // What the seed command costs before any work (loading its modules), and whether it has --quiet.
  const help = await runSeedCommand(['--help'], {});
  const quiet = /--quiet/.test(help.output) ? ['--quiet'] : [];

  const results: SizeResult[] = [];
  for (const members of sizes) results.push(await measure(members, quiet));

  const lines = [
    `Import at scale on ${database} (seed ${seed}), ${startedAt.slice(0, 10)}, ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}`,
    '',
    table(results),
    '',
  ];
  if (results.length > 1) {
    const [small, large] = [results[0]!, results.at(-1)!];
    lines.push(
      `Time per profile from ${small.members} to ${large.members} members: import ×${growth(results, (r) => r.import).toFixed(2)}, ` +
        `re-import ×${growth(results, (r) => r.reimport).toFixed(2)} (1.00 is linear).`,
    );
  }
  lines.push(`Each time includes starting the seed command: ${help.seconds.toFixed(1)} s for --help alone (loading its modules).`);
  process.stdout.write(`${lines.join('\n')}\n`);

  const json = path.resolve(options.json);
  fs.mkdirSync(path.dirname(json), { recursive: true });
  fs.writeFileSync(json, `${JSON.stringify({ startedAt, database, seed, machine, startupSeconds: help.seconds, quiet: quiet.length > 0, results }, null, 2)}\n`);
  process.stdout.write(`Raw results: ${options.json}\n`);
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  if (!stopping) process.stderr.write(`Import at scale failed: ${error instanceof Error ? error.message : String(error)}\n`);
  exitCode = 1;
} finally {
  if (!stopping) await cleanUp();
}
if (!stopping) process.exit(exitCode);
