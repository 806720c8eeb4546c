import type { Operation, System } from './operations.js';
import type { Samples } from './samples.js';

/** One HTTP request of the benchmark: where it goes and what it sends. */
export interface BenchRequest {
  path: string;
  body: string;
}

/** The request that asks `system` for `operation` with one sample value. */
export function requestFor(system: System, operation: Operation, value: string | undefined): BenchRequest {
  if (system === 'floor') return { path: `/${operation.name}`, body: JSON.stringify({ value }) };
  const query = system === 'ours' ? operation.ours : operation.postgraphile;
  return { path: '/graphql', body: JSON.stringify({ query, variables: operation.variables(value) }) };
}

/** Every request of an operation, one per sample value: the load cycles through them. */
export function requestsFor(system: System, operation: Operation, samples: Samples): BenchRequest[] {
  return samples[operation.sample].map((value) => requestFor(system, operation, value));
}

/** Sends one request and returns the answer's `data`; throws on an HTTP or GraphQL error. */
export async function send(baseUrl: string, request: BenchRequest): Promise<unknown> {
  return (await sendForAnswer(baseUrl, request)).data;
}

/** Sends one request and returns the answer's `data` and headers; throws on an HTTP or GraphQL error. */
export async function sendForAnswer(baseUrl: string, request: BenchRequest): Promise<{ data: unknown; headers: Headers }> {
  const response = await fetch(`${baseUrl}${request.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: request.body });
  const text = await response.text();
  const answer = JSON.parse(text) as { data?: unknown; errors?: unknown };
  if (!response.ok || answer.errors !== undefined || answer.data == null) {
    throw new Error(`${request.path} ${request.body.slice(0, 200)} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return { data: answer.data, headers: response.headers };
}
