import http from 'node:http';
import type { BenchRequest } from './requests.js';

/**
 * Latency without queueing: one connection (kept alive), one request in
 * flight at a time (closed loop), cycling through the operation's requests,
 * each timed with the monotonic clock to the microsecond (autocannon's
 * histogram keeps whole milliseconds, too coarse for pages that take a few).
 * What a page costs when the server is not busy: the figure that says
 * whether it stays flat as the data grows.
 */
export interface LatencyMeasurement {
  requests: number;
  /** Latency in milliseconds. */
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  errors: number;
}

/** The p-th percentile (0–100) of `values`, nearest rank on the sorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summariseLatencies(latencies: readonly number[], errors: number): LatencyMeasurement {
  return {
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    mean: latencies.reduce((sum, value) => sum + value, 0) / (latencies.length || 1),
    errors,
  };
}

function once(agent: http.Agent, base: URL, request: BenchRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const outgoing = http.request(
      { agent, host: base.hostname, port: base.port, path: request.path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(request.body) } },
      (response) => {
        response.on('data', () => undefined);
        response.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          if (response.statusCode === 200) resolve(ms);
          else reject(new Error(`${request.path} answered ${response.statusCode}`));
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/** `warmupSeconds` of requests not recorded, then `seconds` recorded. */
export async function measureLatency(url: string, requests: readonly BenchRequest[], seconds: number, warmupSeconds: number): Promise<LatencyMeasurement> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const base = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  try {
    for (const [phase, duration] of [['warmup', warmupSeconds], ['measure', seconds]] as const) {
      const end = performance.now() + duration * 1000;
      while (performance.now() < end) {
        const request = requests[next % requests.length]!;
        next += 1;
        try {
          const ms = await once(agent, base, request);
          if (phase === 'measure') latencies.push(ms);
        } catch {
          if (phase === 'measure') errors += 1;
        }
      }
    }
  } finally {
    agent.destroy();
  }
  return summariseLatencies(latencies, errors);
}
