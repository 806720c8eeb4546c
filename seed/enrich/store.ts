import type pg from 'pg';
import { readProvenance } from '../../src/modules/shared/provenance.js';
import { fillPublication, mayFillOrcid, SOURCE, type FillableField, type PublicationValues } from './fill.js';
import type { AuthorMatch, PaperAuthor, Verdict } from './match.js';

/**
 * The database side of enrichment, on plain pg connections (the statements
 * are few and small). Each paper is written in a transaction of its own, as
 * soon as its lookup is judged: a run cut short (network gone, Ctrl-C) keeps
 * every paper done so far, and the next run goes on from there. A transaction
 * per run would redo every request after any failure; the per-paper
 * transaction still keeps each paper whole (its fields, its authors' ORCIDs
 * and its attempt record together or not at all).
 */

/** A publication to look up: its title and authors. */
export interface PendingPaper {
  id: number;
  title: string;
  authors: PaperAuthor[];
}

export interface PendingPapers {
  papers: PendingPaper[];
  /** Papers still missing a DOI or year that earlier runs settled (skipped). */
  alreadyDone: number;
}

/** Column of each fillable field. */
const columns: Record<FillableField, string> = {
  year: 'year',
  venue: 'venue',
  doi: 'doi',
  arxivId: 'arxiv_id',
  openAlexId: 'openalex_id',
  citationCount: 'citation_count',
  openAccessUrl: 'open_access_url',
};

/** Fields with a unique index: a value another paper already has is not written twice. */
const uniqueFields: FillableField[] = ['doi', 'arxivId', 'openAlexId'];

/**
 * Publications still missing a DOI or a year, not hidden, not settled by an
 * earlier run: a match is settled for good, "not found" and "ambiguous" until
 * `retry`.
 */
export async function pendingPapers(pool: pg.Pool, retry: boolean): Promise<PendingPapers> {
  const { rows } = await pool.query<{ id: number; title: string; done: boolean }>(
    `SELECT p.id, p.title,
            EXISTS (SELECT 1 FROM enrichment_attempt a
                    WHERE a.publication_id = p.id AND a.source = $1 AND (a.outcome = 'matched' OR NOT $2::boolean)) AS done
       FROM publication p
      WHERE (p.doi IS NULL OR p.year IS NULL) AND p.hidden_at IS NULL
      ORDER BY p.id`,
    [SOURCE, retry],
  );
  const todo = rows.filter((row) => !row.done);
  const authors = await pool.query<{ publication_id: number; researcher_id: number; name: string; aliases: string[] }>(
    `SELECT a.publication_id, r.id AS researcher_id, r.name, r.aliases
       FROM authorship a JOIN researcher r ON r.id = a.researcher_id
      WHERE a.publication_id = ANY($1::int[])
      ORDER BY a.publication_id, a.position`,
    [todo.map((row) => row.id)],
  );
  const byPaper = new Map<number, PaperAuthor[]>();
  for (const row of authors.rows) {
    const list = byPaper.get(row.publication_id) ?? [];
    list.push({ researcherId: row.researcher_id, names: [row.name, ...row.aliases] });
    byPaper.set(row.publication_id, list);
  }
  return {
    papers: todo.map((row) => ({ id: row.id, title: row.title, authors: byPaper.get(row.id) ?? [] })),
    alreadyDone: rows.length - todo.length,
  };
}

export interface OrcidWrite {
  researcherId: number;
  name: string;
  orcid: string;
}

/** What a paper's transaction wrote (or, dry, would write). */
export interface PaperWrites {
  fields: Partial<PublicationValues>;
  orcids: OrcidWrite[];
  /** Values left out, and why (another paper or person has them). */
  warnings: string[];
}

const noWrites = (): PaperWrites => ({ fields: {}, orcids: [], warnings: [] });

/**
 * Records a verdict in one transaction: for a match, the fields OpenAlex may
 * fill (fill.ts) and the matched authors' ORCIDs, with their provenance; in
 * every case the attempt. The row is locked and read again inside the
 * transaction, so a concurrent import or edit is never overwritten from a
 * stale read. Dry: the same statements, rolled back.
 */
