import { Prisma } from '../../../generated/prisma/client.js';
import { base64urlSql } from '../../../graphql/compiled/sql.js';
import type { FieldInput, TypeCompilers } from '../../../graphql/compiled/types.js';
import type { Ordering, PageRequest, SortKey } from './cursors.js';
import { afterCursorSql, orderBySql, sortColumnsSql } from './sql.js';

/**
 * Compiled connections (graphql/compiled/): a Relay connection's JSON in SQL,
 * paged exactly as pageOf and connectionLoader page (the same Ordering, the
 * same keyset condition, `limit + 1` rows for hasNextPage, backward pages
 * turned back) and with the same cursors (encodeCursor's text, written by
 * PostgreSQL).
 */

/** Where a connection's rows come from, written with its ordering's alias (`p`, `r`). */
export interface CompiledListSource {
  /** FROM clause (joined to its link table for a nested list). */
  from: Prisma.Sql;
  /** The rows of the list (a nested list's parent condition included). */
  where: Prisma.Sql;
  /** The row's id under the ordering's alias: `p.id`. */
  id: Prisma.Sql;
  /** The table each node is read from, by primary key: `publication`. */
  table: Prisma.Sql;
  /**
   * The alias of the node's row in `from` (`p`), when `from` yields the whole
   * row of `table`: the page then carries the columns its nodes read, and
   * each node is built from the page row instead of reading it again by key.
   */
  row?: Prisma.Sql;
  /** totalCount: a scalar subquery, only evaluated when the query asks for it. */
  count: Prisma.Sql;
}

/** The GraphQL types of a connection: `PublicationConnection`, `PublicationEdge`, `Publication`. */
export interface ConnectionTypes {
  connection: string;
  edge: string;
  node: string;
}

/** A sort value as JSON.stringify writes it inside a cursor (an instant as its ISO text). */
function sortValueJson(key: SortKey, column: Prisma.Sql): Prisma.Sql {
  if (key.type === 'int') return Prisma.sql`${column}::text`;
  if (key.type === 'text') return Prisma.sql`to_json(${column}::text)::text`;
  return Prisma.sql`to_json(to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text`;
}

