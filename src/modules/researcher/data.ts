import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import type { Ordering, PageRequest } from '../shared/pagination.js';
import { badUserInput } from '../shared/errors.js';
import { escapeLike, foldCase } from '../shared/text.js';
import { pageOf, type Relation } from '../shared/relations.js';
import type { ResearcherConnectionModel, ResearcherModel } from './mappers.js';

/** Researcher columns under their Prisma field names, so raw rows are ResearcherModel. */
export const researcherColumns = Prisma.sql`r.id, r.slug, r.name, r.name_key AS "nameKey", r.aliases,
  r.search_key AS "searchKey", r.position_id AS "positionId", r.organization, r.is_member AS "isMember",
  r.orcid, r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

const publicationCount = Prisma.sql`(SELECT count(*)::int FROM authorship a WHERE a.researcher_id = r.id)`;

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

export function findResearcherBySlug(prisma: PrismaClient, slug: string): Promise<ResearcherModel | null> {
  return prisma.researcher.findUnique({ where: { slug } });
}

/** One page of researchers: one statement, plus one for totalCount when asked. */
export function listResearchers(
  prisma: PrismaClient,
  filter: ResearcherFilter,
  order: ResearcherOrder,
  page: PageRequest,
): Promise<ResearcherConnectionModel> {
  const source = { columns: researcherColumns, from: Prisma.sql`researcher r`, where: filterSql(filter) };
  return pageOf<ResearcherModel>(prisma, source, researcherOrderings[order], page);
}

/** Researchers whose profile lists each topic (parent: topic id). */
export const researchersByTopic: Relation = {
  columns: researcherColumns,
  from: Prisma.sql`researcher r JOIN researcher_topic rt ON rt.researcher_id = r.id`,
  parentColumn: Prisma.sql`rt.topic_id`,
};

/** Researchers with each role (parent: role id). */
export const researchersByRole: Relation = {
  columns: researcherColumns,
  from: Prisma.sql`researcher r JOIN researcher_role rr ON rr.researcher_id = r.id`,
  parentColumn: Prisma.sql`rr.role_id`,
};

/** Authors of each publication (parent: publication id), listed by position. */
export const authorsOfPublication: Relation = {
  columns: researcherColumns,
  from: Prisma.sql`researcher r JOIN authorship a ON a.researcher_id = r.id`,
  parentColumn: Prisma.sql`a.publication_id`,
};

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
      SELECT ${researcherColumns}, mine.researcher_id AS parent_id, count(*)::int AS shared,
             row_number() OVER (PARTITION BY mine.researcher_id ORDER BY count(*) DESC, r.name_key, r.id) AS rank
      FROM authorship mine
      JOIN authorship theirs ON theirs.publication_id = mine.publication_id AND theirs.researcher_id <> mine.researcher_id
      JOIN researcher r ON r.id = theirs.researcher_id
      WHERE mine.researcher_id = ANY(${[...researcherIds]}::int[])
      GROUP BY mine.researcher_id, r.id
    ) ranked
    WHERE ranked.rank <= ${limit}
    ORDER BY ranked.parent_id, ranked.rank`;
}

/** The id of the researcher with this slug, or a BAD_USER_INPUT error naming the argument. */
export async function requireResearcherId(prisma: PrismaClient, slug: string, argumentName: string): Promise<number> {
  const researcher = await prisma.researcher.findUnique({ where: { slug }, select: { id: true } });
  if (!researcher) throw badUserInput(`Unknown researcher "${slug}" in ${argumentName}: pass a Researcher.slug.`, argumentName);
  return researcher.id;
}
