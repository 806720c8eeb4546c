/**
 * Prisma's schema engine without its native binary (see README, "Prisma
 * without the native engine"). Two entries; nothing outside this folder
 * imports anything else from it (eslint.config.js enforces that):
 * - applyPendingMigrations: what the app's start-up, `npm run db:migrate` and
 *   the tests run;
 * - the Prisma CLI's side: runSchemaEngineShim is bin/prisma-schema-engine,
 *   and chooseCliSchemaEngine is how prisma.config.ts decides whether the CLI
 *   needs it at all.
 */
export { applyPendingMigrations, type ApplyMigrationsOptions } from './applyPendingMigrations.js';
export { chooseCliSchemaEngine, type CliSchemaEngine } from './cliEngine.js';
export { runSchemaEngineShim } from './shim.js';
