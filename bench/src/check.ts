import { isDeepStrictEqual } from 'node:util';
import { operations, systems, type Operation, type System } from './operations.js';
import { requestFor, send, sendForAnswer } from './requests.js';
import type { Samples } from './samples.js';
import { databaseMsOf, explainStatements, type ExplainedStatement } from './explain.js';
import type { SentStatement, StatementCounter } from './statements.js';

/**
 * The one-off pass before measuring: every system answers every request of
 * every operation once; the answers, normalised, must be equal; and the
 * statements each system sent per request are counted (through the
 * counting proxy, see statements.ts) on a second, warm pass.
 */
export interface Mismatch {
  operation: string;
  value: string | undefined;
  /** The target's label (a system, or a variant of ours). */
  system: string;
  expected: unknown;
  actual: unknown;
}

export interface StatementCounts {
  /** Statements per request, by operation then system. */
  statements: Record<string, Record<System, number>>;
  /** The statements of one request (the first sample value), explained, by operation then system. */
  explained: Record<string, Record<System, ExplainedStatement[]>>;
  /** Database time of that request (sum of its statements' planning and execution), by operation then system. */
  databaseMs: Record<string, Record<System, number | null>>;
}

/**
 * A server whose answers are checked. `cached`: ours with the response
 * cache on; each request is sent twice, and the second answer must come from
 * the cache (Apollo's response cache plugin sets `Age` on the answers it
 * serves) and equal the floor's too.
 */
export interface CheckTarget {
  label: string;
  system: System;
  url: string;
  cached?: boolean;
}

export type Endpoints = Record<System, { url: string; counter: StatementCounter }>;

function normalised(system: System, operation: Operation, data: unknown): unknown {
  return system === 'floor' ? data : operation.normalise(system, data);
}

/**
 * Every target answers every request of every operation; each answer,
 * normalised, must equal the floor's (`floorUrl`). Also the warm pass before
 * counting statements.
 */
export async function checkAnswers(floorUrl: string, targets: readonly CheckTarget[], samples: Samples): Promise<Mismatch[]> {
  const mismatches: Mismatch[] = [];
  for (const operation of operations) {
    for (const value of samples[operation.sample]) {
      const expected = await send(floorUrl, requestFor('floor', operation, value));
      for (const target of targets) {
        for (let time = 0; time < (target.cached ? 2 : 1); time += 1) {
          const answer = await sendForAnswer(target.url, requestFor(target.system, operation, value));
          const actual = normalised(target.system, operation, answer.data);
          const label = time === 0 ? target.label : `${target.label} (second answer, from the cache)`;
          if (!isDeepStrictEqual(actual, expected)) mismatches.push({ operation: operation.name, value, system: label, expected, actual });
          if (time > 0 && answer.headers.get('age') === null) {
            mismatches.push({ operation: operation.name, value, system: label, expected: 'an answer from the response cache (an Age header)', actual: `no Age header (cache-control: ${answer.headers.get('cache-control')})` });
          }
        }
      }
    }
  }
  return mismatches;
}

/**
 * Statements each system sends per request (through the counting proxies,
 * on a warm pass), and the statements of one request explained on
 * `databaseUrl` (directly, not through a counter).
 */
export async function countStatements(endpoints: Endpoints, samples: Samples, databaseUrl: string): Promise<StatementCounts> {
  const result: StatementCounts = { statements: {}, explained: {}, databaseMs: {} };
  for (const operation of operations) {
    const values = samples[operation.sample];
    result.statements[operation.name] = {} as Record<System, number>;
    result.explained[operation.name] = {} as Record<System, ExplainedStatement[]>;
    result.databaseMs[operation.name] = {} as Record<System, number | null>;
    for (const system of systems) {
      const { url, counter } = endpoints[system];
      let total = 0;
      let first: SentStatement[] = [];
      for (const [index, value] of values.entries()) {
        counter.reset();
        await send(url, requestFor(system, operation, value));
        const statements = counter.statements();
        total += statements.length;
        if (index === 0) first = statements;
      }
      result.statements[operation.name]![system] = total / values.length;
      const explained = await explainStatements(databaseUrl, first);
      result.explained[operation.name]![system] = explained;
      result.databaseMs[operation.name]![system] = databaseMsOf(explained);
    }
  }
  return result;
}
