import type { ApolloServerPlugin, DocumentStore } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { OperationLimits } from '../config.js';
import type { GraphQLContext } from '../context.js';
import { findNulInDocument, findNulInVariables } from './nulCharacters.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../modules/shared/pagination/cursors.js';

/**
 * Limits on what a document may ask, checked on the parsed document before
 * validation (and before the trusted-documents check), with NUL characters
 * in strings, so that a hostile document costs no more than reading it once. Each fragment is measured
 * once per operation and its measure reused at every spread: the time is
 * linear in the size of the document, however often fragments are spread.
 */

/** The size assumed for a list field without a page size argument (authors, topics, roles). */
export const ASSUMED_LIST_SIZE = 10;

export interface OperationMeasure {
  /** Deepest field nesting below the selection set. */
  depth: number;
  aliases: number;
  /** Fields asked again under a response name already used in their selection set. */
  repeatedFields: number;
  directives: number;
  /** Estimated items (see OperationLimits.maxCost). */
  cost: number;
  /** Fragment spreads, each fragment expanded where it is spread. */
  fragmentSpreads: number;
}

const none = (): OperationMeasure => ({ depth: 0, aliases: 0, repeatedFields: 0, directives: 0, cost: 0, fragmentSpreads: 0 });

/** Adds `part` (a selection set measured on its own) into `total`, at the same depth. */
function addInto(total: OperationMeasure, part: OperationMeasure): void {
  total.depth = Math.max(total.depth, part.depth);
  total.aliases += part.aliases;
  total.repeatedFields += part.repeatedFields;
  total.directives += part.directives;
  total.cost += part.cost;
  total.fragmentSpreads += part.fragmentSpreads;
}

/** Variables the operation will run with: the request's values over the operation's defaults. */
function variableValues(operation: OperationDefinitionNode, given: Record<string, unknown>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (given[name] !== undefined) values.set(name, given[name]);
    else if (definition.defaultValue) values.set(name, valueFromASTUntyped(definition.defaultValue));
  }
  return values;
}

/**
 * Items a list field may return. A page size given as a literal or a
 * variable (its value, else its default) counts as given; a variable with
 * neither counts as the maximum; no argument counts as the field's default.
 */
function listSize(selection: FieldNode, field: GraphQLField<unknown, unknown>, variables: Map<string, unknown>): number {
  const argument = selection.arguments?.find((arg) => arg.name.value === 'first' || arg.name.value === 'last');
  const declared = field.args.find((arg) => arg.name === (argument?.name.value ?? 'first'));
  const fieldDefault = typeof declared?.defaultValue === 'number' ? declared.defaultValue : DEFAULT_PAGE_SIZE;
  if (!declared) return isListType(getNullableType(field.type)) && !['nodes', 'edges'].includes(field.name) ? ASSUMED_LIST_SIZE : 1;
  let value: unknown;
  if (!argument) value = null;
  else if (argument.value.kind === Kind.VARIABLE) value = variables.has(argument.value.name.value) ? variables.get(argument.value.name.value) : MAX_PAGE_SIZE;
  else value = valueFromASTUntyped(argument.value);
  if (value === null) return fieldDefault;
  // Sizes outside 0–100 are refused by the field itself, with a clearer message.
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(value, 1), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
}

