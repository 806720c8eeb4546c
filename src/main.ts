import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import type { PrismaClient } from './generated/prisma/client.js';
import { createLogger } from './logger.js';
import { createMetrics, type AppMetrics } from './metrics/metrics.js';
import { startMetricsServer, type MetricsServer } from './metrics/server.js';
import { createServer, type AppServer } from './server.js';

export interface AppOptions {
  config: Config;
  /**
   * Fills an empty database at start-up (SEED_ON_START) and returns what to
   * log about it. index.ts passes seed/'s importer: seed/ uses src/, so src/
   * may not import seed/.
   */
  seedEmptyDatabase: (prisma: PrismaClient) => Promise<Record<string, unknown>>;
  /** OpenTelemetry, when on (src/tracing.ts, started by index.ts): its last spans are sent at shutdown. */
  tracing?: { shutdown(): Promise<void> };
}

/** Starts the API: database (migrated, seeded when empty), server, listen; stops it on SIGTERM/SIGINT. */
export async function startApp({ config, seedEmptyDatabase, tracing }: AppOptions): Promise<void> {
  const logger = createLogger(config);

  // Signals are handled from the start: a SIGTERM during start-up still closes what was opened.
  const running: { database?: Database; server?: AppServer; metrics?: AppMetrics; metricsServer?: MetricsServer } = {};
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    // A request that never ends must not keep the process alive past the grace period.
    const deadline = setTimeout(() => {
      logger.error({ graceMs: config.shutdownGraceMs }, 'grace period over: exiting with requests in flight');
      process.exit(1);
    }, config.shutdownGraceMs);
    deadline.unref();
    try {
      await running.server?.stop();
      // Scrapes keep working while requests drain; the metrics server goes after them.
      await running.metricsServer?.close();
      running.metrics?.close();
      await running.database?.close();
      await tracing?.shutdown();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', (signal) => void shutdown(signal));
  process.on('SIGINT', (signal) => void shutdown(signal));

  const database = (running.database = await openDatabase(config));
  logger.info(
    {
      database: database.embedded ? `embedded PGlite in ${config.pgliteDataDir}` : 'PostgreSQL at DATABASE_URL',
      appliedMigrations: database.appliedMigrations,
    },
    'database ready',
  );
  // Made before the start-up import, so that it is counted.
  const metrics = (running.metrics = config.metrics && createMetrics(database.pool));
  if (config.seedOnStart && (await database.prisma.researcher.count()) === 0) {
    // A new user sees data at once; SEED_ON_START=false keeps the database empty.
    logger.info(await seedEmptyDatabase(database.prisma), 'imported seed/profiles into the empty database');
  }
  if (stopping) return;
  const server = (running.server = createServer(config, database, logger, metrics));
  await server.start();
  const httpServer = server.httpServer;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port }, `GraphQL API at http://localhost:${port}/graphql`);
  if (metrics && config.metrics) {
    const metricsServer = (running.metricsServer = await startMetricsServer(metrics.registry, config.metrics));
    logger.info({ url: metricsServer.url }, `Prometheus metrics at ${metricsServer.url}`);
  }
}
