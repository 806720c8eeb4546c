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
export const publicationsOfResearcher = relation(columnsOf('Publication', 'p'),
  Prisma.sql`publication p JOIN authorship a ON a.publication_id = p.id AND p.hidden_at IS NULL`, Prisma.sql`a.researcher_id`);

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
  return prisma.$queryRaw<CoauthorRow[]>`
    SELECT * FROM (
      SELECT ${selectList(prisma, researcherColumns)}, mine.researcher_id AS parent_id, count(*)::int AS shared,
             row_number() OVER (PARTITION BY mine.researcher_id ORDER BY count(*) DESC, r.name_key, r.id) AS rank
      FROM authorship mine
      JOIN publication p ON p.id = mine.publication_id AND p.hidden_at IS NULL
      JOIN authorship theirs ON theirs.publication_id = mine.publication_id AND theirs.researcher_id <> mine.researcher_id
      JOIN researcher r ON r.id = theirs.researcher_id
      WHERE mine.researcher_id = ANY(${[...researcherIds]}::int[])
      GROUP BY mine.researcher_id, r.id
    ) ranked
    WHERE ranked.rank <= ${limit}
    ORDER BY ranked.parent_id, ranked.rank`;
}

/** How filter arguments name a researcher. */
export const researcherBySlug: KeyField<'Researcher'> = { model: 'Researcher', field: 'slug', listKnown: false };
