import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../src/db/paths.js';

/** The API as `npm start` runs it, in a child process with the given environment. */
export interface AppProcess {
  child: ChildProcess;
  /** Port from the "GraphQL API at" log line. */
  port: Promise<number>;
  output(): string;
  exit: Promise<number | null>;
}

export function spawnApp(env: Record<string, string>): AppProcess {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: projectRoot,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED_ON_START: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let resolvePort: (port: number) => void;
  const port = new Promise<number>((resolve) => (resolvePort = resolve));
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    const match = /"port":(\d+)/.exec(output);
    if (match) resolvePort(Number(match[1]));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, output: () => output, exit };
}
