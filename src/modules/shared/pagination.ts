import { Prisma } from '../../generated/prisma/client.js';
import { badUserInput } from './errors.js';

/**
 * Relay cursor connections with keyset pagination: a cursor holds the sort
 * values of its row (the last one always a unique id), so pages stay stable
 * when sort values tie or rows are added, and no OFFSET scan is needed.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

type SortValue = string | number;

export interface PageRequest {
  /** Rows wanted on the page. */
  limit: number;
  /** false for `last`/`before`: the query runs in reverse order and the page is turned back. */
  forward: boolean;
  /** Sort values of the row the page starts after (or ends before). */
  cursor: SortValue[] | null;
}

/** One column of an ordering. The last key of an ordering must be unique (an id). */
export interface SortKey {
  sql: Prisma.Sql;
  direction: 'asc' | 'desc';
}

export interface Ordering {
  /** Written into cursors so that a cursor from another ordering is refused, not misread. */
  name: string;
  keys: SortKey[];
}

function checkSize(value: number, argumentName: 'first' | 'last'): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badUserInput(`Argument "${argumentName}" must be between 0 and ${MAX_PAGE_SIZE}; got ${value}.`, argumentName);
  }
  return value;
}

export function encodeCursor(ordering: Ordering, values: SortValue[]): string {
  return Buffer.from(JSON.stringify([ordering.name, ...values]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, ordering: Ordering, argumentName: 'after' | 'before'): SortValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const values = Array.isArray(parsed) ? (parsed as unknown[]) : [];
  if (typeof values[0] === 'string' && values[0] !== ordering.name) {
    throw badUserInput(
      `Argument "${argumentName}" is a cursor of another ordering (${values[0]}); this list is ordered by ${ordering.name}.`,
      argumentName,
    );
  }
  const valid =
    values[0] === ordering.name &&
    values.length === ordering.keys.length + 1 &&
    values.slice(1).every((value) => typeof value === 'string' || typeof value === 'number');
  if (!valid) {
    throw badUserInput(
      `Argument "${argumentName}" is not a valid cursor: ${JSON.stringify(cursor)}. Use a cursor from edges.cursor or pageInfo of the same field.`,
      argumentName,
    );
  }
  return values.slice(1) as SortValue[];
}

/** Validates first/after/last/before: default page 20, at most 100, one direction at a time. */
export function readPageArgs(args: PageArgs, ordering: Ordering): PageRequest {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw badUserInput('Pass either "first" or "last", not both.', 'last');
  if (after != null && before != null) throw badUserInput('Pass either "after" or "before", not both.', 'before');
  if (first != null && before != null) throw badUserInput('"before" goes with "last"; "first" goes with "after".', 'before');
  if (last != null && after != null) throw badUserInput('"after" goes with "first"; "last" goes with "before".', 'after');
  const forward = last == null && before == null;
  if (forward) {
    return {
      forward,
      limit: first == null ? DEFAULT_PAGE_SIZE : checkSize(first, 'first'),
      cursor: after == null ? null : decodeCursor(after, ordering, 'after'),
    };
  }
  return {
    forward,
    limit: last == null ? DEFAULT_PAGE_SIZE : checkSize(last, 'last'),
    cursor: before == null ? null : decodeCursor(before, ordering, 'before'),
  };
}

function directionOf(key: SortKey, forward: boolean): 'asc' | 'desc' {
  return forward === (key.direction === 'asc') ? 'asc' : 'desc';
}

/** `ORDER BY` for the ordering, reversed when paging backwards. */
export function orderBySql(ordering: Ordering, forward: boolean): Prisma.Sql {
  return Prisma.join(
    ordering.keys.map((key) => Prisma.sql`${key.sql} ${Prisma.raw(directionOf(key, forward) === 'asc' ? 'ASC' : 'DESC')}`),
  );
}

/** The rows strictly after the cursor in (possibly reversed) order: (k0 > v0) OR (k0 = v0 AND k1 > v1) OR … */
export function afterCursorSql(ordering: Ordering, request: PageRequest): Prisma.Sql {
  const cursor = request.cursor;
  if (!cursor) return Prisma.sql`TRUE`;
  const alternatives = ordering.keys.map((key, index) => {
    const equal = ordering.keys.slice(0, index).map((previous, j) => Prisma.sql`${previous.sql} = ${cursor[j]}`);
    const comparison = directionOf(key, request.forward) === 'asc' ? Prisma.raw('>') : Prisma.raw('<');
    return Prisma.join([...equal, Prisma.sql`${key.sql} ${comparison} ${cursor[index]}`], ' AND ', '(', ')');
  });
  return Prisma.join(alternatives, ' OR ', '(', ')');
}

/** The sort values of a row, selected as `sort_0`, `sort_1`…, for its cursor. */
export function sortColumnsSql(ordering: Ordering): Prisma.Sql {
  return Prisma.join(ordering.keys.map((key, index) => Prisma.sql`${key.sql} AS ${Prisma.raw(`sort_${index}`)}`));
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

/**
 * Builds the connection from rows fetched with `limit + 1` rows: the extra
 * row, when present, says that there is a further page.
 */
export function toConnection<T>(
  rows: T[],
  request: PageRequest,
  ordering: Ordering,
  sortValues: (row: T) => SortValue[],
  totalCount: () => Promise<number>,
): Connection<T> {
  const hasMore = rows.length > request.limit;
  const page = rows.slice(0, request.limit);
  if (!request.forward) page.reverse();
  const edges = page.map((node) => ({ cursor: encodeCursor(ordering, sortValues(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: request.forward ? hasMore : request.cursor !== null,
      hasPreviousPage: request.forward ? request.cursor !== null : hasMore,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** Reads the `sort_N` columns selected by sortColumnsSql. */
export function sortValuesOf(ordering: Ordering) {
  return (row: object): SortValue[] =>
    ordering.keys.map((_, index) => {
      const value = (row as Record<string, unknown>)[`sort_${index}`];
      return typeof value === 'bigint' ? Number(value) : (value as SortValue);
    });
}
