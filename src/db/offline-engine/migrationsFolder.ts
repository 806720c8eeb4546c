import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { migrationsDir } from '../paths.js';

/** prisma/migrations as the engine reads it: what the Prisma CLI builds before each call. */
export function readMigrationsList(baseDir: string = migrationsDir): MigrationList {
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const directories = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => {
      const file = path.join(baseDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(file)
            ? { tag: 'ok' as const, value: fs.readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `${file} does not exist` },
        },
      };
    }),
  };
}

/** A migration of the folder with the checksum Prisma records for it. */
export interface FolderMigration {
  name: string;
  /** Undefined when its migration.sql is missing: only the engine can report that well. */
  checksum: string | undefined;
}

/**
 * The checksum Prisma stores in `_prisma_migrations.checksum`: the SHA-256 of
 * migration.sql, in lowercase hex (prisma-engines, migration-connector's
 * checksum.rs). test/migrations.test.ts compares it with what the engine wrote.
 */
export function folderMigrations(list: MigrationList): FolderMigration[] {
  return list.migrationDirectories.map((directory) => ({
    name: directory.path,
    checksum:
      directory.migrationFile.content.tag === 'ok'
        ? createHash('sha256').update(directory.migrationFile.content.value).digest('hex')
        : undefined,
  }));
}
