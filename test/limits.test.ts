import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, graphqlBody } from './support/answers.js';
import { startTestServer, type TestServer } from './support/server.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';

let seeded: SeededApi;
let production: TestServer;

beforeAll(async () => {
  seeded = await startSeededApi();
  production = await startTestServer(seeded.database, { isProduction: true, introspection: false });
});

afterAll(async () => {
  await production.close();
  await seeded.close();
});

async function post(body: unknown, headers: Record<string, string> = {}, server: TestServer = seeded.api) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: text.startsWith('{') || text.startsWith('[') ? (JSON.parse(text) as unknown) : undefined };
}

/** Asserts a refusal before execution: HTTP 400, one error with this code, and no data. */
async function refused(query: string, code: string, variables?: Record<string, unknown>) {
  const response = await post({ query, variables });
  expect(response.status).toBe(400);
  const error = firstError(response.json);
  expect(error.extensions?.code).toBe(code);
  expect(graphqlBody(response.json).data).toBeUndefined();
  return error.message;
}

describe('GraphQL over HTTP compliance (graphql-http server audits)', () => {
  // Apollo Server answers 400, not 200, to documents that fail to parse or
  // validate and to variables that fail coercion, even for
  // application/json: by design, so that caches and proxies never store
  // them as successes. These three SHOULDs are the only warnings allowed.
  const expectedWarnings = [
    'SHOULD use 200 status code on document parsing failure when accepting application/json',
    'SHOULD use 200 status code on document validation failure when accepting application/json',
    'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
  ];

  it('passes every MUST audit, with only the three warnings of Apollo\'s 400 design', async () => {
    const results = [];
    for (const audit of serverAudits({ url: `${seeded.api.url}/graphql` })) results.push({ ...(await audit.fn()), name: audit.name });
    const failedMusts = results.filter((result) => result.status === 'error');
    expect(failedMusts.map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`)).toEqual([]);
    expect(results.filter((result) => result.status === 'warn').map((result) => result.name).sort()).toEqual([...expectedWarnings].sort());
    const passed = results.filter((result) => result.status === 'ok').length;
    const notices = results.filter((result) => result.status === 'notice').length;
    // The README states this score.
    expect({ audits: results.length, passed, warnings: 3, notices }).toEqual({ audits: 61, passed: 55, warnings: 3, notices: 3 });
  });
});

describe('limits against classic attacks', () => {
  it('deep nesting: a depth-12 query is refused; a real frontend query passes', async () => {
    // researchers › nodes › (coauthors › researcher) × 4 › coauthors › sharedPublications: 12 levels
    const chain = ['researchers', 'nodes', ...Array.from({ length: 4 }, () => ['coauthors', 'researcher']).flat(), 'coauthors'];
    const deep = `{ ${chain.join(' { ')} { sharedPublications ${'} '.repeat(chain.length)}}`;
    expect(await refused(deep, 'QUERY_TOO_DEEP')).toBe('The query nests fields 12 deep; at most 10 are allowed.');
    const frontend = await post({ query: '{ researchers(first: 10) { nodes { name publications(first: 5) { nodes { title authors { name topics { name } } } } } } }' });
    expect(frontend.status).toBe(200);
    expect(graphqlBody(frontend.json).errors).toBeUndefined();
  });

  it('alias overloading: 16 aliases are refused', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: topics { name }`).join(' ');
    expect(await refused(`{ ${aliases} }`, 'TOO_MANY_ALIASES')).toBe('The query has 16 aliases; at most 15 are allowed.');
  });

  it('directive overloading: more than a handful of directives are refused', async () => {
    const fields = ['id', 'slug', 'name', 'aliases', 'position', 'organization'].map((field) => `${field} @include(if: true)`).join(' ');
    expect(await refused(`{ researcher(slug: "keller-jordan") { ${fields} } }`, 'TOO_MANY_DIRECTIVES')).toBe('The query has 6 directives; at most 5 are allowed.');
  });

  it('field duplication and huge documents: refused by the token limit while parsing', async () => {
    const duplicated = `{ topics { ${'name '.repeat(2000)} } }`;
    expect(await refused(duplicated, 'GRAPHQL_PARSE_FAILED')).toMatch(/Document contains more tha[nt] 1000 tokens/);
  });

  it('circular fragments: refused by validation, quickly', async () => {
    const started = Date.now();
    const message = await refused('{ researchers { nodes { ...A } } } fragment A on Researcher { coauthors { researcher { ...B } } } fragment B on Researcher { coauthors { researcher { ...A } } }', 'GRAPHQL_VALIDATION_FAILED');
    expect(message).toContain('Cannot spread fragment "A" within itself');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('huge first: a page above 100 is a BAD_USER_INPUT; first: 100 nested three deep is too costly', async () => {
    const huge = await post({ query: '{ publications(first: 100000) { totalCount } }' });
    expect(firstError(huge.json)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const nested = '{ researchers(first: 100) { nodes { publications(first: 100) { nodes { authors { coauthors(first: 100) { sharedPublications } } } } } } }';
    expect(await refused(nested, 'QUERY_TOO_COMPLEX')).toMatch(/^The query could return about \d+ items .*at most 10000 are allowed/);
    // Page sizes given as variables count too.
    expect(await refused('query ($n: Int) { researchers(first: $n) { nodes { publications(first: $n) { nodes { authors { name } } } } } }', 'QUERY_TOO_COMPLEX', { n: 100 })).toContain('at most 10000');
  });

  it('a document already run (and cached) is checked again with each request\'s page sizes and strings', async () => {
    const query = `query Sized($n: Int, $search: String) {
      publications(first: $n, filter: { search: $search }) { nodes { authors { coauthors(first: $n) { sharedPublications } } } } }`;
    const small = await post({ query, variables: { n: 2 } });
    expect(small.status).toBe(200);
    expect(graphqlBody(small.json).errors).toBeUndefined();
    const tooCostly = await refused(query, 'QUERY_TOO_COMPLEX', { n: 100 });
    expect(await refused(query, 'QUERY_TOO_COMPLEX', { n: 100 })).toBe(tooCostly);
    // Left out, the page size counts as the largest (the variable has no default).
    await refused(query, 'QUERY_TOO_COMPLEX', {});
    expect((await post({ query, variables: { n: 2 } })).status).toBe(200);
    expect(await refused(query, 'BAD_USER_INPUT', { n: 2, search: 'a\u0000b' })).toContain('variable "$search"');
  });

  it('batched requests (a JSON array) are refused', async () => {
    const response = await post([{ query: '{ topics { name } }' }, { query: '{ roles { name } }' }]);
    expect(response.status).toBe(400);
    expect(response.text).toContain('Operation batching disabled');
  });

  it('GET cannot run a mutation, and a GET without a CSRF-safe header is refused', async () => {
    const mutation = await fetch(`${seeded.api.url}/graphql?query=${encodeURIComponent('mutation { x }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect([400, 405]).toContain(mutation.status);
    const simpleGet = await fetch(`${seeded.api.url}/graphql?query=${encodeURIComponent('{ topics { name } }')}`);
    expect(simpleGet.status).toBe(400);
    expect(await simpleGet.text()).toContain('Cross-Site Request Forgery');
    const safeGet = await fetch(`${seeded.api.url}/graphql?query=${encodeURIComponent('{ topics { slug } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(safeGet.status).toBe(200);
  });

  it('CSRF-style simple POST requests (text/plain, form) are refused', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await post(JSON.stringify({ query: '{ topics { name } }' }), { 'content-type': contentType });
      expect(response.status).toBe(400);
    }
  });

  it('a body over 100 kB is refused with 413; a body that is not JSON with 400', async () => {
    const big = await post({ query: '{ topics { name } }', variables: { padding: 'x'.repeat(110_000) } });
    expect(big.status).toBe(413);
    expect(firstError(big.json)).toMatchObject({ message: 'The request body is larger than 100000 bytes.', extensions: { code: 'PAYLOAD_TOO_LARGE' } });
    const broken = await post('{ "query": ');
    expect(broken.status).toBe(400);
    expect(firstError(broken.json).extensions?.code).toBe('BAD_REQUEST');
  });
});

describe('nothing leaks in production', () => {
  it('no "Did you mean" schema hints, no introspection', async () => {
    const typo = await post({ query: '{ researchers { nodes { nme } } }' }, {}, production);
    expect(typo.status).toBe(400);
    expect(firstError(typo.json).message).toBe('Cannot query field "nme" on type "Researcher".');
    const development = await post({ query: '{ researchers { nodes { nme } } }' });
    expect(firstError(development.json).message).toContain('Did you mean "name"?');
    const introspection = await post({ query: '{ __type(name: "Researcher") { fields { name } } }' }, {}, production);
    expect(firstError(introspection.json).message).toContain('introspection is not allowed');
  });
});
