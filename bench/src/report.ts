import type { Measurement } from './measure.js';
import type { System } from './operations.js';

/**
 * The summary of a run: per operation and system, the median over rounds of
 * throughput and latencies (a round disturbed by a neighbour on the machine
 * moves a median less than a mean), the peak memory over all rounds, and
 * the ratios the bar is written in.
 */
export interface RoundMeasurement extends Measurement {
  round: number;
  operation: string;
  /** A system, or the label of a variant of ours (`ours+cache`, an A/B side). */
  system: string;
}

export interface SystemSummary {
  rps: number;
  p50: number;
  p99: number;
  statementsPerRequest: number;
  /** PostgreSQL's time for one request, unloaded (EXPLAIN ANALYZE of its statements); null when unknown. */
  databaseMs: number | null;
  peakRssMiB: number;
  errors: number;
  /** CPU ms per answered request (medians over rounds) of the server process, and of PostgreSQL's backends (null: not readable). */
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number | null;
}

export interface OperationSummary {
  operation: string;
  systems: Record<System, SystemSummary>;
  /** ours/PostGraphile and ours/floor requests per second. */
  rpsVsPostgraphile: number;
  rpsVsFloor: number;
  /** Our p99 over the floor's p99 (the bar: under 2). */
  p99VsFloor: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median, or null when any value is unknown (PostgreSQL's CPU where it cannot be read). */
export function medianOrNull(values: readonly (number | null)[]): number | null {
  return values.some((value) => value === null) ? null : median(values as number[]);
}

export function summarise(
  operations: readonly string[],
  systems: readonly System[],
  rounds: readonly RoundMeasurement[],
  statements: Record<string, Record<System, number>>,
  databaseMs: Record<string, Record<System, number | null>>,
): OperationSummary[] {
  return operations.map((operation) => {
    const bySystem = Object.fromEntries(
      systems.map((system) => {
        const mine = rounds.filter((round) => round.operation === operation && round.system === system);
        const summary: SystemSummary = {
          rps: median(mine.map((round) => round.rps)),
          p50: median(mine.map((round) => round.p50)),
          p99: median(mine.map((round) => round.p99)),
          statementsPerRequest: statements[operation]?.[system] ?? Number.NaN,
          databaseMs: databaseMs[operation]?.[system] ?? null,
          peakRssMiB: Math.max(...mine.map((round) => round.peakRssBytes)) / 1024 / 1024,
          errors: mine.reduce((sum, round) => sum + round.errors + round.non2xx + round.timeouts, 0),
          serverCpuMsPerRequest: median(mine.map((round) => round.serverCpuMsPerRequest)),
          postgresCpuMsPerRequest: medianOrNull(mine.map((round) => round.postgresCpuMsPerRequest)),
        };
        return [system, summary];
      }),
    ) as Record<System, SystemSummary>;
    return {
      operation,
      systems: bySystem,
      rpsVsPostgraphile: bySystem.ours.rps / bySystem.postgraphile.rps,
      rpsVsFloor: bySystem.ours.rps / bySystem.floor.rps,
      p99VsFloor: bySystem.ours.p99 / bySystem.floor.p99,
    };
  });
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/** The run's table, as Markdown (BENCHMARKS.md quotes it as printed). */
export function formatTable(summaries: readonly OperationSummary[]): string {
  const header = [
    'operation',
    'rps ours / PostGraphile / floor',
    'ours÷PG',
    'ours÷floor',
    'p50 ms ours / PG / floor',
    'p99 ms ours / PG / floor',
    'p99 ours÷floor',
    'SQL stmts/req ours / PG / floor',
    'DB ms/req ours / PG / floor',
    'peak RSS MiB ours / PG / floor',
  ];
  const rows = summaries.map(({ operation, systems: s, rpsVsPostgraphile, rpsVsFloor, p99VsFloor }) => [
    operation,
    `${fixed(s.ours.rps, 0)} / ${fixed(s.postgraphile.rps, 0)} / ${fixed(s.floor.rps, 0)}`,
    `${fixed(rpsVsPostgraphile, 2)}×`,
    `${fixed(rpsVsFloor, 2)}×`,
    `${fixed(s.ours.p50, 0)} / ${fixed(s.postgraphile.p50, 0)} / ${fixed(s.floor.p50, 0)}`,
    `${fixed(s.ours.p99, 0)} / ${fixed(s.postgraphile.p99, 0)} / ${fixed(s.floor.p99, 0)}`,
    `${fixed(p99VsFloor, 2)}×`,
    `${fixed(s.ours.statementsPerRequest, 1)} / ${fixed(s.postgraphile.statementsPerRequest, 1)} / ${fixed(s.floor.statementsPerRequest, 1)}`,
    `${fixed(s.ours.databaseMs ?? Number.NaN, 1)} / ${fixed(s.postgraphile.databaseMs ?? Number.NaN, 1)} / ${fixed(s.floor.databaseMs ?? Number.NaN, 1)}`,
    `${fixed(s.ours.peakRssMiB, 0)} / ${fixed(s.postgraphile.peakRssMiB, 0)} / ${fixed(s.floor.peakRssMiB, 0)}`,
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Where the CPU goes, per answered request: the server process, PostgreSQL's
 * backends, both, and ours over PostGraphile for both (what decides
 * throughput when both share two cores).
 */
export function formatCpuTable(summaries: readonly OperationSummary[]): string {
  const header = ['operation', 'server CPU ms/req ours / PG / floor', 'PostgreSQL CPU ms/req ours / PG / floor', 'both ms/req ours / PG / floor', 'both ours÷PG'];
  const both = (system: SystemSummary) => system.serverCpuMsPerRequest + (system.postgresCpuMsPerRequest ?? Number.NaN);
  const three = (value: (system: SystemSummary) => number) => (s: Record<System, SystemSummary>) =>
    `${fixed(value(s.ours), 2)} / ${fixed(value(s.postgraphile), 2)} / ${fixed(value(s.floor), 2)}`;
  const rows = summaries.map(({ operation, systems: s }) => [
    operation,
    three((system) => system.serverCpuMsPerRequest)(s),
    three((system) => system.postgresCpuMsPerRequest ?? Number.NaN)(s),
    three(both)(s),
    `${fixed(both(s.ours) / both(s.postgraphile), 2)}×`,
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A variant of our server measured beside the main table (the response cache on), against ours uncached. */
export interface VariantSummary {
  operation: string;
  /** Ours uncached, then each variant, by label. */
  byLabel: Record<string, { rps: number; p50: number; p99: number; errors: number }>;
}

/** Medians over rounds per operation for each label of `labels` (measurements carry the label in `system`). */
export function summariseLabels(operations: readonly string[], labels: readonly string[], rounds: readonly RoundMeasurement[]): VariantSummary[] {
  return operations.map((operation) => ({
    operation,
    byLabel: Object.fromEntries(
      labels.map((label) => {
        const mine = rounds.filter((round) => round.operation === operation && round.system === label);
        return [
          label,
          {
            rps: median(mine.map((round) => round.rps)),
            p50: median(mine.map((round) => round.p50)),
            p99: median(mine.map((round) => round.p99)),
            errors: mine.reduce((sum, round) => sum + round.errors + round.non2xx + round.timeouts, 0),
          },
        ];
      }),
    ),
  }));
}

/** The cached line: ours uncached next to ours with the response cache (each store), rps ratios against uncached. */
export function formatCachedTable(summaries: readonly VariantSummary[], labels: readonly string[]): string {
  const [uncached, ...cached] = labels;
  const names = labels.join(' / ');
  const header = ['operation', `rps ${names}`, ...cached.map((label) => `${label}÷uncached`), `p50 ms ${names}`, `p99 ms ${names}`];
  const rows = summaries.map(({ operation, byLabel }) => [
    operation,
    labels.map((label) => fixed(byLabel[label]!.rps, 0)).join(' / '),
    ...cached.map((label) => `${fixed(byLabel[label]!.rps / byLabel[uncached!]!.rps, 2)}×`),
    labels.map((label) => fixed(byLabel[label]!.p50, 0)).join(' / '),
    labels.map((label) => fixed(byLabel[label]!.p99, 0)).join(' / '),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A/B: per operation, B over A (rps, p50, p99), medians over rounds, and each round's rps ratio. */
export interface AbSummary {
  operation: string;
  a: { rps: number; p50: number; p99: number };
  b: { rps: number; p50: number; p99: number };
  rpsRatio: number;
  p50Ratio: number;
  p99Ratio: number;
  /** B÷A rps of each round, in round order: how far the rounds agree. */
  roundRatios: number[];
}

export function summariseAb(operations: readonly string[], rounds: readonly RoundMeasurement[], a: string, b: string): AbSummary[] {
  return operations.map((operation) => {
    const of = (label: string) => rounds.filter((round) => round.operation === operation && round.system === label).sort((x, y) => x.round - y.round);
    const stats = (mine: RoundMeasurement[]) => ({
      rps: median(mine.map((round) => round.rps)),
      p50: median(mine.map((round) => round.p50)),
      p99: median(mine.map((round) => round.p99)),
    });
    const [ofA, ofB] = [of(a), of(b)];
    const sa = stats(ofA);
    const sb = stats(ofB);
    return {
      operation,
      a: sa,
      b: sb,
      rpsRatio: sb.rps / sa.rps,
      p50Ratio: sb.p50 / sa.p50,
      p99Ratio: sb.p99 / sa.p99,
      roundRatios: ofA.map((round, index) => (ofB[index]?.rps ?? Number.NaN) / round.rps),
    };
  });
}

export function formatAbTable(summaries: readonly AbSummary[], a: string, b: string): string {
  const header = ['operation', `rps ${a} / ${b}`, `rps ${b}÷${a}`, `each round`, `p50 ms ${a} / ${b}`, `p50 ${b}÷${a}`, `p99 ms ${a} / ${b}`, `p99 ${b}÷${a}`];
  const rows = summaries.map((s) => [
    s.operation,
    `${fixed(s.a.rps, 0)} / ${fixed(s.b.rps, 0)}`,
    `${fixed(s.rpsRatio, 2)}×`,
    s.roundRatios.map((ratio) => `${fixed(ratio, 2)}×`).join(', '),
    `${fixed(s.a.p50, 0)} / ${fixed(s.b.p50, 0)}`,
    `${fixed(s.p50Ratio, 2)}×`,
    `${fixed(s.a.p99, 0)} / ${fixed(s.b.p99, 0)}`,
    `${fixed(s.p99Ratio, 2)}×`,
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
