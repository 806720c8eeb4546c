import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Which fields a query asks for below the field being resolved, so that a
 * list statement selects only the columns they need (issue 13: whole rows,
 * abstracts included, were decoded and dropped).
 *
 * Written here rather than taken from graphql-parse-resolve-info: we need only
 * the field names at one path, and a superset is always safe (a column too
 * many costs bytes, one too few a wrong answer), so `@skip`/`@include` are
 * ignored and every fragment counts whatever its type condition (our node
 * types are concrete: a fragment on Publication under a Publication list).
 */

function collect(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: FieldNode[], seen: Set<string>): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, info, into, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      collect(info.fragments[selection.name.value]?.selectionSet, info, into, seen);
    }
  }
}

/** The fields selected directly under `fields`, through fragments (aliases resolved to field names). */
function childFields(fields: readonly FieldNode[], info: GraphQLResolveInfo): FieldNode[] {
  const children: FieldNode[] = [];
  for (const field of fields) collect(field.selectionSet, info, children, new Set());
  return children;
}

/**
 * The names of the fields selected at each of `paths` below the field being
 * resolved: `[[]]` for a plain list (`authors { name }`), `[['nodes'],
 * ['edges', 'node']]` for a connection's nodes.
 */
export function requestedFields(info: GraphQLResolveInfo, paths: readonly (readonly string[])[]): Set<string> {
  const names = new Set<string>();
  for (const path of paths) {
    let level: readonly FieldNode[] = info.fieldNodes;
    for (const step of path) level = childFields(level, info).filter((field) => field.name.value === step);
    for (const field of childFields(level, info)) names.add(field.name.value);
  }
  return names;
}

/** The paths of a connection's node fields. */
export const connectionNodes = [['nodes'], ['edges', 'node']] as const;

/** True when any of `names` is selected directly under the field being resolved (`totalCount` of a connection…). */
export function isRequested(info: GraphQLResolveInfo, ...names: string[]): boolean {
  const selected = requestedFields(info, [[]]);
  return names.some((name) => selected.has(name));
}
