import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Which of the project's migrations a bench database has. A template keeps
 * the migrations it was built with (in its database comment); a run copies
 * the template and applies the checkout's pending migrations to the copy, as
 * a production deploy applies them to existing data. So a branch that adds
 * an index reuses the template of the branch before it instead of rebuilding
 * 200,000 papers, and two builds compared A/B start from one template whose
 * migrations both have.
 */
export interface Migration {
  name: string;
  /** SHA-256 of migration.sql, as Prisma records it. */
  checksum: string;
}

/**
 * The migrations of a prisma/migrations folder, in name order, with the
 * checksum Prisma records in `_prisma_migrations` (SHA-256 of migration.sql,
 * lowercase hex; src/db/offline-engine/migrationsFolder.ts reads it the same
 * way, but the offline engine exposes only its entry points).
 */
export function migrationsIn(folder: string): Migration[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(folder, name, 'migration.sql');
      if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
      return { name, checksum: createHash('sha256').update(fs.readFileSync(file, 'utf8')).digest('hex') };
    });
}

const same = (a: Migration, b: Migration) => a.name === b.name && a.checksum === b.checksum;

/** True when every migration of `part` is in `whole`, unchanged. */
export function isSubset(part: readonly Migration[], whole: readonly Migration[]): boolean {
  return part.every((migration) => whole.some((other) => same(migration, other)));
}

/** The migrations both lists have, unchanged, in name order. */
export function commonMigrations(a: readonly Migration[], b: readonly Migration[]): Migration[] {
  return a.filter((migration) => b.some((other) => same(migration, other))).sort((x, y) => x.name.localeCompare(y.name));
}

/** A short name for a set of migrations (part of a template's name). */
export function migrationsKey(migrations: readonly Migration[]): string {
  const hash = createHash('sha256');
  for (const migration of [...migrations].sort((x, y) => x.name.localeCompare(y.name))) hash.update(`${migration.name}\0${migration.checksum}\n`);
  return hash.digest('hex').slice(0, 8);
}

export interface TemplateCandidate {
  name: string;
  migrations: Migration[];
}

/**
 * Of the existing templates, the one to copy for a database that needs
 * `wanted`: one whose migrations are all in `wanted` (the rest are applied to
 * the copy), the most complete first. Undefined: none fits, build one.
 */
export function chooseTemplate(candidates: readonly TemplateCandidate[], wanted: readonly Migration[]): string | undefined {
  const fitting = candidates.filter((candidate) => isSubset(candidate.migrations, wanted));
  fitting.sort((a, b) => b.migrations.length - a.migrations.length || a.name.localeCompare(b.name));
  return fitting[0]?.name;
}

/** A migrations folder holding only `migrations` of `source` (and its lock file), for building a template with fewer. */
export function writeMigrationsFolder(source: string, migrations: readonly Migration[], target: string): void {
  fs.mkdirSync(target, { recursive: true });
  const lock = path.join(source, 'migration_lock.toml');
  if (fs.existsSync(lock)) fs.copyFileSync(lock, path.join(target, 'migration_lock.toml'));
  for (const migration of migrations) fs.cpSync(path.join(source, migration.name), path.join(target, migration.name), { recursive: true });
}

/** The comment a template carries: the migrations it was built with. */
export function templateComment(migrations: readonly Migration[]): string {
  return JSON.stringify({ migrations: migrations.map((migration) => [migration.name, migration.checksum]) });
}

/** The migrations a template's comment lists; undefined when the comment is not one of ours. */
export function parseTemplateComment(comment: string | null): Migration[] | undefined {
  if (!comment) return undefined;
  try {
    const parsed = JSON.parse(comment) as { migrations?: unknown };
    if (!Array.isArray(parsed.migrations)) return undefined;
    return parsed.migrations.map((entry) => {
      const [name, checksum] = entry as [unknown, unknown];
      if (typeof name !== 'string' || typeof checksum !== 'string') throw new Error('not a migration');
      return { name, checksum };
    });
  } catch {
    return undefined;
  }
}
