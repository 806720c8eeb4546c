import { Prisma } from '../../generated/prisma/client.js';
import type { FieldInput } from './types.js';

/**
 * Reading arguments in field compilers the way the resolvers read them, and
 * leaving to the resolvers whatever they would refuse: their error is the
 * user's answer.
 */

/** `fn()`, or null when it throws: the resolvers then answer, with their error. */
export function unlessRefused<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

/**
 * A filter's slug (or key) as the subquery of the id of the row it names, as
 * requireId reads it; the guard sends an unknown one to the resolvers, whose
 * error names it.
 */
export function idByKey(input: FieldInput, tableName: 'topic' | 'researcher' | 'role', keyColumn: 'slug' | 'key', key: string): Prisma.Sql {
  const lookup = Prisma.sql`(SELECT id FROM ${Prisma.raw(tableName)} WHERE ${Prisma.raw(keyColumn)} = ${key})`;
  input.compiler.guard(Prisma.sql`${lookup} IS NOT NULL`);
  return lookup;
}

