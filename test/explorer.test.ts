import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { EXPLORER_ASSETS_PATH, SANDBOX_EMBED_ORIGIN, SANDBOX_SCRIPT, SANDBOX_SCRIPT_ORIGIN } from '../src/http/explorer/origins.js';
import { SANDBOX_EXAMPLE } from '../src/server.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { matching } from './support/matchers.js';
import { directives } from './support/csp.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * The explorer without a browser: where it is on, what the page and its CSP
 * allow, and the bundled GraphiQL's files. explorerBrowser.test.ts runs the
 * page in Chromium.
 */

let testDatabase: TestDatabase;
let database: Database;
let development: TestServer;
/** Production as loadConfig makes it from these variables (the switches only: the rest is the test configuration). */
let production: TestServer;
let productionWithIntrospection: TestServer;
let productionIntrospectionOnly: TestServer;

function switches(environment: Record<string, string>): Partial<Config> {
  const { isProduction, introspection, explorer } = loadConfig(environment);
  return { isProduction, introspection, explorer };
}

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openTestDatabase(testDatabase);
  development = await startTestServer(database);
  production = await startTestServer(database, switches({ NODE_ENV: 'production' }));
  productionWithIntrospection = await startTestServer(database, switches({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }));
  productionIntrospectionOnly = await startTestServer(database, switches({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', GRAPHQL_EXPLORER: 'false' }));
});

afterAll(async () => {
  for (const server of [development, production, productionWithIntrospection, productionIntrospectionOnly]) await server?.close();
  await database?.close();
  await testDatabase?.drop();
});

const openInBrowser = (server: TestServer) => fetch(`${server.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
const asset = (server: TestServer, file: string, headers: Record<string, string> = {}) => fetch(`${server.url}${EXPLORER_ASSETS_PATH}/${file}`, { headers });
const introspection = '{ __schema { queryType { name } } }';

describe('configuration: the explorer follows introspection', () => {
  it('on outside production, off in production unless GRAPHQL_INTROSPECTION=true; GRAPHQL_EXPLORER=false turns it off alone', () => {
    expect(loadConfig({}).explorer).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).explorer).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).explorer).toBe(true);
    expect(loadConfig({ GRAPHQL_EXPLORER: 'false' })).toMatchObject({ explorer: false, introspection: true });
  });

  it('refuses GRAPHQL_EXPLORER=true where introspection is off, saying what to set', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', GRAPHQL_EXPLORER: 'true' })).toThrowError(
      expect.objectContaining({
        variable: 'GRAPHQL_EXPLORER',
        message: matching(/^Invalid environment variable GRAPHQL_EXPLORER="true": .*introspection, which is off in production\. .*GRAPHQL_INTROSPECTION=true GRAPHQL_EXPLORER=true$/),
      }),
    );
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: 'false', GRAPHQL_EXPLORER: '1' })).toThrowError(/which is off\. /);
  });
});

describe('the explorer page', () => {
  it('outside production: one page that tries Apollo Sandbox, then our GraphiQL, with the example operation', async () => {
    const response = await openInBrowser(development);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const config = /<script type="application\/json" id="explorer-config">([^<]*)<\/script>/.exec(html);
    expect(config).not.toBeNull();
    expect(JSON.parse(config![1]!)).toMatchObject({
      document: SANDBOX_EXAMPLE,
      sandboxScript: SANDBOX_SCRIPT,
      sandboxOrigin: SANDBOX_EMBED_ORIGIN,
      assets: EXPLORER_ASSETS_PATH,
    });
    // Every script is a file (ours) or data: nothing inline runs, so the CSP needs no 'unsafe-inline' nor nonce for scripts.
    const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)].map(([, attributes, body]) => ({ attributes: attributes!, body: body! }));
    expect(scripts).toHaveLength(2);
    for (const { attributes, body } of scripts) {
      if (attributes.includes('type="application/json"')) continue;
      expect(attributes).toContain(`src="${EXPLORER_ASSETS_PATH}/start.js"`);
      expect(body).toBe('');
    }
    // The page names no remote origin but Sandbox's (in its configuration).
    const remote = new Set(html.match(/https?:\/\/[^/"\s]+/g));
    expect([...remote].sort()).toEqual([SANDBOX_SCRIPT_ORIGIN, SANDBOX_EMBED_ORIGIN].sort());
  });

  it("its CSP: scripts from this server and Sandbox's CDN only, Sandbox's frame, workers and requests to this server", async () => {
    const policy = directives((await openInBrowser(development)).headers.get('content-security-policy'));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'", SANDBOX_SCRIPT_ORIGIN]);
    expect(policy.get('frame-src')).toEqual([SANDBOX_EMBED_ORIGIN]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    for (const sources of policy.values()) expect(sources).not.toContain("'unsafe-eval'");
  });

  it('production: no page, no files, no introspection', async () => {
    const page = await openInBrowser(production);
    expect(page.status).toBe(400);
    expect(await page.text()).not.toContain('explorer');
    expect(directives(page.headers.get('content-security-policy')).get('default-src')).toEqual(["'none'"]);
    const file = await asset(production, 'graphiql.js');
    expect(file.status).toBe(404);
    expect(await file.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    expect((await production.graphql(introspection)).body.errors?.[0]?.message).toContain('introspection is not allowed');
  });

  it('production with GRAPHQL_INTROSPECTION=true: the page and its files', async () => {
    const page = await openInBrowser(productionWithIntrospection);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="explorer-config"');
    expect((await asset(productionWithIntrospection, 'graphiql.js')).status).toBe(200);
  });

  it('production with GRAPHQL_INTROSPECTION=true and GRAPHQL_EXPLORER=false: introspection without the page', async () => {
    expect((await openInBrowser(productionIntrospectionOnly)).status).toBe(400);
    expect((await asset(productionIntrospectionOnly, 'start.js')).status).toBe(404);
    expect((await productionIntrospectionOnly.graphql(introspection)).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});

describe('the bundled GraphiQL, served by this server', () => {
  it.each([
    ['start.js', 'text/javascript; charset=utf-8', 'EmbeddedSandbox'],
    ['graphiql.js', 'text/javascript; charset=utf-8', 'renderYogaGraphiQL'],
    ['graphiql.css', 'text/css; charset=utf-8', '.graphiql-container'],
    ['editor.worker.js', 'text/javascript; charset=utf-8', 'onmessage'],
    ['json.worker.js', 'text/javascript; charset=utf-8', 'onmessage'],
    ['graphql.worker.js', 'text/javascript; charset=utf-8', 'GraphQLWorker'],
  ])('%s as %s', async (file, contentType, sample) => {
    const response = await asset(development, file);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain(sample);
  });

  it('the favicon as an icon', async () => {
    const response = await asset(development, 'favicon.ico');
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    // An .ico file starts with reserved 0, type 1.
    expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 4)]).toEqual([0, 0, 1, 0]);
  });

  it('nothing in it loads from a CDN', async () => {
    for (const file of ['graphiql.js', 'graphiql.css', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
      const text = await (await asset(development, file)).text();
      expect(text, file).not.toMatch(/unpkg\.com|jsdelivr|cdnjs|esm\.sh|fonts\.(googleapis|gstatic)\.com|apollographql\.com/);
    }
  });

  it('revalidated by ETag: 304 while unchanged', async () => {
    const first = await asset(development, 'graphiql.css');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    // As a browser revalidates (fetch alone would add Cache-Control: no-cache to a conditional request).
    const again = await asset(development, 'graphiql.css', { 'if-none-match': etag!, 'cache-control': 'max-age=0' });
    expect(again.status).toBe(304);
  });

  it('an unknown file is a 404 in the shape of every error', async () => {
    const response = await asset(development, 'nothing.js');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });
});
