import { Prisma } from '../../../generated/prisma/client.js';
import { badUserInput } from '../errors.js';

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

export type SortValue = string | number;

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
  /**
   * The SQL type of the column (`integer`, `text`, or `timestamp(3)` carried
   * as its ISO 8601 text): a cursor value of another type is refused before
   * it reaches the database.
   */
  type: 'int' | 'text' | 'timestamp';
}

const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;

/** An instant as the cursor carries it: exactly what Date#toISOString writes. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** True when `value` fits the column: a 32-bit integer, an ISO instant, or text PostgreSQL accepts (no NUL). */
function fitsKey(value: unknown, key: SortKey): value is SortValue {
  if (key.type === 'int') return Number.isInteger(value) && (value as number) >= INT_MIN && (value as number) <= INT_MAX;
  if (key.type === 'timestamp') return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
  return typeof value === 'string' && !value.includes('\u0000');
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
    ordering.keys.every((key, index) => fitsKey(values[index + 1], key));
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
