import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  isObjectType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import { Prisma } from '../../generated/prisma/client.js';
import { collectFields, type CollectContext } from './collectFields.js';
import type { Compiler, TypeCompilers } from './types.js';

/**
 * json_build_object takes at most 100 arguments, 50 keys. An object that
 * selects more is not compiled (the resolvers answer): splitting it would
 * need the parts joined back in key order, which only text concatenation
 * does, and no page of this API selects 50 fields of one object.
 */
const MAX_KEYS = 50;

/** The registry: each type's field compilers (registry.ts). */
export type CompilerRegistry = Readonly<Record<string, TypeCompilers>>;

/** A compiled operation: the statement whose one row's `data` column is the answer's data, or null (guards failed: ask the resolvers). */
export type CompiledOperation = Prisma.Sql;

/** A response key or type name as an SQL literal: a GraphQL name ([_A-Za-z][_0-9A-Za-z]*) needs no escaping. */
function keyLiteral(key: string): Prisma.Sql {
  return Prisma.raw(`'${key}'`);
}

/**
 * The statement that answers a query operation, or null when any field it
 * selects has no compiler (or refuses its arguments): the resolvers answer
 * it then. `variables` are the request's, coerced here as graphql-js does
 * (defaults applied); variables it would refuse leave the operation to it.
 */
export function compileOperation(
  schema: GraphQLSchema,
  registry: CompilerRegistry,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Readonly<Record<string, unknown>> | undefined,
): CompiledOperation | null {
  const operation = getOperationAST(document, operationName);
  const queryType = schema.getQueryType();
  if (!operation || operation.operation !== OperationTypeNode.QUERY || !queryType) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const context: CollectContext = { schema, fragments, variables: coerced.coerced };
  let aliases = 0;
  let fields = 0;
  const guards: Prisma.Sql[] = [];
  const compiler: Compiler = {
    alias: () => Prisma.raw(`o${++aliases}`),
    guard: (condition) => void guards.push(condition),
    object(typeName, fieldNodes, row, compilers) {
      const type = schema.getType(typeName);
      const fieldCompilers = compilers ?? registry[typeName];
      if (!isObjectType(type) || !fieldCompilers) return null;
      const selectionSets = fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
      return objectOf(type.name, collectFields(context, type, selectionSets), (name, nodes) => {
        const definition = type.getFields()[name];
        const compile = Object.hasOwn(fieldCompilers, name) ? fieldCompilers[name] : undefined;
        if (!definition || !compile) return null;
        fields += 1;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(definition, nodes[0]!, context.variables);
        } catch {
          return null;
        }
        return compile({ fieldNodes: nodes, args, row, compiler });
      });
    },
  };
  const root = compiler.object(queryType.name, [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'query' }, selectionSet: operation.selectionSet }], Prisma.empty);
  // Only __typename: the resolvers answer without the database.
  if (!root || fields === 0) return null;
  const data = guards.length === 0 ? root : Prisma.sql`CASE WHEN ${Prisma.join(guards, ' AND ')} THEN ${root} END`;
  return Prisma.sql`SELECT ${data} AS data`;
}

/** json_build_object of the collected fields, `__typename` as the type's name; null when one is not compiled. */
function objectOf(
  typeName: string,
  fields: Map<string, FieldNode[]>,
  compileField: (name: string, nodes: FieldNode[]) => Prisma.Sql | null,
): Prisma.Sql | null {
  if (fields.size > MAX_KEYS) return null;
  const pairs: Prisma.Sql[] = [];
  for (const [key, nodes] of fields) {
    const name = nodes[0]!.name.value;
    const value = name === '__typename' ? keyLiteral(typeName) : compileField(name, nodes);
    if (!value) return null;
    pairs.push(Prisma.sql`${keyLiteral(key)}, ${value}`);
  }
  return pairs.length === 0 ? Prisma.sql`json_build_object()` : Prisma.sql`json_build_object(${Prisma.join(pairs)})`;
}
