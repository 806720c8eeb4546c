import { projectRoot } from '../../src/db/paths.js';
import { spawnTracked } from './process.js';

/** Runs `npm run seed -- …args` as a person would, with the test database's settings. */
export function runSeedCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  // In a process group of its own, stopped by test/support/teardown.ts if the test ends first.
  const child = spawnTracked(process.execPath, ['--import', 'tsx', 'seed/cli.ts', ...args], {
    cwd: projectRoot,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close', not 'exit': the output is complete only when the pipes are.
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
