import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { createServer, type AppServer, type ServerOptions } from '../../src/server.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export interface TestServer {
  url: string;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  /** Resolves with the first log line (already written or to come) that matches. */
  waitForLog(matches: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  server: AppServer;
  /** POSTs an operation to /graphql, as a client would. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The real HTTP server on a free loopback port, over the given database. */
export async function startTestServer(database: Database, overrides: Partial<Config> = {}, options: ServerOptions = {}): Promise<TestServer> {
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' }), ...overrides };
  const logs: Record<string, unknown>[] = [];
  const watchers = new Set<(line: Record<string, unknown>) => void>();
  const destination = {
    write: (text: string) => {
      const line = JSON.parse(text) as Record<string, unknown>;
      logs.push(line);
      for (const watch of watchers) watch(line);
    },
  };
  const server = createServer(config, database, createLogger(config, destination), undefined, options);
  await server.start();
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    logs,
    server,
    waitForLog(matches) {
      const written = logs.find(matches);
      if (written) return Promise.resolve(written);
      return new Promise((resolve) => {
        const watch = (line: Record<string, unknown>) => {
          if (!matches(line)) return;
          watchers.delete(watch);
          resolve(line);
        };
        watchers.add(watch);
      });
    },
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<T>['body'] };
    },
    async close() {
      await server.stop();
    },
  };
}
