import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/db/paths.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const run = promisify(execFile);
let testDatabase: TestDatabase;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
});
afterAll(() => testDatabase.drop());

/** The Prisma CLI as a user types it (`npx prisma …`), with no engine downloaded. */
async function prisma(...args: string[]) {
  const { DATABASE_URL: _unset, PRISMA_SCHEMA_ENGINE_BINARY: _default, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, ['node_modules/prisma/build/index.js', ...args], {
      cwd: projectRoot,
      env: { ...env, ...testDatabase.env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

describe('the Prisma CLI, offline, through bin/prisma-schema-engine', () => {
  it('names the WebAssembly engine', async () => {
    expect((await prisma('--version')).output).toMatch(/Schema Engine\s+: schema-engine-cli \w+ \(wasm\) \(at bin\/prisma-schema-engine, resolved by PRISMA_SCHEMA_ENGINE_BINARY\)/);
  });

  it('migrate status, deploy, status again, dev', async () => {
    // status exits 1 while migrations are pending, as Prisma's own does.
    expect(await prisma('migrate', 'status')).toMatchObject({ code: 1, output: expect.stringContaining('have not yet been applied') });
    expect(await prisma('migrate', 'deploy')).toMatchObject({ code: 0, output: expect.stringContaining('All migrations have been successfully applied.') });
    expect(await prisma('migrate', 'status')).toMatchObject({ code: 0, output: expect.stringContaining('Database schema is up to date!') });
    expect(await prisma('migrate', 'dev', '--name', 'nothing_new')).toMatchObject({
      code: 0,
      output: expect.stringContaining('Already in sync, no schema change or pending migration was found.'),
    });
  });
});
