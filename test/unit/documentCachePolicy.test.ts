import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executedCachePolicy, planOperation, type CacheHint } from '../../src/cache/documentCachePolicy.js';

/**
 * The cache policy computed from the document (src/cache/documentCachePolicy.ts)
 * against Apollo's cache control plugin, which computes it while resolvers run:
 * on a schema with every kind of hint Apollo reads (type and field maxAge,
 * PRIVATE scope, inheritMaxAge on types and fields, an interface and a union,
 * types without hints), over the same data, for a corpus of documents.
 * test/cachePolicy.test.ts does the same through our server on our schema.
 */
const schema = buildSchema(`
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION

  interface Entry @cacheControl(maxAge: 100) { id: ID! }
  type Book implements Entry @cacheControl(maxAge: 60) {
    id: ID!
    title: String
    secret: String @cacheControl(maxAge: 30, scope: PRIVATE)
    reviews: [Review!]!
    stats: Stats
    stamp: Stamp!
    note: Note @cacheControl(inheritMaxAge: true)
  }
  type Film implements Entry { id: ID! name: String length: Int @cacheControl(maxAge: 20) }
  union Found @cacheControl(maxAge: 50) = Book | Film
  type Review @cacheControl(maxAge: 40) { stars: Int author: Person }
  type Person { name: String }
  type Stats { views: Int }
  type Stamp @cacheControl(inheritMaxAge: true) { at: String mark: Mark! }
  type Mark { label: String }
  type Note @cacheControl(maxAge: 10) { text: String }
  type Query {
    books: [Book!]!
    book(id: ID!): Book
    entry(id: ID!): Entry
    found(id: ID!): [Found!]!
    count: Int
    hinted: Int @cacheControl(maxAge: 90)
    stamp: Stamp
  }
`);

const books = [
  {
    id: 'b1',
    title: 'One',
    secret: 's',
    reviews: [{ stars: 4, author: { name: 'Ann' } }],
    stats: { views: 3 },
    stamp: { at: 'now', mark: { label: 'x' } },
    note: { text: 'n' },
  },
  { id: 'b2', title: 'Two', secret: null, reviews: [], stats: null, stamp: { at: 'then', mark: { label: 'y' } }, note: null },
];
const films = [{ id: 'f1', name: 'Film', length: 90 }];
const entries = [...books.map((book) => ({ ...book, __typename: 'Book' })), ...films.map((film) => ({ ...film, __typename: 'Film' }))];
const rootValue = {
  books: () => books,
  book: ({ id }: { id: string }) => books.find((book) => book.id === id) ?? null,
  entry: ({ id }: { id: string }) => entries.find((entry) => entry.id === id) ?? null,
  found: ({ id }: { id: string }) => entries.filter((entry) => entry.id.startsWith(id)),
  count: () => 2,
  hinted: () => 1,
  stamp: () => null,
};

/** Apollo's plugin, with every field resolved: the policy it reaches, read at the end of the request. */
let apollo: ApolloServer;
let apolloPolicy: CacheHint = {};
const probe: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      willSendResponse({ overallCachePolicy }) {
        apolloPolicy = { maxAge: overallCachePolicy.maxAge, scope: overallCachePolicy.scope };
        return Promise.resolve();
      },
    }),
};

beforeAll(async () => {
  apollo = new ApolloServer({ schema, rootValue, plugins: [ApolloServerPluginCacheControl({ calculateHttpHeaders: false }), probe] });
  await apollo.start();
});

afterAll(async () => {
  await apollo.stop();
});

/** Both policies for `query` over the same data; the answer must have no errors. */
async function bothPolicies(query: string, variables?: Record<string, unknown>) {
  const response = await apollo.executeOperation({ query, variables });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  expect(response.body.singleResult.errors).toBeUndefined();
  const document = parse(query);
  const plan = planOperation(schema, document, getOperationAST(document)!, variables);
  if (!plan) throw new Error('no plan');
  const ours = plan.exact ? plan.policy : executedCachePolicy(plan, response.body.singleResult.data!);
  return { apollo: apolloPolicy, ours, plan };
}

