import type { FieldNode } from 'graphql';
import type { Prisma } from '../../generated/prisma/client.js';

/**
 * Compiled reads (issue 13): an anonymous query whose every field has a
 * compiler here is answered by one SQL statement whose result is the whole
 * `data` object, built by PostgreSQL as JSON (the way PostGraphile compiles
 * a query), instead of graphql-js walking the resolvers. The resolvers stay
 * the reference: any field, argument or selection a compiler does not cover
 * makes the whole operation run through them, and a test compares both on
 * every operation it knows.
 *
 * Each module owns the compilers of its types (`src/modules/<type>/compiled.ts`),
 * as it owns their resolvers and data layer; `compiler.ts` walks the
 * document and asks them for each field.
 */

/** What a field compiler is given: one response key of an object whose row is in scope as `row`. */
export interface FieldInput {
  /** The field's nodes under this response key (more than one when a query repeats it: their selection sets merge). */
  fieldNodes: readonly FieldNode[];
  /** Argument values, variables substituted and schema defaults applied (graphql-js getArgumentValues). */
  args: Record<string, unknown>;
  /** The SQL alias of the parent object's row (e.g. `o3`), unique in the statement; for Query fields, no row (Prisma.empty). */
  row: Prisma.Sql;
  compiler: Compiler;
}

/**
 * The SQL expression of the field's JSON value for the parent row, or null
 * when this field, with these arguments and this selection, is not compiled
 * (the operation then runs through the resolvers). A compiler may also throw
 * nothing: arguments the resolvers would refuse return null, so that the
 * resolvers give the user their error.
 */
export type FieldCompiler = (input: FieldInput) => Prisma.Sql | null;

/** A type's field compilers, by field name (`__typename` is handled by the compiler). */
export type TypeCompilers = Readonly<Record<string, FieldCompiler>>;

export interface Compiler {
  /**
   * `json_build_object` of the selection under `fieldNodes` for an object of
   * `typeName` whose row is in scope as `row`, or null when any selected
   * field is not compiled. `compilers` replaces the registry's for this one
   * object: a connection's fields (nodes, edges, pageInfo) are compiled over
   * its page, which only the connection compiler knows.
   */
  object(typeName: string, fieldNodes: readonly FieldNode[], row: Prisma.Sql, compilers?: TypeCompilers): Prisma.Sql | null;
  /** A fresh row alias (`o1`, `o2`…): each object level gets its own, so that a nested subquery never shadows its parent's row. */
  alias(): Prisma.Sql;
  /**
   * A condition the compiled answer is right only under, checked in the same
   * statement: when it is false the operation runs through the resolvers
   * instead. E.g. a filter's slug names a row: the resolvers refuse an
   * unknown one with an error, which a compiled list would answer as empty.
   */
  guard(condition: Prisma.Sql): void;
}
