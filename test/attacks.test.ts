import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../src/generated/prisma/client.js';
import { loadManifest } from '../src/graphql/trustedDocuments.js';
import { filteredPublications, publicationOrdering } from '../src/modules/publication/data.js';
import { toGlobalId } from '../src/modules/shared/nodeId.js';
import { firstError, graphqlBody, graphqlErrors, parseJson } from './support/answers.js';
import { startProxiedApi, type ProxiedApi } from './support/proxiedApi.js';
import { startTestServer, type TestServer } from './support/server.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';

/**
 * Attacks on the production configuration (no introspection, no landing
 * page): the classic ones, each finding of the outside test of issue 8 with
 * its variants, and each check the GraphQL-Cop scanner runs. Each must be
 * refused cleanly: a 4xx or a BAD_USER_INPUT, never data it should not give,
 * never an internal error, and always the request id.
 */

let seeded: SeededApi;
let production: TestServer;

const productionConfig = { env: 'production', isProduction: true, introspection: false } as const;

beforeAll(async () => {
  seeded = await startSeededApi();
  production = await startTestServer(seeded.database, productionConfig);
});

afterAll(async () => {
  await production.close();
  await seeded.close();
});

interface Answer {
  status: number;
  text: string;
  /** The parsed body (undefined when it is not JSON); read it through the helpers of support/answers.ts. */
  json: unknown;
  requestId: string | null;
}

async function request(path: string, init: RequestInit = {}, server: TestServer = production): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, text, json: parseJson(text), requestId: response.headers.get('x-request-id') };
}

function post(body: unknown, headers: Record<string, string> = {}, server: TestServer = production): Promise<Answer> {
  return request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }, server);
}

function get(query: string, headers: Record<string, string> = {}): Promise<Answer> {
  return request(`/graphql?query=${encodeURIComponent(query)}`, { headers });
}

/** Every error of the answer carries the request id of its X-Request-Id header. */
function expectRequestIds(answer: Answer) {
  expect(answer.requestId).toMatch(/^[\w-]{8,}$/);
  const errors = graphqlErrors(answer.json);
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) expect(error.extensions?.requestId).toBe(answer.requestId);
}

/** A refusal before execution: HTTP 400, exactly one error with this code, no data, the request id. */
async function refused(query: string, code: string, variables?: Record<string, unknown>, server: TestServer = production): Promise<string> {
  const answer = await post({ query, variables }, {}, server);
  const body = graphqlBody(answer.json);
  expect({ status: answer.status, codes: body.errors?.map((error) => error.extensions?.code) }).toEqual({ status: 400, codes: [code] });
  expect(body.data).toBeUndefined();
  expectRequestIds(answer);
  return firstError(body).message;
}

