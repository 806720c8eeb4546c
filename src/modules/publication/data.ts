import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { columnsOf, type Columns } from '../shared/columns.js';
import { badUserInput } from '../shared/errors.js';
import type { Ordering, PageRequest } from '../shared/pagination/cursors.js';
import { relation } from '../shared/pagination/nested.js';
import { pageOf } from '../shared/pagination/topLevel.js';
import type { PublicationConnectionModel, PublicationModel } from './mappers.js';

export type PublicationOrder = 'YEAR_DESC' | 'YEAR_ASC' | 'TITLE' | 'RELEVANCE';

/**
 * The same text search configuration as the search_vector trigger (see the
 * first migration): unaccent, then the English stemmer, so French and English
 * words match with or without accents.
 */
export function tsQuery(search: string): Prisma.Sql {
  return Prisma.sql`websearch_to_tsquery('english', immutable_unaccent(${search}))`;
}

/**
 * A search's tsquery as a one-row relation, `search_query.query`, joined to
 * the publications it filters and ranks (filteredPublications). Computed once
 * per statement in every plan: OFFSET 0 keeps PostgreSQL from pulling the
 * expression up into each row, where, in the generic plan that the server's
 * named prepared statements get (src/db/preparedStatements.ts), the parameter
 * is no constant and websearch_to_tsquery ran again for every match. And the
 * ranking key (relevanceOrdering) then holds no parameter of its own: the
 * page's select list and its ORDER BY write the same expression, which
 * PostgreSQL computes once per match; with the search as two parameters they
 * were two expressions, and each match's vector was read from TOAST and
 * ranked twice (scripts/search-growth.ts).
 */
export function searchQueryJoin(search: string): Prisma.Sql {
  return Prisma.sql`CROSS JOIN (SELECT ${tsQuery(search)} AS query OFFSET 0) search_query`;
}

const byTitle = [
  { sql: Prisma.sql`p.title_key`, direction: 'asc' as const, type: 'text' as const },
  { sql: Prisma.sql`p.id`, direction: 'asc' as const, type: 'int' as const },
];

// Papers without a year go last in both year orders. They sort as a constant
// (coalesce) rather than through `NULLS LAST`, so a sort key is never NULL: the
// keyset condition (afterCursorSql) stays plain comparisons, right across the
// step from the last dated paper to the first undated one, in both directions,
// with no nullable cursor type. Each year order has an index on exactly these
// expressions (migration year_order_indexes): a page is an index scan, not a
// sort of the whole table. Change an expression here and the index with it.
export const publicationOrderings: Record<Exclude<PublicationOrder, 'RELEVANCE'>, Ordering> = {
  YEAR_DESC: { name: 'YEAR_DESC', keys: [{ sql: Prisma.sql`coalesce(p.year, -1)`, direction: 'desc', type: 'int' }, ...byTitle] },
  YEAR_ASC: { name: 'YEAR_ASC', keys: [{ sql: Prisma.sql`coalesce(p.year, 2147483647)`, direction: 'asc', type: 'int' }, ...byTitle] },
  TITLE: { name: 'TITLE', keys: byTitle },
};

/**
 * Relevance: ts_rank (title weighted A above abstract B), as an integer so
 * cursors compare exactly. It reads the search's query from
 * `search_query` (searchQueryJoin), which filteredPublications joins whenever
 * the filter has a search: RELEVANCE is refused without one.
 */
const relevanceOrdering: Ordering = {
  name: 'RELEVANCE',
  keys: [{ sql: Prisma.sql`floor(ts_rank(p.search_vector, search_query.query) * 1000000)::int`, direction: 'desc', type: 'int' }, ...byTitle],
};

export function publicationOrdering(order: PublicationOrder, search: string | null | undefined): Ordering {
  if (order !== 'RELEVANCE') return publicationOrderings[order];
  if (!search?.trim()) throw badUserInput('orderBy RELEVANCE needs filter.search: relevance is to a search.', 'orderBy');
  return relevanceOrdering;
}

/** Which papers by whether they are hidden: VISIBLE (the default, every public list), HIDDEN or ALL (editors). */
export type PublicationVisibility = 'VISIBLE' | 'HIDDEN' | 'ALL';

/** A paper every public list, count and search shows (hidePublication hides the others). */
export const shownPublication = Prisma.sql`p.hidden_at IS NULL`;

/**
 * A link row (`authorship`, `publication_topic`) whose paper is shown, for
 * counts read from the link table alone: hidden papers are few, and
 * publication_hidden_idx (a partial index) finds them without reading the
 * others, where joining every linked paper to read its hidden_at cost a
 * lookup per link (issue 13: the topic page's publicationCount).
 */
