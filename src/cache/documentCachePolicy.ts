import {
  getNamedType,
  getVariableValues,
  isCompositeType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  visit,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { isIncluded } from '../graphql/included.js';

/**
 * The cache policy of an operation computed from the document and the schema
 * alone, with the rules of Apollo's cache control plugin
 * (@apollo/server/dist/esm/plugin/cacheControl/index.js), which we no longer
 * run: it hooks every field's resolution (willResolveField), which made Apollo
 * wrap every resolver of the schema, and it learns nothing when no resolver
 * runs (an answer computed by one SQL statement, or read from a cache).
 *
 * Our @cacheControl hints are all static (no resolver sets a dynamic hint), so
 * a field's policy depends only on its definition: Apollo's per-field rules
 * are applied once per field of the document. What Apollo does count that the
 * document alone cannot tell is which fields ran: a field under a null
 * object, an empty list or a fragment on another type never resolves, and adds
 * nothing. The static policy counts every field the operation selects (after
 * @skip/@include with the request's variables), so it is never more lenient
 * than Apollo's; where a field that could have run lowers it below what the
 * fields that always run give (`exact` false), executedCachePolicy() reads the
 * answer's data to count only the fields that ran, as Apollo did.
 */

export type CacheScope = 'PUBLIC' | 'PRIVATE';

/** Apollo's CacheHint: undefined maxAge or scope means "no restriction from here". */
export interface CacheHint {
  maxAge?: number;
  scope?: CacheScope;
}

/** Apollo's CachePolicy.restrict, as a pure function: the lower maxAge, PRIVATE beats PUBLIC. */
export function restrictHint(policy: CacheHint, hint: CacheHint): CacheHint {
  const maxAge = hint.maxAge !== undefined && (policy.maxAge === undefined || hint.maxAge < policy.maxAge) ? hint.maxAge : policy.maxAge;
  const scope = hint.scope !== undefined && policy.scope !== 'PRIVATE' ? hint.scope : policy.scope;
  return { maxAge, scope };
}

/** True when restricting `policy` by `hint` changes nothing. */
function covers(policy: CacheHint, hint: CacheHint): boolean {
  const maxAgeKept = hint.maxAge === undefined || (policy.maxAge !== undefined && policy.maxAge <= hint.maxAge);
  const scopeKept = hint.scope === undefined || policy.scope === 'PRIVATE' || policy.scope === hint.scope;
  return maxAgeKept && scopeKept;
}

interface CacheAnnotation extends CacheHint {
  inheritMaxAge?: boolean;
}

/** A @cacheControl directive's arguments, read as Apollo reads them (cacheAnnotationFromDirectives). */
function annotationFromDirectives(directives: readonly DirectiveNode[] | undefined): CacheAnnotation | undefined {
  const directive = directives?.find((candidate) => candidate.name.value === 'cacheControl');
  if (!directive?.arguments) return undefined;
  const argument = (name: string) => directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
  const scopeValue = argument('scope');
  const scopeName = scopeValue?.kind === Kind.ENUM ? scopeValue.value : undefined;
  const scope = scopeName === 'PUBLIC' || scopeName === 'PRIVATE' ? scopeName : undefined;
  const inherit = argument('inheritMaxAge');
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) return { inheritMaxAge: true, scope };
  const maxAge = argument('maxAge');
  return { maxAge: maxAge?.kind === Kind.INT ? parseInt(maxAge.value, 10) : undefined, scope };
}

/** A type's annotation: its definition's directive, else the first extension's (Apollo's cacheAnnotationFromType). */
function typeAnnotation(type: GraphQLCompositeType): CacheAnnotation {
  const found = annotationFromDirectives(type.astNode?.directives);
  if (found) return found;
  for (const extension of type.extensionASTNodes) {
    const hint = annotationFromDirectives(extension.directives);
    if (hint) return hint;
  }
  return {};
}

/**
 * The policy one resolution of `field` adds to the operation's, as Apollo's
 * willResolveField computes it with no dynamic hint: the return type's hint,
 * the field's own over it (unless it only asks to inherit), and maxAge 0 for a
 * root field or a composite field that neither has a maxAge nor inherits one.
 * Scalars inherit: they add nothing unless hinted themselves.
 */
