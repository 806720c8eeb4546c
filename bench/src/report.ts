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
  system: System;
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
