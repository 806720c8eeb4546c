import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryGeneration } from '../src/cache/generation.js';
import { responseCachePlugins } from '../src/cache/responseCache.js';
import { createContext, type GraphQLContext } from '../src/context.js';
import type { Database } from '../src/db/database.js';
import { resolvers, typeDefs } from '../src/schema.js';
import { send } from './support/cacheRequests.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * Our `Cache-Control` header (the policy computed from the document,
 * src/cache/cacheControl.ts) against Apollo's cache control plugin, which
 * computes it while every resolver runs: the same schema, resolvers and data,
 * a corpus of documents with null parents, empty lists, fragments on the Node
 * interface and @skip/@include. The TTL (3600 s) is above every hint, so the
 * cap changes nothing here.
 */
let testDatabase: TestDatabase;
let database: Database;
let ours: TestServer;
let apollo: ApolloServer<GraphQLContext>;
let researcherId: string;
let publicationId: string;

beforeAll(async () => {
  testDatabase = await createTestDatabase({ seeded: true });
  database = await openTestDatabase(testDatabase);
  ours = await startTestServer(database, { responseCacheTtlSeconds: 3600 });
  apollo = new ApolloServer<GraphQLContext>({ typeDefs, resolvers, plugins: [ApolloServerPluginCacheControl({ calculateHttpHeaders: true })] });
  await apollo.start();
  const ids = await ours.graphql<{ researchers: { nodes: { id: string }[] }; publications: { nodes: { id: string }[] } }>(
    '{ researchers(first: 1) { nodes { id } } publications(first: 1) { nodes { id } } }',
  );
  researcherId = ids.body.data!.researchers.nodes[0]!.id;
  publicationId = ids.body.data!.publications.nodes[0]!.id;
});

afterAll(async () => {
  await apollo?.stop();
  await ours?.close();
  await database?.close();
  await testDatabase?.drop();
});

/** Apollo's plugin's answer and header, resolvers running as in our server. */
async function apolloAnswer(query: string, variables?: Record<string, unknown>) {
  const contextValue = createContext(database.prisma, 'reference', () => Promise.resolve(null));
  const response = await apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { header: response.http.headers.get('cache-control'), data: response.body.singleResult.data, errors: response.body.singleResult.errors };
}

const corpus: [string, string, (() => Record<string, unknown>)?][] = [
  ['a list of hinted objects', '{ topics { slug name } }'],
  ['two root fields', '{ a: topics { name } b: roles { key } }'],
  ['a connection with edges, page info and a count', '{ publications(first: 3) { totalCount pageInfo { hasNextPage } edges { cursor node { title } } } }'],
  ['co-authors (a type that inherits)', '{ researchers(first: 2) { nodes { coauthors(first: 2) { sharedPublications researcher { name } } } } }'],
  ['a field without a hint (provenance)', '{ researcher(slug: "aristide-baratin") { name provenance { field source } } }'],
  ['the same under a null researcher', '{ researcher(slug: "nobody-at-all") { name provenance { field source } } }'],
  ['hidden under an empty page', '{ publications(first: 0) { totalCount nodes { hidden { at } } } }'],
  ['hidden under a page with items', '{ publications(first: 2) { nodes { title hidden { at } } } }'],
  ['provenance of authors', '{ publications(first: 1) { nodes { title authors { name provenance { field } } } } }'],
  ['facets (no hint)', '{ publications(first: 2) { facets { withCode } } }'],
  ['a null root field beside a hinted one', '{ topics { name } researcher(slug: "nobody-at-all") { provenance { field } } }'],
  ['node: a fragment on the other type', 'query N($id: ID!) { node(id: $id) { id ... on Publication { title provenance { field } } ... on Researcher { name } } }', () => ({ id: researcherId })],
  ['node: a fragment on this type', 'query N($id: ID!) { node(id: $id) { id ... on Publication { title provenance { field } } ... on Researcher { name } } }', () => ({ id: publicationId })],
  ['@include false', 'query P($p: Boolean!) { researcher(slug: "aristide-baratin") { name provenance @include(if: $p) { field } } }', () => ({ p: false })],
  ['@include true', 'query P($p: Boolean!) { researcher(slug: "aristide-baratin") { name provenance @include(if: $p) { field } } }', () => ({ p: true })],
  ['@skip on a root field, by default', 'query S($s: Boolean = true) { topics { name } publications(first: 1) @skip(if: $s) { facets { withCode } } }'],
  ['@skip on a root field, given false', 'query S($s: Boolean = true) { topics { name } publications(first: 1) @skip(if: $s) { facets { withCode } } }', () => ({ s: false })],
  ['named fragments', 'query F { topic(slug: "deep-learning") { ...T } topics { ...T } } fragment T on Topic { name researchers(first: 1) { nodes { name } } }'],
  ['__typename alone', '{ __typename }'],
  ['introspection', '{ __schema { queryType { name } } }'],
  ['an error: the audit log without a token', '{ auditLog { totalCount } }'],
  ['an unknown field', '{ topics { nope } }'],
];

