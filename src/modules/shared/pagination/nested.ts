import DataLoader from 'dataloader';
import { Prisma, type PrismaClient } from '../../../generated/prisma/client.js';
import { batchLoader, byKey, groupByKey } from '../batch.js';
import { selectList, type Columns } from '../columns.js';
import { toConnection, type Connection } from './connection.js';
import type { Ordering, PageRequest } from './cursors.js';
import { afterCursorSql, orderBySql, sortColumnsSql, sortValuesOf } from './sql.js';

/**
 * Connections nested under a list of parents (every researcher's
 * publications, every topic's researchers…), fetched for all parents in one
 * statement: a window function numbers each parent's rows in the page's
 * order, and the outer query keeps the first `limit + 1` of each.
 */
export interface Relation<Row> {
  /** Columns of the child rows (see columns.ts). */
  columns: Columns<Row>;
  /** FROM clause joining the child table to the link table. */
  from: Prisma.Sql;
  /** The link table's column holding the parent id. */
  parentColumn: Prisma.Sql;
}

/** A Relation: the child rows' columns, the FROM clause that links them to parents, the parent id column. */
export function relation<Row>(columns: Columns<Row>, from: Prisma.Sql, parentColumn: Prisma.Sql): Relation<Row> {
  return { columns, from, parentColumn };
}

interface ParentRow {
  parent_id: number;
}

/** Counts of children per parent, one GROUP BY statement per batch. */
export function countLoader(prisma: PrismaClient, relation: Pick<Relation<unknown>, 'from' | 'parentColumn'>): DataLoader<number, number> {
  return batchLoader(async (parentIds) => {
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
  relation: Relation<T>,
  ordering: Ordering,
  page: PageRequest,
  counts: DataLoader<number, number>,
): DataLoader<number, Connection<T>> {
  return batchLoader(async (parentIds) => {
    const rows = await prisma.$queryRaw<(T & ParentRow)[]>`
      SELECT * FROM (
        SELECT ${selectList(prisma, relation.columns)}, ${relation.parentColumn} AS parent_id, ${sortColumnsSql(ordering)},
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
export function listLoader<T extends object>(prisma: PrismaClient, relation: Relation<T>, orderBy: Prisma.Sql): DataLoader<number, T[]> {
  return batchLoader(async (parentIds) => {
    const rows = await prisma.$queryRaw<(T & ParentRow)[]>`
      SELECT ${selectList(prisma, relation.columns)}, ${relation.parentColumn} AS parent_id
      FROM ${relation.from}
      WHERE ${relation.parentColumn} = ANY(${[...parentIds]}::int[])
      ORDER BY ${orderBy}`;
    return groupByKey(parentIds, rows, (row) => row.parent_id);
  });
}
