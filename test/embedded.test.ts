// @module-tag runtime
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { createTestDatabase, usingPostgres } from './support/database.js';
import { spawnApp, type AppProcess } from './support/process.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-embedded-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** The raw answer: compared whole, never read field by field. */
async function query(app: AppProcess, body: string): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${await app.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: body }),
  });
  return response.json();
}

async function stop(app: AppProcess) {
  const code = await app.stop();
  if (code !== 0) console.error(app.output());
  return code;
}

describe('the embedded database (DATABASE_URL unset)', () => {
  it('is created and migrated on first start, keeps its data across a restart, and shuts down cleanly on SIGTERM', async () => {
    const first = spawnApp({ PGLITE_DATA_DIR: dataDir });
    await first.port;
    expect(first.output()).toContain(`"database":"embedded PGlite in ${dataDir}"`);
    expect(first.output()).toMatch(/"appliedMigrations":\["\d+_init"(,"\d+_[a-z_]+")*\]/);
    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');

    // Write a row while no server runs, as another tool would.
    const database = await openDatabase({ databaseUrl: undefined, pgliteDataDir: dataDir, databasePoolSize: 2 });
    await database.prisma.researcher.create({ data: { slug: 'ada-lovelace', name: 'Ada Lovelace', nameKey: 'ada lovelace' } });
    await database.close();

    const second = spawnApp({ PGLITE_DATA_DIR: dataDir });
    await second.port;
    expect(second.output()).toContain('"appliedMigrations":[]');
    expect(await query(second, '{ researcher(slug: "ada-lovelace") { name } }')).toEqual({
      data: { researcher: { name: 'Ada Lovelace' } },
    });
    // A second process on the same folder would corrupt it: it is refused with a clear message.
    const intruder = spawnApp({ PGLITE_DATA_DIR: dataDir });
    expect(await intruder.exit).toBe(1);
    expect(intruder.output()).toContain(`The embedded database in ${dataDir} is in use by process`);
    expect(await stop(second)).toBe(0);
  });

  it.runIf(usingPostgres)('is not started when DATABASE_URL is set', async () => {
    const testDatabase = await createTestDatabase();
    const unusedDir = path.join(dataDir, 'unused');
    try {
      const app = spawnApp({ ...testDatabase.env, PGLITE_DATA_DIR: unusedDir });
      await app.port;
      expect(app.output()).toContain('"database":"PostgreSQL at DATABASE_URL"');
      expect(await query(app, '{ researchers { totalCount } }')).toEqual({ data: { researchers: { totalCount: 0 } } });
      expect(await stop(app)).toBe(0);
      expect(fs.existsSync(unusedDir)).toBe(false);
    } finally {
      await testDatabase.drop();
    }
  });
});