export function fieldCacheHint(field: GraphQLField<unknown, unknown>, isRootField: boolean): CacheHint {
  let policy: CacheHint = {};
  let inheritMaxAge = false;
  const target = getNamedType(field.type);
  if (isCompositeType(target)) {
    const annotation = typeAnnotation(target);
    policy = replaceHint(policy, annotation);
    inheritMaxAge = annotation.inheritMaxAge === true;
  }
  const own = annotationFromDirectives(field.astNode?.directives) ?? {};
  if (own.inheritMaxAge && policy.maxAge === undefined) {
    inheritMaxAge = true;
    if (own.scope) policy = replaceHint(policy, { scope: own.scope });
  } else {
    policy = replaceHint(policy, own);
  }
  if (policy.maxAge === undefined && ((isCompositeType(target) && !inheritMaxAge) || isRootField)) policy = restrictHint(policy, { maxAge: 0 });
  return policy;
}

/** Apollo's CachePolicy.replace, as a pure function. */
function replaceHint(policy: CacheHint, hint: CacheHint): CacheHint {
  return { maxAge: hint.maxAge ?? policy.maxAge, scope: hint.scope ?? policy.scope };
}

/** One field the operation selects, with its selections flattened through fragments. */
export interface PlannedField {
  /** Its key in the answer (alias or name): present in its parent's object exactly when it ran (answers without errors). */
  responseKey: string;
  /** What one resolution adds to the operation's policy (over every object type it may run on). */
  hint: CacheHint;
  /** The fields selected below it; empty for a leaf. */
  children: PlannedField[];
  /** `hint` restricted by every field below it: the most this field can lower the policy. */
  reach: CacheHint;
  /** True when its children all run whenever it does: its type is a non-null object, not a list, not narrowed by fragments. */
  childrenAlwaysRun: boolean;
}

export interface OperationCachePlan {
  fields: PlannedField[];
  /** The policy if every selected field runs: never more lenient than Apollo's. */
  policy: CacheHint;
  /** True when the fields that run in every answer without errors already give `policy`: the data cannot change it. */
  exact: boolean;
}

type Variables = Record<string, unknown>;

/**
 * The plan of `operation`: its selections flattened through fragments, each
 * field with its hint. Flattening costs the size of the document with its
 * fragments expanded, which src/graphql/limits.ts bounds before this runs
 * (MAX_FRAGMENT_SPREADS; a refused document reaches didResolveOperation as
 * an empty stand-in), and it is done once per document. `variables` are the request's, coerced (they decide
 * @skip/@include); when they do not coerce, execution fails, and so does any
 * caching: every selection is then counted.
 */
export function planOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  givenVariables: Variables | undefined,
): OperationCachePlan | undefined {
  const root = schema.getRootType(operation.operation);
  if (!root) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], givenVariables ?? {}, { maxErrors: 1 });
  const variables: Variables = coerced.coerced ?? {};
  const keep = coerced.coerced ? (node: { directives?: readonly DirectiveNode[] }) => isIncluded(node, variables) : () => true;

  /** The object types a selection may run on, given the types its parent may be and a type condition. */
  const narrow = (possible: readonly GraphQLObjectType[], condition: string | undefined): GraphQLObjectType[] => {
    if (!condition) return [...possible];
    const type = schema.getType(condition);
    if (!type) return [];
    if (isObjectType(type)) return possible.filter((candidate) => candidate === type);
    if (isAbstractType(type)) return possible.filter((candidate) => schema.isSubType(type, candidate));
    return [];
  };
  const possibleTypes = (type: GraphQLCompositeType): readonly GraphQLObjectType[] => (isObjectType(type) ? [type] : schema.getPossibleTypes(type));

  const plan = (
    selectionSet: SelectionSetNode,
    possible: readonly GraphQLObjectType[],
    isRoot: boolean,
    spreading: ReadonlySet<string>,
    planned: PlannedField[],
    narrowed: { value: boolean },
  ): PlannedField[] => {
    for (const selection of selectionSet.selections) {
      if (!keep(selection)) continue;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle is a validation error; never walked twice along one path.
        if (!fragment || spreading.has(name)) continue;
        const types = narrow(possible, fragment.typeCondition.name.value);
        if (types.length < possible.length) narrowed.value = true;
        if (types.length > 0) plan(fragment.selectionSet, types, isRoot, new Set([...spreading, name]), planned, narrowed);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const types = narrow(possible, selection.typeCondition?.name.value);
        if (types.length < possible.length) narrowed.value = true;
        if (types.length > 0) plan(selection.selectionSet, types, isRoot, spreading, planned, narrowed);
        continue;
      }
      const name = selection.name.value;
      // Meta fields (__typename, __schema, __type) have no resolver Apollo wraps: they add nothing.
      if (name.startsWith('__')) continue;
      let hint: CacheHint = {};
      let childTypes: GraphQLObjectType[] = [];
      let nonNullSingleObject = true;
      for (const type of possible) {
        const field = type.getFields()[name];
        if (!field) continue;
        hint = restrictHint(hint, fieldCacheHint(field, isRoot));
        const named = getNamedType(field.type);
        if (isCompositeType(named)) childTypes = [...new Set([...childTypes, ...possibleTypes(named)])];
        nonNullSingleObject &&= isNonNullType(field.type) && !isListType(field.type.ofType);
      }
      const childNarrowed = { value: false };
      const children = selection.selectionSet ? plan(selection.selectionSet, childTypes, false, spreading, [], childNarrowed) : [];
      const reach = children.reduce((policy, child) => restrictHint(policy, child.reach), hint);
      planned.push({ responseKey: selection.alias?.value ?? name, hint, children, reach, childrenAlwaysRun: nonNullSingleObject && !childNarrowed.value });
    }
    return planned;
  };

  const narrowedAtRoot = { value: false };
  const fields = plan(operation.selectionSet, [root], true, new Set(), [], narrowedAtRoot);
  const policy = fields.reduce<CacheHint>((total, field) => restrictHint(total, field.reach), {});
  // Root fields run in every answer without errors, and so do the children of a field that always runs and is a non-null object.
  const alwaysRun = (field: PlannedField, total: CacheHint): CacheHint => {
    const own = restrictHint(total, field.hint);
    return field.childrenAlwaysRun ? field.children.reduce((sum, child) => alwaysRun(child, sum), own) : own;
  };
  const certain = fields.reduce<CacheHint>((total, field) => alwaysRun(field, total), {});
  return { fields, policy, exact: covers(certain, policy) };
}

