import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { Prisma, type PrismaClient } from '../../../generated/prisma/client.js';
import { batchLoader, byKey, groupByKey } from '../batch.js';
import { selectList, type Columns } from '../columns.js';
import { isRequested } from '../selection.js';
import { toConnection, type Connection } from './connection.js';
import type { Ordering, PageRequest } from './cursors.js';
import { afterCursorSql, orderBySql, sortColumnsSql, sortValuesOf } from './sql.js';

/**
 * Connections nested under a list of parents (every researcher's
 * publications, every topic's researchers…), fetched for all parents in one
 * statement: for each parent id, a lateral subquery takes the first
 * `limit + 1` rows in the page's order (an index walk where an index serves
 * the order, else a top-N sort of that parent's rows only) and, when the
 * query asks for totalCount, a lateral count of the parent's children: the
 * page and its count are one round trip.
 */
export interface Relation<Row> {
  /** Columns of the child rows (see columns.ts). */
  columns: Columns<Row>;
  /** FROM clause joining the child table to the link table. */
  from: Prisma.Sql;
  /** The link table's column holding the parent id. */
  parentColumn: Prisma.Sql;
  /**
   * FROM clause that counts a parent's children (with parentColumn): `from`
   * unless the link table alone can count them, without reading a child row.
   */
  countFrom: Prisma.Sql;
  /**
   * Set when the link table alone holds the columns of the relation's
   * ordering (a topic's researchers by name: researcher_topic.name_key): a
   * page is then cut from the link table in that ordering, and only the
   * page's children are read, by key. Without it, the page is cut from `from`.
   */
  links?: LinkPage;
}

/** A page cut from a link table alone, its children read afterwards by primary key. */
export interface LinkPage {
  /** FROM clause of the link table alone, with the parent column and the ordering's columns: `researcher_topic rt`. */
  from: Prisma.Sql;
  /** The child's id in the link table: `rt.researcher_id`. */
  childId: Prisma.Sql;
  /** The child table, read by `id` under the alias of the relation's columns: `researcher`. */
  table: Prisma.Sql;
  /** A condition on the link table alone that the relation's rows meet (a researcher's shown papers: `a.shown`). */
  where?: Prisma.Sql;
  /**
   * The orderings the links hold, by name, each written on the link table's
   * columns with the same values (a researcher's papers: YEAR_DESC on
   * authorship's copies); a page in another ordering is cut from `from`.
   * Unset: every ordering the relation is paged in is on the link table.
   */
  orderings?: Readonly<Record<string, Ordering>>;
}

/**
 * How a page of `relation` in `ordering` is cut from its links alone: the
 * links and the ordering written on them (same name, same values, so the
 * same cursors), or undefined when the page is cut from `relation.from`.
 */
export function linkPageOf(relation: Relation<unknown>, ordering: Ordering): { links: LinkPage; ordering: Ordering } | undefined {
  const { links } = relation;
  if (!links) return undefined;
  if (!links.orderings) return { links, ordering };
  const onLinks = links.orderings[ordering.name];
  return onLinks && { links, ordering: onLinks };
}

/** A Relation: the child rows' columns, the FROM clause that links them to parents, the parent id column (and what counts them, and how a page is cut from the links alone). */
export function relation<Row>(columns: Columns<Row>, from: Prisma.Sql, parentColumn: Prisma.Sql, countFrom: Prisma.Sql = from, links?: LinkPage): Relation<Row> {
  return { columns, from, parentColumn, countFrom, ...(links && { links }) };
}

/** What a nested connection's query asks for: which columns of its nodes, whether any node or page info, whether totalCount. */
export interface NestedSelection<Row> {
  columns: Columns<Row>;
  /** nodes, edges or pageInfo: false for `publications(first: 0) { totalCount }`, which needs no page. */
  page: boolean;
  count: boolean;
}

/** The selection of the connection field being resolved, its nodes' columns from `columnsFor`. */
export function nestedSelection<Row>(info: GraphQLResolveInfo, columns: Columns<Row>): NestedSelection<Row> {
  return { columns, page: isRequested(info, 'nodes', 'edges', 'pageInfo'), count: isRequested(info, 'totalCount') };
}

interface ParentRow {
  parent_id: number;
}

/** Counts of children per parent, one GROUP BY statement per batch. */
export function countLoader(prisma: PrismaClient, relation: Pick<Relation<unknown>, 'countFrom' | 'parentColumn'>): DataLoader<number, number> {
  return batchLoader(async (parentIds) => {
    const rows = await prisma.$queryRaw<(ParentRow & { count: number })[]>`
      SELECT ${relation.parentColumn} AS parent_id, count(*)::int AS count
      FROM ${relation.countFrom}
      WHERE ${relation.parentColumn} = ANY(${[...parentIds]}::int[])
      GROUP BY ${relation.parentColumn}`;
    return byKey(parentIds, rows, (row) => row.parent_id, (row) => row.count, 0);
  });
}

