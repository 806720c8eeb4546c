import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../../src/db/paths.js';

const resultsDir = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'results');

/** Writes a run's raw results to bench/results/<name>-<timestamp>.json; returns the path from the project root. */
export function writeResults(name: string, results: unknown): string {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}-${new Date().toISOString().replace(/[:.]/gu, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return path.relative(projectRoot, file);
}
