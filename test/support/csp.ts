import { expect } from 'vitest';

/** A Content-Security-Policy header as directive name → its sources (fails the test when the header is missing). */
export function directives(policy: string | null): Map<string, string[]> {
  expect(policy).toBeTruthy();
  return new Map(
    policy!
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}
