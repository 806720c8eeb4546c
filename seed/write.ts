import type { ImportPlan, ListedValues, ListingValues, PlanKeys, PublicationValues } from './plan.js';
import type { AuthorshipRow, ListingRow, PublicationRow, ResearcherRow, Snapshot, VocabularyRow } from './snapshot.js';

/**
 * The import's database side: reads the rows a run can touch in a handful of
 * statements, and writes a plan with one statement per table and operation
 * (per chunk of rows), never one per row. Runs inside the import's
 * transaction (seed/importer.ts).
 *
 * Rows travel as one JSON parameter per statement, expanded by
 * jsonb_to_recordset: unlike unnest(), it carries text[] columns (aliases,
 * co-author keys) and NULLs as they are, and it has no parameter-count limit.
 */

/** A connection inside the import's transaction: Prisma's, or a pg client of the pool (seed/importer.ts). */
export interface Sql {
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
}

/** Rows per statement: bounds the size of one parameter and paces the progress bar. */
const CHUNK_ROWS = 1_000;

/** Database time, in UTC like the timestamps Prisma writes. */
const NOW = "(now() AT TIME ZONE 'UTC')";

export async function readSnapshot(sql: Sql, keys: PlanKeys): Promise<Snapshot> {
  const vocabulary = (table: string, key: string) =>
    sql.query<VocabularyRow>(`SELECT id, ${key} AS key, name, name_fr AS "nameFr" FROM ${table}`);
  const [positions, roles, topics] = [await vocabulary('position', 'key'), await vocabulary('role', 'key'), await vocabulary('topic', 'slug')];

  // The papers the files list, and those the imported members listed before.
  const publications = await sql.query<PublicationRow>(
    `SELECT id, title_key AS "titleKey", title, abstract, abstract_truncated AS "abstractTruncated", code_url AS "codeUrl",
            provenance, hidden_at IS NOT NULL AS hidden
       FROM publication
      WHERE title_key = ANY($1::text[])
         OR id IN (SELECT l.publication_id FROM listing l JOIN researcher r ON r.id = l.owner_id
                    WHERE r.name_key = ANY($2::text[])
                       OR r.id IN (SELECT researcher_id FROM researcher_redirect WHERE name_key = ANY($2::text[])))`,
    [keys.titleKeys, keys.memberKeys],
  );
  const publicationIds = publications.map((row) => row.id);
  const listings = await sql.query<ListingRow>(
    `SELECT id, publication_id AS "publicationId", owner_id AS "ownerId", title, abstract, abstract_truncated AS "abstractTruncated",
            code_url AS "codeUrl", coauthor_keys AS "coauthorKeys"
       FROM listing WHERE publication_id = ANY($1::int[])`,
    [publicationIds],
  );
  const authorships = await sql.query<AuthorshipRow>(
    `SELECT publication_id AS "publicationId", researcher_id AS "researcherId", position FROM authorship WHERE publication_id = ANY($1::int[])`,
    [publicationIds],
  );
  const publicationTopics = await sql.query<{ publicationId: number; topicId: number }>(
    `SELECT publication_id AS "publicationId", topic_id AS "topicId" FROM publication_topic WHERE publication_id = ANY($1::int[])`,
    [publicationIds],
  );

  // Merged-away people: their name keys lead to the kept records (a handful of rows: merges are made by hand).
  const redirects = await sql.query<{ key: string; kept: string }>(
    'SELECT d.name_key AS key, r.name_key AS kept FROM researcher_redirect d JOIN researcher r ON r.id = d.researcher_id',
  );
  // Everyone named (or the person they were merged into), everyone on these papers, and co-authors already left with no paper.
  const researchers = await sql.query<ResearcherRow>(
    `SELECT id, name_key AS "nameKey", slug, name, aliases, search_key AS "searchKey", is_member AS "isMember",
            position_id AS "positionId", organization, provenance
       FROM researcher r
      WHERE name_key = ANY($1::text[])
         OR id IN (SELECT researcher_id FROM researcher_redirect WHERE name_key = ANY($1::text[]))
         OR id = ANY($2::int[])
         OR (NOT is_member AND NOT EXISTS (SELECT 1 FROM authorship a WHERE a.researcher_id = r.id))`,
    [keys.personKeys, [...new Set([...listings.map((row) => row.ownerId), ...authorships.map((row) => row.researcherId)])]],
  );
  const researcherIds = researchers.map((row) => row.id);
  const memberKeys = new Set(keys.memberKeys);
  const memberIds = researchers.filter((row) => memberKeys.has(row.nameKey)).map((row) => row.id);
  const researcherRoles = await sql.query<{ researcherId: number; roleId: number }>(
    `SELECT researcher_id AS "researcherId", role_id AS "roleId" FROM researcher_role WHERE researcher_id = ANY($1::int[])`,
    [memberIds],
  );
  const researcherTopics = await sql.query<{ researcherId: number; topicId: number }>(
    `SELECT researcher_id AS "researcherId", topic_id AS "topicId" FROM researcher_topic WHERE researcher_id = ANY($1::int[])`,
    [[...new Set([...memberIds, ...listings.map((row) => row.ownerId)])]],
  );
  const otherAuthorships = await sql.query<{ researcherId: number; papers: number }>(
    `SELECT researcher_id AS "researcherId", count(*)::int AS papers FROM authorship
      WHERE researcher_id = ANY($1::int[]) AND publication_id <> ALL($2::int[]) GROUP BY researcher_id`,
    [researcherIds, publicationIds],
  );
  // A new person's slug is its base, or the base with a number: read the slugs of that shape.
  const takenSlugs = await sql.query<{ slug: string }>(
    `SELECT slug FROM researcher WHERE slug = ANY($1::text[]) OR regexp_replace(slug, '-[0-9]+$', '') = ANY($1::text[])`,
    [keys.slugBases],
  );
  return {
    positions,
    roles,
    topics,
    researchers,
    publications,
    listings,
    authorships,
    publicationTopics,
    researcherRoles,
    researcherTopics,
    otherAuthorships: new Map(otherAuthorships.map((row) => [row.researcherId, row.papers])),
    takenSlugs: new Set(takenSlugs.map((row) => row.slug)),
    redirects: new Map(redirects.map((row) => [row.key, row.kept])),
  };
}

