import { readProvenance } from '../../src/modules/shared/provenance.js';
import type { Sql } from '../write.js';
import type { ReferenceKeys, ReferencePlan, ReferenceRow, ReferenceSnapshot } from './plan.js';

/**
 * The BibTeX import's database side, in the import's transaction: reads the
 * rows references can touch in a few statements, and writes a plan with one
 * statement per table and operation, rows as one JSON parameter each
 * (jsonb_to_recordset, as seed/write.ts does), never one statement per entry.
 */

/** Database time, in UTC like the timestamps Prisma writes. */
const NOW = "(now() AT TIME ZONE 'UTC')";

export async function readReferenceSnapshot(sql: Sql, keys: ReferenceKeys): Promise<ReferenceSnapshot> {
  const publications = (
    await sql.query<Omit<ReferenceRow, 'provenance'> & { provenance: unknown }>(
      `SELECT id, title_key AS "titleKey", title, year, venue, doi, arxiv_id AS "arxivId", url, provenance
         FROM publication
        WHERE lower(doi) = ANY($1::text[]) OR arxiv_id = ANY($2::text[]) OR title_key = ANY($3::text[])`,
      [keys.dois, keys.arxivIds, keys.titleKeys],
    )
  ).map((row) => ({ ...row, provenance: readProvenance(row.provenance) }));
  const authorships = await sql.query<{ publicationId: number; researcherId: number; position: number }>(
    `SELECT publication_id AS "publicationId", researcher_id AS "researcherId", position FROM authorship WHERE publication_id = ANY($1::int[])`,
    [publications.map((row) => row.id)],
  );
  const redirects = await sql.query<{ nameKey: string; researcherId: number }>(
    `SELECT name_key AS "nameKey", researcher_id AS "researcherId" FROM researcher_redirect WHERE name_key = ANY($1::text[])`,
    [keys.nameKeys],
  );
  const researchers = await sql.query<{ id: number; nameKey: string; name: string }>(
    `SELECT id, name_key AS "nameKey", name FROM researcher WHERE name_key = ANY($1::text[]) OR id = ANY($2::int[])`,
    [keys.nameKeys, [...new Set([...authorships.map((row) => row.researcherId), ...redirects.map((row) => row.researcherId)])]],
  );
  // A new person's slug is its base, or the base with a number: read the slugs of that shape.
  const takenSlugs = await sql.query<{ slug: string }>(
    `SELECT slug FROM researcher WHERE slug = ANY($1::text[]) OR regexp_replace(slug, '-[0-9]+$', '') = ANY($1::text[])`,
    [keys.slugBases],
  );
  return { publications, authorships, researchers, redirects, takenSlugs: new Set(takenSlugs.map((row) => row.slug)) };
}

/** Rows a plan writes. */
export function plannedReferenceWrites(plan: ReferencePlan): number {
  return plan.researchers.length + plan.publications.create.length + plan.publications.update.length + plan.authorships.length;
}

export async function writeReferencePlan(sql: Sql, plan: ReferencePlan, onRows: (rows: number) => void = () => undefined): Promise<void> {
  const json = (rows: unknown[]) => [JSON.stringify(rows)];
  const researcherIds = new Map<string, number>();
  if (plan.researchers.length > 0) {
    const created = await sql.query<{ id: number; nameKey: string }>(
      `INSERT INTO researcher (name_key, slug, name, search_key, is_member, provenance, updated_at)
       SELECT r.name_key, r.slug, r.name, r.search_key, false, '{"name":"bibtex"}'::jsonb, ${NOW}
         FROM jsonb_to_recordset($1::jsonb) AS r(name_key text, slug text, name text, search_key text)
       RETURNING id, name_key AS "nameKey"`,
      json(plan.researchers.map((row) => ({ name_key: row.nameKey, slug: row.slug, name: row.name, search_key: row.searchKey }))),
    );
    for (const row of created) researcherIds.set(row.nameKey, row.id);
    onRows(created.length);
  }

  const columns = 'year int, venue text, doi text, arxiv_id text, url text, provenance jsonb';
  const values = (row: ReferencePlan['publications']['update'][number] | ReferencePlan['publications']['create'][number]) => ({
    year: row.year,
    venue: row.venue,
    doi: row.doi,
    arxiv_id: row.arxivId,
    url: row.url,
    provenance: row.provenance,
  });
  const publicationIds = new Map<string, number>();
  if (plan.publications.create.length > 0) {
    const created = await sql.query<{ id: number; titleKey: string }>(
      `INSERT INTO publication (title_key, title, year, venue, doi, arxiv_id, url, provenance, updated_at)
       SELECT r.title_key, r.title, r.year, r.venue, r.doi, r.arxiv_id, r.url, r.provenance, ${NOW}
         FROM jsonb_to_recordset($1::jsonb) AS r(title_key text, title text, ${columns})
       RETURNING id, title_key AS "titleKey"`,
      json(plan.publications.create.map((row) => ({ title_key: row.titleKey, title: row.title, ...values(row) }))),
    );
    for (const row of created) publicationIds.set(row.titleKey, row.id);
    onRows(created.length);
  }
  if (plan.publications.update.length > 0) {
    // Provenance gains the fields written (`||`): what other sources set stays.
    await sql.query(
      `UPDATE publication t
          SET year = r.year, venue = r.venue, doi = r.doi, arxiv_id = r.arxiv_id, url = r.url,
              provenance = t.provenance || r.provenance, updated_at = ${NOW}
         FROM jsonb_to_recordset($1::jsonb) AS r(id int, ${columns})
        WHERE t.id = r.id`,
      json(plan.publications.update.map((row) => ({ id: row.id, ...values(row) }))),
    );
    onRows(plan.publications.update.length);
  }

  if (plan.authorships.length > 0) {
    // Existing authors move to their new place, missing ones are added: one statement.
    await sql.query(
      `INSERT INTO authorship (publication_id, researcher_id, position, updated_at)
       SELECT r.publication_id, r.researcher_id, r.position, ${NOW}
         FROM jsonb_to_recordset($1::jsonb) AS r(publication_id int, researcher_id int, position int)
       ON CONFLICT (publication_id, researcher_id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
        WHERE authorship.position <> excluded.position`,
      json(
        plan.authorships.map((row) => ({
          publication_id: 'id' in row.paper ? row.paper.id : publicationIds.get(row.paper.titleKey)!,
          researcher_id: 'id' in row.person ? row.person.id : researcherIds.get(row.person.key)!,
          position: row.position,
        })),
      ),
    );
    onRows(plan.authorships.length);
  }
}
