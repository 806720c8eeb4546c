import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { columnsOf, selectList } from '../shared/columns.js';
import type { KeyField } from '../shared/lookup.js';
import type { Ordering, PageRequest } from '../shared/pagination/cursors.js';
import { relation } from '../shared/pagination/nested.js';
import { pageOf } from '../shared/pagination/topLevel.js';
import { escapeLike, foldCase } from '../shared/text.js';
import type { ResearcherConnectionModel, ResearcherModel } from './mappers.js';

/** A researcher row as `r`: raw rows are ResearcherModel. */
export const researcherColumns = columnsOf('Researcher', 'r');

// Shown papers only (hidden ones are left out of every public count).
const publicationCount = Prisma.sql`(SELECT count(*)::int FROM authorship a JOIN publication p ON p.id = a.publication_id AND p.hidden_at IS NULL WHERE a.researcher_id = r.id)`;

export type ResearcherOrder = 'NAME' | 'PUBLICATION_COUNT';

export const researcherOrderings: Record<ResearcherOrder, Ordering> = {
  NAME: {
    name: 'NAME',
    keys: [
      { sql: Prisma.sql`r.name_key`, direction: 'asc', type: 'text' },
      { sql: Prisma.sql`r.id`, direction: 'asc', type: 'int' },
    ],
  },
  PUBLICATION_COUNT: {
    name: 'PUBLICATION_COUNT',
    keys: [
      { sql: publicationCount, direction: 'desc', type: 'int' },
      { sql: Prisma.sql`r.name_key`, direction: 'asc', type: 'text' },
      { sql: Prisma.sql`r.id`, direction: 'asc', type: 'int' },
    ],
  },
};

export interface ResearcherFilter {
  /** Matches names and aliases, ignoring case and accents. */
  search?: string | null;
  topicId?: number;
  roleId?: number;
  isMember?: boolean | null;
}

function filterSql(filter: ResearcherFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const search = filter.search ? foldCase(filter.search) : '';
  if (search) conditions.push(Prisma.sql`r.search_key LIKE ${`%${escapeLike(search)}%`}`);
  if (filter.topicId !== undefined) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM researcher_topic t WHERE t.researcher_id = r.id AND t.topic_id = ${filter.topicId})`);
  }
  if (filter.roleId !== undefined) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM researcher_role x WHERE x.researcher_id = r.id AND x.role_id = ${filter.roleId})`);
  }
  if (filter.isMember != null) conditions.push(Prisma.sql`r.is_member = ${filter.isMember}`);
  return conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;
}

/** The researcher with this slug, or the one a merged-away record with this slug now leads to. */
export async function findResearcherBySlug(prisma: PrismaClient, slug: string): Promise<ResearcherModel | null> {
  const researcher = await prisma.researcher.findUnique({ where: { slug } });
  if (researcher) return researcher;
  const redirect = await prisma.researcherRedirect.findUnique({ where: { slug }, select: { researcher: true } });
  return redirect?.researcher ?? null;
}

/** The researcher a merged-away record (mergeResearchers) now leads to, or null. */
export async function findRedirectedResearcher(prisma: PrismaClient, removedId: number): Promise<ResearcherModel | null> {
  const redirect = await prisma.researcherRedirect.findUnique({ where: { removedId }, select: { researcher: true } });
  return redirect?.researcher ?? null;
}

/** One page of researchers: one statement, plus one for totalCount when asked. */
export function listResearchers(
  prisma: PrismaClient,
  filter: ResearcherFilter,
  order: ResearcherOrder,
  page: PageRequest,
): Promise<ResearcherConnectionModel> {
  const source = { columns: researcherColumns, from: Prisma.sql`researcher r`, where: filterSql(filter) };
  return pageOf(prisma, source, researcherOrderings[order], page);
}

/** Shown publications of each researcher (parent: researcher id); hidden ones are in no public list or count. */
// Each paper looked up by key (publication_pkey), not a hash join over a scan
// of every paper (issue 13; test/explain.test.ts): see authorsOfPublication.
export const publicationsOfResearcher = relation(columnsOf('Publication', 'p'),
  Prisma.sql`authorship a CROSS JOIN LATERAL (SELECT * FROM publication p WHERE p.id = a.publication_id AND p.hidden_at IS NULL OFFSET 0) p`, Prisma.sql`a.researcher_id`);

/** Supervision roles of each researcher (parent: researcher id). */
export const rolesOfResearcher = relation(columnsOf('Role', 'o'),
  Prisma.sql`role o JOIN researcher_role rr ON rr.role_id = o.id`, Prisma.sql`rr.researcher_id`);

/** Topics of each researcher's profile (parent: researcher id). */
export const topicsOfResearcher = relation(columnsOf('Topic', 't'),
  Prisma.sql`topic t JOIN researcher_topic rt ON rt.topic_id = t.id`, Prisma.sql`rt.researcher_id`);

export interface CoauthorRow extends ResearcherModel {
  parent_id: number;
  shared: number;
}

/**
 * The `limit` most frequent co-authors of each researcher, for all of them in
 * one statement: pairs of authorships on the same paper, counted per pair,
 * ranked per researcher by a window function.
 */
export function coauthorsOf(prisma: PrismaClient, researcherIds: readonly number[], limit: number): Promise<CoauthorRow[]> {
  // Every lookup goes by key: a researcher's authorships (authorship_researcher_id_idx),
  // each paper's other authors (authorship_pkey), then only the kept co-authors'
  // rows (researcher_pkey). As plain joins the planner hashed scans of the whole
  // authorship and researcher tables (issue 13; test/explain.test.ts); OFFSET 0
  // keeps each lateral subquery a per-row lookup.
  return prisma.$queryRaw<CoauthorRow[]>`
    SELECT ${selectList(prisma, researcherColumns)}, ranked.parent_id, ranked.shared
    FROM (
      SELECT mine.researcher_id AS parent_id, theirs.researcher_id, count(*)::int AS shared,
             row_number() OVER (PARTITION BY mine.researcher_id ORDER BY count(*) DESC, min(theirs.name_key), theirs.researcher_id) AS rank
      FROM authorship mine
      -- Hidden papers make no co-authors (a paper's visibility, looked up by key).
      CROSS JOIN LATERAL (SELECT 1 FROM publication p WHERE p.id = mine.publication_id AND p.hidden_at IS NULL OFFSET 0) shown
      CROSS JOIN LATERAL (
        SELECT o.researcher_id, k.name_key FROM authorship o
        CROSS JOIN LATERAL (SELECT k.name_key FROM researcher k WHERE k.id = o.researcher_id OFFSET 0) k
        WHERE o.publication_id = mine.publication_id AND o.researcher_id <> mine.researcher_id OFFSET 0
      ) theirs
      WHERE mine.researcher_id = ANY(${[...researcherIds]}::int[])
      GROUP BY mine.researcher_id, theirs.researcher_id
    ) ranked
    CROSS JOIN LATERAL (SELECT * FROM researcher r WHERE r.id = ranked.researcher_id OFFSET 0) r
    WHERE ranked.rank <= ${limit}
    ORDER BY ranked.parent_id, ranked.rank`;
}

/** How filter arguments name a researcher. */
export const researcherBySlug: KeyField<'Researcher'> = { model: 'Researcher', field: 'slug', listKnown: false };
