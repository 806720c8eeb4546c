// @module-tag runtime
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prismaSchemaPath } from '../src/db/paths.js';
import { envWithout, killCommands, runCommand } from './support/command.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { containing } from './support/matchers.js';

/**
 * The Prisma CLI as a user types it (`npx prisma …`), with no native engine
 * on disk: prisma.config.ts hands it bin/prisma-schema-engine. Each command
 * is a Prisma CLI process plus one or two engine processes, seconds each on
 * a busy machine: each test has its own generous timeout, not one for all.
 */
const CLI_TIMEOUT_MS = 180_000;

let testDatabase: TestDatabase;
let workDir: string;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-prisma-cli-'));
});
afterEach(killCommands);
afterAll(async () => {
  fs.rmSync(workDir, { recursive: true, force: true });
  await testDatabase.drop();
});

function prisma(...args: string[]) {
  const env = { ...envWithout('DATABASE_URL', 'PRISMA_SCHEMA_ENGINE_BINARY', 'PRISMA_MIGRATION_ENGINE_BINARY'), ...testDatabase.env };
  return runCommand(process.execPath, ['node_modules/prisma/build/index.js', ...args], env);
}

describe('the Prisma CLI, offline, through bin/prisma-schema-engine', () => {
  it('names the WebAssembly engine', { timeout: CLI_TIMEOUT_MS }, async () => {
    expect((await prisma('--version')).output).toMatch(
      /Schema Engine\s+: schema-engine-cli \w+ \(wasm\) \(at bin\/prisma-schema-engine, resolved by PRISMA_SCHEMA_ENGINE_BINARY\)/,
    );
  });

  it('migrate status sees the pending migrations (exit 1, as Prisma does)', { timeout: CLI_TIMEOUT_MS }, async () => {
    expect(await prisma('migrate', 'status')).toMatchObject({ code: 1, output: containing('have not yet been applied') });
  });

  it('migrate deploy applies them, then status is up to date', { timeout: CLI_TIMEOUT_MS }, async () => {
    expect(await prisma('migrate', 'deploy')).toMatchObject({
      code: 0,
      output: containing('All migrations have been successfully applied.'),
    });
    expect(await prisma('migrate', 'status')).toMatchObject({ code: 0, output: containing('Database schema is up to date!') });
  });

  it('migrate dev finds nothing to write', { timeout: CLI_TIMEOUT_MS }, async () => {
    expect(await prisma('migrate', 'dev', '--name', 'nothing_new')).toMatchObject({
      code: 0,
      output: containing('Already in sync, no schema change or pending migration was found.'),
    });
  });
});

describe('the drift check: migrate diff from prisma/migrations to schema.prisma', () => {
  it('finds no difference', { timeout: CLI_TIMEOUT_MS }, async () => {
    const result = await prisma('migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code');
    expect(result).toMatchObject({ code: 0, output: containing('No difference detected.') });
  });

  it('prints the SQL of a field that no migration creates, and exits 2', { timeout: CLI_TIMEOUT_MS }, async () => {
    const changedSchema = path.join(workDir, 'schema.prisma');
    fs.writeFileSync(
      changedSchema,
      fs.readFileSync(prismaSchemaPath, 'utf8').replace('  organization   String?', '  organization   String?\n  homepage       String?'),
    );
    const args = ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', changedSchema, '--script', '--exit-code'];
    const result = await prisma(...args);
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/ALTER TABLE "researcher" ADD COLUMN\s+"homepage" TEXT/);
  });
});
