import { isDeepStrictEqual } from 'node:util';
import { operations, systems, type Operation, type System } from './operations.js';
import { requestFor, send } from './requests.js';
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
  system: System;
  expected: unknown;
  actual: unknown;
}

export interface CheckResult {
  mismatches: Mismatch[];
  /** Statements per request, by operation then system. */
  statements: Record<string, Record<System, number>>;
  /** The statements of one request (the first sample value), explained, by operation then system. */
  explained: Record<string, Record<System, ExplainedStatement[]>>;
  /** Database time of that request (sum of its statements' planning and execution), by operation then system. */
  databaseMs: Record<string, Record<System, number | null>>;
}

export type Endpoints = Record<System, { url: string; counter: StatementCounter }>;

function normalised(system: System, operation: Operation, data: unknown): unknown {
  return system === 'floor' ? data : operation.normalise(system, data);
}

/** `databaseUrl`: where to run the EXPLAINs (directly, not through a counter). */
export async function checkAndCount(endpoints: Endpoints, samples: Samples, databaseUrl: string): Promise<CheckResult> {
  const result: CheckResult = { mismatches: [], statements: {}, explained: {}, databaseMs: {} };
  for (const operation of operations) {
    const values = samples[operation.sample];
    // Warm pass, and the comparison: the floor's answer is the reference.
    for (const value of values) {
      const answers = new Map<System, unknown>();
      for (const system of systems) answers.set(system, normalised(system, operation, await send(endpoints[system].url, requestFor(system, operation, value))));
      for (const system of systems) {
        if (!isDeepStrictEqual(answers.get(system), answers.get('floor'))) {
          result.mismatches.push({ operation: operation.name, value, system, expected: answers.get('floor'), actual: answers.get(system) });
        }
      }
    }
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
