import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { linksShownPaper, publicationOrderings } from '../publication/data.js';
import { columnsOf, selectList, type Columns } from '../shared/columns.js';
import type { KeyField } from '../shared/lookup.js';
import type { Ordering, PageRequest } from '../shared/pagination/cursors.js';
import { relation } from '../shared/pagination/nested.js';
import { pageOf } from '../shared/pagination/topLevel.js';
import { escapeLike, foldCase } from '../shared/text.js';
import type { ResearcherConnectionModel, ResearcherModel } from './mappers.js';

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
  /** A topic's id; compiled reads (compiledConnections.ts) give the subquery that looks its slug up. */
  topicId?: number | Prisma.Sql;
  /** A role's id, or the subquery that looks its key up. */
  roleId?: number | Prisma.Sql;
  isMember?: boolean | null;
}

/** The filter's conditions on `r`: the page and its count read these. */
export function researcherFilterSql(filter: ResearcherFilter): Prisma.Sql {
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

/** One page of researchers with `columns` of each: one statement, plus one for totalCount when asked. */
export function listResearchers(
  prisma: PrismaClient,
  filter: ResearcherFilter,
  order: ResearcherOrder,
  page: PageRequest,
  columns: Columns<ResearcherModel>,
): Promise<ResearcherConnectionModel> {
  const source = { columns, from: Prisma.sql`researcher r`, where: researcherFilterSql(filter) };
  return pageOf(prisma, source, researcherOrderings[order], page);
}

/**
 * A researcher's papers newest first: publicationOrderings.YEAR_DESC,
 * (coalesce(year, -1) DESC, title_key, id), read from authorship's copies of
 * the paper's keys (kept by triggers, migration
 * 20261130060000_authorship_paper_order_keys). Its index (researcher_id,
 * shown, year_key DESC, title_key, publication_id) gives a researcher's shown
 * papers in page order, so only the page's papers are looked up, where the
 * paper's own keys made every paper of the researcher be read and sorted
 * (issue 13). Same name, same values: the cursors are YEAR_DESC's.
 */
export const researcherPapersNewestFirst: Ordering = {
  name: publicationOrderings.YEAR_DESC.name,
  keys: [
    { sql: Prisma.sql`a.year_key`, direction: 'desc', type: 'int' },
    { sql: Prisma.sql`a.title_key`, direction: 'asc', type: 'text' },
    { sql: Prisma.sql`a.publication_id`, direction: 'asc', type: 'int' },
  ],
};

/** Shown publications of each researcher (parent: researcher id); hidden ones are in no public list or count. */
// Each paper looked up by key (publication_pkey), not a hash join over a scan
// of every paper (issue 13; test/explain.test.ts): see authorsOfPublication.
// Counted on authorship alone (linksShownPaper), without reading the papers.
// Newest first (the default order), a page is cut from authorship alone
// (researcherPapersNewestFirst; `a.shown` is the copy of p.hidden_at IS NULL).
export const publicationsOfResearcher = relation(columnsOf('Publication', 'p'),
  Prisma.sql`authorship a CROSS JOIN LATERAL (SELECT * FROM publication p WHERE p.id = a.publication_id AND p.hidden_at IS NULL OFFSET 0) p`, Prisma.sql`a.researcher_id`,
  Prisma.sql`(SELECT a.researcher_id FROM authorship a WHERE ${linksShownPaper(Prisma.sql`a.publication_id`)}) a`,
  {
    from: Prisma.sql`authorship a`,
    childId: Prisma.sql`a.publication_id`,
    table: Prisma.sql`publication`,
    where: Prisma.sql`a.shown`,
    orderings: { [researcherPapersNewestFirst.name]: researcherPapersNewestFirst },
  });

/** Supervision roles of each researcher (parent: researcher id). */
export const rolesOfResearcher = relation(columnsOf('Role', 'o'),
  Prisma.sql`role o JOIN researcher_role rr ON rr.role_id = o.id`, Prisma.sql`rr.researcher_id`);

/** Topics of each researcher's profile (parent: researcher id). */
export const topicsOfResearcher = relation(columnsOf('Topic', 't'),
  Prisma.sql`topic t JOIN researcher_topic rt ON rt.topic_id = t.id`, Prisma.sql`rt.researcher_id`);

export type CoauthorRow = ResearcherModel & {
  parent_id: number;
  shared: number;
};

/**
 * The `limit` most frequent co-authors of the researcher whose id is
 * `researcherId` (a column of the enclosing statement), most shared first,
 * then by name key and id: rows of (researcher_id, shared, name_key). The
 * loader (coauthorsOf) and the compiled read (compiled.ts) both rank with it.
 */
// Every lookup goes by key: a researcher's authorships (authorship_researcher_id_idx),
// each paper's other authors (authorship_pkey), each co-author's name key
// (researcher_pkey). As plain joins the planner hashed scans of the whole
// authorship and researcher tables (issue 13; test/explain.test.ts); OFFSET 0
// keeps each lateral subquery a per-row lookup. Counting first, then keeping
// the `limit` highest counts WITH TIES (a top-N sort on the count alone),
// reads name keys only for the co-authors that may be kept: for the most
// published member at scale M, 10 and their ties instead of all 3,184.
export function rankedCoauthorsSql(researcherId: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`
      SELECT top.researcher_id, top.shared, k.name_key
      FROM (
        SELECT theirs.researcher_id, count(*)::int AS shared
        FROM authorship mine
        CROSS JOIN LATERAL (
          SELECT o.researcher_id FROM authorship o WHERE o.publication_id = mine.publication_id AND o.researcher_id <> mine.researcher_id OFFSET 0
        ) theirs
        -- Hidden papers make no co-authors.
        WHERE mine.researcher_id = ${researcherId} AND ${linksShownPaper(Prisma.sql`mine.publication_id`)}
        GROUP BY theirs.researcher_id
        ORDER BY count(*) DESC
        FETCH FIRST (${limit}) ROWS WITH TIES
      ) top
      CROSS JOIN LATERAL (SELECT k.name_key FROM researcher k WHERE k.id = top.researcher_id OFFSET 0) k
      ORDER BY top.shared DESC, k.name_key, top.researcher_id
      LIMIT ${limit}`;
}

/**
 * The `limit` most frequent co-authors of each researcher, for all of them in
 * one statement: for each researcher (a lateral subquery per id), the ranked
 * co-authors (rankedCoauthorsSql); only the kept co-authors' rows are read,
 * with `columns` of them.
 */
export function coauthorsOf(prisma: PrismaClient, researcherIds: readonly number[], limit: number, columns: Columns<ResearcherModel>): Promise<CoauthorRow[]> {
  // The kept co-authors' rows by key too (researcher_pkey).
  return prisma.$queryRaw<CoauthorRow[]>`
    SELECT ${selectList(prisma, columns)}, parent.id AS parent_id, ranked.shared
    FROM unnest(${[...researcherIds]}::int[]) AS parent(id)
    CROSS JOIN LATERAL (${rankedCoauthorsSql(Prisma.sql`parent.id`, limit)}) ranked
    CROSS JOIN LATERAL (SELECT * FROM researcher r WHERE r.id = ranked.researcher_id OFFSET 0) r
    ORDER BY parent.id, ranked.shared DESC, ranked.name_key, ranked.researcher_id`;
}

/** How filter arguments name a researcher. */
export const researcherBySlug: KeyField<'Researcher'> = { model: 'Researcher', field: 'slug', listKnown: false };