const corpus: [string, string, Record<string, unknown>?][] = [
  ['a root scalar without a hint: maxAge 0', '{ count }'],
  ['a root scalar with a field hint', '{ hinted }'],
  ['a list of a type with a hint', '{ books { id title } }'],
  ['a field hint below the type hint, PRIVATE', '{ books { secret } }'],
  ['a composite field without a hint below hinted ones: 0', '{ books { stats { views } } }'],
  ['nested hinted types', '{ books { reviews { stars author { name } } } }'],
  ['a type that inherits, under a hinted one, with a composite child without a hint', '{ books { stamp { at mark { label } } } }'],
  ['a field that inherits over a hinted type', '{ books { note { text } } }'],
  ['an inheriting type at the root: 0', '{ stamp { at } }'],
  ['a null object: its fields never run', '{ book(id: "none") { stats { views } secret } }'],
  ['an empty list: its items never run', '{ book(id: "b2") { reviews { author { name } } } }'],
  ['a list with items', '{ book(id: "b1") { reviews { author { name } } } }'],
  ['a null composite field that has no hint still counts', '{ book(id: "b2") { stats { views } } }'],
  ['an interface with fragments, the other type', '{ entry(id: "f1") { id ... on Book { secret stats { views } } } }'],
  ['an interface with fragments, this type', '{ entry(id: "b1") { id ... on Book { secret } ... on Film { length } } }'],
  ['a union list with both types', '{ found(id: "") { ... on Book { title } ... on Film { length } } }'],
  ['a union list with one type', '{ found(id: "f") { ... on Book { stats { views } } ... on Film { name } } }'],
  ['an empty union list', '{ found(id: "zz") { ... on Book { stats { views } } } }'],
  ['named fragments and aliases', 'query Q { a: books { ...B } b: book(id: "b1") { ...B } } fragment B on Book { title reviews { stars } }'],
  ['@skip with a variable, true', 'query Q($s: Boolean!) { books { title stats @skip(if: $s) { views } } }', { s: true }],
  ['@skip with a variable, false', 'query Q($s: Boolean!) { books { title stats @skip(if: $s) { views } } }', { s: false }],
  ['@include with a default', 'query Q($i: Boolean = false) { hinted count @include(if: $i) }'],
  ['@include given over its default', 'query Q($i: Boolean = false) { hinted count @include(if: $i) }', { i: true }],
  ['@include on a fragment', '{ books { title ... on Book @include(if: false) { secret } } }'],
  ['__typename only: no hint at all', '{ __typename }'],
  ['__typename beside hinted fields', '{ books { __typename id } }'],
];

describe('the cache policy of a document, against Apollo’s cache control plugin', () => {
  it.each(corpus)('%s', async (_case, query, variables) => {
    const { apollo: expected, ours } = await bothPolicies(query, variables);
    expect(ours).toEqual(expected);
  });

  it('the document’s policy alone is exact where every field that lowers it always runs, and never more lenient', async () => {
    const always = await bothPolicies('{ books { id } hinted }');
    expect(always.plan.exact).toBe(true);
    expect(always.plan.policy).toEqual({ maxAge: 60, scope: undefined });
    // Items of a list may not exist: their hints are not certain.
    expect((await bothPolicies('{ books { reviews { stars } } }')).plan.exact).toBe(false);
    const nullParent = await bothPolicies('{ book(id: "none") { stats { views } } }');
    expect(nullParent.plan.exact).toBe(false);
    expect(nullParent.plan.policy).toEqual({ maxAge: 0, scope: undefined });
    expect(nullParent.apollo).toEqual({ maxAge: 60, scope: undefined });
    expect(nullParent.ours).toEqual(nullParent.apollo);
  });
});
