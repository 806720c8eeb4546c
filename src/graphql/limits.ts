import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { GraphQLContext } from '../context.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../modules/shared/pagination/cursors.js';

/**
 * Limits on what one operation may ask, checked after validation and before
 * execution, against the operation as it will run (fragments expanded,
 * variables known). Each refusal is HTTP 400 with its own error code.
 */
export interface OperationLimits {
  /** Deepest field nesting; introspection fields (`__schema`…) do not count. */
  maxDepth: number;
  /** Aliased fields in the operation. */
  maxAliases: number;
  /** Directives (`@include`, `@skip`…) in the operation. */
  maxDirectives: number;
  /** Estimated rows: each field costs 1, times the page size (`first`/`last`) of every list above it. */
  maxCost: number;
}

/** The size assumed for a list field without a page size argument (authors, topics, roles). */
export const ASSUMED_LIST_SIZE = 10;

export interface OperationMeasure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

/** Measures an operation, expanding fragment spreads (each spread counts where it is used). */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): OperationMeasure {
  const measure: OperationMeasure = { depth: 0, aliases: 0, directives: operation.directives?.length ?? 0, cost: 0 };

  const argumentValue = (node: ValueNode | undefined): unknown => {
    if (!node) return undefined;
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    if (node.kind === Kind.INT) return Number(node.value);
    return undefined;
  };

  /** Returns the cost of the selection set; `path` holds the fragments being expanded (validation forbids cycles, this guards anyway). */
  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined, depth: number, path: Set<string>): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      measure.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || path.has(name)) continue;
        measure.directives += fragment.directives?.length ?? 0;
        const type = schema.getType(fragment.typeCondition.name.value) ?? parentType;
        cost += walk(fragment.selectionSet, type, depth, new Set(path).add(name));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        cost += walk(selection.selectionSet, type ?? parentType, depth, path);
        continue;
      }
      const name = selection.name.value;
      if (selection.alias) measure.aliases += 1;
      if (name.startsWith('__')) continue; // __typename, and introspection (off in production)
      measure.depth = Math.max(measure.depth, depth + 1);
      const field = parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields()[name] : undefined;
      let size = 1;
      if (field) {
        const pageArgument = selection.arguments?.find((arg) => arg.name.value === 'first' || arg.name.value === 'last');
        const declared = field.args.find((arg) => arg.name === 'first');
        const given = argumentValue(pageArgument?.value);
        // Sizes past the maximum are refused by the field itself, with a clearer message.
        if (typeof given === 'number') size = Math.min(Math.max(given, 1), MAX_PAGE_SIZE);
        else if (declared) size = typeof declared.defaultValue === 'number' ? declared.defaultValue : DEFAULT_PAGE_SIZE;
        else if (isListType(getNullableType(field.type)) && !['nodes', 'edges'].includes(name)) size = ASSUMED_LIST_SIZE;
      }
      const childCost = selection.selectionSet ? walk(selection.selectionSet, field ? getNamedType(field.type) : undefined, depth + 1, path) : 0;
      cost += 1 + size * childCost;
    }
    return cost;
  };

  measure.cost = walk(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, 0, new Set());
  return measure;
}

function refuse(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, document, request }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const measure = measureOperation(schema, operation, fragments, request.variables ?? {});
          if (measure.depth > limits.maxDepth) {
            throw refuse('QUERY_TOO_DEEP', `The query nests fields ${measure.depth} deep; at most ${limits.maxDepth} are allowed.`);
          }
          if (measure.aliases > limits.maxAliases) {
            throw refuse('TOO_MANY_ALIASES', `The query has ${measure.aliases} aliases; at most ${limits.maxAliases} are allowed.`);
          }
          if (measure.directives > limits.maxDirectives) {
            throw refuse('TOO_MANY_DIRECTIVES', `The query has ${measure.directives} directives; at most ${limits.maxDirectives} are allowed.`);
          }
          if (measure.cost > limits.maxCost) {
            throw refuse(
              'QUERY_TOO_COMPLEX',
              `The query could return about ${measure.cost} items (each field times the page sizes above it); at most ${limits.maxCost} are allowed. Ask for smaller pages (first/last) or fewer nested lists.`,
            );
          }
        },
      };
    },
  };
}
