import type { ApplyMigrationsOptions } from './applyPendingMigrations.js';

/**
 * Prisma's schema engine without its native binary (README: "Prisma without
 * the native engine"). Two entries; nothing outside this folder imports
 * anything else from it (eslint.config.js enforces that):
 * - applyPendingMigrations: what the app's start-up, `npm run db:migrate` and
 *   the tests run;
 * - the Prisma CLI's side: runSchemaEngineShim is bin/prisma-schema-engine,
 *   and chooseCliSchemaEngine is how prisma.config.ts decides whether the CLI
 *   needs it at all.
 * prisma.config.ts imports this file on every Prisma command and needs only
 * the choice: the other entries load their code when called.
 */
export { chooseCliSchemaEngine, type CliSchemaEngine } from './cliEngine.js';
export type { ApplyMigrationsOptions };

export async function applyPendingMigrations(connectionString: string, options?: ApplyMigrationsOptions): Promise<string[]> {
  const implementation = await import('./applyPendingMigrations.js');
  return implementation.applyPendingMigrations(connectionString, options);
}

export async function runSchemaEngineShim(argv: string[]): Promise<void> {
  const implementation = await import('./shim.js');
  return implementation.runSchemaEngineShim(argv);
}