/** Number of rows a plan writes: the progress bar's total. */
export function plannedWrites(plan: ImportPlan): number {
  const vocabulary = Object.values(plan.vocabulary).reduce((sum, writes) => sum + writes.create.length + writes.update.length, 0);
  const tables = [plan.researchers, plan.publications, plan.listings, plan.authorships];
  const links = [plan.publicationTopics, plan.researcherRoles, plan.researcherTopics];
  return (
    vocabulary +
    tables.reduce((sum, writes) => sum + writes.create.length + writes.update.length + writes.delete.length, 0) +
    links.reduce((sum, writes) => sum + writes.create.length + writes.delete.length, 0)
  );
}

/** `column sqlType` pairs of a table's written columns. */
type Columns = Record<string, string>;

function chunks<T>(rows: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) result.push(rows.slice(i, i + CHUNK_ROWS));
  return result;
}

const recordset = (columns: Columns) => `jsonb_to_recordset($1::jsonb) AS r(${Object.entries(columns).map(([name, type]) => `${name} ${type}`).join(', ')})`;

/** Writes a plan; `onRows` is told how many rows each statement wrote. */
export async function writePlan(sql: Sql, plan: ImportPlan, onRows: (rows: number) => void = () => undefined): Promise<void> {
  // A function scan yields its rows in array order, so new ids follow the plan's order.
  async function insert<R>(table: string, columns: Columns, rows: Record<string, unknown>[], returning = ''): Promise<R[]> {
    const result: R[] = [];
    const names = Object.keys(columns).join(', ');
    for (const chunk of chunks(rows)) {
      const text = `INSERT INTO ${table} (${names}, updated_at) SELECT ${names}, ${NOW} FROM ${recordset(columns)}${returning ? ` RETURNING ${returning}` : ''}`;
      result.push(...(returning ? await sql.query<R>(text, [JSON.stringify(chunk)]) : (await sql.query(text, [JSON.stringify(chunk)]), [])));
      onRows(chunk.length);
    }
    return result;
  }
  async function update(table: string, keyColumns: string[], columns: Columns, rows: Record<string, unknown>[]): Promise<void> {
    const set = Object.keys(columns)
      .filter((name) => !keyColumns.includes(name))
      .map((name) => `${name} = r.${name}`)
      .join(', ');
    const match = keyColumns.map((name) => `t.${name} = r.${name}`).join(' AND ');
    for (const chunk of chunks(rows)) {
      await sql.query(`UPDATE ${table} t SET ${set}, updated_at = ${NOW} FROM ${recordset(columns)} WHERE ${match}`, [JSON.stringify(chunk)]);
      onRows(chunk.length);
    }
  }
  async function remove(table: string, keyColumns: Columns, rows: Record<string, unknown>[]): Promise<void> {
    const match = Object.keys(keyColumns).map((name) => `t.${name} = r.${name}`).join(' AND ');
    for (const chunk of chunks(rows)) {
      await sql.query(`DELETE FROM ${table} t USING ${recordset(keyColumns)} WHERE ${match}`, [JSON.stringify(chunk)]);
      onRows(chunk.length);
    }
  }
  async function removeIds(table: string, ids: number[]): Promise<void> {
    for (const chunk of chunks(ids)) {
      await sql.query(`DELETE FROM ${table} WHERE id = ANY($1::int[])`, [chunk]);
      onRows(chunk.length);
    }
  }

  // Vocabulary first: researchers and links refer to it.
  const vocabularyIds = { position: new Map<string, number>(), role: new Map<string, number>(), topic: new Map<string, number>() };
  for (const kind of ['position', 'role', 'topic'] as const) {
    const key = kind === 'topic' ? 'slug' : 'key';
    const columns = { [key]: 'text', name: 'text', name_fr: 'text' };
    const values = (row: { key: string; name: string; nameFr: string }) => ({ [key]: row.key, name: row.name, name_fr: row.nameFr });
    const created = await insert<{ id: number; key: string }>(kind, columns, plan.vocabulary[kind].create.map(values), `id, ${key} AS key`);
    for (const row of created) vocabularyIds[kind].set(row.key, row.id);
    await update(kind, [key], columns, plan.vocabulary[kind].update.map(values));
  }
  // Keys the plan names that already existed: one statement per kind.
  for (const kind of ['position', 'role', 'topic'] as const) {
    const key = kind === 'topic' ? 'slug' : 'key';
    for (const row of await sql.query<{ id: number; key: string }>(`SELECT id, ${key} AS key FROM ${kind}`)) vocabularyIds[kind].set(row.key, row.id);
  }
  const positionId = (key: string | null) => (key === null ? null : vocabularyIds.position.get(key)!);

  const researcherColumns = {
    name: 'text',
    aliases: 'text[]',
    search_key: 'text',
    is_member: 'boolean',
    position_id: 'int',
    organization: 'text',
    provenance: 'jsonb',
  };
  const researcherValues = (row: ImportPlan['researchers']['update'][number] | ImportPlan['researchers']['create'][number]) => ({
    name: row.name,
    aliases: row.aliases,
    search_key: row.searchKey,
    is_member: row.isMember,
    position_id: positionId(row.positionKey),
    organization: row.organization,
    provenance: row.provenance,
  });
  const newResearchers = await insert<{ id: number; nameKey: string }>(
    'researcher',
    { ...researcherColumns, name_key: 'text', slug: 'text' },
    plan.researchers.create.map((row) => ({ ...researcherValues(row), name_key: row.nameKey, slug: row.slug })),
    'id, name_key AS "nameKey"',
  );
  await update('researcher', ['id'], { id: 'int', ...researcherColumns }, plan.researchers.update.map((row) => ({ id: row.id, ...researcherValues(row) })));

  const listedColumns = { title: 'text', abstract: 'text', abstract_truncated: 'boolean', code_url: 'text' };
  const listedValues = (row: ListedValues) => ({
    title: row.title,
    abstract: row.abstract,
    abstract_truncated: row.abstractTruncated,
    code_url: row.codeUrl,
  });
  const publicationColumns = { ...listedColumns, provenance: 'jsonb' };
  const publicationValues = (row: PublicationValues) => ({ ...listedValues(row), provenance: row.provenance });
  const newPublications = await insert<{ id: number; titleKey: string }>(
    'publication',
    { title_key: 'text', ...publicationColumns },
    plan.publications.create.map((row) => ({ title_key: row.titleKey, ...publicationValues(row) })),
    'id, title_key AS "titleKey"',
  );
  await update('publication', ['id'], { id: 'int', ...publicationColumns }, plan.publications.update.map((row) => ({ id: row.id, ...publicationValues(row) })));

  // Ids of the people and papers the links name: the new ones, then the existing ones, in one statement each.
  const researcherIds = new Map(newResearchers.map((row) => [row.nameKey, row.id]));
  const publicationIds = new Map(newPublications.map((row) => [row.titleKey, row.id]));
  const linkedPeople = new Set([
    ...plan.listings.create.map((row) => row.ownerKey),
    ...plan.authorships.create.map((row) => row.researcherKey),
    ...plan.researcherRoles.create.map((row) => row.researcherKey),
    ...plan.researcherTopics.create.map((row) => row.researcherKey),
  ]);
  const linkedPapers = new Set([...plan.listings.create.map((row) => row.titleKey), ...plan.authorships.create.map((row) => row.titleKey), ...plan.publicationTopics.create.map((row) => row.titleKey)]);
  for (const row of await sql.query<{ id: number; key: string }>(
    'SELECT id, name_key AS key FROM researcher WHERE name_key = ANY($1::text[])',
    [[...linkedPeople].filter((key) => !researcherIds.has(key))],
  )) researcherIds.set(row.key, row.id);
  for (const row of await sql.query<{ id: number; key: string }>(
    'SELECT id, title_key AS key FROM publication WHERE title_key = ANY($1::text[])',
    [[...linkedPapers].filter((key) => !publicationIds.has(key))],
  )) publicationIds.set(row.key, row.id);

  const listingColumns = { ...listedColumns, coauthor_keys: 'text[]' };
  const listingValues = (row: ListingValues) => ({ ...listedValues(row), coauthor_keys: row.coauthorKeys });
  await removeIds('listing', plan.listings.delete);
  await insert(
    'listing',
    { owner_id: 'int', publication_id: 'int', ...listingColumns },
    plan.listings.create.map((row) => ({ owner_id: researcherIds.get(row.ownerKey)!, publication_id: publicationIds.get(row.titleKey)!, ...listingValues(row) })),
  );
  await update('listing', ['id'], { id: 'int', ...listingColumns }, plan.listings.update.map((row) => ({ id: row.id, ...listingValues(row) })));

  const authorshipKey = { publication_id: 'int', researcher_id: 'int' };
  const authorshipIds = (row: { publicationId: number; researcherId: number }) => ({ publication_id: row.publicationId, researcher_id: row.researcherId });
  await remove('authorship', authorshipKey, plan.authorships.delete.map(authorshipIds));
  // Positions move in one statement: (publication, researcher) is the key, so no order of updates can collide.
  await update('authorship', Object.keys(authorshipKey), { ...authorshipKey, position: 'int' }, plan.authorships.update.map((row) => ({ ...authorshipIds(row), position: row.position })));
  await insert(
    'authorship',
    { ...authorshipKey, position: 'int' },
    plan.authorships.create.map((row) => ({ publication_id: publicationIds.get(row.titleKey)!, researcher_id: researcherIds.get(row.researcherKey)!, position: row.position })),
  );

  // The links of papers and people to the vocabulary: two-column keys, only created or deleted.
  const vocabularyLinks: { table: string; key: Columns; remove: Record<string, number>[]; create: Record<string, number>[] }[] = [
    {
      table: 'publication_topic',
      key: { publication_id: 'int', topic_id: 'int' },
      remove: plan.publicationTopics.delete.map((row) => ({ publication_id: row.publicationId, topic_id: row.topicId })),
      create: plan.publicationTopics.create.map((row) => ({ publication_id: publicationIds.get(row.titleKey)!, topic_id: vocabularyIds.topic.get(row.topicKey)! })),
    },
    {
      table: 'researcher_role',
      key: { researcher_id: 'int', role_id: 'int' },
      remove: plan.researcherRoles.delete.map((row) => ({ researcher_id: row.researcherId, role_id: row.roleId })),
      create: plan.researcherRoles.create.map((row) => ({ researcher_id: researcherIds.get(row.researcherKey)!, role_id: vocabularyIds.role.get(row.roleKey)! })),
    },
    {
      table: 'researcher_topic',
      key: { researcher_id: 'int', topic_id: 'int' },
      remove: plan.researcherTopics.delete.map((row) => ({ researcher_id: row.researcherId, topic_id: row.topicId })),
      create: plan.researcherTopics.create.map((row) => ({ researcher_id: researcherIds.get(row.researcherKey)!, topic_id: vocabularyIds.topic.get(row.topicKey)! })),
    },
  ];
  for (const link of vocabularyLinks) {
    await remove(link.table, link.key, link.remove);
    await insert(link.table, link.key, link.create);
  }

  // Last: deleting a paper or a person takes its remaining links with it (ON DELETE CASCADE).
  await removeIds('publication', plan.publications.delete);
  await removeIds('researcher', plan.researchers.delete);
}
