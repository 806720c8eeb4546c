import { importProfileFiles } from '../seed/run.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { seedProfilesDir } from './db/paths.js';
import { createLogger } from './logger.js';
import { createServer, type AppServer } from './server.js';

/** Starts the API: config, database (migrated, seeded when empty), server, listen. The only place with side effects. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);

  // Signals are handled from the start: a SIGTERM during start-up still closes what was opened.
  const running: { database?: Database; server?: AppServer } = {};
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
      await running.database?.close();
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
  if (config.seedOnStart && (await database.prisma.researcher.count()) === 0) {
    // A new user sees data at once; SEED_ON_START=false keeps the database empty.
    const report = await importProfileFiles(database.prisma, [seedProfilesDir]);
    logger.info(
      { researchers: report.counts.researcher.created, publications: report.counts.publication.created },
      'imported seed/profiles into the empty database',
    );
  }
  if (stopping) return;
  const server = (running.server = createServer(config, database, logger));
  await server.start();
  const httpServer = server.httpServer;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port }, `GraphQL API at http://localhost:${port}/graphql`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
