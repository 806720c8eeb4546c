import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../src/auth/tokenStore.js';
import type { Database } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { bearer, graphqlWith } from './support/bearer.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { startJwksServer, type JwksServer } from './support/jwks.js';
import { startTestServer, type TestServer } from './support/server.js';

/** Tokens never reach the logs: not in request lines, not in error lines, at the most verbose level. */
let testDatabase: TestDatabase;
let database: Database;
let jwks: JwksServer;
let api: TestServer;
/** Trusts a provider whose key set cannot be fetched: a JWT there is an internal error, logged with its cause. */
let brokenProvider: TestServer;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openTestDatabase(testDatabase);
  jwks = await startJwksServer();
  api = await startTestServer(database, { logLevel: 'trace', auth: { jwt: jwks.config } });
  brokenProvider = await startTestServer(database, { logLevel: 'trace', auth: { jwt: { ...jwks.config, jwksUrl: `${jwks.config.jwksUrl}/gone` } } });
});

afterAll(async () => {
  await api?.close();
  await brokenProvider?.close();
  await jwks?.close();
  await database?.close();
  await testDatabase?.drop();
});

const AUDIT_LOG = '{ auditLog(first: 1) { totalCount } }';

/** Sends a request and waits for its HTTP log line, so that every line it causes is written. */
async function send(server: TestServer, path: string, authorization: string, body?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  });
  await response.arrayBuffer();
  const id = response.headers.get('x-request-id');
  await server.waitForLog((line) => line.msg === 'http request' && line.requestId === id);
  return response;
}

describe('tokens in logs', () => {
  it('no request with a token leaves a trace of it in any log line, errors included', async () => {
    const admin = await createApiToken(database.prisma, 'lab admin', 'admin');
    const revoked = await createApiToken(database.prisma, 'old laptop', 'admin');
    await revokeApiToken(database.prisma, 'old laptop');
    const jwt = await jwks.sign({ sub: 'ada@lab.test', lab_role: 'admin' });
    const expired = await jwks.sign({ sub: 'ada@lab.test', lab_role: 'admin' }, { expiresIn: -60 });
    const unknown = `lab_${'u'.repeat(43)}`;
    const secrets = [admin, revoked, jwt, expired, unknown];
    const query = JSON.stringify({ query: AUDIT_LOG });

    for (const secret of secrets) expect((await send(api, '/graphql', bearer(secret), query)).status).toBe(200);
    expect((await send(api, '/no/such/page', bearer(admin))).status).toBe(404);
    expect((await send(api, '/graphql', bearer(admin), '{"query": ')).status).toBe(400);
    const internal = await graphqlWith(brokenProvider, bearer(jwt), AUDIT_LOG);
    expect(internal.body.errors?.map((error) => error.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    await send(brokenProvider, '/graphql', bearer(jwt), query);

    // The error of the broken provider is logged, with its cause: the place a token could have slipped in.
    const errorLine = brokenProvider.logs.find((line) => line.msg === 'internal error');
    expect(JSON.stringify(errorLine)).toContain('Could not verify a JWT against AUTH_JWKS_URL');
    const written = JSON.stringify([...api.logs, ...brokenProvider.logs]);
    expect(api.logs.length).toBeGreaterThan(secrets.length);
    for (const secret of secrets) {
      expect(written).not.toContain(secret);
      // Nor any piece of one: a JWT's signature, an API token's random part.
      expect(written).not.toContain(secret.slice(-20));
    }
    expect(written).not.toMatch(/bearer/i);
  });

  it('a log call handed a request or its headers writes "[redacted]" in place of the credentials', () => {
    const lines: string[] = [];
    const logger = createLogger({ logLevel: 'info', isProduction: true }, { write: (line: string) => void lines.push(line) });
    const headers = { authorization: 'Bearer lab_secret', cookie: 'session=secret', accept: 'application/json' };
    logger.info({ req: { method: 'POST', headers } }, 'a request');
    logger.info({ headers }, 'headers');
    logger.info({ request: { headers }, authorization: 'Bearer lab_secret' }, 'both');
    expect(lines.join('')).not.toContain('secret');
    expect(JSON.parse(lines[0]!)).toMatchObject({ req: { method: 'POST', headers: { authorization: '[redacted]', cookie: '[redacted]', accept: 'application/json' } } });
  });
});
