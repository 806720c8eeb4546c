import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { seedVocabularyPath } from '../../src/db/paths.js';
import { generateDataset, type PublicationRow } from './generate.js';
import { scales, type ScaleName } from './scales.js';

/**
 * The benchmark's rows, written into a database that already has the
 * project's schema: the generated researchers, papers, authorships and
 * topics, then bench/sql/postgraphile.sql, then VACUUM ANALYZE. Everything
 * that decides the rows is in this file, generate.ts, scales.ts and their
 * inputs: build.ts names templates by a hash of them (dataInputFiles).
 */

const benchDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const benchSqlPath = path.join(benchDir, 'sql', 'postgraphile.sql');
const BATCH = 2_000;
/** A fixed instant for created_at/updated_at: the rows are the same on every build. */
const CREATED = '2026-01-01T00:00:00Z';

interface Vocabulary {
  topics: { key: string; en: string; fr: string }[];
  positions: { key: string; en: string; fr: string }[];
}

function readVocabulary(): Vocabulary {
  return JSON.parse(fs.readFileSync(seedVocabularyPath, 'utf8')) as Vocabulary;
}

/** Inserts rows column by column through unnest: one statement per batch. */
async function insertColumns(client: pg.Client, table: string, columns: Record<string, { type: string; values: unknown[] }>): Promise<void> {
  const names = Object.keys(columns);
  const list = names.map((name) => `"${name}"`).join(', ');
  const arrays = names.map((name, index) => `$${index + 1}::${columns[name]!.type}[]`).join(', ');
  await client.query(`INSERT INTO "${table}" (${list}, "created_at", "updated_at") SELECT *, $${names.length + 1}::timestamptz, $${names.length + 1}::timestamptz FROM unnest(${arrays})`, [
    ...names.map((name) => columns[name]!.values),
    CREATED,
  ]);
}

async function insertPublications(client: pg.Client, batch: PublicationRow[]): Promise<void> {
  await insertColumns(client, 'publication', {
    id: { type: 'int', values: batch.map((row) => row.id) },
    title_key: { type: 'text', values: batch.map((row) => row.titleKey) },
    title: { type: 'text', values: batch.map((row) => row.title) },
    abstract: { type: 'text', values: batch.map((row) => row.abstract) },
    year: { type: 'int', values: batch.map((row) => row.year) },
  });
  const authorships = batch.flatMap((row) => row.authors.map((researcher, position) => ({ publication: row.id, researcher, position })));
  await insertColumns(client, 'authorship', {
    publication_id: { type: 'int', values: authorships.map((row) => row.publication) },
    researcher_id: { type: 'int', values: authorships.map((row) => row.researcher) },
    position: { type: 'int', values: authorships.map((row) => row.position) },
  });
  const topics = batch.flatMap((row) => row.topics.map((topic) => ({ publication: row.id, topic: topic + 1 })));
  await insertColumns(client, 'publication_topic', {
    publication_id: { type: 'int', values: topics.map((row) => row.publication) },
    topic_id: { type: 'int', values: topics.map((row) => row.topic) },
  });
}

export async function fill(url: string, scale: ScaleName, log: (line: string) => void): Promise<void> {
  const vocabulary = readVocabulary();
  const dataset = generateDataset(scales[scale], vocabulary.topics.length, vocabulary.positions.length);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await insertColumns(client, 'position', {
      id: { type: 'int', values: vocabulary.positions.map((_, index) => index + 1) },
      key: { type: 'text', values: vocabulary.positions.map((entry) => entry.key) },
      name: { type: 'text', values: vocabulary.positions.map((entry) => entry.en) },
      name_fr: { type: 'text', values: vocabulary.positions.map((entry) => entry.fr) },
    });
    await insertColumns(client, 'topic', {
      id: { type: 'int', values: vocabulary.topics.map((_, index) => index + 1) },
      slug: { type: 'text', values: vocabulary.topics.map((entry) => entry.key) },
      name: { type: 'text', values: vocabulary.topics.map((entry) => entry.en) },
      name_fr: { type: 'text', values: vocabulary.topics.map((entry) => entry.fr) },
    });
    const people = dataset.researchers;
    await insertColumns(client, 'researcher', {
      id: { type: 'int', values: people.map((row) => row.id) },
      slug: { type: 'text', values: people.map((row) => row.slug) },
      name: { type: 'text', values: people.map((row) => row.name) },
      name_key: { type: 'text', values: people.map((row) => row.nameKey) },
      search_key: { type: 'text', values: people.map((row) => row.searchKey) },
      position_id: { type: 'int', values: people.map((row) => (row.position === null ? null : row.position + 1)) },
      organization: { type: 'text', values: people.map((row) => row.organization) },
      is_member: { type: 'boolean', values: people.map((row) => row.isMember) },
    });
    const memberTopics = people.flatMap((row) => row.topics.map((topic) => ({ researcher: row.id, topic: topic + 1 })));
    await insertColumns(client, 'researcher_topic', {
      researcher_id: { type: 'int', values: memberTopics.map((row) => row.researcher) },
      topic_id: { type: 'int', values: memberTopics.map((row) => row.topic) },
    });
    let batch: PublicationRow[] = [];
    let written = 0;
    for (const publication of dataset.publications()) {
      batch.push(publication);
      if (batch.length < BATCH) continue;
      await insertPublications(client, batch);
      written += batch.length;
      batch = [];
      if (written % 20_000 === 0) log(`  ${written} papers…`);
    }
    if (batch.length > 0) await insertPublications(client, batch);
    for (const table of ['position', 'topic', 'researcher', 'publication']) {
      await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`);
    }
    await client.query(fs.readFileSync(benchSqlPath, 'utf8'));
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

