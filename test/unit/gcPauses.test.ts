import { describe, expect, it } from 'vitest';
import { pausesByKind, pauseWithin, type GcPause } from '../../scripts/support/gcPauses.js';

// What scripts/perf-tail.ts says of the GC pauses its probe reports (scripts/support/gcPauses.ts).

const pauses: GcPause[] = [
  { kind: 'scavenge', at: 1000, ms: 10 },
  { kind: 'mark-compact', at: 1050, ms: 40 },
  { kind: 'scavenge', at: 1200, ms: 4 },
];

describe('GC pauses', () => {
  it('counts only the part of each pause inside a request', () => {
    expect(pauseWithin(pauses, 1000, 1100)).toBe(50);
    expect(pauseWithin(pauses, 1005, 1060)).toBe(15);
    expect(pauseWithin(pauses, 1100, 1200)).toBe(0);
    expect(pauseWithin(pauses, 0, 5000)).toBe(54);
  });

  it('tallies count, total and longest by kind', () => {
    expect([...pausesByKind(pauses)]).toEqual([
      ['scavenge', { count: 2, ms: 14, max: 10 }],
      ['mark-compact', { count: 1, ms: 40, max: 40 }],
    ]);
  });
});
