import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/db/paths.js';

/**
 * The README's example queries: each ```graphql block right after an
 * `<!-- example -->` marker, and the ```json block after it that shows its
 * answer on the seeded data. test/readme.test.ts checks every answer;
 * `npm run docs:examples` rewrites them.
 */
export interface ReadmeExample {
  query: string;
  answer: string;
  /** Offsets of the answer's JSON text in the README. */
  answerStart: number;
  answerEnd: number;
}

export const readmePath = path.join(projectRoot, 'README.md');

const EXAMPLE = /<!-- example -->\s*```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g;

export function readmeExamples(readme = fs.readFileSync(readmePath, 'utf8')): ReadmeExample[] {
  return [...readme.matchAll(EXAMPLE)].map((match) => {
    const answerStart = match.index + match[0].lastIndexOf(match[2]!);
    return { query: match[1]!, answer: match[2]!, answerStart, answerEnd: answerStart + match[2]!.length };
  });
}

/** A response as the README shows it: without the request id, which differs on every request. */
export function withoutRequestIds(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body, (key, value: unknown) => (key === 'requestId' ? undefined : value)));
}
