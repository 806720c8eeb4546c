import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { dropTemplates } from './templates.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Names this run's template databases (test/support/templates.ts), so that concurrent runs never share one. */
    testRunId: string;
  }
}

/** Once per `vitest run`: a run id for the templates, and their removal at the end. */
export default function setup(project: TestProject) {
  const runId = randomBytes(4).toString('hex');
  project.provide('testRunId', runId);
  return () => dropTemplates(runId);
}
