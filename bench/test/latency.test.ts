import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { percentile, summariseLatencies } from '../src/latency.ts';

describe('latency percentiles (nearest rank)', () => {
  it('takes the value at the rank, whatever the input order', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    assert.equal(percentile(values, 50), 5);
    assert.equal(percentile(values, 90), 9);
    assert.equal(percentile(values, 99), 10);
    assert.equal(percentile(values, 0), 1);
    assert.equal(percentile([2.5], 50), 2.5);
    assert.ok(Number.isNaN(percentile([], 50)));
  });

  it('summarises a measurement without rounding to whole milliseconds', () => {
    const summary = summariseLatencies([1.25, 1.5, 1.75, 2], 1);
    assert.deepEqual(summary, { requests: 4, p50: 1.5, p90: 2, p99: 2, mean: 1.625, errors: 1 });
  });
});
