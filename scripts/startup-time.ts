import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/db/paths.js';

/**
 * `npx tsx scripts/startup-time.ts [project folder] [runs]`: how long `npm
 * start` takes, on a database that is already up to date, to log "database
 * ready" (migrations checked) and to listen, and the CPU time it used until
 * then. DATABASE_URL when set, else an embedded folder in a temporary
 * directory (the first, migrating start is not counted). Prints the medians of
 * the runs; asserts nothing. The project folder (default: this one) lets two
 * checkouts be compared on one machine.
 */

const projectDir = path.resolve(process.argv[2] ?? projectRoot);
const runs = Number(process.argv[3] ?? 5);

interface Timing {
  databaseReadyMs: number;
  listeningMs: number;
  /** CPU time the process used until listening: steadier than wall time on a shared machine. */
  cpuMs: number;
}

/** User + system CPU time of a process so far, from /proc (Linux; NaN elsewhere). */
function cpuTimeMs(pid: number): number {
  try {
    // Fields after the command name: state is the 1st, utime the 12th, stime the 13th (in clock ticks, 100 per second).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

function startOnce(env: NodeJS.ProcessEnv): Promise<Timing> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: projectDir,
    env: { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED_ON_START: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let output = '';
  let databaseReadyMs: number | undefined;
  return new Promise<Timing>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before listening:\n${output}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (databaseReadyMs === undefined && output.includes('"database ready"')) databaseReadyMs = performance.now() - started;
      if (output.includes('GraphQL API at')) {
        resolve({ databaseReadyMs: databaseReadyMs ?? Number.NaN, listeningMs: performance.now() - started, cpuMs: cpuTimeMs(child.pid!) });
      }
    });
  }).finally(async () => {
    // Stop it cleanly (the embedded database's folder must be free for the next run), then its group.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // nothing left
    }
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]!);
}

async function main(): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-startup-'));
  const env = process.env.DATABASE_URL ? { ...process.env } : { ...process.env, PGLITE_DATA_DIR: path.join(workDir, 'pglite') };
  try {
    await startOnce(env); // migrates a new database; not counted
    const timings: Timing[] = [];
    for (let run = 0; run < runs; run += 1) timings.push(await startOnce(env));
    const target = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'the embedded database';
    process.stdout.write(
      `${projectDir} on ${target}, median of ${runs} starts: database ready ${median(timings.map((t) => t.databaseReadyMs))} ms, ` +
        `listening ${median(timings.map((t) => t.listeningMs))} ms, CPU time until listening ${median(timings.map((t) => t.cpuMs))} ms\n`,
    );
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