/**
 * Measures one operation. `fragments` are the document's fragment
 * definitions; each is walked at most once (a spread of a fragment being
 * walked, a cycle that validation refuses next, counts as nothing).
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  givenVariables: Record<string, unknown> = {},
): OperationMeasure {
  const variables = variableValues(operation, givenVariables);
  const measured = new Map<string, OperationMeasure>();
  const inProgress = new Set<string>();

  const fragmentMeasure = (name: string): OperationMeasure => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return none();
    inProgress.add(name);
    const measure = walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined);
    inProgress.delete(name);
    measure.directives += fragment.directives?.length ?? 0;
    measured.set(name, measure);
    return measure;
  };

  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined): OperationMeasure => {
    const total = none();
    const responseNames = new Set<string>();
    for (const selection of selectionSet.selections) {
      total.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        total.fragmentSpreads += 1;
        addInto(total, fragmentMeasure(selection.name.value));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        addInto(total, walk(selection.selectionSet, type ?? parentType));
        continue;
      }
      const name = selection.name.value;
      if (selection.alias) total.aliases += 1;
      const responseName = selection.alias?.value ?? name;
      if (responseNames.has(responseName)) total.repeatedFields += 1;
      responseNames.add(responseName);
      // Introspection (off in production) is left to Apollo; __typename costs one item.
      if (name === '__schema' || name === '__type') continue;
      const field = parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields()[name] : undefined;
      const size = field ? listSize(selection, field, variables) : 1;
      const child = selection.selectionSet ? walk(selection.selectionSet, field ? getNamedType(field.type) : undefined) : none();
      total.depth = Math.max(total.depth, child.depth + (name.startsWith('__') ? 0 : 1));
      total.aliases += child.aliases;
      total.repeatedFields += child.repeatedFields;
      total.directives += child.directives;
      total.cost += 1 + size * child.cost;
      total.fragmentSpreads += child.fragmentSpreads;
    }
    return total;
  };

  const measure = walk(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
  measure.directives += operation.directives?.length ?? 0;
  for (const definition of operation.variableDefinitions ?? []) measure.directives += definition.directives?.length ?? 0;
  return measure;
}

/** Every directive written in the document, used or not: unknown ones would each be a validation error. */
export function countDirectives(document: DocumentNode): number {
  let count = 0;
  visit(document, {
    Directive() {
      count += 1;
      return false;
    },
  });
  return count;
}

/** The largest measure over the document's operations, each with its fragments expanded. */
export function measureDocument(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const largest = none();
  largest.directives = countDirectives(document);
  for (const operation of operations) {
    const measure = measureOperation(schema, operation, fragments, variables);
    largest.depth = Math.max(largest.depth, measure.depth);
    largest.aliases = Math.max(largest.aliases, measure.aliases);
    largest.repeatedFields = Math.max(largest.repeatedFields, measure.repeatedFields);
    largest.directives = Math.max(largest.directives, measure.directives);
    largest.cost = Math.max(largest.cost, measure.cost);
    largest.fragmentSpreads = Math.max(largest.fragmentSpreads, measure.fragmentSpreads);
  }
  return largest;
}

function refusal(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** Numbers past 2^53 (a fragment fan-out) print as a power of ten rather than a wall of digits. */
const shown = (value: number) => (value < Number.MAX_SAFE_INTEGER ? String(value) : value.toExponential(1));

/** The first limit the document breaks, as the error to answer, or undefined. */
export function checkLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): GraphQLError | undefined {
  const measure = measureDocument(schema, document, variables ?? {});
  if (measure.fragmentSpreads > limits.maxFragmentSpreads) {
    return refusal(
      'TOO_MANY_FRAGMENT_SPREADS',
      `The query spreads fragments ${shown(measure.fragmentSpreads)} times once expanded; at most ${limits.maxFragmentSpreads} are allowed.`,
    );
  }
  if (measure.depth > limits.maxDepth) {
    return refusal('QUERY_TOO_DEEP', `The query nests fields ${measure.depth} deep; at most ${limits.maxDepth} are allowed.`);
  }
  if (measure.aliases > limits.maxAliases) {
    return refusal('TOO_MANY_ALIASES', `The query has ${shown(measure.aliases)} aliases; at most ${limits.maxAliases} are allowed.`);
  }
  if (measure.repeatedFields > limits.maxRepeatedFields) {
    return refusal(
      'TOO_MANY_REPEATED_FIELDS',
      `The query asks ${shown(measure.repeatedFields)} fields again under a name already asked beside them; at most ${limits.maxRepeatedFields} are allowed.`,
    );
  }
  if (measure.directives > limits.maxDirectives) {
    return refusal('TOO_MANY_DIRECTIVES', `The query has ${shown(measure.directives)} directives; at most ${limits.maxDirectives} are allowed.`);
  }
  if (measure.cost > limits.maxCost) {
    return refusal(
      'QUERY_TOO_COMPLEX',
      `The query could return about ${shown(measure.cost)} items (each field times the page sizes above it); at most ${limits.maxCost} are allowed. Ask for smaller pages (first/last) or fewer nested lists.`,
    );
  }
  return undefined;
}

