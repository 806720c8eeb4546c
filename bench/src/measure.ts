import autocannon from 'autocannon';
import { cpuMsOf } from '../../scripts/support/perfLoad.js';
import { perRequest, type PostgresCpu } from './cpu.js';
import type { BenchRequest } from './requests.js';
import { rssBytes } from './servers.js';

/**
 * One measurement: `connections` clients keep one request each in flight
 * against a server for `seconds` (after `warmupSeconds` of the same load,
 * not recorded), cycling through the operation's requests; the server's
 * resident memory is sampled every 100 ms and its peak kept.
 */
export interface LoadSettings {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

/** Resolves once the requests a load left in flight are done (see idle.ts); called after the warm-up and after the measurement. */
export type Drain = () => Promise<unknown>;

export interface Measurement {
  requests: number;
  /** Requests per second, averaged over the measured seconds. */
  rps: number;
  /** Latency in milliseconds. */
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  /** Peak resident memory of the server during the measured seconds, in bytes. */
  peakRssBytes: number;
  /** CPU (user + system) of the server process during the measured seconds, in ms, and per answered request. */
  serverCpuMs: number;
  serverCpuMsPerRequest: number;
  /** The same for the PostgreSQL backends of the run's database; null when they cannot be read (PostgreSQL elsewhere). */
  postgresCpuMs: number | null;
  postgresCpuMsPerRequest: number | null;
}

function load(url: string, requests: BenchRequest[], connections: number, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: requests.map((request) => ({ method: 'POST', path: request.path, headers: { 'content-type': 'application/json' }, body: request.body })),
  });
}

export async function measure(
  url: string,
  pid: number,
  requests: BenchRequest[],
  settings: LoadSettings,
  drain: Drain = () => Promise.resolve(),
  postgres?: PostgresCpu,
): Promise<Measurement> {
  if (settings.warmupSeconds > 0) {
    await load(url, requests, settings.connections, settings.warmupSeconds);
    await drain();
  }
  let peakRssBytes = rssBytes(pid);
  const sampler = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, rssBytes(pid));
  }, 100);
  try {
    // Read once the warm-up's requests are done (drained), so that only the measured seconds' work counts.
    const postgresWindow = await postgres?.start();
    const serverBefore = cpuMsOf(pid);
    const result = await load(url, requests, settings.connections, settings.seconds);
    // Read before the drain. The work already done on the requests in flight when autocannon stops counts though
    // they do not: at most `connections` partial requests against thousands answered, a little high.
    const serverCpuMs = cpuMsOf(pid) - serverBefore;
    const postgresCpuMs = postgresWindow ? await postgresWindow.stop() : null;
    const answered = result.requests.total;
    return {
      requests: answered,
      rps: result.requests.total / (result.duration || settings.seconds),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      timeouts: result.timeouts,
      peakRssBytes,
      serverCpuMs,
      serverCpuMsPerRequest: perRequest(serverCpuMs, answered),
      postgresCpuMs,
      postgresCpuMsPerRequest: postgresCpuMs === null ? null : perRequest(postgresCpuMs, answered),
    };
  } finally {
    clearInterval(sampler);
    await drain();
  }
}
