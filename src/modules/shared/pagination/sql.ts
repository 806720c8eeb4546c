import { Prisma } from '../../../generated/prisma/client.js';
import type { Ordering, PageRequest, SortKey, SortValue } from './cursors.js';

/**
 * The SQL of keyset pagination: the ordering (reversed for `last`/`before`),
 * the condition that starts a page after its cursor, and the sort values each
 * row carries for its own cursor.
 */

function directionOf(key: SortKey, forward: boolean): 'asc' | 'desc' {
  return forward === (key.direction === 'asc') ? 'asc' : 'desc';
}

/** `ORDER BY` for the ordering, reversed when paging backwards. */
export function orderBySql(ordering: Ordering, forward: boolean): Prisma.Sql {
  return Prisma.join(
    ordering.keys.map((key) => Prisma.sql`${key.sql} ${Prisma.raw(directionOf(key, forward) === 'asc' ? 'ASC' : 'DESC')}`),
  );
}

/** A cursor value as a parameter of the key's type (an instant travels as text: PostgreSQL reads it as UTC). */
function valueSql(key: SortKey, value: SortValue | undefined): Prisma.Sql {
  return key.type === 'timestamp' ? Prisma.sql`${value}::timestamp(3)` : Prisma.sql`${value}`;
}

/**
 * The rows strictly after the cursor in (possibly reversed) order:
 * k0 >= v0 AND ((k0 > v0) OR (k0 = v0 AND k1 > v1) OR …), with <= and <
 * where a key runs descending. The first bound is implied by the OR, but
 * PostgreSQL cannot bound an index scan with an OR: the redundant k0 >= v0
 * becomes the Index Cond, so a deep page starts its scan at the cursor.
 */
export function afterCursorSql(ordering: Ordering, request: PageRequest): Prisma.Sql {
  const cursor = request.cursor;
  if (!cursor) return Prisma.sql`TRUE`;
  const ascending = (key: SortKey) => directionOf(key, request.forward) === 'asc';
  const alternatives = ordering.keys.map((key, index) => {
    const equal = ordering.keys.slice(0, index).map((previous, j) => Prisma.sql`${previous.sql} = ${valueSql(previous, cursor[j])}`);
    const comparison = Prisma.raw(ascending(key) ? '>' : '<');
    return Prisma.join([...equal, Prisma.sql`${key.sql} ${comparison} ${valueSql(key, cursor[index])}`], ' AND ', '(', ')');
  });
  const [first] = ordering.keys;
  const firstBound = Prisma.sql`${first!.sql} ${Prisma.raw(ascending(first!) ? '>=' : '<=')} ${valueSql(first!, cursor[0])}`;
  return Prisma.sql`(${firstBound} AND ${Prisma.join(alternatives, ' OR ', '(', ')')})`;
}

/** The sort values of a row, selected as `sort_0`, `sort_1`…, for its cursor. */
export function sortColumnsSql(ordering: Ordering): Prisma.Sql {
  return Prisma.join(ordering.keys.map((key, index) => Prisma.sql`${key.sql} AS ${Prisma.raw(`sort_${index}`)}`));
}

/** Reads the `sort_N` columns selected by sortColumnsSql. */
export function sortValuesOf(ordering: Ordering) {
  return (row: object): SortValue[] =>
    ordering.keys.map((_, index) => {
      const value = (row as Record<string, unknown>)[`sort_${index}`];
      if (value instanceof Date) return value.toISOString();
      return typeof value === 'bigint' ? Number(value) : (value as SortValue);
    });
}
