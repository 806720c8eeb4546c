import { Prisma, type PrismaClient } from '../../../generated/prisma/client.js';
import { selectList, type Columns } from '../columns.js';
import { toConnection, type Connection } from './connection.js';
import type { Ordering, PageRequest } from './cursors.js';
import { afterCursorSql, orderBySql, sortColumnsSql, sortValuesOf } from './sql.js';

/** The rows of a top-level list: a model's columns from a FROM clause, filtered. */
export interface ListSource<Row> {
  columns: Columns<Row>;
  from: Prisma.Sql;
  where: Prisma.Sql;
  /** The same rows as `where`, in a form that counts them faster (see filteredPublications); `where` when absent. */
  countWhere?: Prisma.Sql;
}

export interface PageOptions {
  /**
   * Count the rows in the page's statement (`count(*) OVER ()`), for an order
   * that reads every matching row anyway (a ranking): one statement, not two.
   * Only on a first page: after a cursor the window would count the rest.
   */
  countInPage?: boolean;
}

/** One page of a top-level list: one statement, plus one for totalCount when it is asked for (none with countInPage). */
export async function pageOf<T extends object>(
  prisma: PrismaClient,
  source: ListSource<T>,
  ordering: Ordering,
  page: PageRequest,
  options: PageOptions = {},
): Promise<Connection<T>> {
  const countInPage = options.countInPage === true && page.cursor === null;
  const rows = await prisma.$queryRaw<(T & { total_count?: number })[]>`
    SELECT ${selectList(prisma, source.columns)}, ${sortColumnsSql(ordering)}${countInPage ? Prisma.sql`, count(*) OVER ()::int AS total_count` : Prisma.empty}
    FROM ${source.from}
    WHERE ${source.where} AND ${afterCursorSql(ordering, page)}
    ORDER BY ${orderBySql(ordering, page.forward)}
    LIMIT ${page.limit + 1}`;
  // A first page fetches at least one row when there is one: no row, no match.
  const counted = countInPage ? (rows[0]?.total_count ?? 0) : null;
  return toConnection(rows, page, ordering, sortValuesOf(ordering), async () => {
    if (counted !== null) return counted;
    const [result] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM ${source.from} WHERE ${source.countWhere ?? source.where}`;
    return result?.count ?? 0;
  });
}
