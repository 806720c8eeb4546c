import fs from 'node:fs';
import path from 'node:path';

/**
 * How production starts our server: package.json's `start:prod` script,
 * e.g. `exec node --enable-source-maps dist/src/index.js`. The bench runs
 * the same node flags and script (V8 flags such as --max-semi-space-size
 * included), with the machine's Node, so that it measures what production
 * runs. Only the plain form is understood (optional `exec`, optional
 * `NAME=value` settings, `node`, flags, a script, arguments); anything
 * else (quotes, `&&`, pipes, variables) is refused with the script quoted,
 * rather than run differently from production.
 */
export interface StartCommand {
  /** Settings written before the command (`NAME=value node …`). */
  env: Record<string, string>;
  /** Node's own flags, before the script. */
  nodeArgs: string[];
  /** The script, relative to the project root. */
  script: string;
  /** Arguments after the script. */
  args: string[];
}

export function parseStartCommand(command: string): StartCommand {
  const refuse = (why: string) => new Error(`package.json "start:prod" is \`${command}\`: ${why}; the bench understands \`[exec] [NAME=value …] node [flags…] <script> [args…]\``);
  if (/["'`$|;&<>()\\]/u.test(command)) throw refuse('quotes, variables and shell operators are not understood');
  const words = command.trim().split(/\s+/u).filter(Boolean);
  if (words[0] === 'exec') words.shift();
  const env: Record<string, string> = {};
  while (words[0] !== undefined && /^[A-Za-z_]\w*=/u.test(words[0])) {
    const setting = words.shift()!;
    const at = setting.indexOf('=');
    env[setting.slice(0, at)] = setting.slice(at + 1);
  }
  if (words.shift() !== 'node') throw refuse('it does not run `node`');
  const nodeArgs: string[] = [];
  while (words[0] !== undefined && words[0].startsWith('-')) {
    const flag = words.shift()!;
    nodeArgs.push(flag);
    // Flags whose value is the next word (`--require x`, `--import x`, `-r x`).
    if (/^(--require|--import|--loader|--experimental-loader|-r|--env-file|--title)$/u.test(flag)) {
      const value = words.shift();
      if (value === undefined) throw refuse(`${flag} has no value`);
      nodeArgs.push(value);
    }
  }
  const script = words.shift();
  if (script === undefined) throw refuse('no script to run');
  return { env, nodeArgs, script, args: words };
}

/** The production start command of the project at `root`. */
export function readStartCommand(root: string): StartCommand {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = manifest.scripts?.['start:prod'];
  if (!script) throw new Error(`${path.join(root, 'package.json')} has no "start:prod" script: the bench starts our server as it says`);
  return parseStartCommand(script);
}
