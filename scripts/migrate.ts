import { ConfigError, loadConfig } from '../src/config.js';
import { resolveDatabase } from '../src/db/embedded.js';
import { applyMigrations } from '../src/db/migrate.js';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { connectionString, embedded } = await resolveDatabase(config.databaseUrl, config.pgliteDataDir);
  try {
    const target = embedded ? `the embedded database in ${config.pgliteDataDir}` : 'DATABASE_URL';
    const applied = await applyMigrations(connectionString);
    process.stdout.write(
      applied.length === 0
        ? `No pending migrations: ${target} is up to date.\n`
        : `Applied ${applied.length} migration(s) to ${target}:\n${applied.map((name) => `  ${name}\n`).join('')}`,
    );
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? '' : 'Migration failed: '}${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
