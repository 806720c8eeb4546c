// What scripts/perf-tail.ts reads from inside a server it starts, loaded before the server's own code with
// `node --import <this file>` (plain JavaScript, so that any build of ours, or the bench's floor, can load it
// without a TypeScript loader). It changes nothing the server does: it only watches, at a cost that is the
// same for every server it is put in.
//
// On each SIGUSR2 it writes, to `${TAIL_PROBE_FILE}.<n>` (n = 1, 2, …; written whole, then renamed, so that
// a reader never sees half a file), what happened since the previous SIGUSR2 (or the start), then starts
// counting afresh:
// - every garbage collection pause (PerformanceObserver 'gc': kind, start as epoch ms, duration in ms);
// - the event-loop delay (monitorEventLoopDelay, 10 ms resolution: how late a ready callback runs);
// - the event-loop utilisation (share of the time the main thread was busy);
// - memory now (rss, heap used and total, external, array buffers) and the peak resident set (maxRSS).
import fs from 'node:fs';
import process from 'node:process';
import { PerformanceObserver, constants, monitorEventLoopDelay, performance } from 'node:perf_hooks';

const file = process.env.TAIL_PROBE_FILE;
if (file) {
  const kinds = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
    [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak-callbacks',
  };
  let pauses = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      pauses.push({ kind: kinds[entry.detail?.kind] ?? String(entry.detail?.kind), at: performance.timeOrigin + entry.startTime, ms: entry.duration });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let utilisation = performance.eventLoopUtilization();
  let sequence = 0;
  const ms = (nanoseconds) => nanoseconds / 1e6;
  process.on('SIGUSR2', () => {
    sequence += 1;
    const now = performance.eventLoopUtilization();
    const memory = process.memoryUsage();
    const snapshot = {
      at: Date.now(),
      gc: pauses,
      eventLoopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), mean: ms(delay.mean) },
      eventLoopUtilisation: performance.eventLoopUtilization(now, utilisation).utilization,
      memory: { ...memory, maxRss: process.resourceUsage().maxRSS * 1024 },
    };
    pauses = [];
    delay.reset();
    utilisation = now;
    const target = `${file}.${sequence}`;
    fs.writeFileSync(`${target}.partial`, JSON.stringify(snapshot));
    fs.renameSync(`${target}.partial`, target);
  });
}
