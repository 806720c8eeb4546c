import type { AddressInfo } from 'node:net';
import { importProfileFiles } from '../../seed/run.js';
import { loadConfig } from '../../src/config.js';
import { defaultSeedPaths } from '../../src/db/paths.js';
import { createLogger } from '../../src/logger.js';
import { createServer } from '../../src/server.js';
import { createScratchDatabase, openScratchDatabase } from './scratchDatabase.js';

/** The HTTP server, quiet, on a loopback port, over a scratch database holding seed/profiles/. */
export interface SeededServer {
  /** POSTs an operation to /graphql and returns the parsed answer. */
  graphql(query: string, variables?: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
}

export async function startSeededServer(): Promise<SeededServer> {
  const scratch = await createScratchDatabase();
  const database = await openScratchDatabase(scratch);
  await importProfileFiles(database.prisma, defaultSeedPaths);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const server = createServer(config, database, createLogger(config));
  await server.start();
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  return {
    async graphql(query, variables) {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const answer: unknown = await response.json();
      return answer;
    },
    async close() {
      await server.stop();
      await database.close();
      await scratch.drop();
    },
  };
}