/** An argument refused by the field: one BAD_USER_INPUT error, no internal error. */
async function badInput(query: string, variables?: Record<string, unknown>): Promise<{ message: string; argumentName: unknown }> {
  const answer = await post({ query, variables });
  expect(answer.status).toBeLessThan(500);
  expect(graphqlErrors(answer.json).map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  expectRequestIds(answer);
  const error = firstError(answer.json);
  return { message: error.message, argumentName: error.extensions?.argumentName };
}

/** `fragment F1 on Query { ...F0 ...F0 }`, F2 over F1… `levels` deep (finding 1). */
function fanOut(levels: number, spread = (name: string) => `...${name} ...${name}`, base = '__typename'): string {
  const fragments = [`fragment F0 on Query { ${base} }`];
  for (let level = 1; level <= levels; level += 1) fragments.push(`fragment F${level} on Query { ${spread(`F${level - 1}`)} }`);
  return `query FanOut { ...F${levels} } ${fragments.join(' ')}`;
}

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('classic attacks stay refused in production', () => {
  it('deep nesting, aliases, directives, huge documents, circular fragments, costly nesting', async () => {
    const chain = ['researchers', 'nodes', ...Array.from({ length: 4 }, () => ['coauthors', 'researcher']).flat(), 'coauthors'];
    await refused(`{ ${chain.join(' { ')} { sharedPublications ${'} '.repeat(chain.length)}}`, 'QUERY_TOO_DEEP');
    await refused(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: topics { name }`).join(' ')} }`, 'TOO_MANY_ALIASES');
    await refused(`{ researcher(slug: "x") { ${'name @include(if: true) '.repeat(6)} } }`, 'TOO_MANY_DIRECTIVES');
    await refused(`{ topics { ${'name '.repeat(2000)} } }`, 'GRAPHQL_PARSE_FAILED');
    await refused('{ researchers { nodes { ...A } } } fragment A on Researcher { coauthors { researcher { ...B } } } fragment B on Researcher { coauthors { researcher { ...A } } }', 'GRAPHQL_VALIDATION_FAILED');
    await refused('{ researchers(first: 100) { nodes { publications(first: 100) { nodes { authors { coauthors(first: 100) { sharedPublications } } } } } } }', 'QUERY_TOO_COMPLEX');
    await refused('query ($n: Int) { researchers(first: $n) { nodes { publications(first: $n) { nodes { authors { name } } } } } }', 'QUERY_TOO_COMPLEX', { n: 100 });
    expect((await badInput('{ publications(first: 100000) { totalCount } }')).argumentName).toBe('first');
  });

  it('batches, CSRF-style simple requests, GET mutations, big and broken bodies: refused, each with the request id', async () => {
    const batch = await post([{ query: '{ topics { name } }' }, { query: '{ roles { name } }' }]);
    expect(batch.status).toBe(400);
    expectRequestIds(batch);
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const simple = await post(JSON.stringify({ query: '{ topics { name } }' }), { 'content-type': contentType });
      expect(simple.status).toBe(400);
      expectRequestIds(simple);
    }
    const csrfGet = await get('{ topics { name } }');
    expect(csrfGet.status).toBe(400);
    expect(csrfGet.text).toContain('Cross-Site Request Forgery');
    expectRequestIds(csrfGet);
    const big = await post({ query: '{ topics { name } }', variables: { padding: 'x'.repeat(110_000) } });
    expect(big.status).toBe(413);
    expectRequestIds(big);
    const broken = await post('{ "query": ');
    expect(broken.status).toBe(400);
    expectRequestIds(broken);
  });

  it('other methods (405) and other paths (404) answer an error body with the request id', async () => {
    const put = await request('/graphql', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ topics { name } }' }) });
    expect(put.status).toBe(405);
    expectRequestIds(put);
    const missing = await request('/nope');
    expect(missing.status).toBe(404);
    expect(firstError(missing.json)).toMatchObject({ message: 'Not found. The GraphQL endpoint is /graphql.', extensions: { code: 'NOT_FOUND' } });
    expectRequestIds(missing);
  });
});