describe('Cache-Control computed from the document, against Apollo’s cache control plugin', () => {
  it.each(corpus)('%s', async (_case, query, variables) => {
    const given = variables?.();
    const expected = await apolloAnswer(query, given);
    const answer = await send(ours.url, { query, variables: given });
    expect(answer.body.data ?? undefined).toEqual(expected.data ?? undefined);
    expect(Boolean(answer.body.errors)).toBe(Boolean(expected.errors));
    expect(answer.headers.get('cache-control')).toBe(expected.header);
  });

  it('the corpus covers both answers: cacheable and not', async () => {
    const headers = await Promise.all(corpus.map(async ([, query, variables]) => (await apolloAnswer(query, variables?.())).header));
    expect(headers).toContain('max-age=300, public');
    expect(headers).toContain('no-store');
  });
});

describe('an answer made without resolvers (a plugin’s responseForOperation)', () => {
  it('gets the same Cache-Control as when resolvers run, and is stored by the response cache', async () => {
    // Stands for a plugin that computes answers itself: it hands back what our server answered, no resolver runs.
    const answers = new Map<string, Record<string, unknown>>();
    const resolvedFields: string[] = [];
    const answerWithoutResolvers: ApolloServerPlugin<GraphQLContext> = {
      requestDidStart: () =>
        Promise.resolve({
          responseForOperation: ({ source }) =>
            Promise.resolve(answers.has(source) ? { body: { kind: 'single' as const, singleResult: { data: answers.get(source) } }, http: { status: undefined, headers: new HeaderMap() } } : null),
          executionDidStart: () => Promise.resolve({ willResolveField: ({ info }) => void resolvedFields.push(info.fieldName) }),
        }),
    };
    const server = new ApolloServer<GraphQLContext>({
      typeDefs,
      resolvers,
      plugins: [...responseCachePlugins(3600, new InMemoryLRUCache(), memoryGeneration()), answerWithoutResolvers],
    });
    await server.start();
    try {
      const cases: [string, (() => Record<string, unknown>)?][] = [
        ['{ topics { slug name } }'],
        ['{ researcher(slug: "aristide-baratin") { name provenance { field source } } }'],
        ['{ researcher(slug: "nobody-at-all") { name provenance { field source } } }'],
        ['query N($id: ID!) { node(id: $id) { id ... on Publication { title provenance { field } } } }', () => ({ id: researcherId })],
      ];
      for (const [query, variables] of cases) {
        const given = variables?.();
        const expected = await apolloAnswer(query, given);
        answers.set(query, expected.data as Record<string, unknown>);
        const contextValue = () => ({ contextValue: createContext(database.prisma, 'no-resolvers', () => Promise.resolve(null)) });
        const first = await server.executeOperation({ query, variables: given }, contextValue());
        expect(first.http.headers.get('cache-control')).toBe(expected.header);
        const again = await server.executeOperation({ query, variables: given }, contextValue());
        // Cacheable answers come back from the response cache (an Age header), with the same Cache-Control.
        expect(again.http.headers.has('age')).toBe(expected.header !== 'no-store');
        expect(again.http.headers.get('cache-control')).toBe(expected.header);
      }
      expect(resolvedFields).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
