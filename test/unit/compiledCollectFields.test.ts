import { buildSchema, Kind, parse, type FragmentDefinitionNode, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { collectFields } from '../../src/graphql/compiled/collectFields.js';

/** Field collection of compiled reads, against what graphql-js executes (the same rules, on a small schema). */
const schema = buildSchema(`
  interface Node { id: ID! }
  type Paper implements Node { id: ID! title: String year: Int }
  type Person implements Node { id: ID! name: String }
  union Thing = Paper | Person
  type Query { paper: Paper }
`);
const paper = schema.getType('Paper') as GraphQLObjectType;

/** The response keys collected for a Paper from the document's first operation, and the field names under each. */
function keys(document: string, variables: Record<string, unknown> = {}) {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const fields = collectFields({ schema, fragments, variables }, paper, [operation.selectionSet]);
  return [...fields].map(([key, nodes]) => [key, nodes.map((node) => node.name.value).join('+')]);
}

describe('collectFields', () => {
  it('keeps document order, aliases as keys, and merges a repeated key', () => {
    expect(keys('{ year t: title id year }')).toEqual([['year', 'year+year'], ['t', 'title'], ['id', 'id']]);
  });

  it('reads fragments and inline fragments whose type condition matches: the type, an interface or union it belongs to', () => {
    const document = `{ ...F ... on Node { id } ... on Thing { ... on Paper { year } } ... on Person { name } ... { title } }
      fragment F on Paper { title }`;
    expect(keys(document)).toEqual([['title', 'title+title'], ['id', 'id'], ['year', 'year']]);
  });

  it('spreads a named fragment once, however often it is spread', () => {
    expect(keys('{ ...F year ...F } fragment F on Paper { title }')).toEqual([['title', 'title'], ['year', 'year']]);
  });

  it('applies @skip and @include, literal or from variables, on fields and fragments', () => {
    const document = `query ($a: Boolean!, $b: Boolean!) {
      id @skip(if: $a) title @include(if: $b) year @skip(if: false) @include(if: true)
      ... @include(if: $a) { name: title } ...F @skip(if: $b) }
      fragment F on Paper { f: id }`;
    expect(keys(document, { a: true, b: false })).toEqual([['year', 'year'], ['name', 'title'], ['f', 'id']]);
    expect(keys(document, { a: false, b: true })).toEqual([['id', 'id'], ['title', 'title'], ['year', 'year']]);
  });
});