/**
 * Apollo's policy for one answer without errors: the hints of the fields that
 * ran, a field having run exactly when its key is in its parent's object. Two
 * selections under one key on different types (`... on A { x: a } ... on B { x: b }`)
 * both count: never more lenient than Apollo. A subtree is only walked while it
 * could still lower the policy.
 */
export function executedCachePolicy(plan: OperationCachePlan, data: Record<string, unknown>): CacheHint {
  let policy: CacheHint = {};
  const visitObject = (fields: readonly PlannedField[], object: Record<string, unknown>): void => {
    for (const field of fields) {
      if (covers(policy, plan.policy)) return;
      if (!(field.responseKey in object)) continue;
      policy = restrictHint(policy, field.hint);
      if (field.children.length > 0 && !covers(policy, field.reach)) visitValue(field.children, object[field.responseKey]);
    }
  };
  const visitValue = (fields: readonly PlannedField[], value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) visitValue(fields, item);
    else if (value !== null && typeof value === 'object') visitObject(fields, value as Record<string, unknown>);
  };
  visitObject(plan.fields, data);
  return policy;
}

/** The variables used in @skip/@include anywhere in the document: the only ones a plan depends on. */
function conditionVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'skip' && node.name.value !== 'include') return;
      for (const argument of node.arguments ?? []) if (argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return [...names];
}

interface DocumentPlans {
  schema: GraphQLSchema;
  conditionVariables: string[];
  /** By operation and the values of the condition variables (most documents have none: one entry). */
  plans: Map<string, OperationCachePlan | undefined>;
}

/** Plans remembered per document before starting over: a client varying its @skip variables cannot grow the map without bound. */
const MAX_PLANS_PER_DOCUMENT = 100;

/**
 * planOperation, remembered per document as src/graphql/limits.ts remembers
 * its checks: Apollo's document cache hands every request with the same text
 * the same parsed document, so a document is planned once per operation and
 * per set of @skip/@include variable values.
 */
export function cachePolicyPlanner() {
  const known = new WeakMap<DocumentNode, DocumentPlans>();
  return (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Variables | undefined): OperationCachePlan | undefined => {
    let entry = known.get(document);
    if (!entry || entry.schema !== schema) {
      entry = { schema, conditionVariables: conditionVariables(document), plans: new Map() };
      known.set(document, entry);
    }
    const values = entry.conditionVariables.map((name) => (variables?.[name] === undefined ? '-' : JSON.stringify(variables[name])));
    const key = `${operation.name?.value ?? ''}\u0000${values.join(',')}`;
    if (entry.plans.has(key)) return entry.plans.get(key);
    const plan = planOperation(schema, document, operation, variables);
    if (entry.plans.size >= MAX_PLANS_PER_DOCUMENT) entry.plans.clear();
    entry.plans.set(key, plan);
    return plan;
  };
}
