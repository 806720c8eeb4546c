import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.js';
import { toConnection } from '../../src/modules/shared/pagination/connection.js';
import { encodeCursor, readPageArgs, type Ordering } from '../../src/modules/shared/pagination/cursors.js';
import { afterCursorSql, orderBySql, sortColumnsSql, sortValuesOf } from '../../src/modules/shared/pagination/sql.js';

const byYear: Ordering = {
  name: 'YEAR_DESC',
  keys: [
    { sql: Prisma.sql`p.year`, direction: 'desc', type: 'int' },
    { sql: Prisma.sql`p.title_key`, direction: 'asc', type: 'text' },
    { sql: Prisma.sql`p.id`, direction: 'asc', type: 'int' },
  ],
};
const byName: Ordering = { name: 'NAME', keys: [{ sql: Prisma.sql`r.name_key`, direction: 'asc', type: 'text' }, { sql: Prisma.sql`r.id`, direction: 'asc', type: 'int' }] };

/** The GraphQL error a call throws, so that its message and code can be checked. */
function refusal(call: () => unknown): GraphQLError {
  try {
    call();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a BAD_USER_INPUT refusal, got none');
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('cursors', () => {
  it('round-trip the sort values of their row, strings and numbers alike', () => {
    const cursor = encodeCursor(byYear, [2024, 'élise & co', 17]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(readPageArgs({ first: 5, after: cursor }, byYear)).toEqual({ forward: true, limit: 5, cursor: [2024, 'élise & co', 17] });
    expect(readPageArgs({ last: 3, before: cursor }, byYear)).toEqual({ forward: false, limit: 3, cursor: [2024, 'élise & co', 17] });
  });

  it('default to the first 20 rows, and accept 0 and 100', () => {
    expect(readPageArgs({}, byName)).toEqual({ forward: true, limit: 20, cursor: null });
    expect(readPageArgs({ last: null, before: null }, byName)).toEqual({ forward: true, limit: 20, cursor: null });
    expect(readPageArgs({ first: 0 }, byName).limit).toBe(0);
    expect(readPageArgs({ last: 100 }, byName)).toEqual({ forward: false, limit: 100, cursor: null });
  });

  it('refuse a cursor of another ordering, naming both orderings', () => {
    const error = refusal(() => readPageArgs({ after: encodeCursor(byName, ['ada', 1]) }, byYear));
    expect(error.message).toBe('Argument "after" is a cursor of another ordering (NAME); this list is ordered by YEAR_DESC.');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it.each([
    ['not base64 JSON', 'definitely not a cursor'],
    ['too few values', base64url(['NAME', 'ada'])],
    ['too many values', base64url(['NAME', 'ada', 1, 2])],
    ['a value that is neither string nor number', base64url(['NAME', 'ada', null])],
    ['an object', base64url({ name: 'NAME' })],
    ['no ordering name', base64url([1, 'ada', 1])],
  ])('refuse %s, quoting the cursor', (_case, cursor) => {
    const error = refusal(() => readPageArgs({ last: 2, before: cursor }, byName));
    expect(error.message).toBe(
      `Argument "before" is not a valid cursor: ${JSON.stringify(cursor)}. Use a cursor from edges.cursor or pageInfo of the same field.`,
    );
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'before' });
  });

  it.each([
    [{ first: 1, last: 1 }, 'Pass either "first" or "last", not both.', 'last'],
    [{ after: 'a', before: 'b' }, 'Pass either "after" or "before", not both.', 'before'],
    [{ first: 1, before: 'b' }, '"before" goes with "last"; "first" goes with "after".', 'before'],
    [{ last: 1, after: 'a' }, '"after" goes with "first"; "last" goes with "before".', 'after'],
    [{ first: 101 }, 'Argument "first" must be between 0 and 100; got 101.', 'first'],
    [{ first: -1 }, 'Argument "first" must be between 0 and 100; got -1.', 'first'],
    [{ last: 2.5 }, 'Argument "last" must be between 0 and 100; got 2.5.', 'last'],
  ])('refuse page arguments %j', (args, message, argumentName) => {
    const error = refusal(() => readPageArgs(args, byName));
    expect(error.message).toBe(message);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName });
  });
});

describe('SQL builders', () => {
  it('orderBySql follows the ordering forwards and turns every key around backwards', () => {
    expect(orderBySql(byYear, true).text).toBe('p.year DESC,p.title_key ASC,p.id ASC');
    expect(orderBySql(byYear, false).text).toBe('p.year ASC,p.title_key DESC,p.id DESC');
    expect(orderBySql(byYear, true).values).toEqual([]);
  });

  it('afterCursorSql is TRUE without a cursor', () => {
    const sql = afterCursorSql(byYear, { forward: true, limit: 5, cursor: null });
    expect(sql.text).toBe('TRUE');
    expect(sql.values).toEqual([]);
  });

  it('afterCursorSql bounds the first key (for the index scan), then compares key by key, with the cursor values as parameters, never inlined', () => {
    const forward = afterCursorSql(byYear, { forward: true, limit: 5, cursor: [2024, "o'neil", 17] });
    expect(forward.text).toBe(
      '(p.year <= $1 AND ((p.year < $2) OR (p.year = $3 AND p.title_key > $4) OR (p.year = $5 AND p.title_key = $6 AND p.id > $7)))',
    );
    expect(forward.values).toEqual([2024, 2024, 2024, "o'neil", 2024, "o'neil", 17]);

    const backward = afterCursorSql(byYear, { forward: false, limit: 5, cursor: [2024, "o'neil", 17] });
    expect(backward.text).toBe(
      '(p.year >= $1 AND ((p.year > $2) OR (p.year = $3 AND p.title_key < $4) OR (p.year = $5 AND p.title_key = $6 AND p.id < $7)))',
    );
    expect(backward.values).toEqual(forward.values);

    const byNameForward = afterCursorSql(byName, { forward: true, limit: 5, cursor: ['ada', 3] });
    expect(byNameForward.text).toBe('(r.name_key >= $1 AND ((r.name_key > $2) OR (r.name_key = $3 AND r.id > $4)))');
  });

  it('sortColumnsSql selects each key as sort_N, and sortValuesOf reads them back (bigint as number)', () => {
    expect(sortColumnsSql(byName).text).toBe('r.name_key AS sort_0,r.id AS sort_1');
    expect(sortValuesOf(byName)({ sort_0: 'ada', sort_1: 12n, other: 'x' })).toEqual(['ada', 12]);
  });
});

describe('toConnection', () => {
  const rows = [1, 2, 3].map((id) => ({ id, sort_0: `name ${id}`, sort_1: id }));
  const count = () => Promise.resolve(42);

  it('forwards: the extra row says there is a next page; cursors point at each row', () => {
    const connection = toConnection(rows, { forward: true, limit: 2, cursor: null }, byName, sortValuesOf(byName), count);
    expect(connection.nodes.map((row) => row.id)).toEqual([1, 2]);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(connection.pageInfo.endCursor).toBe(encodeCursor(byName, ['name 2', 2]));
    expect(readPageArgs({ after: connection.pageInfo.endCursor }, byName).cursor).toEqual(['name 2', 2]);
  });

  it('backwards: rows come in reverse order and are turned back; a cursor means there is a next page', () => {
    const reversed = [...rows].reverse();
    const connection = toConnection(reversed, { forward: false, limit: 2, cursor: ['name 4', 4] }, byName, sortValuesOf(byName), count);
    expect(connection.nodes.map((row) => row.id)).toEqual([2, 3]);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(connection.pageInfo.startCursor).toBe(connection.edges[0]!.cursor);
  });

  it('an empty page has null cursors', async () => {
    const connection = toConnection([], { forward: true, limit: 2, cursor: null }, byName, sortValuesOf(byName), count);
    expect(connection.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
    expect(await connection.totalCount()).toBe(42);
  });
});
