import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDataset } from '../src/generate.ts';
import type { Scale } from '../src/scales.ts';

// A scale smaller than S, to keep the test fast (Scale is the union of the three named ones; the generator takes any counts).
const small = { researchers: 200, publications: 600 } as unknown as Scale;

describe('the generator is deterministic', () => {
  it('gives the same rows on every run', () => {
    const first = generateDataset(small, 12, 5);
    const second = generateDataset(small, 12, 5);
    assert.deepEqual(second.researchers, first.researchers);
    assert.deepEqual([...second.publications()], [...first.publications()]);
  });

  it('titles stay unique and shapes stay within the issue’s ranges', () => {
    const rows = [...generateDataset(small, 12, 5).publications()];
    assert.equal(new Set(rows.map((row) => row.titleKey)).size, rows.length);
    for (const row of rows) {
      assert.ok(row.authors.length >= 1 && row.authors.length <= 15, `${row.id}: ${row.authors.length} authors`);
      assert.ok(row.topics.length >= 1 && row.topics.length <= 4, `${row.id}: ${row.topics.length} topics`);
      const words = row.abstract.split(' ').length;
      assert.ok(words >= 100 && words <= 340, `${row.id}: ${words} words`);
    }
  });
});
