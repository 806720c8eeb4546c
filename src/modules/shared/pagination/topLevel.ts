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
}

/** One page of a top-level list: one statement, plus one for totalCount when it is asked for. */
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
    const [result] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM ${source.from} WHERE ${source.where}`;
    return result?.count ?? 0;
  });
}
