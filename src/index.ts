import { ConfigError, loadConfig, type Config } from './config.js';

/**
 * `npm start`: the composition root. It reads the environment and hands the
 * app seed/'s importer for an empty database; it is the one file of src/ that
 * may import seed/ (eslint.config.js).
 *
 * Only the configuration is imported up front: with tracing on
 * (OTEL_EXPORTER_OTLP_ENDPOINT), OpenTelemetry must be in place before
 * express, pg and graphql are first imported, so the app is imported after it.
 */
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

try {
  const tracing = config.tracing && (await (await import('./tracing.js')).startTracing(config.tracing));
  const [{ importProfileFiles }, { defaultSeedPaths }, { startApp }] = await Promise.all([
    import('../seed/run.js'),
    import('./db/paths.js'),
    import('./main.js'),
  ]);
  await startApp({
    config,
    tracing,
    seedEmptyDatabase: async (prisma) => {
      const report = await importProfileFiles(prisma, defaultSeedPaths);
      return { researchers: report.counts.researcher.created, publications: report.counts.publication.created };
    },
  });
} catch (error) {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
