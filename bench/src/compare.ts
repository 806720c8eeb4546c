import { projectRoot } from '../../src/db/paths.js';
import { watchPostgresCpu } from './cpu.js';
import { checkAnswers, countStatements, type CheckTarget, type Endpoints, type Mismatch } from './check.js';
import { describeMachine } from './machine.js';
import { waitForIdleDatabase } from './idle.js';
import { measure, type LoadSettings } from './measure.js';
import { operations, systems, type System } from './operations.js';
import { buildServer, runDatabase } from './prepare.js';
import { formatCachedTable, formatCpuTable, formatTable, summarise, summariseLabels, type RoundMeasurement } from './report.js';
import { requestsFor } from './requests.js';
import { scales, type ScaleName } from './scales.js';
import type { RunningServer } from './servers.js';
import type { Session } from './session.js';
import { readStartCommand } from './startCommand.js';
import { writeResults } from './results.js';

/**
 * The main run (`--scale S|M|L`): ours, PostGraphile and the floor on one
 * copy of the scale's database; the answers checked once and the
 * statements counted; then interleaved rounds of load. Our server with the
 * response cache on (`--cached memory,redis`) is measured in the same rounds
 * for its own table, never in the main one.
 */
export type CacheStore = 'memory' | 'redis';

export interface CompareOptions {
  scale: ScaleName;
  rounds: number;
  load: LoadSettings;
  poolSize: number;
  cached: CacheStore[];
  redisUrl: string;
}

/** How long a cached answer may live in the bench: longer than a run (the schema's hints cap it at 300 s). */
const CACHE_TTL_SECONDS = '3600';

export const cachedLabel = (store: CacheStore) => `ours+cache(${store})`;

export function logMismatches(mismatches: readonly Mismatch[], log: (line: string) => void): void {
  for (const mismatch of mismatches) {
    log(`\n${mismatch.operation} (${mismatch.value ?? 'no variables'}): ${mismatch.system} differs from the floor.`);
    log(`  floor:  ${JSON.stringify(mismatch.expected).slice(0, 2000)}`);
    log(`  ${mismatch.system}: ${JSON.stringify(mismatch.actual).slice(0, 2000)}`);
  }
  log(`\n${mismatches.length} answer(s) differ: not measuring.`);
}

/** 0 when every measurement counted answers and none failed; else says which did not and returns 1. */
export function failedMeasurements(measurements: readonly RoundMeasurement[], log: (line: string) => void): number {
  const failed = measurements.filter((m) => m.errors + m.non2xx + m.timeouts > 0);
  if (failed.length > 0) log(`${failed.length} measurement(s) had errors, non-2xx answers or timeouts: see the JSON.`);
  // No answer within the measured seconds (a loaded machine, a short --duration): the figures of that measurement mean nothing.
  const empty = measurements.filter((m) => m.requests === 0);
  if (empty.length > 0) log(`${empty.length} measurement(s) counted no answer within --duration (${empty.map((m) => `${m.operation} ${m.system} round ${m.round}`).join(', ')}): their figures are 0; measure longer.`);
  return failed.length + empty.length > 0 ? 1 : 0;
}

