import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FLATNESS_BAR, formatFlatnessTable, summariseFlatness, type FlatnessMeasurement } from '../src/flatness.ts';
import type { System } from '../src/operations.ts';
import { formatAbTable, formatCachedTable, summariseAb, summariseLabels, type RoundMeasurement } from '../src/report.ts';

const round = (r: number, operation: string, system: string, rps: number, p50 = 10, p99 = 20): RoundMeasurement => ({
  round: r,
  operation,
  system,
  rps,
  p50,
  p99,
  requests: rps * 10,
  errors: 0,
  non2xx: 0,
  timeouts: 0,
  peakRssBytes: 0,
  serverCpuMs: 0,
  serverCpuMsPerRequest: 0,
  postgresCpuMs: null,
  postgresCpuMsPerRequest: null,
});

describe('A/B summary', () => {
  it('medians over rounds, B over A, and the ratio of each round in round order', () => {
    const rounds = [round(2, 'newest', 'A', 100, 12), round(1, 'newest', 'A', 50, 10), round(1, 'newest', 'B', 100, 5), round(2, 'newest', 'B', 150, 6)];
    const [summary] = summariseAb(['newest'], rounds, 'A', 'B');
    assert.equal(summary!.a.rps, 75);
    assert.equal(summary!.b.rps, 125);
    assert.equal(summary!.rpsRatio, 125 / 75);
    assert.deepEqual(summary!.roundRatios, [2, 1.5]);
    assert.equal(summary!.p50Ratio, 5.5 / 11);
    assert.match(formatAbTable([summary!], 'A', 'B'), /\| newest \| 75 \/ 125 \| 1\.67× \| 2\.00×, 1\.50× \|/u);
  });
});

describe('the cached line', () => {
  it('puts ours uncached and each cache store side by side, with the ratio to uncached', () => {
    const labels = ['ours', 'ours+cache(memory)', 'ours+cache(redis)'];
    const rounds = [round(1, 'topic', 'ours', 40), round(1, 'topic', 'ours+cache(memory)', 400, 1, 3), round(1, 'topic', 'ours+cache(redis)', 200, 2, 5), round(1, 'topic', 'floor', 999)];
    const summaries = summariseLabels(['topic'], labels, rounds);
    assert.deepEqual(Object.keys(summaries[0]!.byLabel), labels);
    const table = formatCachedTable(summaries, labels);
    assert.match(table, /rps ours \/ ours\+cache\(memory\) \/ ours\+cache\(redis\)/u);
    assert.match(table, /\| topic \| 40 \/ 400 \/ 200 \| 10\.00× \| 5\.00× \| 10 \/ 1 \/ 2 \| 20 \/ 3 \/ 5 \|/u);
  });
});

describe('flatness', () => {
  const at = (r: number, operation: string, system: System, scale: 'S' | 'M', p50: number): FlatnessMeasurement => ({
    round: r,
    operation,
    system,
    scale,
    p50,
    p90: p50,
    p99: p50 * 2,
    mean: p50,
    requests: 100,
    errors: 0,
  });
  const measurements: FlatnessMeasurement[] = [];
  for (const [r, factor] of [[1, 1], [2, 1.1], [3, 5]] as const) {
    for (const system of ['ours', 'postgraphile', 'floor'] as const) {
      measurements.push(at(r, 'newest', system, 'S', 10 * factor), at(r, 'newest', system, 'M', (system === 'ours' ? 11.9 : 30) * factor));
      measurements.push(at(r, 'coauthors', system, 'S', 2), at(r, 'coauthors', system, 'M', 4));
    }
  }
  const rows = summariseFlatness([{ name: 'newest', paginated: true }, { name: 'coauthors', paginated: false }], ['S', 'M'], measurements);

  it('compares the medians of p50 over rounds, larger scale over smaller, per system', () => {
    assert.equal(rows[0]!.p50.ours.S, 11);
    assert.equal(rows[0]!.p50.ours.M, 11.9 * 1.1);
    assert.ok(Math.abs(rows[0]!.growth.ours - 1.19) < 1e-9);
    assert.ok(Math.abs(rows[0]!.growth.postgraphile - 3) < 1e-9);
  });

  it(`holds only paginated pages to the bar (ours under ${FLATNESS_BAR}×)`, () => {
    assert.equal(rows[0]!.meetsBar, true);
    assert.equal(rows[1]!.meetsBar, null);
    const table = formatFlatnessTable(rows, ['S', 'M']);
    assert.match(table, /\| newest \| 11\.0 \/ 11\.0 \/ 11\.0 \| 13\.1 \/ 33\.0 \/ 33\.0 \| 1\.19× \/ 3\.00× \/ 3\.00× \| ✓ \|/u);
    assert.match(table, /\| coauthors \|.*\| 2\.00× \/ 2\.00× \/ 2\.00× \| not paginated \|/u);
  });
});
