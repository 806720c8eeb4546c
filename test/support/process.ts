import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { spawnApp as spawnScriptApp, type AppProcess as ScriptAppProcess } from '../../scripts/support/appProcess.js';

/**
 * Child processes started by tests. Each runs in a process group of its own
 * (`detached: true`), so that stopping it also stops anything it started, and
 * every one is registered here: test/support/teardown.ts ends any group still
 * alive after each test file, and the 'exit' hook below does it when the test
 * worker itself goes away. Nothing a test starts outlives the run.
 */
const running = new Set<ChildProcess>();

/** How long a child gets to exit after SIGTERM before its group is killed. */
const TERM_GRACE_MS = 15_000;

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // the group is already gone
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves with the exit code (null when a signal ended it). */
function exitOf(child: ChildProcess): Promise<number | null> {
  if (exited(child)) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** `spawn` in a process group of its own, registered for the teardown. */
export function spawnTracked(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  // Whatever the leader leaves behind in its group goes with it.
  child.once('exit', () => {
    running.delete(child);
    signalGroup(child, 'SIGKILL');
  });
  return child;
}

/** SIGTERM to the child's group, then SIGKILL if it has not exited within `graceMs`. */
export async function stopGroup(child: ChildProcess, graceMs = TERM_GRACE_MS): Promise<number | null> {
  if (exited(child)) return child.exitCode;
  const exit = exitOf(child);
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  try {
    return await exit;
  } finally {
    clearTimeout(timer);
  }
}

/** Ends every group still alive; returns how many there were. */
export async function stopAllChildren(): Promise<number> {
  const left = [...running];
  await Promise.all(left.map((child) => stopGroup(child)));
  return left.length;
}

// Last resort when the worker exits with children still running (a timed-out
// hook, an uncaught error): 'exit' handlers must be synchronous, so SIGKILL.
function killAll(): void {
  for (const child of running) signalGroup(child, 'SIGKILL');
}
process.once('exit', killAll);
// Ctrl-C reaches the test worker (its terminal's process group) but not our
// children (groups of their own), and a signal's default action skips the
// 'exit' hook: end them, then die of the same signal.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAll();
    process.kill(process.pid, signal);
  });
}

/** The app as `npm start` runs it (scripts/support/appProcess.ts), in a tracked process group. */
export interface AppProcess extends ScriptAppProcess {
  /** Sends a signal to the app (the group leader, and the only process of its group). */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after a grace period; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export function spawnApp(env: Record<string, string>): AppProcess {
  const app = spawnScriptApp(env, spawnTracked);
  return { ...app, signal: (signal) => signalGroup(app.child, signal), stop: () => stopGroup(app.child) };
}