export async function recordVerdict(pool: pg.Pool, paperId: number, verdict: Verdict, dryRun: boolean): Promise<PaperWrites> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query('BEGIN');
    const writes = verdict.outcome === 'matched' ? await writeMatch(client, paperId, verdict.work.fields, verdict.authors) : noWrites();
    if (writes !== undefined) {
      // Only while the paper exists: an import may have deleted it since the run started.
      await client.query(
        `INSERT INTO enrichment_attempt (publication_id, source, outcome, work_id, attempted_at)
         SELECT $1, $2, $3, $4, CURRENT_TIMESTAMP WHERE EXISTS (SELECT 1 FROM publication WHERE id = $1)
         ON CONFLICT (publication_id, source)
         DO UPDATE SET outcome = EXCLUDED.outcome, work_id = EXCLUDED.work_id, attempted_at = EXCLUDED.attempted_at`,
        [paperId, SOURCE, verdict.outcome, verdict.outcome === 'matched' ? verdict.work.fields.openAlexId : null],
      );
    }
    await client.query(dryRun ? 'ROLLBACK' : 'COMMIT');
    return writes ?? noWrites();
  } catch (error) {
    failed = true;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(failed);
  }
}

interface PublicationRow {
  year: number | null;
  venue: string | null;
  doi: string | null;
  arxiv_id: string | null;
  openalex_id: string | null;
  citation_count: number | null;
  open_access_url: string | null;
  provenance: unknown;
}

/** Writes a match; undefined when the paper is gone (deleted since the run started). */
async function writeMatch(client: pg.PoolClient, paperId: number, work: PublicationValues, authors: AuthorMatch[]): Promise<PaperWrites | undefined> {
  const { rows } = await client.query<PublicationRow>(
    `SELECT year, venue, doi, arxiv_id, openalex_id, citation_count, open_access_url, provenance
       FROM publication WHERE id = $1 FOR UPDATE`,
    [paperId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const current: PublicationValues = {
    year: row.year,
    venue: row.venue,
    doi: row.doi,
    arxivId: row.arxiv_id,
    openAlexId: row.openalex_id,
    citationCount: row.citation_count,
    openAccessUrl: row.open_access_url,
  };
  const fields = fillPublication(current, readProvenance(row.provenance), work);
  const warnings: string[] = [];
  for (const field of uniqueFields) {
    const value = fields[field];
    if (value === undefined || value === null) continue;
    const holder = await client.query<{ title: string }>(
      `SELECT title FROM publication WHERE lower(${columns[field]}) = lower($1) AND id <> $2`,
      [value, paperId],
    );
    if (holder.rows[0]) {
      delete fields[field];
      warnings.push(`${field} ${value} left out: “${holder.rows[0].title}” already has it`);
    }
  }
  const written = Object.keys(fields) as FillableField[];
  if (written.length > 0) {
    const sets = written.map((field, index) => `${columns[field]} = $${index + 3}`);
    await client.query(
      `UPDATE publication SET ${sets.join(', ')}, provenance = provenance || $2::jsonb, updated_at = CURRENT_TIMESTAMP WHERE id = $1`,
      [paperId, JSON.stringify(Object.fromEntries(written.map((field) => [field, SOURCE]))), ...written.map((field) => fields[field])],
    );
  }
  const orcids = await writeOrcids(client, authors, warnings);
  return { fields, orcids, warnings };
}

/** Sets the ORCIDs OpenAlex gives for the paper's matched authors, where no other source set one. */
async function writeOrcids(client: pg.PoolClient, authors: AuthorMatch[], warnings: string[]): Promise<OrcidWrite[]> {
  const written: OrcidWrite[] = [];
  for (const { researcherId, author } of authors) {
    if (!author.orcid) continue;
    const { rows } = await client.query<{ name: string; orcid: string | null; provenance: unknown }>(
      'SELECT name, orcid, provenance FROM researcher WHERE id = $1 FOR UPDATE',
      [researcherId],
    );
    const researcher = rows[0];
    if (!researcher || !mayFillOrcid(researcher.orcid, readProvenance(researcher.provenance), author.orcid)) continue;
    // researcher.orcid is unique: an ORCID already on someone else is a sign of a wrong match or a duplicate person.
    const holder = await client.query<{ name: string }>('SELECT name FROM researcher WHERE orcid = $1 AND id <> $2', [author.orcid, researcherId]);
    if (holder.rows[0]) {
      warnings.push(`ORCID ${author.orcid} not given to ${researcher.name}: ${holder.rows[0].name} already has it`);
      continue;
    }
    await client.query(
      `UPDATE researcher SET orcid = $2, provenance = provenance || $3::jsonb, updated_at = CURRENT_TIMESTAMP WHERE id = $1`,
      [researcherId, author.orcid, JSON.stringify({ orcid: SOURCE })],
    );
    written.push({ researcherId, name: researcher.name, orcid: author.orcid });
  }
  return written;
}
