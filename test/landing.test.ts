import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_EXAMPLE } from '../src/server.js';
import { startTestServer, type TestServer } from './support/server.js';
import { startSeededApi, type SeededApi } from './support/seeded.js';

let seeded: SeededApi;
let production: TestServer;

beforeAll(async () => {
  seeded = await startSeededApi();
  production = await startTestServer(seeded.database, { isProduction: true, introspection: false, corsOrigins: ['https://lab.example.org'] });
});

afterAll(async () => {
  await production.close();
  await seeded.close();
});

const introspection = '{ __schema { queryType { name } } }';

describe('Sandbox, introspection and CORS', () => {
  it('the Sandbox example operation runs on the seeded data', async () => {
    const response = await seeded.api.graphql<{ researchers: { totalCount: number; nodes: { name: string; publications: { nodes: unknown[] } }[] } }>(SANDBOX_EXAMPLE);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.researchers.totalCount).toBe(2);
    expect(response.body.data!.researchers.nodes[0]!.name).toBe('Aristide Baratin');
    expect(response.body.data!.researchers.nodes[0]!.publications.nodes).toHaveLength(3);
  });

  it('outside production: introspection on', async () => {
    const response = await seeded.api.graphql(introspection);
    expect(response.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('in production: no landing page, no introspection, unless configured', async () => {
    const page = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('embeddable-sandbox');
    const response = await production.graphql(introspection);
    expect(response.body.errors?.[0]?.message).toContain('introspection is not allowed');
    const query = await production.graphql<{ researchers: { totalCount: number } }>('{ researchers { totalCount } }');
    expect(query.body.data).toEqual({ researchers: { totalCount: 45 } });
  });

  it('CORS allows the configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${production.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('https://lab.example.org')).headers.get('access-control-allow-origin')).toBe('https://lab.example.org');
    expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
