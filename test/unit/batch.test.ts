import { describe, expect, it } from 'vitest';
import { byKey, groupByKey, loaderById, loaderPerArguments } from '../../src/modules/shared/batch.js';

describe('batch helpers', () => {
  it('byKey returns one value per key, in key order, with the fallback for keys without a row (duplicates included)', () => {
    const rows = [
      { id: 3, name: 'c' },
      { id: 1, name: 'a' },
    ];
    expect(byKey([1, 2, 3, 1], rows, (row) => row.id, (row) => row.name, null)).toEqual(['a', null, 'c', 'a']);
    expect(byKey([], rows, (row) => row.id, (row) => row.name, null)).toEqual([]);
  });

  it('byKey keeps a value that is itself falsy instead of the fallback', () => {
    const rows = [{ id: 1, count: 0 }];
    expect(byKey([1, 2], rows, (row) => row.id, (row) => row.count, -1)).toEqual([0, -1]);
  });

  it('groupByKey keeps the rows’ order within each key and gives an empty list for keys without rows', () => {
    const rows = [
      { parent: 2, child: 'b1' },
      { parent: 1, child: 'a1' },
      { parent: 2, child: 'b2' },
    ];
    expect(groupByKey([1, 2, 3], rows, (row) => row.parent, (row) => row.child)).toEqual([['a1'], ['b1', 'b2'], []]);
    expect(groupByKey([2], rows, (row) => row.parent)).toEqual([[rows[0], rows[2]]]);
  });

  it('loaderById batches the ids of one tick into one call and answers null for a missing row', async () => {
    const calls: number[][] = [];
    const loader = loaderById((ids) => {
      calls.push(ids);
      return Promise.resolve(ids.filter((id) => id !== 2).map((id) => ({ id, label: `row ${id}` })));
    });
    const answers = await Promise.all([loader.load(3), loader.load(2), loader.load(1), loader.load(3)]);
    expect(answers).toEqual([{ id: 3, label: 'row 3' }, null, { id: 1, label: 'row 1' }, { id: 3, label: 'row 3' }]);
    expect(calls).toEqual([[3, 2, 1]]);
  });

  it('loaderPerArguments makes one loader per distinct arguments and reuses it', () => {
    const made: unknown[] = [];
    const loaderFor = loaderPerArguments((args: { first: number; after?: string }) => {
      made.push(args);
      return { args };
    });
    const five = loaderFor({ first: 5 });
    expect(loaderFor({ first: 5 })).toBe(five);
    expect(loaderFor({ first: 10 })).not.toBe(five);
    expect(loaderFor({ first: 5, after: 'x' })).not.toBe(five);
    expect(made).toEqual([{ first: 5 }, { first: 10 }, { first: 5, after: 'x' }]);
  });
});
