import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface MetricsServer {
  /** Where Prometheus scrapes, e.g. http://127.0.0.1:9464/metrics. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `registry` at `path` on a server of its own, apart from the API: the
 * API's port can be public while this one stays on a private interface
 * (METRICS_HOST defaults to 127.0.0.1).
 */
export async function startMetricsServer(registry: Registry, options: { host: string; port: number; path: string }): Promise<MetricsServer> {
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://metrics').pathname;
    if (request.method !== 'GET' || path !== options.path) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(`${JSON.stringify({ errors: [{ message: `Not found. Metrics are at GET ${options.path}.`, extensions: { code: 'NOT_FOUND' } }] })}\n`);
      return;
    }
    registry.metrics().then(
      (text) => {
        response.writeHead(200, { 'content-type': registry.contentType });
        response.end(text);
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`Collecting metrics failed: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}${options.path}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A scraper's keep-alive connection must not hold the shutdown.
        server.closeIdleConnections();
      }),
  };
}
