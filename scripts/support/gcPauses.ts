/**
 * Garbage-collection pauses as scripts/support/tailProbe.mjs reports them,
 * and what scripts/perf-tail.ts computes from them.
 */
export interface GcPause {
  /** scavenge, mark-compact, incremental or weak-callbacks. */
  kind: string;
  /** Start, epoch ms. */
  at: number;
  ms: number;
}

/** The ms of pause that fall within [from, to] (epoch ms): what a request spanning that time waited for the collector. */
export function pauseWithin(pauses: readonly GcPause[], from: number, to: number): number {
  let total = 0;
  for (const pause of pauses) total += Math.max(0, Math.min(to, pause.at + pause.ms) - Math.max(from, pause.at));
  return total;
}

/** Count, total ms and longest pause of each kind, in the order the kinds first occur. */
export function pausesByKind(pauses: readonly GcPause[]): Map<string, { count: number; ms: number; max: number }> {
  const byKind = new Map<string, { count: number; ms: number; max: number }>();
  for (const pause of pauses) {
    const kind = byKind.get(pause.kind) ?? { count: 0, ms: 0, max: 0 };
    kind.count += 1;
    kind.ms += pause.ms;
    kind.max = Math.max(kind.max, pause.ms);
    byKind.set(pause.kind, kind);
  }
  return byKind;
}
