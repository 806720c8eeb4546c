import type { Prisma, PrismaClient } from '../../../generated/prisma/client.js';
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

/**
 * One page of a top-level list: one statement, plus one for totalCount when
 * it is asked for. (Counting in the page's statement with `count(*) OVER ()`
 * was measured on the ranked search at scale M: 2.5× slower, the window
 * keeping every match's search vector for the ranking above it.)
 */
export async function pageOf<T extends object>(
  prisma: PrismaClient,
  source: ListSource<T>,
  ordering: Ordering,
  page: PageRequest,
): Promise<Connection<T>> {
  const rows = await prisma.$queryRaw<T[]>`
    SELECT ${selectList(prisma, source.columns)}, ${sortColumnsSql(ordering)}
    FROM ${source.from}
    WHERE ${source.where} AND ${afterCursorSql(ordering, page)}
    ORDER BY ${orderBySql(ordering, page.forward)}
    LIMIT ${page.limit + 1}`;
  return toConnection(rows, page, ordering, sortValuesOf(ordering), async () => {
    const [result] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM ${source.from} WHERE ${source.countWhere ?? source.where}`;
    return result?.count ?? 0;
  });
}
