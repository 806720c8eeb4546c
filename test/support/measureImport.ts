/**
 * A quick timing of the importer on a folder of profiles, for development:
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test npx tsx test/support/measureImport.ts <folder> [--prisma]
 * (without DATABASE_URL: the embedded database). Imports the folder into a new
 * empty database, imports it again unchanged, then with one profile changed,
 * and prints each time and the peak resident memory. scripts/import-scale.ts
 * is the project's measurement; this one needs no generator.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importProfileFiles } from '../../seed/run.js';
import { createTestDatabase, openTestDatabase } from './database.js';

const folder = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
const viaPrisma = process.argv.includes('--prisma');
if (!folder) throw new Error('usage: measureImport.ts <folder of profiles>');

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const testDatabase = await createTestDatabase();
const database = await openTestDatabase(testDatabase);
async function timed(label: string, paths: string[]) {
  const started = performance.now();
  // As npm run seed does: on a connection of the pool (pass --prisma to go through Prisma's transaction).
  const report = await importProfileFiles(database.prisma, paths, { pool: viaPrisma ? undefined : database.pool });
  const seconds = (performance.now() - started) / 1000;
  const written = Object.values(report.counts).reduce((sum, c) => sum + c.created + c.updated + c.deleted, 0);
  console.log(`${label}: ${seconds.toFixed(2)} s, ${written} rows written, ${report.counts.publication.created} papers created`);
}
try {
  await timed('empty database', [folder]);
  await timed('unchanged', [folder]);
  // One profile changed: its first abstract line gets a sentence more.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'measure-import-'));
  const first = fs.readdirSync(folder).filter((name) => name.endsWith('.txt')).sort()[0]!;
  const lines = fs.readFileSync(path.join(folder, first), 'utf8').split('\n');
  const abstract = lines.findIndex((line) => line.split(' ').length >= 25);
  lines[abstract] = `${lines[abstract]} One more sentence.`;
  fs.writeFileSync(path.join(copy, first), lines.join('\n'));
  await timed('one profile changed', [path.join(copy, first)]);
  fs.rmSync(copy, { recursive: true, force: true });
  console.log(`peak resident memory: ${Math.round(peakRss / 1e6)} MB`);
} finally {
  clearInterval(sampler);
  await database.close();
  await testDatabase.drop();
}
