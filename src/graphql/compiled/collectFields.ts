import {
  isAbstractType,
  Kind,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';
import { isIncluded } from '../included.js';

/** What field collection reads besides the selections: the schema, the document's fragments, the coerced variables. */
export interface CollectContext {
  schema: GraphQLSchema;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>>;
}

/** True when a fragment with this type condition applies to an object of `type` (graphql-js doesFragmentConditionMatch). */
function conditionMatches(context: CollectContext, fragment: FragmentDefinitionNode | InlineFragmentNode, type: GraphQLObjectType): boolean {
  if (!fragment.typeCondition) return true;
  const conditionType = typeFromAST(context.schema, fragment.typeCondition);
  if (conditionType === type) return true;
  return conditionType !== undefined && isAbstractType(conditionType) && context.schema.isSubType(conditionType, type);
}

/**
 * The fields of `selectionSets` for an object of `type`, by response key in
 * document order, as graphql-js collects them for execution: fragments and
 * inline fragments whose type condition matches, @skip/@include read with the
 * variables, each named fragment spread once, and a key selected more than
 * once keeping all its nodes (their selection sets merge below it).
 */
export function collectFields(context: CollectContext, type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visitedFragments = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (!isIncluded(selection, context.variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const nodes = fields.get(key);
        if (nodes) nodes.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (conditionMatches(context, selection, type)) visit(selection.selectionSet);
      } else {
        const name = selection.name.value;
        if (visitedFragments.has(name)) continue;
        visitedFragments.add(name);
        const fragment = context.fragments[name];
        if (fragment && conditionMatches(context, fragment, type)) visit(fragment.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet);
  return fields;
}

/** The selection sets below a response key's nodes (a leaf field has none). */
export function subSelections(fieldNodes: readonly FieldNode[]): SelectionSetNode[] {
  return fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}
