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
  const { startApp } = await import('./main.js');
  // seed/'s importer is loaded when it is first used (an empty database at start, an importProfiles
  // mutation): most server processes never use it, and it holds about 20 MiB of resident memory and
  // 8 MiB of heap from the moment it is imported (scripts/perf-tail.ts prints the memory after start).
  await startApp({
    config,
    tracing,
    seedEmptyDatabase: async (prisma) => {
      const [{ importProfileFiles }, { defaultSeedPaths }] = await Promise.all([import('../seed/run.js'), import('./db/paths.js')]);
      const report = await importProfileFiles(prisma, defaultSeedPaths);
      return { researchers: report.counts.researcher.created, publications: report.counts.publication.created };
    },
    importFiles: async (database, files, options) => (await import('../seed/texts.js')).importProfileTexts(database, files, options),
  });
} catch (error) {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
