import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { Prisma, type PrismaClient } from '../../src/generated/prisma/client.js';
import { createLogger } from '../../src/logger.js';
import { createServer } from '../../src/server.js';

/**
 * The raw statements (Prisma.Sql, with their parameters) that the API sends
 * to answer some GraphQL operations: the operations are posted to a real
 * server whose read client records every `$queryRaw` before running it as
 * usual. scripts/perf-raw.ts times these statements; a test compares what
 * each path returns for them.
 */
export async function recordRawStatements(
  database: Database,
  operations: readonly { query: string; variables?: Record<string, unknown>; headers?: Record<string, string> }[],
  overrides: Partial<Config> = {},
): Promise<Prisma.Sql[]> {
  const recorded: Prisma.Sql[] = [];
  const recording = (client: PrismaClient): PrismaClient =>
    Object.create(client, {
      $queryRaw: {
        value: (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
          const sql = query instanceof Prisma.Sql ? query : new Prisma.Sql(query, values);
          recorded.push(sql);
          return client.$queryRaw(sql);
        },
      },
    }) as PrismaClient;
  // As the bench runs it: no page of its operations meets the cost bound.
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', MAX_QUERY_COST: '100000' }), ...overrides };
  const server = createServer(
    config,
    { ...database, readClient: () => recording(database.readClient()) },
    createLogger(config),
  );
  await server.start();
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.httpServer.address() as AddressInfo;
    for (const { query, variables, headers } of operations) {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      if (!response.ok || text.includes('"errors"')) throw new Error(`${query.slice(0, 80)} answered ${response.status}: ${text.slice(0, 300)}`);
    }
  } finally {
    await server.stop();
  }
  return recorded;
}
