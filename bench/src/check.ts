import { isDeepStrictEqual } from 'node:util';
import { operations, systems, type Operation, type System } from './operations.js';
import { requestFor, send } from './requests.js';
import type { Samples } from './samples.js';
import type { StatementCounter } from './statements.js';

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
  /** The statements of one request (the first sample value), by operation then system: for the report's explanations. */
  statementTexts: Record<string, Record<System, string[]>>;
}

export type Endpoints = Record<System, { url: string; counter: StatementCounter }>;

function normalised(system: System, operation: Operation, data: unknown): unknown {
  return system === 'floor' ? data : operation.normalise(system, data);
}

export async function checkAndCount(endpoints: Endpoints, samples: Samples): Promise<CheckResult> {
  const result: CheckResult = { mismatches: [], statements: {}, statementTexts: {} };
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
    result.statementTexts[operation.name] = {} as Record<System, string[]>;
    for (const system of systems) {
      const { url, counter } = endpoints[system];
      let total = 0;
      for (const [index, value] of values.entries()) {
        counter.reset();
        await send(url, requestFor(system, operation, value));
        const statements = counter.statements();
        total += statements.length;
        if (index === 0) result.statementTexts[operation.name]![system] = statements;
      }
      result.statements[operation.name]![system] = total / values.length;
    }
  }
  return result;
}
