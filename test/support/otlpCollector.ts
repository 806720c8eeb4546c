import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A span as received over OTLP/HTTP JSON, with the name of the instrumentation scope that made it. */
export interface ReceivedSpan {
  scope: string;
  name: string;
  traceId: string;
  attributes: Record<string, unknown>;
}

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

interface OtlpTraces {
  resourceSpans?: { scopeSpans?: { scope?: { name?: string }; spans?: { name: string; traceId: string; attributes?: OtlpAttribute[] }[] }[] }[];
}

/** The first value of an OTLP AnyValue (`{ stringValue: "…" }`, `{ intValue: 3 }`…). */
function valueOf(value: Record<string, unknown>): unknown {
  return Object.values(value)[0];
}

export interface OtlpCollector {
  /** The base URL, for OTEL_EXPORTER_OTLP_ENDPOINT (traces are POSTed to /v1/traces under it). */
  url: string;
  spans: ReceivedSpan[];
  /**
   * Resolves with every span received once `done` holds for them (now or
   * after a later export); rejects after `timeoutMs` with what was received.
   */
  waitFor(done: (spans: ReceivedSpan[]) => boolean, timeoutMs: number): Promise<ReceivedSpan[]>;
  close(): Promise<void>;
}

/**
 * A stand-in for an OpenTelemetry collector on a free loopback port: it
 * accepts OTLP/HTTP exports in JSON and keeps the spans. Anything else
 * (protobuf, another path) is answered 415/404 and recorded as a failure.
 */
export async function startOtlpCollector(): Promise<OtlpCollector> {
  const spans: ReceivedSpan[] = [];
  const failures: string[] = [];
  const listeners = new Set<() => void>();
  const server = http.createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/traces') {
        failures.push(`${request.method} ${request.url}`);
        response.writeHead(404).end();
        return;
      }
      if (!request.headers['content-type']?.startsWith('application/json')) {
        failures.push(`content-type ${request.headers['content-type']}`);
        response.writeHead(415).end();
        return;
      }
      const body = JSON.parse(text) as OtlpTraces;
      for (const resourceSpans of body.resourceSpans ?? []) {
        for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
          for (const span of scopeSpans.spans ?? []) {
            spans.push({
              scope: scopeSpans.scope?.name ?? '',
              name: span.name,
              traceId: span.traceId,
              attributes: Object.fromEntries((span.attributes ?? []).map((attribute) => [attribute.key, valueOf(attribute.value)])),
            });
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      for (const listener of listeners) listener();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    waitFor(done, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!done(spans)) return false;
          finish();
          resolve(spans);
          return true;
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`No matching spans in ${timeoutMs} ms. Received: ${JSON.stringify(spans.map(({ scope, name }) => `${scope}: ${name}`))}; refused: ${JSON.stringify(failures)}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        if (!check()) listeners.add(check);
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
