import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../src/db/paths.js';

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

function killGroup(child: ChildProcess): void {
  running.delete(child);
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}

export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const child = spawn(command, args, { cwd: projectRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<CommandResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  }).finally(() => killGroup(child)); // what it started and left behind goes too
}

/** Kills every command still running, with its process group. */
export function killCommands(): void {
  for (const child of running) killGroup(child);
}

/** The environment of this process without the given variables. */
export function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}
