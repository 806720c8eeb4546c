import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, type DirectiveNode } from 'graphql';

/**
 * graphql-js's rule (shouldIncludeNode): @skip(if: true) or @include(if:
 * false) leaves a selection out. Shared by the walks that must see the
 * fields execution would run: the compiled reads' field collection and the
 * document's cache policy. A condition without a value counts as included:
 * execution refuses such a request anyway (and it is then neither compiled
 * nor cached).
 */
export function isIncluded(node: { directives?: readonly DirectiveNode[] }, variables: Readonly<Record<string, unknown>>): boolean {
  if (!node.directives?.length) return true;
  try {
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  } catch {
    return true;
  }
}