export function linksShownPaper(publicationId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM publication h WHERE h.id = ${publicationId} AND h.hidden_at IS NOT NULL)`;
}

export interface PublicationFilter {
  /** Default VISIBLE: hidden papers are left out unless an editor asks for them. */
  visibility?: PublicationVisibility;
  search?: string | null;
  /** A topic's id; compiled reads (compiledConnections.ts) give the subquery that looks its slug up. */
  topicId?: number | Prisma.Sql;
  /** An author's id, or the subquery that looks the slug up. */
  authorId?: number | Prisma.Sql;
  yearFrom?: number | null;
  yearTo?: number | null;
}

/**
 * The filter's conditions on `p`. For counting, `countable` writes the topic
 * and author conditions as `p.id = ANY(ARRAY(…))`: the planner then looks
 * each linked paper up by key, where the EXISTS form hashed a scan of every
 * paper. The page keeps EXISTS: it walks the year index and stops at the
 * page, where the ARRAY form would sort every match.
 */
function filterSql(filter: PublicationFilter, countable = false): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const visibility = filter.visibility ?? 'VISIBLE';
  if (visibility === 'VISIBLE') conditions.push(shownPublication);
  if (visibility === 'HIDDEN') conditions.push(Prisma.sql`p.hidden_at IS NOT NULL`);
  if (filter.search?.trim()) conditions.push(Prisma.sql`p.search_vector @@ search_query.query`);
  if (filter.topicId !== undefined) {
    conditions.push(countable
      ? Prisma.sql`p.id = ANY(ARRAY(SELECT pt.publication_id FROM publication_topic pt WHERE pt.topic_id = ${filter.topicId}))`
      : Prisma.sql`EXISTS (SELECT 1 FROM publication_topic pt WHERE pt.publication_id = p.id AND pt.topic_id = ${filter.topicId})`);
  }
  if (filter.authorId !== undefined) {
    conditions.push(countable
      ? Prisma.sql`p.id = ANY(ARRAY(SELECT a.publication_id FROM authorship a WHERE a.researcher_id = ${filter.authorId}))`
      : Prisma.sql`EXISTS (SELECT 1 FROM authorship a WHERE a.publication_id = p.id AND a.researcher_id = ${filter.authorId})`);
  }
  if (filter.yearFrom != null) conditions.push(Prisma.sql`p.year >= ${filter.yearFrom}`);
  if (filter.yearTo != null) conditions.push(Prisma.sql`p.year <= ${filter.yearTo}`);
  return conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;
}

/**
 * The publications a filter selects, as `p`: the page, its totalCount and its
 * facets (facets.ts) all read these (`countWhere` is `where` written for counting).
 */
export function filteredPublications(filter: PublicationFilter): { from: Prisma.Sql; where: Prisma.Sql; countWhere: Prisma.Sql } {
  const from = filter.search?.trim() ? Prisma.sql`publication p ${searchQueryJoin(filter.search)}` : Prisma.sql`publication p`;
  return { from, where: filterSql(filter), countWhere: filterSql(filter, true) };
}

/** One page of publications with `columns` of each: one statement, plus one for totalCount when asked; facets count the same filter. */
export async function listPublications(
  prisma: PrismaClient,
  filter: PublicationFilter,
  ordering: Ordering,
  page: PageRequest,
  columns: Columns<PublicationModel>,
): Promise<PublicationConnectionModel> {
  return { ...(await pageOf(prisma, { columns, ...filteredPublications(filter) }, ordering, page)), filter };
}

/** Authors of each publication (parent: publication id), listed by position. */
// Each author is looked up by key (researcher_pkey), whatever the planner
// estimates: as a plain join it hashed a sequential scan of every researcher
// for a page's few hundred authors (issue 13; test/explain.test.ts). OFFSET 0
// keeps PostgreSQL from flattening the lateral subquery back into that join.
export const authorsOfPublication = relation(columnsOf('Researcher', 'r'),
  Prisma.sql`authorship a CROSS JOIN LATERAL (SELECT * FROM researcher r WHERE r.id = a.researcher_id OFFSET 0) r`, Prisma.sql`a.publication_id`);

/** Topics of each publication (parent: publication id). */
export const topicsOfPublication = relation(columnsOf('Topic', 't'),
  Prisma.sql`topic t JOIN publication_topic pt ON pt.topic_id = t.id`, Prisma.sql`pt.publication_id`);
