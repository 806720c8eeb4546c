import { Prisma } from '../../generated/prisma/client.js';
import { jsonListSql } from './sql.js';
import type { FieldCompiler } from './types.js';

/**
 * Field compilers that several types' modules share: a column as it is, an
 * object looked up by a key, a list of objects by name. Each writes what the
 * resolvers answer for such a field (test/compiledReads*.test.ts compare).
 */

/** A field read from one column of the row (json_build_object writes text, numbers, booleans and text[] as JSON). */
export function columnField(column: string): FieldCompiler {
  return ({ row }) => Prisma.sql`${row}.${Prisma.raw(column)}`;
}

/** The row of `table` whose id `id` gives, as the field's object (null when there is none). */
export function objectById(typeName: string, table: string, id: Prisma.Sql): FieldCompiler {
  return ({ fieldNodes, compiler }) => {
    const row = compiler.alias();
    const object = compiler.object(typeName, fieldNodes, row);
    return object && Prisma.sql`(SELECT ${object} FROM ${Prisma.raw(table)} ${row} WHERE ${row}.id = ${id})`;
  };
}

/** A string argument PostgreSQL can compare: one holding NUL is refused up front (graphql/nulCharacters.ts), never sent. */
export function isSqlText(value: unknown): value is string {
  return typeof value === 'string' && !value.includes('\u0000');
}

/** Query.<field>(<argument>): the row of `table` whose `column` is the argument's text, or null (`topic(slug)`, `role(key)`). */
export function objectByKey(typeName: string, table: string, column: string, argument: string): FieldCompiler {
  return ({ args, fieldNodes, compiler }) => {
    const key = args[argument];
    if (!isSqlText(key)) return null;
    const row = compiler.alias();
    const object = compiler.object(typeName, fieldNodes, row);
    return object && Prisma.sql`(SELECT ${object} FROM ${Prisma.raw(table)} ${row} WHERE ${row}.${Prisma.raw(column)} = ${key})`;
  };
}

/**
 * A list of `table`'s rows as `typeName` objects, by English name then id
 * (the order of every list of topics and roles, in the loaders and Query):
 * `link` joins them to the parent row (Prisma.empty: every row).
 */
export function listByName(typeName: string, table: string, link: (row: Prisma.Sql, parent: Prisma.Sql) => Prisma.Sql = () => Prisma.empty): FieldCompiler {
  return ({ fieldNodes, compiler, row: parent }) => {
    const row = compiler.alias();
    const object = compiler.object(typeName, fieldNodes, row);
    return (
      object &&
      jsonListSql(Prisma.sql`SELECT json_agg(${object} ORDER BY ${row}.name, ${row}.id) FROM ${Prisma.raw(table)} ${row} ${link(row, parent)}`)
    );
  };
}
