import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxiedApi, type ProxiedApi } from './support/proxiedApi.js';

let api: ProxiedApi;
let server: ProxiedApi['server'];
let proxy: ProxiedApi['proxy'];

beforeAll(async () => {
  api = await startProxiedApi();
  ({ server, proxy } = api);
});

afterAll(() => api.close());

describe('health and readiness', () => {
  it('GET /healthz answers while the process is alive', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });

  it('GET /readyz is 200 while the database answers, 503 while it does not, and recovers without a restart', async () => {
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

    await proxy.cut();
    const down = await fetch(`${server.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'database unavailable' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await proxy.restore();
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const query = await server.graphql<{ researchers: { totalCount: number } }>('{ researchers { totalCount } }');
    expect(query.body).toEqual({ data: { researchers: { totalCount: 0 } } });
  });

  it('serves Apollo Sandbox at /graphql to a browser outside production', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('embeddable-sandbox');
    expect(html).toContain('query LabMembers');
  });

  it('answers unknown paths with 404', async () => {
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });
});
