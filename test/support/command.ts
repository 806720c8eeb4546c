import type { ChildProcess } from 'node:child_process';
import { projectRoot } from '../../src/db/paths.js';
import { spawnTracked, stopGroup } from './process.js';

/**
 * A command run to its end in a process group of its own (detached), so that
 * it and everything it starts (the Prisma CLI starts the schema engine) can be
 * killed together. A test file that runs commands calls killCommands in
 * afterEach: a test that times out or fails leaves nothing running.
 */
export interface CommandResult {
  code: number | null;
  output: string;
}

const running = new Set<ChildProcess>();

export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
  // spawnTracked kills the group when its leader exits: what the command started and left behind goes too.
  const child = spawnTracked(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<CommandResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  }).finally(() => running.delete(child));
}

/** Kills every command still running, with its process group. */
export async function killCommands(): Promise<void> {
  await Promise.all([...running].map((child) => stopGroup(child, 0)));
}

/** The environment of this process without the given variables. */
export function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}
