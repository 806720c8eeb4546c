import { importProfileFiles } from '../seed/run.js';
import { importProfileTexts } from '../seed/texts.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { seedProfilesDir } from './db/paths.js';
import { startApp } from './main.js';

/**
 * `npm start`: the composition root. It reads the environment and hands the
 * app seed/'s importer for an empty database; it is the one file of src/ that
 * may import seed/ (eslint.config.js).
 */
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

startApp({
  config,
  seedEmptyDatabase: async (prisma) => {
    const report = await importProfileFiles(prisma, [seedProfilesDir]);
    return { researchers: report.counts.researcher.created, publications: report.counts.publication.created };
  },
  importFiles: importProfileTexts,
}).catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