/** encodeCursor (cursors.ts) of a page row's sort columns: base64url of `["NAME",v0,v1…]`. */
export function cursorSql(ordering: Ordering, pageRow: Prisma.Sql): Prisma.Sql {
  const values = ordering.keys.map((key, index) => sortValueJson(key, Prisma.sql`${pageRow}.${Prisma.raw(`sort_${index}`)}`));
  const json = Prisma.sql`${`[${JSON.stringify(ordering.name)},`}::text || ${Prisma.join(values, ` || ',' || `)} || ']'`;
  return base64urlSql(json);
}

/** `ORDER BY` of the selected sort columns, in the page's query order. */
function sortColumnsOrder(ordering: Ordering, forward: boolean, alias: string): Prisma.Sql {
  return Prisma.join(
    ordering.keys.map((key, index) => Prisma.raw(`${alias}.sort_${index} ${forward === (key.direction === 'asc') ? 'ASC' : 'DESC'}`)),
  );
}

/**
 * The columns of `row` an object's SQL reads (`o3.title`…). Aliases are
 * fresh (`o3` is never a prefix of a word: `\b`), and a field compiler
 * writes a column as `alias.column` (fields.ts columnField and the like):
 * what the page must carry for nodes built straight from it. A column
 * missed here would fail the statement (PostgreSQL refuses an unknown
 * column), never change an answer.
 */
function columnsRead(sql: Prisma.Sql, row: Prisma.Sql): Set<string> {
  const columns = new Set<string>();
  for (const match of sql.text.matchAll(new RegExp(`\\b${row.text}\\.([a-z_][a-z0-9_]*)\\b`, 'gu'))) columns.add(match[1]!);
  return columns;
}

/**
 * The JSON of a connection field, or null when its selection is not
 * compiled. totalCount is the source's count; nodes, edges and pageInfo read
 * one page: the ids and sort values of `limit + 1` rows in an inner subquery
 * (the source's own aliases), numbered in query order (`n`). A page not asked
 * for is not read. When the source names its row (`row`), the page also
 * carries the columns its nodes read (columnsRead: only those, so that a
 * page top-N sorted from many rows sorts narrow rows) and each node is built
 * from the page row: reading the 50 rows of a page again by key cost
 * PostgreSQL more than carrying them (scripts/perf-pg-statements.ts). Otherwise
 * each node is built over its own fresh alias looked up by key (a lateral
 * subquery that OFFSET 0 keeps from being flattened: as a plain join the
 * planner hashed a sequential scan of the whole table for a page's few rows,
 * test/explain.test.ts). Either way no parent row is shadowed.
 */
export function compileConnection(input: FieldInput, types: ConnectionTypes, source: CompiledListSource, ordering: Ordering, page: PageRequest): Prisma.Sql | null {
  const { compiler } = input;
  const pageRow = compiler.alias();
  const node = source.row ? pageRow : compiler.alias();
  const onPage = Prisma.sql`${pageRow}.n <= ${page.limit}`;
  const displayOrder = Prisma.sql`${pageRow}.n ${Prisma.raw(page.forward ? 'ASC' : 'DESC')}`;
  const reverseDisplayOrder = Prisma.sql`${pageRow}.n ${Prisma.raw(page.forward ? 'DESC' : 'ASC')}`;
  const cursor = cursorSql(ordering, pageRow);
  const hasMore = Prisma.sql`(count(*) > ${page.limit})`;
  const hasCursor = Prisma.raw(page.cursor === null ? 'false' : 'true');
  const listOf = (value: Prisma.Sql) => Prisma.sql`coalesce(json_agg(${value} ORDER BY ${displayOrder}) FILTER (WHERE ${onPage}), '[]'::json)`;
  let readsPage = false;
  const nodeColumns = new Set<string>(['id']);
  const nodeObject = ({ fieldNodes }: FieldInput) => {
    const object = compiler.object(types.node, fieldNodes, node);
    if (object) for (const column of columnsRead(object, node)) nodeColumns.add(column);
    return object;
  };

  const pageInfo: TypeCompilers = {
    hasNextPage: () => (page.forward ? hasMore : hasCursor),
    hasPreviousPage: () => (page.forward ? hasCursor : hasMore),
    startCursor: () => Prisma.sql`(array_agg(${cursor} ORDER BY ${displayOrder}) FILTER (WHERE ${onPage}))[1]`,
    endCursor: () => Prisma.sql`(array_agg(${cursor} ORDER BY ${reverseDisplayOrder}) FILTER (WHERE ${onPage}))[1]`,
  };
  const edge: TypeCompilers = { cursor: () => cursor, node: nodeObject };
  const connection: TypeCompilers = {
    totalCount: () => source.count,
    nodes: (field) => {
      readsPage = true;
      const value = nodeObject(field);
      return value && listOf(value);
    },
    edges: ({ fieldNodes }) => {
      readsPage = true;
      const value = compiler.object(types.edge, fieldNodes, pageRow, edge);
      return value && listOf(value);
    },
    pageInfo: ({ fieldNodes }) => {
      readsPage = true;
      return compiler.object('PageInfo', fieldNodes, pageRow, pageInfo);
    },
  };
  const value = compiler.object(types.connection, input.fieldNodes, pageRow, connection);
  if (!value || !readsPage) return value;
  const columns = source.row ? Prisma.join([...nodeColumns].map((column) => Prisma.raw(`${source.row!.text}.${column}`))) : Prisma.sql`${source.id} AS id`;
  const joinBack = source.row ? Prisma.empty : Prisma.sql`CROSS JOIN LATERAL (SELECT * FROM ${source.table} ${node} WHERE ${node}.id = ${pageRow}.id OFFSET 0) ${node}`;
  return Prisma.sql`(SELECT ${value}
    FROM (
      SELECT q.*, row_number() OVER (ORDER BY ${sortColumnsOrder(ordering, page.forward, 'q')}) AS n
      FROM (
        SELECT ${columns}, ${sortColumnsSql(ordering)}
        FROM ${source.from}
        WHERE ${source.where} AND ${afterCursorSql(ordering, page)}
        ORDER BY ${orderBySql(ordering, page.forward)}
        LIMIT ${page.limit + 1}
      ) q
    ) ${pageRow}
    ${joinBack})`;
}
