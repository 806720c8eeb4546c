import { ConfigError, loadConfig } from '../src/config.js';
import { resolveDatabase } from '../src/db/embedded.js';
import { applyPendingMigrations } from '../src/db/offline-engine/index.js';

/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the
 * embedded database. Says how long the migration step took (opening the
 * embedded database not included): the figure the README's start-up numbers come from.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const { connectionString, embedded } = await resolveDatabase(config.databaseUrl, config.pgliteDataDir);
  try {
    const target = embedded ? `the embedded database in ${config.pgliteDataDir}` : 'DATABASE_URL';
    const started = performance.now();
    const applied = await applyPendingMigrations(connectionString);
    const took = `(${Math.round(performance.now() - started)} ms)`;
    process.stdout.write(
      applied.length === 0
        ? `No pending migrations: ${target} is up to date ${took}.\n`
        : `Applied ${applied.length} migration(s) to ${target} ${took}:\n${applied.map((name) => `  ${name}\n`).join('')}`,
    );
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? '' : 'Migration failed: '}${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