/**
 * Apollo Server has no hook between parsing and validation that may refuse
 * a request: an error thrown in validationDidStart becomes a 500. So a
 * refused document is swapped, in validationDidStart, for an empty stand-in
 * that validates at once, and its refusal is thrown in didResolveOperation,
 * which Apollo answers cleanly (400 with our code). Stand-ins are never
 * stored in the document cache (see limitAwareDocumentStore).
 */
const refusals = new WeakMap<DocumentNode, GraphQLError>();

function standInFor(error: GraphQLError): DocumentNode {
  const standIn: DocumentNode = { kind: Kind.DOCUMENT, definitions: [] };
  refusals.set(standIn, error);
  return standIn;
}

/**
 * Apollo's cache of parsed and validated documents, minus stand-ins. A cached
 * document skips parsing and validation, so its limits are checked again in
 * didResolveOperation (cost depends on each request's variables).
 */
export function limitAwareDocumentStore(cache: KeyValueCache<DocumentNode>): DocumentStore {
  return {
    get: (key) => cache.get(key),
    set: async (key, document, options) => {
      if (!refusals.has(document)) await cache.set(key, document, options);
    },
    delete: (key) => cache.delete(key),
  };
}

/** The variables given as a page size (`first: $n`, `last: $n`) anywhere in the document: the only ones its measure depends on. */
function pageSizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if ((node.name.value === 'first' || node.name.value === 'last') && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names];
}

interface DocumentChecks {
  schema: GraphQLSchema;
  nul: GraphQLError | undefined;
  pageSizeVariables: string[];
  /** checkLimits' answer by the values of the page size variables (most documents have none: one entry). */
  byPageSizes: Map<string, GraphQLError | undefined>;
}

/** Distinct page sizes remembered per document before starting over: a client varying them cannot grow the map without bound. */
const MAX_PAGE_SIZE_KEYS = 100;

/**
 * The limits and NUL checks of a request, remembered per document: Apollo's
 * document cache hands every request with the same text the same parsed
 * document, whose checks depend on the request only through the values of
 * its page size variables and the strings in its variables. So a document
 * is walked once (and once per new set of page sizes), not on every
 * request (each walk cost about 3 % of the server's CPU under load:
 * scripts/perf-profile.ts).
 */
export function limitsChecker(limits: OperationLimits) {
  const checks = new WeakMap<DocumentNode, DocumentChecks>();
  return (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): GraphQLError | undefined => {
    let known = checks.get(document);
    if (!known || known.schema !== schema) {
      known = { schema, nul: findNulInDocument(document), pageSizeVariables: pageSizeVariables(document), byPageSizes: new Map() };
      checks.set(document, known);
    }
    if (known.nul) return known.nul;
    const nulInVariables = findNulInVariables(variables);
    if (nulInVariables) return nulInVariables;
    // A variable left out and one given as null count differently (its default, the field's default): the key tells them apart.
    const key = known.pageSizeVariables.map((name) => (variables?.[name] === undefined ? '-' : JSON.stringify(variables[name]))).join(',');
    if (known.byPageSizes.has(key)) return known.byPageSizes.get(key);
    const error = checkLimits(schema, document, variables, limits);
    if (known.byPageSizes.size >= MAX_PAGE_SIZE_KEYS) known.byPageSizes.clear();
    known.byPageSizes.set(key, error);
    return error;
  };
}

export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin<GraphQLContext> {
  const check = limitsChecker(limits);
  return {
    async requestDidStart() {
      let checked = false;
      return {
        async validationDidStart(requestContext) {
          checked = true;
          const { schema, document, request } = requestContext;
          const error = check(schema, document, request.variables);
          if (error) (requestContext as { document: DocumentNode }).document = standInFor(error);
        },
        async didResolveOperation({ schema, document, request }) {
          const error = refusals.get(document) ?? (checked ? undefined : check(schema, document, request.variables));
          if (error) throw error;
        },
      };
    },
  };
}