export async function compare(session: Session, options: CompareOptions, log: (line: string) => void): Promise<number> {
  const { scale, rounds, load, poolSize } = options;
  const database = await runDatabase(session, scale, log);
  log('Building our server (npm run build)…');
  await buildServer();
  const { url, samples } = database;

  // Pass 1, through the counting proxies: same answers, and statements per request.
  log('Checking that the systems answer the same data, and counting statements…');
  const endpoints = {} as Endpoints;
  for (const system of systems) {
    const counter = await session.counter(url);
    endpoints[system] = { url: (await session.server(system, { databaseUrl: counter.url, poolSize })).url, counter };
  }
  const threeTargets: CheckTarget[] = systems.map((system) => ({ label: system, system, url: endpoints[system].url }));
  let mismatches = await checkAnswers(endpoints.floor.url, threeTargets, samples);
  const counts = mismatches.length === 0 ? await countStatements(endpoints, samples, url) : undefined;
  await session.stopServers();

  // Pass 2, direct: the three systems, and ours with the response cache.
  const direct: RunningServer[] = [];
  for (const system of systems) direct.push(await session.server(system, { databaseUrl: url, poolSize }));
  for (const store of options.cached) {
    const env: Record<string, string> = { RESPONSE_CACHE_TTL_SECONDS: CACHE_TTL_SECONDS };
    if (store === 'redis') Object.assign(env, { REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: session.redisPrefix(options.redisUrl, 'cache') });
    direct.push(await session.server('ours', { databaseUrl: url, poolSize, env, label: cachedLabel(store) }));
  }
  // Cached answers: each request twice, the second from the cache, both equal to the floor's.
  const cachedTargets = direct.filter((server) => server.label !== server.system).map((server) => ({ label: server.label, system: server.system, url: server.url, cached: true }));
  mismatches = [...mismatches, ...(await checkAnswers(direct.find((server) => server.system === 'floor')!.url, cachedTargets, samples))];
  if (mismatches.length > 0 || !counts) {
    logMismatches(mismatches, log);
    return 1;
  }
  log('All answers agree.');

  const measurements: RoundMeasurement[] = [];
  // One system at a time on the run's database: its backends' CPU is that system's (cpu.ts).
  const postgresCpu = await watchPostgresCpu(url);
  if (!postgresCpu) log("PostgreSQL's processes are not on this machine: its CPU per request is not measured.");
  try {
    for (let round = 1; round <= rounds; round += 1) {
      for (const operation of operations) {
        for (const server of direct) {
          const result = await measure(server.url, server.pid, requestsFor(server.system, operation, samples), load, () => waitForIdleDatabase(url), postgresCpu);
          measurements.push({ round, operation: operation.name, system: server.label, ...result });
          const cpu = `CPU ms/req ${result.serverCpuMsPerRequest.toFixed(2)} + PostgreSQL ${result.postgresCpuMsPerRequest?.toFixed(2) ?? '–'}`;
          log(`round ${round}/${rounds}  ${operation.name.padEnd(10)} ${server.label.padEnd(19)} ${result.rps.toFixed(0).padStart(6)} rps  p50 ${result.p50} ms  p99 ${result.p99} ms  ${cpu}${result.errors + result.non2xx + result.timeouts > 0 ? `  ERRORS ${result.errors} non-2xx ${result.non2xx} timeouts ${result.timeouts}` : ''}`);
        }
      }
    }
  } finally {
    await postgresCpu?.close();
  }
  const names = operations.map((operation) => operation.name);
  const summary = summarise(names, systems as System[], measurements, counts.statements, counts.databaseMs);
  const table = formatTable(summary);
  const shape = scales[scale];
  log(`\nScale ${scale}: ${shape.researchers} researchers, ${shape.publications} papers; ${load.connections} connections, ${rounds} rounds of ${load.seconds} s (medians).\n`);
  log(table);
  const cpuTable = formatCpuTable(summary);
  log(`\nCPU per answered request, same rounds (medians): the server process, and PostgreSQL's backends of the run's database:\n\n${cpuTable}`);
  const cachedLabels = ['ours', ...options.cached.map(cachedLabel)];
  const cachedSummary = options.cached.length > 0 ? summariseLabels(names, cachedLabels, measurements) : [];
  const cachedTable = options.cached.length > 0 ? formatCachedTable(cachedSummary, cachedLabels) : '';
  if (cachedTable) log(`\nResponse cache on (RESPONSE_CACHE_TTL_SECONDS=${CACHE_TTL_SECONDS}), same rounds, not in the table above:\n\n${cachedTable}`);

  const file = writeResults(`${scale}`, {
    mode: 'compare',
    scale,
    template: database.template,
    migrationsAppliedToCopy: database.applied,
    settings: { ...load, rounds, poolSize, cached: options.cached, startCommand: readStartCommand(projectRoot) },
    machine: { ...describeMachine(), postgres: database.postgres },
    samples,
    statements: counts.statements,
    databaseMs: counts.databaseMs,
    explained: counts.explained,
    measurements,
    summary,
    table,
    cpuTable,
    cachedSummary,
    cachedTable,
  });
  log(`\nRaw results: ${file}`);
  return failedMeasurements(measurements, log);
}
