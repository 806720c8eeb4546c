import { openDatabase, type Database, type DatabaseConfig } from '../../src/db/database.js';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './database.js';
import { startTestServer, type TestServer } from './server.js';
import { startTcpProxy, type TcpProxy } from './tcpProxy.js';

/** The HTTP server over a test database that it reaches through a TCP proxy the test can cut. */
export interface ProxiedApi {
  testDatabase: TestDatabase;
  proxy: TcpProxy;
  database: Database;
  server: TestServer;
  close(): Promise<void>;
}

export async function startProxiedApi(
  options: Partial<DatabaseConfig> = {},
  prepare?: (database: Database) => Promise<void>,
  { seeded = false }: TestDatabaseOptions = {},
): Promise<ProxiedApi> {
  const testDatabase = await createTestDatabase({ seeded });
  const url = new URL(testDatabase.url);
  const proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
  const database = await openDatabase({ databaseUrl: proxy.route(testDatabase.url), pgliteDataDir: '', databasePoolSize: 3, ...options });
  await prepare?.(database);
  const server = await startTestServer(database);
  return {
    testDatabase,
    proxy,
    database,
    server,
    async close() {
      await server.close();
      await database.close();
      await proxy.close();
      await testDatabase.drop();
    },
  };
}
