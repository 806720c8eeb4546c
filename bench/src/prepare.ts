import pg from 'pg';
import { migrationsDir, projectRoot } from '../../src/db/paths.js';
import { databaseUrl } from '../../scripts/support/scratchDatabase.js';
import { ensureTemplate } from './build.js';
import { migrationsIn, type Migration } from './migrations.js';
import { readSamples, type Samples } from './samples.js';
import type { ScaleName } from './scales.js';
import { run, type Session } from './session.js';

/** What every mode needs first: the scale's database for this run, and the values its requests cycle through. */
export interface RunDatabase {
  template: string;
  name: string;
  url: string;
  /** Migrations of the checkout that the template lacked, applied to the copy. */
  applied: string[];
  samples: Samples;
  postgres: string;
}

/**
 * Copies the scale's template (built if needed, with `templateMigrations`,
 * this checkout's by default) for the run, applies `migrationsFolder`'s
 * pending migrations to the copy, and reads the samples.
 */
export async function runDatabase(
  session: Session,
  scale: ScaleName,
  log: (line: string) => void,
  { suffix = scale.toLowerCase(), migrationsFolder = migrationsDir, templateMigrations }: { suffix?: string; migrationsFolder?: string; templateMigrations?: Migration[] } = {},
): Promise<RunDatabase> {
  const template = await ensureTemplate(scale, templateMigrations ?? migrationsIn(migrationsDir), migrationsDir, log);
  const { name, applied } = await session.database(template, suffix, migrationsFolder);
  if (applied.length > 0) log(`Applied to the copy ${name}: ${applied.join(', ')}.`);
  const url = databaseUrl(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const samples = await readSamples(client);
    const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    return { template, name, url, applied, samples, postgres };
  } finally {
    await client.end();
  }
}

/** `npm run build` of our server in `root` (this checkout by default). */
export function buildServer(root = projectRoot): Promise<void> {
  return run('npm', ['run', 'build'], root);
}
