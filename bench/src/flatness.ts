import { projectRoot } from '../../src/db/paths.js';
import { checkAnswers } from './check.js';
import { logMismatches } from './compare.js';
import { measureLatency, type LatencyMeasurement } from './latency.js';
import { describeMachine } from './machine.js';
import { operations, systems, type System } from './operations.js';
import { buildServer, runDatabase, type RunDatabase } from './prepare.js';
import { median } from './report.js';
import { requestsFor } from './requests.js';
import { writeResults } from './results.js';
import { scales, type ScaleName } from './scales.js';
import type { RunningServer } from './servers.js';
import type { Session } from './session.js';
import { readStartCommand } from './startCommand.js';

/**
 * `--flatness S,M`: does a page cost the same when the data grows? At 32
 * connections p50 is mostly queueing (≈ 32 / rps), so this mode measures
 * latency at one connection, one request in flight (latency.ts), on two
 * scales in the same run: both databases, the three systems started on each,
 * and for every operation and system the two scales measured back to back,
 * in alternating order from round to round (so that a drift of the
 * machine's load falls on both). Prints p50 larger÷smaller per operation
 * and system; the bar (issue 13): under 1.2 for ours on every paginated page.
 */
export interface FlatnessOptions {
  scales: [ScaleName, ScaleName];
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  poolSize: number;
}

export interface FlatnessMeasurement extends LatencyMeasurement {
  round: number;
  operation: string;
  system: System;
  scale: ScaleName;
}

export interface FlatnessRow {
  operation: string;
  paginated: boolean;
  /** Medians over rounds of p50 and p99, by system then scale. */
  p50: Record<System, Record<string, number>>;
  p99: Record<System, Record<string, number>>;
  /** p50 larger ÷ smaller scale, by system. */
  growth: Record<System, number>;
  /** Paginated pages: ours grows by less than 20 %; null when not held to it. */
  meetsBar: boolean | null;
}

/** The bar: p50 from the smaller to the larger scale grows by less than this factor. */
export const FLATNESS_BAR = 1.2;

export function summariseFlatness(
  pages: readonly { name: string; paginated: boolean }[],
  pair: readonly [string, string],
  measurements: readonly FlatnessMeasurement[],
): FlatnessRow[] {
  return pages.map(({ name, paginated }) => {
    const stat = (key: 'p50' | 'p99') =>
      Object.fromEntries(
        systems.map((system) => [
          system,
          Object.fromEntries(pair.map((scale) => [scale, median(measurements.filter((m) => m.operation === name && m.system === system && m.scale === scale).map((m) => m[key]))])),
        ]),
      ) as Record<System, Record<string, number>>;
    const p50 = stat('p50');
    const growth = Object.fromEntries(systems.map((system) => [system, p50[system][pair[1]]! / p50[system][pair[0]]!])) as Record<System, number>;
    return { operation: name, paginated, p50, p99: stat('p99'), growth, meetsBar: paginated ? growth.ours < FLATNESS_BAR : null };
  });
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

export function formatFlatnessTable(rows: readonly FlatnessRow[], pair: readonly [string, string]): string {
  const [small, large] = pair;
  const header = [
    'operation',
    `p50 ms at ${small} ours / PG / floor`,
    `p50 ms at ${large} ours / PG / floor`,
    `p50 ${large}÷${small} ours / PG / floor`,
    `bar (ours < ${FLATNESS_BAR})`,
    `p99 ms at ${small} / ${large}, ours`,
  ];
  const bySystem = (row: FlatnessRow, scale: string) => systems.map((system) => fixed(row.p50[system][scale]!, 1)).join(' / ');
  const lines = rows.map((row) => [
    row.operation,
    bySystem(row, small!),
    bySystem(row, large!),
    systems.map((system) => `${fixed(row.growth[system], 2)}×`).join(' / '),
    row.meetsBar === null ? 'not paginated' : row.meetsBar ? '✓' : '✗',
    `${fixed(row.p99.ours[small!]!, 1)} / ${fixed(row.p99.ours[large!]!, 1)}`,
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...lines.map(line)].join('\n');
}

export async function flatness(session: Session, options: FlatnessOptions, log: (line: string) => void): Promise<number> {
  const databases = {} as Record<ScaleName, RunDatabase>;
  for (const scale of options.scales) databases[scale] = await runDatabase(session, scale, log);
  log('Building our server (npm run build)…');
  await buildServer();
  const servers = {} as Record<ScaleName, Record<System, RunningServer>>;
  for (const scale of options.scales) {
    servers[scale] = {} as Record<System, RunningServer>;
    for (const system of systems) servers[scale][system] = await session.server(system, { databaseUrl: databases[scale].url, poolSize: options.poolSize });
    log(`Checking the answers at ${scale}…`);
    const targets = (['ours', 'postgraphile'] as const).map((system) => ({ label: system, system, url: servers[scale][system].url }));
    const mismatches = await checkAnswers(servers[scale].floor.url, targets, databases[scale].samples);
    if (mismatches.length > 0) {
      logMismatches(mismatches, log);
      return 1;
    }
  }
  log('All answers agree.');

  const measurements: FlatnessMeasurement[] = [];
  for (let round = 1; round <= options.rounds; round += 1) {
    const order = round % 2 === 1 ? options.scales : ([...options.scales].reverse() as [ScaleName, ScaleName]);
    for (const operation of operations) {
      for (const system of systems) {
        for (const scale of order) {
          const requests = requestsFor(system, operation, databases[scale].samples);
          const result = await measureLatency(servers[scale][system].url, requests, options.seconds, options.warmupSeconds);
          measurements.push({ round, operation: operation.name, system, scale, ...result });
          log(`round ${round}/${options.rounds}  ${operation.name.padEnd(10)} ${system.padEnd(12)} ${scale}  p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  (${result.requests} requests${result.errors > 0 ? `, ${result.errors} ERRORS` : ''})`);
        }
      }
    }
  }
  const rows = summariseFlatness(operations, options.scales, measurements);
  const table = formatFlatnessTable(rows, options.scales);
  const [small, large] = options.scales;
  log(`\nFlatness, ${small} (${scales[small].publications} papers) to ${large} (${scales[large].publications}): one connection, one request in flight, ${options.rounds} rounds of ${options.seconds} s per operation, system and scale (medians).\n`);
  log(table);
  const file = writeResults(`flatness-${small}-${large}`, {
    mode: 'flatness',
    scales: options.scales,
    templates: options.scales.map((scale) => databases[scale].template),
    migrationsAppliedToCopy: databases[small].applied,
    settings: { rounds: options.rounds, seconds: options.seconds, warmupSeconds: options.warmupSeconds, connections: 1, poolSize: options.poolSize, startCommand: readStartCommand(projectRoot) },
    machine: { ...describeMachine(), postgres: databases[small].postgres },
    samples: Object.fromEntries(options.scales.map((scale) => [scale, databases[scale].samples])),
    measurements,
    rows,
    table,
  });
  log(`\nRaw results: ${file}`);
  return measurements.some((m) => m.errors > 0) ? 1 : 0;
}
