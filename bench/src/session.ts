import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Redis } from 'ioredis';
import { copyDatabase, dropDatabase } from './build.js';
import { startServer, killAll, type RunningServer, type ServerSettings } from './servers.js';
import { startStatementCounter, type StatementCounter } from './statements.js';
import type { System } from './operations.js';

/**
 * Everything one bench run creates, so that it is all removed whether the
 * run ends, fails or is interrupted: servers, counting proxies, the run's
 * databases (`bench_run_<id>_…`), the Redis keys of its servers (under
 * `bench_run_<id>:`, their REDIS_KEY_PREFIX) and temporary folders.
 */
export class Session {
  readonly id = randomBytes(4).toString('hex');
  private readonly servers: RunningServer[] = [];
  private readonly counters: StatementCounter[] = [];
  private readonly databases: string[] = [];
  private readonly redisPrefixes: { url: string; prefix: string }[] = [];
  private readonly folders: string[] = [];
  private cleaning: Promise<void> | undefined;

  /** A copy of `template` for this run (pending migrations of `migrationsFolder` applied); returns its name and what was applied. */
  async database(template: string, suffix: string, migrationsFolder: string): Promise<{ name: string; applied: string[] }> {
    const name = `bench_run_${this.id}_${suffix}`;
    this.databases.push(name);
    const applied = await copyDatabase(template, name, migrationsFolder);
    return { name, applied };
  }

  async server(system: System, settings: ServerSettings): Promise<RunningServer> {
    const server = await startServer(system, settings);
    this.servers.push(server);
    return server;
  }

  async counter(targetUrl: string): Promise<StatementCounter> {
    const counter = await startStatementCounter(targetUrl);
    this.counters.push(counter);
    return counter;
  }

  /** A Redis key prefix of this run's own (REDIS_KEY_PREFIX of a server), its keys deleted at the end. */
  redisPrefix(url: string, name: string): string {
    const prefix = `bench_run_${this.id}_${name}:`;
    this.redisPrefixes.push({ url, prefix });
    return prefix;
  }

  folder(path: string): string {
    this.folders.push(path);
    return path;
  }

  /** What each running server last wrote (the ones that wrote anything): printed when a run fails. */
  serverOutputs(): string {
    return this.servers
      .filter((server) => server.output().trim())
      .map((server) => `--- ${server.label} (last lines) ---\n${server.output().slice(-3000).trimEnd()}`)
      .join('\n');
  }

  async stopServers(): Promise<void> {
    await Promise.allSettled(this.servers.splice(0).map((server) => server.stop()));
    await Promise.allSettled(this.counters.splice(0).map((counter) => counter.close()));
  }

  /** Ends everything; once, however often it is called. */
  cleanUp(): Promise<void> {
    this.cleaning ??= (async () => {
      await this.stopServers();
      for (const name of this.databases.splice(0)) await dropDatabase(name);
      for (const { url, prefix } of this.redisPrefixes.splice(0)) await deleteKeys(url, prefix);
      for (const folder of this.folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
    })();
    return this.cleaning;
  }

  /** For Ctrl-C: kill the children at once, then clean up. */
  interrupt(): Promise<void> {
    killAll();
    return this.cleanUp();
  }
}

/** Deletes the keys under `prefix` (SCAN, not KEYS: Redis keeps serving others meanwhile). */
async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix.replace(/[*?[\]\\]/gu, '\\$&')}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Runs a command in `cwd`, its output kept for the error; asynchronously (a synchronous spawn would hold Ctrl-C). */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-10_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) exited with ${code}:\n${output}`))));
  });
}
