// @module-tag runtime
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createMetrics } from '../src/metrics/metrics.js';
import { firstError, graphqlBody, parseJson } from './support/answers.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { spawnApp, type AppProcess } from './support/process.js';
import { startTestServer } from './support/server.js';

/** One sample of the Prometheus text format: `name{label="value",…} number`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/u.exec(line);
    if (!match) throw new Error(`Not a Prometheus sample line: ${line}`);
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/gu)].map((label) => [label[1]!, label[2]!]));
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the one sample named `name` whose labels include `labels`; throws when there is none. */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
  if (found.length !== 1) throw new Error(`Expected one sample ${name} ${JSON.stringify(labels)}, found ${found.length}`);
  return found[0]!.value;
}

async function post(port: number, query: string) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: graphqlBody(parseJson(await response.text())) };
}

describe('with METRICS_PORT set', () => {
  let testDatabase: TestDatabase;
  let app: AppProcess;
  let apiPort: number;
  let metricsUrl: string;

  beforeAll(async () => {
    // Empty: the start-up import of seed/profiles/ is one of the things counted.
    testDatabase = await createTestDatabase();
    // The resolvers' statements and batches: compiled reads (src/graphql/compiled/) would answer in one statement.
    app = spawnApp({ ...testDatabase.env, SEED_ON_START: 'true', METRICS_PORT: '0', COMPILED_READS: 'false' });
    apiPort = await app.port;
    const line = await app.waitForLine(/"msg":"Prometheus metrics at /u);
    metricsUrl = (JSON.parse(line) as { url: string }).url;
  });

  afterAll(async () => {
    expect(await app.stop()).toBe(0);
    await testDatabase.drop();
  });

  it('serves the listed series on their own port after a few requests, on loopback only', async () => {
    expect(new URL(metricsUrl).hostname).toBe('127.0.0.1');

    expect((await post(apiPort, 'query Ping { __typename }')).body.errors).toBeUndefined();
    const broken = await post(apiPort, 'query Broken { nope }');
    expect(firstError(broken.body).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const members = await post(apiPort, 'query FirstResearchers { researchers(first: 3) { nodes { name topics { name } } } }');
    expect(members.body.errors).toBeUndefined();

    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/u);
    const samples = parsePrometheus(await response.text());

    // Requests by operation and outcome, errors by code.
    expect(valueOf(samples, 'graphql_requests_total', { operation: 'Ping', outcome: 'ok' })).toBe(1);
    expect(valueOf(samples, 'graphql_requests_total', { operation: 'FirstResearchers', outcome: 'ok' })).toBe(1);
    expect(valueOf(samples, 'graphql_requests_total', { operation: '(unresolved)', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(valueOf(samples, 'graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);

    // Latency per operation.
    expect(valueOf(samples, 'graphql_request_duration_seconds_count', { operation: 'FirstResearchers' })).toBe(1);
    expect(valueOf(samples, 'graphql_request_duration_seconds_sum', { operation: 'FirstResearchers' })).toBeGreaterThan(0);
    expect(valueOf(samples, 'graphql_request_duration_seconds_bucket', { operation: 'FirstResearchers', le: '+Inf' })).toBe(1);

    // Statements of each request: none for __typename, the page and its topics batch for the researchers
    // (the start-up import ran outside any request and is not counted).
    expect(valueOf(samples, 'graphql_sql_statements_per_request_count', { operation: 'Ping' })).toBe(1);
    expect(valueOf(samples, 'graphql_sql_statements_per_request_sum', { operation: 'Ping' })).toBe(0);
    expect(valueOf(samples, 'graphql_sql_statements_per_request_count', { operation: 'FirstResearchers' })).toBe(1);
    expect(valueOf(samples, 'graphql_sql_statements_per_request_sum', { operation: 'FirstResearchers' })).toBeGreaterThanOrEqual(2);

    // The three researchers' topics were loaded in one batch of three.
    expect(valueOf(samples, 'dataloader_batch_size_count')).toBe(1);
    expect(valueOf(samples, 'dataloader_batch_size_sum')).toBe(3);

    // The pool: nothing in use or waiting between requests; idle connections
    // (closed after 10 s unused, so any number) within the pool's size.
    expect(valueOf(samples, 'db_pool_connections_in_use')).toBe(0);
    expect(valueOf(samples, 'db_pool_connections_idle')).toBeGreaterThanOrEqual(0);
    expect(valueOf(samples, 'db_pool_connections_idle')).toBeLessThanOrEqual(10);
    expect(valueOf(samples, 'db_pool_waiting_requests')).toBe(0);

    // The start-up import: one run, seed/profiles/'s 14 researchers created.
    expect(valueOf(samples, 'import_runs_total', { outcome: 'ok' })).toBe(1);
    expect(valueOf(samples, 'import_rows_total', { kind: 'researcher', outcome: 'created' })).toBe(14);
    expect(valueOf(samples, 'import_duration_seconds_count')).toBe(1);

    // Process metrics.
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('is not on the API port', async () => {
    const response = await fetch(`http://127.0.0.1:${apiPort}/metrics`);
    expect(response.status).toBe(404);
    expect(firstError(parseJson(await response.text())).extensions?.code).toBe('NOT_FOUND');
  });

  it('answers other paths of the metrics port with 404 in the usual error shape', async () => {
    const response = await fetch(new URL('/other', metricsUrl));
    expect(response.status).toBe(404);
    expect(firstError(parseJson(await response.text())).extensions?.code).toBe('NOT_FOUND');
  });
});

describe('with METRICS_PORT unset', () => {
  it('has no /metrics on the API port, and instances in one process keep registries of their own', async () => {
    const testDatabase = await createTestDatabase();
    const database = await openTestDatabase(testDatabase);
    const api = await startTestServer(database);
    try {
      const response = await fetch(`${api.url}/metrics`);
      expect(response.status).toBe(404);
      expect(firstError(parseJson(await response.text())).extensions?.code).toBe('NOT_FOUND');

      // prom-client's global registry would refuse the second set of metrics with the same names.
      const first = createMetrics(database.pool);
      const second = createMetrics(database.pool);
      first.requests.inc({ operation: 'Only', outcome: 'ok' });
      expect(valueOf(parsePrometheus(await first.registry.metrics()), 'graphql_requests_total', { operation: 'Only' })).toBe(1);
      expect(parsePrometheus(await second.registry.metrics()).some((sample) => sample.name === 'graphql_requests_total')).toBe(false);
      first.close();
      second.close();
    } finally {
      await api.close();
      await database.close();
      await testDatabase.drop();
    }
  });
});

describe('metrics configuration', () => {
  it('is off by default, and on loopback at /metrics when METRICS_PORT is set', () => {
    expect(loadConfig({}).metrics).toBeUndefined();
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1', path: '/metrics' });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5', METRICS_PATH: '/internal/metrics' }).metrics).toEqual({
      port: 9464,
      host: '10.0.0.5',
      path: '/internal/metrics',
    });
  });

  it.each([
    ['METRICS_PORT', 'nine', 'expected number', 'METRICS_PORT=9464'],
    ['METRICS_PORT', '70000', 'expected number to be <=65535', 'METRICS_PORT=9464'],
    ['METRICS_PATH', 'metrics', 'is not a URL path starting with /', 'METRICS_PATH=/metrics'],
  ])('rejects %s=%s with the problem and a good example', (name, value, problem, example) => {
    expect(() => loadConfig({ [name]: value })).toThrowError(new RegExp(`^Invalid environment variable ${name}="${value}": .*${problem}.*Example of a good value: ${example}$`, 'u'));
  });
});
