// @module-tag runtime
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { graphqlBody, parseJson } from './support/answers.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { startOtlpCollector, type OtlpCollector, type ReceivedSpan } from './support/otlpCollector.js';
import { spawnApp, type AppProcess } from './support/process.js';

const SCOPES = ['@opentelemetry/instrumentation-http', '@opentelemetry/instrumentation-graphql', '@opentelemetry/instrumentation-pg'];

describe('with OTEL_EXPORTER_OTLP_ENDPOINT set', () => {
  let testDatabase: TestDatabase;
  let collector: OtlpCollector;
  let app: AppProcess;
  let port: number;

  beforeAll(async () => {
    testDatabase = await createTestDatabase({ seeded: true });
    collector = await startOtlpCollector();
    // Spans are exported in batches: every 100 ms here, instead of every 5 s.
    // The resolvers' spans: compiled reads (src/graphql/compiled/) would answer in one statement, with no resolver.
    app = spawnApp({ ...testDatabase.env, OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100', COMPILED_READS: 'false' });
    port = await app.port;
  });

  afterAll(async () => {
    expect(await app.stop()).toBe(0);
    await collector.close();
    await testDatabase.drop();
  });

  it('sends the spans of one request (HTTP, GraphQL, pg), each with the request id of the response', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query TracedResearchers { researchers(first: 2) { nodes { name topics { name } } } }' }),
    });
    expect(graphqlBody(parseJson(await response.text())).errors).toBeUndefined();
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();

    const ofRequest = (spans: ReceivedSpan[]) => spans.filter((span) => span.attributes['http.request_id'] === requestId);
    const spans = ofRequest(await collector.waitFor((received) => SCOPES.every((scope) => ofRequest(received).some((span) => span.scope === scope)), 20_000));

    const server = spans.find((span) => span.scope === SCOPES[0])!;
    expect(server.name).toBe('POST /graphql');
    expect(spans.some((span) => span.scope === SCOPES[1] && span.name === 'query TracedResearchers')).toBe(true);
    expect(spans.some((span) => span.scope === SCOPES[1] && span.name === 'graphql.resolve researchers')).toBe(true);
    // The researchers page, then their topics in one batch.
    expect(spans.filter((span) => span.scope === SCOPES[2] && span.name.startsWith('pg.query')).length).toBeGreaterThanOrEqual(2);
    // One trace under the HTTP span, and every span of it carries the request id (Express's too).
    const trace = collector.spans.filter((span) => span.traceId === server.traceId);
    expect(trace.some((span) => span.scope === '@opentelemetry/instrumentation-express')).toBe(true);
    expect(trace.filter((span) => span.attributes['http.request_id'] !== requestId)).toEqual([]);
  });
});

describe('tracing configuration', () => {
  it('is off unless OTEL_EXPORTER_OTLP_ENDPOINT is an http(s) URL', () => {
    expect(loadConfig({}).tracing).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing).toEqual({
      endpoint: 'http://collector:4318',
      serviceName: 'lab-publications-api',
    });
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrowError(
      /^Invalid environment variable OTEL_EXPORTER_OTLP_ENDPOINT="collector:4318": is not an http\(s\) URL\. Example of a good value: OTEL_EXPORTER_OTLP_ENDPOINT=http:\/\/127\.0\.0\.1:4318$/u,
    );
  });
});
