import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { projectRoot, seedVocabularyPath } from '../../src/db/paths.js';
import { applyPendingMigrations } from '../../src/db/offline-engine/index.js';
import { adminQuery, databaseUrl, serverUrl } from '../../scripts/support/scratchDatabase.js';
import { benchSqlPath, fill } from './fill.js';
import { chooseTemplate, migrationsKey, parseTemplateComment, templateComment, writeMigrationsFolder, type Migration } from './migrations.js';
import { scales, type ScaleName } from './scales.js';

/**
 * The benchmark's databases. A scale's rows are built once and kept as a
 * template, `benchdb_<scale>_<data>_<migrations>`: <data> hashes every input
 * of the rows (the generator and its words, the vocabulary, the bench SQL),
 * <migrations> the project migrations it was built with (listed in the
 * database's comment). A run copies the template whose migrations are all
 * among the ones it needs, the most complete, and applies the rest to the
 * copy (then ANALYZE), as a deploy applies new migrations to existing data:
 * a branch that adds an index does not rebuild 200,000 papers. A template
 * is built under a temporary name and renamed when complete (an interrupted
 * build leaves none), under an advisory lock (two runs build it once).
 */

const benchSrc = path.dirname(fileURLToPath(import.meta.url));
const PREFIX = 'benchdb';

/** Files whose content decides the rows (not the schema: migrations are applied to copies). */
function dataInputFiles(): string[] {
  const synthetic = path.join(projectRoot, 'seed', 'synthetic');
  const generators = fs.readdirSync(synthetic).map((name) => path.join(synthetic, name));
  const benchFiles = ['fill.ts', 'generate.ts', 'scales.ts'].map((name) => path.join(benchSrc, name));
  const text = path.join(projectRoot, 'src', 'modules', 'shared', 'text.ts');
  return [...generators, seedVocabularyPath, benchSqlPath, text, ...benchFiles].sort();
}

function dataKey(): string {
  const hash = createHash('sha256');
  for (const file of dataInputFiles()) hash.update(path.relative(projectRoot, file)).update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 10);
}

/** What names this scale's templates start with, for the current data inputs. */
function templatePrefix(scale: ScaleName): string {
  return `${PREFIX}_${scale.toLowerCase()}_${dataKey()}_`;
}

interface TemplateRow {
  datname: string;
  comment: string | null;
}

async function templatesOf(client: pg.Client, like: string): Promise<TemplateRow[]> {
  const result = await client.query<TemplateRow>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname LIKE $1 AND datname NOT LIKE '%\\_building'`,
    [like],
  );
  return result.rows;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/gu, (character) => `\\${character}`);

/**
 * The template for `scale` whose migrations are all in `wanted`, built (with
 * exactly `wanted`, taken from `migrationsFolder`) when none is; returns its name.
 */
export async function ensureTemplate(scale: ScaleName, wanted: Migration[], migrationsFolder: string, log: (line: string) => void): Promise<string> {
  const prefix = templatePrefix(scale);
  const lock = new pg.Client({ connectionString: serverUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [prefix]);
    const candidates = (await templatesOf(lock, `${escapeLike(prefix)}%`)).flatMap((row) => {
      const migrations = parseTemplateComment(row.comment);
      return migrations ? [{ name: row.datname, migrations }] : [];
    });
    const chosen = chooseTemplate(candidates, wanted);
    if (chosen) {
      log(`Database ${chosen} is current: reusing it.`);
      return chosen;
    }
    const name = `${prefix}${migrationsKey(wanted)}`;
    const building = `${name}_building`;
    log(`Building ${name} (${scales[scale].researchers} researchers, ${scales[scale].publications} papers, ${wanted.length} migrations)…`);
    const started = performance.now();
    const subsetFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-migrations-'));
    await adminQuery(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE "${building}"`);
    try {
      writeMigrationsFolder(migrationsFolder, wanted, subsetFolder);
      await applyPendingMigrations(databaseUrl(building), { migrationsDir: subsetFolder });
      await fill(databaseUrl(building), scale, log);
      await adminQuery(`COMMENT ON DATABASE "${building}" IS '${templateComment(wanted).replace(/'/gu, "''")}'`);
      await adminQuery(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } catch (error) {
      await adminQuery(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      throw error;
    } finally {
      fs.rmSync(subsetFolder, { recursive: true, force: true });
    }
    // Templates of this scale built from older data inputs (another <data>) are stale: drop them.
    const stale = await templatesOf(lock, `${escapeLike(`${PREFIX}_${scale.toLowerCase()}_`)}%`);
    for (const { datname } of stale.filter((row) => !row.datname.startsWith(prefix))) await adminQuery(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    const seconds = (performance.now() - started) / 1000;
    log(`Built ${name} in ${seconds.toFixed(0)} s (bench process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB).`);
    return name;
  } finally {
    await lock.end();
  }
}

/**
 * A database of the run, copied from `template`, with the migrations of
 * `migrationsFolder` it lacks applied (then ANALYZE, for the new indexes'
 * statistics). Returns the names of the migrations applied to the copy.
 */
export async function copyDatabase(template: string, name: string, migrationsFolder: string): Promise<string[]> {
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await adminQuery(`COMMENT ON DATABASE "${name}" IS NULL`);
  const applied = await applyPendingMigrations(databaseUrl(name), { migrationsDir: migrationsFolder });
  if (applied.length > 0) {
    const client = new pg.Client({ connectionString: databaseUrl(name) });
    await client.connect();
    try {
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
  }
  return applied;
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

