import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrationsDir, projectRoot } from '../../src/db/paths.js';
import { checkAnswers } from './check.js';
import { failedMeasurements, logMismatches } from './compare.js';
import { describeMachine } from './machine.js';
import { waitForIdleDatabase } from './idle.js';
import { measure, type LoadSettings } from './measure.js';
import { commonMigrations, migrationsIn } from './migrations.js';
import { operations } from './operations.js';
import { buildServer, runDatabase } from './prepare.js';
import { formatAbTable, summariseAb, type RoundMeasurement } from './report.js';
import { requestsFor } from './requests.js';
import { writeResults } from './results.js';
import { scales, type ScaleName } from './scales.js';
import { run, type Session } from './session.js';
import { readStartCommand } from './startCommand.js';

/**
 * `--ab <git-ref>`: two builds of our server, the ref's (A) and this
 * checkout's (B, uncommitted changes included), each started as its own
 * start:prod says, on two copies of one template (built with the
 * migrations both have; each copy then gets its own checkout's other
 * migrations), answers checked against the floor, then interleaved rounds
 * (A then B, B then A in the next round) at the main mode's load. Prints
 * B÷A per operation and the ratio of each round, to show the noise.
 */
export interface AbOptions {
  ref: string;
  scale: ScaleName;
  rounds: number;
  load: LoadSettings;
  poolSize: number;
}

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).trim();
}

/** The ref's tree in a temporary folder, installed and built; returns the folder. */
async function checkoutOf(session: Session, commit: string, log: (line: string) => void): Promise<string> {
  const folder = session.folder(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ab-')));
  const archive = path.join(folder, '..', `${path.basename(folder)}.tar`);
  session.folder(archive);
  await run('git', ['archive', '--format=tar', '-o', archive, commit], projectRoot);
  await run('tar', ['-xf', archive, '-C', folder], projectRoot);
  const lock = (root: string) => fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8');
  if (lock(folder) === lock(projectRoot)) {
    log(`A: same package-lock.json as this checkout: its node_modules linked, Prisma's client generated, building…`);
    fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
    await run(path.join(projectRoot, 'node_modules', '.bin', 'prisma'), ['generate'], folder);
  } else {
    log('A: its package-lock.json differs: npm ci in its folder (a few minutes), then building…');
    await run('npm', ['ci', '--no-audit', '--no-fund'], folder);
  }
  await buildServer(folder);
  return folder;
}

export async function ab(session: Session, options: AbOptions, log: (line: string) => void): Promise<number> {
  const { scale, rounds, load, poolSize } = options;
  const commit = git(['rev-parse', '--verify', `${options.ref}^{commit}`]);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) ? '+changes' : '';
  const a = `A(${options.ref}@${commit.slice(0, 7)})`;
  const b = `B(${git(['rev-parse', '--short', 'HEAD'])}${dirty})`;
  log(`A/B: ${a} against this checkout ${b}, scale ${scale}.`);
  const folderA = await checkoutOf(session, commit, log);
  log('B: building this checkout…');
  await buildServer();

  const migrationsA = path.join(folderA, 'prisma', 'migrations');
  const common = commonMigrations(migrationsIn(migrationsA), migrationsIn(migrationsDir));
  const databaseA = await runDatabase(session, scale, log, { suffix: 'a', migrationsFolder: migrationsA, templateMigrations: common });
  const databaseB = await runDatabase(session, scale, log, { suffix: 'b', templateMigrations: common });

  const serverA = await session.server('ours', { databaseUrl: databaseA.url, poolSize, root: folderA, label: a });
  const serverB = await session.server('ours', { databaseUrl: databaseB.url, poolSize, label: b });
  const floor = await session.server('floor', { databaseUrl: databaseB.url, poolSize });
  const mismatches = await checkAnswers(
    floor.url,
    [serverA, serverB].map((server) => ({ label: server.label, system: server.system, url: server.url })),
    databaseB.samples,
  );
  await floor.stop();
  if (mismatches.length > 0) {
    logMismatches(mismatches, log);
    return 1;
  }
  log('Both answer the same data as the floor.');

  const measurements: RoundMeasurement[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    for (const operation of operations) {
      for (const server of round % 2 === 1 ? [serverA, serverB] : [serverB, serverA]) {
        const drain = () => Promise.all([waitForIdleDatabase(databaseA.url), waitForIdleDatabase(databaseB.url)]);
        const result = await measure(server.url, server.pid, requestsFor('ours', operation, databaseB.samples), load, drain);
        measurements.push({ round, operation: operation.name, system: server.label, ...result });
        log(`round ${round}/${rounds}  ${operation.name.padEnd(10)} ${server.label.padEnd(24)} ${result.rps.toFixed(0).padStart(6)} rps  p50 ${result.p50} ms  p99 ${result.p99} ms${result.errors + result.non2xx + result.timeouts > 0 ? `  ERRORS ${result.errors} non-2xx ${result.non2xx} timeouts ${result.timeouts}` : ''}`);
      }
    }
  }
  const summary = summariseAb(
    operations.map((operation) => operation.name),
    measurements,
    a,
    b,
  );
  const table = formatAbTable(summary, 'A', 'B');
  log(`\nA/B at scale ${scale} (${scales[scale].publications} papers): A = ${a}, B = ${b}; ${load.connections} connections, ${rounds} rounds of ${load.seconds} s (medians).\n`);
  log(table);
  const file = writeResults(`ab-${scale}`, {
    mode: 'ab',
    scale,
    a: { label: a, ref: options.ref, commit, startCommand: readStartCommand(folderA), migrationsAppliedToCopy: databaseA.applied },
    b: { label: b, startCommand: readStartCommand(projectRoot), migrationsAppliedToCopy: databaseB.applied },
    template: databaseB.template,
    settings: { ...load, rounds, poolSize },
    machine: { ...describeMachine(), postgres: databaseB.postgres },
    samples: databaseB.samples,
    measurements,
    summary,
    table,
  });
  log(`\nRaw results: ${file}`);
  return failedMeasurements(measurements, log);
}
