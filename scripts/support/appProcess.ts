import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { projectRoot } from '../../src/db/paths.js';

/** The API as `npm start` runs it, in a child process with the given environment. */
export interface AppProcess {
  child: ChildProcess;
  /** Port from the "GraphQL API at" log line; rejects, with the output, if the app exits first. */
  port: Promise<number>;
  output(): string;
  /** Resolves when a line of the output matches; rejects if the app exits first. */
  waitForLine(pattern: RegExp): Promise<string>;
  /** Resolves with the exit code (null when a signal ended it). */
  exit: Promise<number | null>;
}

type Spawn = (command: string, args: string[], options: SpawnOptions) => ChildProcess;

/**
 * Starts the app; `spawnChild` lets tests start it in a process group they
 * track (test/support/process.ts).
 */
export function spawnApp(env: Record<string, string>, spawnChild: Spawn = spawn): AppProcess {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  // node itself runs the app (tsx is a loader inside that process, not a
  // wrapper): the pid we signal is the app's, and its handlers get SIGTERM.
  const child = spawnChild(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: projectRoot,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED_ON_START: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let closed = false;
  const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void; reject: (error: Error) => void }>();
  const settle = () => {
    // Only whole lines count, except after the end of the output.
    const lines = output.split('\n');
    if (!closed) lines.pop();
    for (const waiter of waiters) {
      const line = lines.find((candidate) => waiter.pattern.test(candidate));
      if (line !== undefined) waiter.resolve(line);
      else if (closed) waiter.reject(new Error(`The app exited (code ${child.exitCode}) before writing a line matching ${waiter.pattern}. Its output:\n${output}`));
      else continue;
      waiters.delete(waiter);
    }
  };
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    settle();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  // 'close' comes after the last output: a line written just before exiting is still seen.
  child.once('close', () => {
    closed = true;
    settle();
  });
  const exit =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve(child.exitCode)
      : new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitForLine = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      waiters.add({ pattern, resolve, reject });
      settle();
    });
  const port = waitForLine(/"msg":"GraphQL API at /).then((line) => (JSON.parse(line) as { port: number }).port);
  port.catch(() => {}); // callers that expect an early exit never ask for the port
  return { child, port, output: () => output, waitForLine, exit };
}