/** A connection with no page, for a query that asks only for totalCount: no statement but the count's. */
function countOnly<T>(totalCount: () => Promise<number>): Connection<T> {
  return {
    edges: [],
    nodes: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount,
  };
}

/** `ORDER BY` of the page's rows by their selected sort columns (`page.sort_0 DESC, …`). */
function sortColumnsOrderSql(ordering: Ordering, forward: boolean): Prisma.Sql {
  return Prisma.join(
    ordering.keys.map((key, index) => Prisma.raw(`page.sort_${index} ${forward === (key.direction === 'asc') ? 'ASC' : 'DESC'}`)),
  );
}

/** A page of children for each parent id, for one set of page arguments and one selection. */
export function connectionLoader<T extends object>(
  prisma: PrismaClient,
  relation: Relation<unknown>,
  relationOrdering: Ordering,
  page: PageRequest,
  counts: DataLoader<number, number>,
  selection: NestedSelection<T>,
): DataLoader<number, Connection<T>> {
  if (!selection.page) return batchLoader((parentIds) => Promise.resolve(parentIds.map((id) => countOnly<T>(() => counts.load(id)))));
  const onLinks = linkPageOf(relation, relationOrdering);
  const ordering = onLinks?.ordering ?? relationOrdering;
  const lastSort = `sort_${ordering.keys.length - 1}`;
  return batchLoader(async (parentIds) => {
    const count = selection.count
      ? Prisma.sql`CROSS JOIN LATERAL (SELECT count(*)::int AS total_count FROM ${relation.countFrom} WHERE ${relation.parentColumn} = parent.id) counted`
      : Prisma.empty;
    const cut = (from: Prisma.Sql, columns: Prisma.Sql, where: Prisma.Sql = Prisma.sql`TRUE`) => Prisma.sql`
        SELECT ${columns}, ${sortColumnsSql(ordering)}
        FROM ${from}
        WHERE ${relation.parentColumn} = parent.id AND ${where} AND ${afterCursorSql(ordering, page)}
        ORDER BY ${orderBySql(ordering, page.forward)}
        LIMIT ${page.limit + 1}`;
    const links = onLinks?.links;
    const alias = Prisma.raw(selection.columns.alias);
    // With links: the page's keys from the link table's index, then each child by key
    // (OFFSET 0 keeps the lookup from being flattened into a join planned over every link).
    const pageSql = links
      ? Prisma.sql`
        SELECT ${selectList(prisma, selection.columns)}, ${Prisma.join(ordering.keys.map((_, index) => Prisma.raw(`keys.sort_${index}`)))}
        FROM (${cut(links.from, Prisma.sql`${links.childId} AS child_id`, links.where)}) keys
        CROSS JOIN LATERAL (SELECT * FROM ${links.table} ${alias} WHERE ${alias}.id = keys.child_id OFFSET 0) ${alias}`
      : cut(relation.from, selectList(prisma, selection.columns));
    // LEFT JOIN: a parent with no row on the page still brings its count (its row's sort columns are NULL).
    const rows = await prisma.$queryRaw<(T & ParentRow & { total_count?: number } & Record<string, unknown>)[]>`
      SELECT parent.id AS parent_id, ${selection.count ? Prisma.sql`counted.total_count,` : Prisma.empty} page.*
      FROM unnest(${[...parentIds]}::int[]) AS parent(id)
      ${count}
      LEFT JOIN LATERAL (${pageSql}
      ) page ON TRUE
      ORDER BY parent.id, ${sortColumnsOrderSql(ordering, page.forward)}`;
    const totals = new Map<number, number>();
    for (const row of rows) totals.set(row.parent_id, row.total_count ?? 0);
    const groups = groupByKey(parentIds, rows.filter((row) => row[lastSort] !== null), (row) => row.parent_id);
    return groups.map((group, index) => {
      const parentId = parentIds[index]!;
      const totalCount = selection.count ? () => Promise.resolve(totals.get(parentId) ?? 0) : () => counts.load(parentId);
      return toConnection<T>(group, page, ordering, sortValuesOf(ordering), totalCount);
    });
  });
}

/** All children of each parent, in the relation's order (authors of a paper, topics of a person…), with `columns` of them. */
export function listLoader<Row extends object, T extends object = Row>(
  prisma: PrismaClient,
  relation: Relation<Row>,
  orderBy: Prisma.Sql,
  columns: Columns<T> = relation.columns as unknown as Columns<T>,
): DataLoader<number, T[]> {
  return batchLoader(async (parentIds) => {
    const rows = await prisma.$queryRaw<(T & ParentRow)[]>`
      SELECT ${selectList(prisma, columns)}, ${relation.parentColumn} AS parent_id
      FROM ${relation.from}
      WHERE ${relation.parentColumn} = ANY(${[...parentIds]}::int[])
      ORDER BY ${orderBy}`;
    return groupByKey(parentIds, rows, (row) => row.parent_id);
  });
}