describe('finding 1: fragment fan-out', () => {
  it('22 and 40 levels of `...F ...F` are refused by the fragment spread limit before anything walks them', async () => {
    expect(await refused(fanOut(22), 'TOO_MANY_FRAGMENT_SPREADS')).toBe('The query spreads fragments 8388607 times once expanded; at most 50 are allowed.');
    expect(await refused(fanOut(40), 'TOO_MANY_FRAGMENT_SPREADS')).toBe('The query spreads fragments 2199023255551 times once expanded; at most 50 are allowed.');
    expect((await fetch(`${production.url}/healthz`)).status).toBe(200);
  });

  it('variants: through inline fragments, fields, aliases and lists are refused too', async () => {
    await refused(fanOut(22, (name) => `... on Query { ...${name} } ... on Query { ...${name} }`), 'TOO_MANY_FRAGMENT_SPREADS');
    await refused(fanOut(22, (name) => `...${name} ...${name}`, 'topics { name }'), 'TOO_MANY_FRAGMENT_SPREADS');
    // Fragments spread inside aliased lists: counted where they are spread.
    const aliasedLists = `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: researchers(first: 100) { nodes { ...R } }`).join(' ')} } fragment R on Researcher { coauthors(first: 100) { sharedPublications } }`;
    await refused(aliasedLists, 'QUERY_TOO_COMPLEX');
    const aliasesInFragment = `{ ...A ...A } fragment A on Query { ${Array.from({ length: 8 }, (_, i) => `t${i}: topics { name }`).join(' ')} }`;
    expect(await refused(aliasesInFragment, 'TOO_MANY_ALIASES')).toBe('The query has 16 aliases; at most 15 are allowed.');
  });

  it('a fan-out that stays under the limits runs: the frontends\' fragments keep working', async () => {
    const answer = await post({ query: fanOut(4) });
    expect(answer.json).toEqual({ data: { __typename: 'Query' } });
  });

  it('in trusted-documents mode, the fan-out is refused by the limits, and trusted operations still run', async () => {
    const trusted = await startTestServer(seeded.database, { ...productionConfig, trustedDocuments: true });
    try {
      await refused(fanOut(22), 'TOO_MANY_FRAGMENT_SPREADS', undefined, trusted);
      await refused('{ topics { name } }', 'PERSISTED_QUERY_NOT_ALLOWED', undefined, trusted);
      const topics = [...loadManifest('persisted-documents.json').values()].find((body) => body.includes('query Topics'))!;
      const answer = await post({ query: topics }, {}, trusted);
      expect(answer.status).toBe(200);
      expect(graphqlBody(answer.json).errors).toBeUndefined();
    } finally {
      await trusted.close();
    }
  });
});

describe('finding 2: variable defaults count in the cost', () => {
  const nested = '{ researchers(first: $n) { nodes { coauthors(first: $n) { researcher { coauthors(first: $n) { sharedPublications researcher { name } } } } } } }';

  it('a page size given by a variable\'s default is costed at that default', async () => {
    await refused(`query Q($n: Int = 100) ${nested}`, 'QUERY_TOO_COMPLEX');
  });

  it('variants: defaults in nested arguments only, and variables with no value and no default', async () => {
    await refused('query Q($n: Int = 100) { researchers(first: 100) { nodes { coauthors(first: $n) { researcher { coauthors(first: $n) { sharedPublications } } } } } }', 'QUERY_TOO_COMPLEX');
    await refused(`query Q($n: Int) ${nested}`, 'QUERY_TOO_COMPLEX');
    // The same document with small pages runs.
    const small = await post({ query: `query Q($n: Int = 100) ${nested}`, variables: { n: 2 } });
    expect(small.status).toBe(200);
    expect(graphqlBody(small.json).errors).toBeUndefined();
  });
});

describe('finding 3: long searches', () => {
  const publications = 'query ($s: String) { publications(filter: { search: $s }) { totalCount } }';
  const researchers = 'query ($s: String) { researchers(filter: { search: $s }) { totalCount } }';

  it('a 12,000-word search and 96 kB of prefix terms are BAD_USER_INPUT naming the argument', async () => {
    const words = Array.from({ length: 12_000 }, (_, i) => `w${i}`).join(' ');
    expect(await badInput(publications, { s: words })).toEqual({ message: `Argument "filter.search" is ${words.length} characters long; at most 200 are allowed.`, argumentName: 'filter.search' });
    expect((await badInput(publications, { s: 'ab:* '.repeat(19_000) })).argumentName).toBe('filter.search');
    expect((await badInput(researchers, { s: words })).argumentName).toBe('filter.search');
  });

  it('variants with websearch operators: excluded words, or, quoted phrases, prefixes; too many words under the length', async () => {
    for (const search of ['-word '.repeat(500), 'a or '.repeat(500), '"deep learning" '.repeat(100), 'mom* '.repeat(100)]) {
      expect((await badInput(publications, { s: search })).message).toMatch(/^Argument "filter\.search" is \d+ characters long; at most 200/);
    }
    expect((await badInput(publications, { s: Array(21).fill('a').join(' or ') })).message).toBe('Argument "filter.search" has 41 words; at most 20 are allowed.');
    const fine = await post({ query: publications, variables: { s: '"torque aware" or momentum -warmup' } });
    expect(fine.json).toEqual({ data: { publications: { totalCount: 2 } } });
  });

  it('the tsquery is computed once per statement and each match ranked once, in a custom plan and in a generic one', async () => {
    // The page's statement as the server writes it (filteredPublications, the RELEVANCE key), prepared; a generic
    // plan is what a named prepared statement gets once PostgreSQL prefers it (src/db/preparedStatements.ts).
    const { from, where } = filteredPublications({ search: 'réseaux de neurones' });
    const rank = publicationOrdering('RELEVANCE', 'réseaux de neurones').keys[0]!.sql;
    const page = Prisma.sql`SELECT p.id, ${rank} AS sort_0 FROM ${from} WHERE ${where} ORDER BY ${rank} DESC, p.title_key, p.id LIMIT 21`;
    interface PlanNode { Output?: string[]; 'Sort Key'?: string[]; Filter?: string; 'Recheck Cond'?: string; 'Index Cond'?: string; Plans?: PlanNode[] }
    const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];
    const plans = await seeded.database.prisma.$transaction(async (tx) => {
      const explained = async (sql: Prisma.Sql) => nodesOf((await tx.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(sql))[0]!['QUERY PLAN'][0].Plan);
      await tx.$executeRawUnsafe(`PREPARE ranked_search(text) AS ${page.text.replace(/\$\d+/gu, '$1')}`);
      const custom = await explained(Prisma.sql`EXPLAIN (VERBOSE, COSTS OFF, FORMAT JSON) EXECUTE ranked_search('réseaux de neurones')`);
      await tx.$executeRaw`SET LOCAL plan_cache_mode = force_generic_plan`;
      const generic = await explained(Prisma.sql`EXPLAIN (VERBOSE, COSTS OFF, FORMAT JSON) EXECUTE ranked_search('réseaux de neurones')`);
      await tx.$executeRaw`DEALLOCATE ranked_search`;
      return { custom, generic };
    });
    // A custom plan folds the query into a constant.
    expect(JSON.stringify(plans.custom)).toContain(`'''reseaux'' & ''de'' & ''neuron'''::tsquery`);
    expect(JSON.stringify(plans.custom)).not.toMatch(/unaccent/);
    for (const nodes of [plans.custom, plans.generic]) {
      // One node computes the query (a generic plan prints the others' reference to it in parentheses)…
      expect(nodes.filter((node) => node.Output?.some((item) => /^(websearch_to_tsquery\(|'[^)]*::tsquery$)/u.test(item)))).toHaveLength(1);
      expect(nodes.flatMap((node) => [node.Filter, node['Recheck Cond'], node['Index Cond']]).filter((condition) => /@@ websearch_to_tsquery/u.test(condition ?? ''))).toEqual([]);
      // …and the sort ranks each match once: its rows carry one ts_rank, the key and the select list's alike.
      const sort = nodes.find((node) => node['Sort Key'])!;
      expect(sort.Output!.filter((item) => item.includes('ts_rank('))).toHaveLength(1);
    }
  });
});

describe('finding 7: bad input is BAD_USER_INPUT, not an internal error', () => {
  const cursor = (ordering: string, ...values: unknown[]) => base64url(JSON.stringify([ordering, ...values]));

  it('cursors holding a decimal, 1e308, a string for an integer, or a NUL', async () => {
    const cursors: [ordering: string, ...values: unknown[]][] = [['YEAR_DESC', 1.5, 'a', 1], ['YEAR_DESC', 2024, 'a', 1e308], ['YEAR_DESC', 2024, 'a', '1'], ['TITLE', 'a\u0000b', 1]];
    for (const [ordering, ...values] of cursors) {
      expect((await badInput(`{ publications(orderBy: ${ordering}, after: "${cursor(ordering, ...values)}") { totalCount } }`)).argumentName).toBe('after');
    }
    expect((await badInput(`{ researchers(after: "${cursor('NAME', 'x', 1.5)}") { totalCount } }`)).argumentName).toBe('after');
  });

  it('node ids past the integer range, and ids in any form but the canonical one', async () => {
    for (const text of ['Researcher:2147483648', 'Researcher:99999999999999999999', 'Researcher: 1', 'Researcher:1.0', 'Researcher:01']) {
      expect((await badInput(`{ node(id: "${base64url(text)}") { id } }`)).message).toContain('is not a valid id');
    }
    expect((await badInput(`{ publication(id: "${base64url('Publication:3000000000')}") { title } }`)).argumentName).toBe('id');
    const canonical = await post({ query: `{ node(id: "${toGlobalId('Researcher', 1)}") { id } }` });
    expect(graphqlBody(canonical.json).errors).toBeUndefined();
  });

  it('NUL characters in any string argument, written in the document or sent as a variable', async () => {
    expect(await refused('{ researcher(slug: "a\\u0000b") { name } }', 'BAD_USER_INPUT')).toBe('Strings may not contain the NUL character (\\u0000); the string at line 1, column 20 does.');
    expect(await refused('query ($f: PublicationFilter) { publications(filter: $f) { totalCount } }', 'BAD_USER_INPUT', { f: { author: 'x\u0000' } })).toContain('variable "$f.author"');
  });

  it('subscription { __typename } is a validation error: this API has queries and mutations only', async () => {
    expect(await refused('subscription { __typename }', 'GRAPHQL_VALIDATION_FAILED')).toBe('This API has no subscription operations; only queries and mutations.');
  });

  it('ten unknown directives are one TOO_MANY_DIRECTIVES, counted before validation, not ten validation errors', async () => {
    expect(await refused(`query cop { __typename ${'@aa'.repeat(10)} }`, 'TOO_MANY_DIRECTIVES')).toBe('The query has 10 directives; at most 5 are allowed.');
  });
});

describe('GraphQL-Cop checks find nothing in production', () => {
  // Each request is the scanner's own; the comment says what it counts as a finding.
  it('alias overloading (data for 101 aliases)', async () => {
    const answer = await post({ query: `query cop { ${Array.from({ length: 101 }, (_, i) => `alias${i}:__typename`).join(' \n')} }` });
    expect(answer.status).toBe(400);
    expect(firstError(answer.json).extensions?.code).toBe('TOO_MANY_ALIASES');
  });

  it('array batching (10 answers to an array of 10 queries)', async () => {
    const answer = await post(Array(10).fill({ query: 'query cop { __typename }' }));
    expect(answer.status).toBe(400);
    expect(Array.isArray(answer.json)).toBe(false);
  });

  it('introspection-based circular query (data for a deep __schema query)', async () => {
    const answer = await post({ query: 'query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }' });
    expect(answer.status).toBe(400);
    expect(graphqlBody(answer.json).data).toBeUndefined();
  });

  it('directive overloading (ten errors for ten directives)', async () => {
    const answer = await post({ query: `query cop { __typename ${'@aa'.repeat(10)} }` });
    expect(graphqlBody(answer.json).errors).toHaveLength(1);
  });

  it('field duplication (data for 500 __typename)', async () => {
    const answer = await post({ query: `query cop { ${'__typename \n'.repeat(500)}}` });
    expect(answer.status).toBe(400);
    expect(firstError(answer.json).extensions?.code).toBe('TOO_MANY_REPEATED_FIELDS');
  });

  it('field suggestions ("Did you mean" in any error)', async () => {
    for (const query of ['query cop { __schema { directive } }', '{ researchers { nodes { nme } } }', '{ researchers(orderBy: NAM) { totalCount } }', '{ topcs { name } }']) {
      const answer = await post({ query });
      expect(answer.status).toBe(400);
      expect(answer.text).not.toMatch(/did you mean/i);
    }
  });

  it('mutation over GET, and GET query support without a CSRF-safe header (data for __typename)', async () => {
    for (const headers of [{}, { 'apollo-require-preflight': 'true' }] as Record<string, string>[]) {
      const mutation = await get('mutation cop { __typename }', headers);
      expect(mutation.status).toBeGreaterThanOrEqual(400);
      expect(graphqlBody(mutation.json).data).toBeUndefined();
    }
    const query = await get('query cop { __typename }');
    expect(query.status).toBe(400);
    expect(graphqlBody(query.json).data).toBeUndefined();
    const form = await post('query=query%20cop%20%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
  });

  it('GraphQL IDE (a GraphiQL, Playground or Sandbox page)', async () => {
    for (const path of ['/graphql', '/', '/graphiql', '/playground']) {
      const page = await request(path, { headers: { accept: 'text/html' } });
      expect(page.status).toBeGreaterThanOrEqual(400);
      expect(page.text).not.toMatch(/graphiql|playground|sandbox|<html/i);
    }
  });

  it('introspection (data for __schema)', async () => {
    const answer = await post({ query: 'query cop { __schema { types { name fields { name } } } }' });
    expect(answer.status).toBe(400);
    expect(firstError(answer.json).message).toContain('introspection is not allowed');
  });

  it('trace mode (tracing or ftv1 in extensions)', async () => {
    const answer = await post({ query: 'query cop { __typename }' }, { 'apollo-federation-include-trace': 'ftv1' });
    expect(answer.json).toEqual({ data: { __typename: 'Query' } });
  });

  it('unhandled errors (a stack trace or an internal message in any error)', async () => {
    const malformed: unknown[] = [
      { query: 'qwerty cop { abc }' },
      { query: 'query cop { __typename }', variables: 'x' },
      { query: 5 },
      { query: 'query cop($s: String!) { researcher(slug: $s) { name } }', variables: { s: 5 } },
      { query: 'query cop { __typename }', operationName: 'nope' },
      { query: '{ researchers(first: -1) { totalCount } }' },
    ];
    for (const body of malformed) {
      const answer = await post(body);
      expect(answer.status).toBeLessThan(500);
      expect(answer.text).not.toMatch(/stacktrace|exception|INTERNAL_SERVER_ERROR|\bat .+:\d+:\d+|node_modules|\/src\//);
      expectRequestIds(answer);
    }
  });
});

describe('finding 6: /readyz while the database is frozen', () => {
  let proxied: ProxiedApi;
  let server: TestServer;

  beforeAll(async () => {
    proxied = await startProxiedApi();
    server = await startTestServer(proxied.database, { ...productionConfig, readyTimeoutMs: 1_000 });
  });

  afterAll(async () => {
    proxied.proxy.thaw();
    await server.close();
    await proxied.close();
  });

  // A frozen database never answers: a hang shows as an aborted fetch, not as a slow pass.
  const probe = () => fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(15_000) });

  it('answers 503 within its timeout, however many probes pile up, without taking pool connections; 200 once it thaws', async () => {
    expect((await probe()).status).toBe(200);
    const pool = proxied.database.pool;
    const poolBefore = pool.totalCount;
    proxied.proxy.freeze();
    const answers = await Promise.all(Array.from({ length: 20 }, probe));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(503));
    expect(await answers[0]!.json()).toEqual({ status: 'database unavailable' });
    expect({ total: pool.totalCount, waiting: pool.waitingCount }).toEqual({ total: poolBefore, waiting: 0 });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    proxied.proxy.thaw();
    expect((await probe()).status).toBe(200);
  });
});
