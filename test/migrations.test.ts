import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../src/db/migrate.js';
import { prismaSchemaPath } from '../src/db/paths.js';
import { migrationsToSchema, readMigrationsList, withSchemaEngine } from '../src/db/schemaEngine.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

/** Where the engine can reach the test database, and whether that is PGlite. */
let target: { url: string };
let testDatabase: TestDatabase;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  target = { url: testDatabase.url };
});

afterAll(async () => {
  await testDatabase.drop();
});

/** SQL that takes the migrations folder to `schema` (empty when they agree). */
async function driftFromMigrationsTo(schema: string): Promise<string> {
  const script = await withSchemaEngine({ connectionString: target.url }, (engine) =>
    migrationsToSchema(engine, readMigrationsList(), [{ path: prismaSchemaPath, content: schema }]),
  );
  return script ?? '';
}

describe('migrations', () => {
  it('apply from an empty database, record their history, and do nothing the second time', async () => {
    const migrationNames = readMigrationsList().migrationDirectories.map((directory) => directory.path);
    expect(migrationNames.length).toBeGreaterThan(0);

    expect(await applyMigrations(target.url)).toEqual(migrationNames);
    expect(await applyMigrations(target.url)).toEqual([]);

    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: target.url });
    await client.connect();
    try {
      const history = await client.query<{ migration_name: string; finished: boolean }>(
        'SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(history.rows).toEqual(migrationNames.map((name) => ({ migration_name: name, finished: true })));
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['authorship', 'listing', 'publication', 'publication_topic', 'researcher', 'role', 'topic']),
      );
      // The full-text vector is kept by the migration's trigger, title weighted A.
      await client.query("INSERT INTO publication (title_key, title, abstract, updated_at) VALUES ('k', 'Torque momentum', 'Une étude', now())");
      const vector = await client.query<{ v: string }>("SELECT search_vector::text AS v FROM publication WHERE title_key = 'k'");
      expect(vector.rows[0]?.v).toContain("'torqu':1A");
      expect(vector.rows[0]?.v).toContain("'etud':4B");
    } finally {
      await client.end();
    }
  });

  it('match prisma/schema.prisma exactly (the drift check)', async () => {
    expect(await driftFromMigrationsTo(fs.readFileSync(prismaSchemaPath, 'utf8'))).toBe('');
  });

  it('drift check fails when the schema gains a field no migration creates', async () => {
    const changed = fs
      .readFileSync(prismaSchemaPath, 'utf8')
      .replace('  organization   String?', '  organization   String?\n  homepage       String?');
    expect(await driftFromMigrationsTo(changed)).toMatch(/ALTER TABLE "researcher" ADD COLUMN\s+"homepage" TEXT/);
  });
});
