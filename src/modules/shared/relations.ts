import DataLoader from 'dataloader';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { byKey, groupByKey } from './batch.js';
import {
  afterCursorSql,
  orderBySql,
  sortColumnsSql,
  sortValuesOf,
  toConnection,
  type Connection,
  type Ordering,
  type PageRequest,
} from './pagination.js';

/**
 * Connections nested under a list of parents (every researcher's
 * publications, every topic's researchers…), fetched for all parents in one
 * statement: a window function numbers each parent's rows in the page's
 * order, and the outer query keeps the first `limit + 1` of each.
 */
export interface Relation {
  /** Columns of the child rows, under their model field names. */
  columns: Prisma.Sql;
  /** FROM clause joining the child table to the link table. */
  from: Prisma.Sql;
  /** The link table's column holding the parent id. */
  parentColumn: Prisma.Sql;
}

interface ParentRow {
  parent_id: number;
}

/** One page of a top-level list: one statement, plus one for totalCount when it is asked for. */
export async function pageOf<T extends object>(
  prisma: PrismaClient,
  source: { columns: Prisma.Sql; from: Prisma.Sql; where: Prisma.Sql },
  ordering: Ordering,
  page: PageRequest,
): Promise<Connection<T>> {
  const rows = await prisma.$queryRaw<T[]>`
    SELECT ${source.columns}, ${sortColumnsSql(ordering)}
    FROM ${source.from}
    WHERE ${source.where} AND ${afterCursorSql(ordering, page)}
    ORDER BY ${orderBySql(ordering, page.forward)}
    LIMIT ${page.limit + 1}`;
  return toConnection(rows, page, ordering, sortValuesOf(ordering), async () => {
    const [result] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM ${source.from} WHERE ${source.where}`;
    return result?.count ?? 0;
  });
}

/** Counts of children per parent, one GROUP BY statement per batch. */
export function countLoader(prisma: PrismaClient, relation: Pick<Relation, 'from' | 'parentColumn'>): DataLoader<number, number> {
  return new DataLoader(async (parentIds) => {
    const rows = await prisma.$queryRaw<(ParentRow & { count: number })[]>`
      SELECT ${relation.parentColumn} AS parent_id, count(*)::int AS count
      FROM ${relation.from}
      WHERE ${relation.parentColumn} = ANY(${[...parentIds]}::int[])
      GROUP BY ${relation.parentColumn}`;
    return byKey(parentIds, rows, (row) => row.parent_id, (row) => row.count, 0);
  });
}

/** A page of children for each parent id, for one set of page arguments. */
export function connectionLoader<T extends object>(
  prisma: PrismaClient,
  relation: Relation,
  ordering: Ordering,
  page: PageRequest,
  counts: DataLoader<number, number>,
): DataLoader<number, Connection<T>> {
  return new DataLoader(async (parentIds) => {
    const rows = await prisma.$queryRaw<(T & ParentRow)[]>`
      SELECT * FROM (
        SELECT ${relation.columns}, ${relation.parentColumn} AS parent_id, ${sortColumnsSql(ordering)},
               row_number() OVER (PARTITION BY ${relation.parentColumn} ORDER BY ${orderBySql(ordering, page.forward)}) AS row_number
        FROM ${relation.from}
        WHERE ${relation.parentColumn} = ANY(${[...parentIds]}::int[]) AND ${afterCursorSql(ordering, page)}
      ) page
      WHERE page.row_number <= ${page.limit + 1}
      ORDER BY page.parent_id, page.row_number`;
    const groups = groupByKey(parentIds, rows, (row) => row.parent_id);
    return groups.map((group, index) =>
      toConnection<T>(group, page, ordering, sortValuesOf(ordering), () => counts.load(parentIds[index]!)),
    );
  });
}

/** All children of each parent, in the relation's order (authors of a paper, topics of a person…). */
export function listLoader<T extends object>(prisma: PrismaClient, relation: Relation, orderBy: Prisma.Sql): DataLoader<number, T[]> {
  return new DataLoader(async (parentIds) => {
    const rows = await prisma.$queryRaw<(T & ParentRow)[]>`
      SELECT ${relation.columns}, ${relation.parentColumn} AS parent_id
      FROM ${relation.from}
      WHERE ${relation.parentColumn} = ANY(${[...parentIds]}::int[])
      ORDER BY ${orderBy}`;
    return groupByKey(parentIds, rows, (row) => row.parent_id);
  });
}
