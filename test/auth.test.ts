import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../src/auth/tokenStore.js';
import type { Database } from '../src/db/database.js';
import { bearer, graphqlWith } from './support/bearer.js';
import { createTestDatabase, openTestDatabase, type TestDatabase } from './support/database.js';
import { startJwksServer, type JwksServer } from './support/jwks.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

/**
 * The authentication matrix, on Query.auditLog (admins only) through the
 * HTTP server: who gets in, who is told which failure, and reads that need
 * no token at all.
 */
let testDatabase: TestDatabase;
let database: Database;
let jwks: JwksServer;
/** Accepts API tokens and the test provider's JWTs. */
let api: TestServer;
/** Accepts API tokens only (no AUTH_JWKS_URL). */
let tokensOnly: TestServer;
const tokens: Record<'editor' | 'admin' | 'revoked', string> = { editor: '', admin: '', revoked: '' };

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openTestDatabase(testDatabase);
  jwks = await startJwksServer();
  api = await startTestServer(database, { auth: { jwt: jwks.config } });
  tokensOnly = await startTestServer(database);
  tokens.editor = await createApiToken(database.prisma, 'web team', 'editor');
  tokens.admin = await createApiToken(database.prisma, 'lab admin', 'admin');
  tokens.revoked = await createApiToken(database.prisma, 'old laptop', 'admin');
  await revokeApiToken(database.prisma, 'old laptop');
});

afterAll(async () => {
  await api?.close();
  await tokensOnly?.close();
  await jwks?.close();
  await database?.close();
  await testDatabase?.drop();
});

const AUDIT_LOG = '{ auditLog(first: 5) { totalCount nodes { id action } } }';

/** The one error of an answer that has no data for auditLog: its code and message. */
function failure(response: GraphQLResponse) {
  expect(response.status).toBe(200);
  // auditLog is non-null: its error nulls the whole answer.
  expect(response.body.data ?? null).toBeNull();
  expect(response.body.errors).toHaveLength(1);
  const [error] = response.body.errors!;
  return { code: error!.extensions?.code, message: error!.message };
}

function granted(response: GraphQLResponse) {
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data).toEqual({ auditLog: { totalCount: 0, nodes: [] } });
}

describe('API tokens on an admin-only read', () => {
  it('anonymous: UNAUTHENTICATED, saying how to send a token', async () => {
    expect(failure(await graphqlWith(api, undefined, AUDIT_LOG))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Reading the audit log needs a token: send the header "Authorization: Bearer <token>" (npm run token -- create).',
    });
  });

  it('an editor token: FORBIDDEN, naming the role needed and the one held', async () => {
    expect(failure(await graphqlWith(api, bearer(tokens.editor), AUDIT_LOG))).toEqual({
      code: 'FORBIDDEN',
      message: 'Reading the audit log needs the admin role; web team is an editor.',
    });
  });

  it('an admin token: the data, and the token is marked as used', async () => {
    const before = new Date();
    granted(await graphqlWith(api, bearer(tokens.admin), AUDIT_LOG));
    const row = await database.prisma.apiToken.findUniqueOrThrow({ where: { name: 'lab admin' } });
    expect(row.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it('the scheme is case-insensitive ("bearer")', async () => {
    granted(await graphqlWith(api, `bearer ${tokens.admin}`, AUDIT_LOG));
  });

  it('a revoked token: UNAUTHENTICATED, saying it was revoked', async () => {
    expect(failure(await graphqlWith(api, bearer(tokens.revoked), AUDIT_LOG))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'The API token "old laptop" was revoked.',
    });
  });

  it('an unknown token: UNAUTHENTICATED, saying it is unknown', async () => {
    const { code, message } = failure(await graphqlWith(api, bearer(`lab_${'x'.repeat(43)}`), AUDIT_LOG));
    expect(code).toBe('UNAUTHENTICATED');
    expect(message).toMatch(/^The API token is unknown/);
  });

  it.each([
    ['another scheme', `Token ${'x'.repeat(10)}`, 'The Authorization header is malformed: it must be "Bearer <token>".'],
    ['no token after Bearer', 'Bearer', 'The Authorization header is malformed: it must be "Bearer <token>".'],
    ['two words after Bearer', 'Bearer lab_a lab_b', 'The Authorization header is malformed: it must be "Bearer <token>".'],
    ['neither an API token nor a JWT', 'Bearer hello', 'The token is malformed: neither an API token (lab_…) nor a JWT (header.payload.signature).'],
  ])('a malformed header (%s): UNAUTHENTICATED, saying so', async (_case, header, message) => {
    expect(failure(await graphqlWith(api, header, AUDIT_LOG))).toEqual({ code: 'UNAUTHENTICATED', message });
  });
});

/** The claims of a person of the lab's identity provider, with a lab role claim when `role` is given. */
const person = (role: unknown) => ({ sub: 'ada@lab.test', ...(role === undefined ? {} : { lab_role: role }) });

describe('OpenID Connect JWTs (a local provider with keys made by the test)', () => {
  it('a valid admin JWT: the data; a role array counts its highest lab role', async () => {
    granted(await graphqlWith(api, bearer(await jwks.sign(person('admin'))), AUDIT_LOG));
    granted(await graphqlWith(api, bearer(await jwks.sign(person(['staff', 'editor', 'admin']))), AUDIT_LOG));
  });

  it('a valid editor JWT: FORBIDDEN, naming the subject', async () => {
    expect(failure(await graphqlWith(api, bearer(await jwks.sign(person('editor'))), AUDIT_LOG))).toEqual({
      code: 'FORBIDDEN',
      message: 'Reading the audit log needs the admin role; ada@lab.test is an editor.',
    });
  });

  it('a valid identity without a lab role: FORBIDDEN (known, but given no rights)', async () => {
    expect(failure(await graphqlWith(api, bearer(await jwks.sign(person(undefined))), AUDIT_LOG))).toEqual({
      code: 'FORBIDDEN',
      message: 'ada@lab.test has no lab role: the JWT\'s "lab_role" claim must hold one of editor, admin; it has none.',
    });
    expect(failure(await graphqlWith(api, bearer(await jwks.sign(person(['staff']))), AUDIT_LOG))).toEqual({
      code: 'FORBIDDEN',
      message: 'ada@lab.test has no lab role: the JWT\'s "lab_role" claim must hold one of editor, admin; it has ["staff"].',
    });
  });

  it.each([
    ['expired', { expiresIn: -60 }, 'The JWT is not valid: it has expired (its "exp" is past).'],
    ['without expiry', { expiresIn: null }, 'The JWT is not valid: it has no expiry ("exp" claim).'],
    ['forged (signed by another key under the published key id)', { key: 'forged' }, 'The JWT is not valid: bad signature.'],
    ['signed by a key the provider does not publish', { key: 'unpublished-id' }, 'The JWT is not valid: unknown key (no key of the identity provider\'s key set matches its "kid" and "alg").'],
    ['HMAC-signed (HS256)', { key: 'hmac' }, 'The JWT is not valid: its algorithm is not allowed (allowed: RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA).'],
    ['for another audience', { audience: 'another-api' }, 'The JWT is not valid: wrong audience (expected "lab-publications-api").'],
    ['from another issuer', { issuer: 'https://evil.test/' }, 'The JWT is not valid: wrong issuer (expected "https://login.lab.test/").'],
  ] as const)('a JWT %s: UNAUTHENTICATED, saying which', async (_case, options, message) => {
    const token = await jwks.sign(person('admin'), options);
    expect(failure(await graphqlWith(api, bearer(token), AUDIT_LOG))).toEqual({ code: 'UNAUTHENTICATED', message });
  });

  it('a malformed JWT (three parts that are not JSON): UNAUTHENTICATED, malformed', async () => {
    const { code, message } = failure(await graphqlWith(api, bearer('abc.def.ghi'), AUDIT_LOG));
    expect(code).toBe('UNAUTHENTICATED');
    expect(message).toMatch(/^The JWT is not valid: malformed \(/);
  });

  it('a JWT without the name claim: UNAUTHENTICATED, naming the claim', async () => {
    expect(failure(await graphqlWith(api, bearer(await jwks.sign({ lab_role: 'admin' })), AUDIT_LOG))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'The JWT has no "sub" claim to name its holder (AUTH_NAME_CLAIM).',
    });
  });

  it('a server without AUTH_JWKS_URL refuses JWTs, saying so, and still takes API tokens', async () => {
    expect(failure(await graphqlWith(tokensOnly, bearer(await jwks.sign(person('admin'))), AUDIT_LOG))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'The token is a JWT, but this server accepts no JWTs (AUTH_JWKS_URL is not set): use an API token (lab_…).',
    });
    granted(await graphqlWith(tokensOnly, bearer(tokens.admin), AUDIT_LOG));
  });

  it('the key set is fetched once per server, not per request', async () => {
    const server = await startTestServer(database, { auth: { jwt: jwks.config } });
    try {
      const fetched = jwks.fetches();
      for (const role of ['admin', 'editor', 'admin']) await graphqlWith(server, bearer(await jwks.sign(person(role))), AUDIT_LOG);
      expect(jwks.fetches() - fetched).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe('public reads', () => {
  const READ = '{ researchers(first: 1) { totalCount } }';

  it('need no token', async () => {
    const response = await graphqlWith(api, undefined, READ);
    expect(response.body).toEqual({ data: { researchers: { totalCount: 0 } } });
  });

  it('ignore the Authorization header, even a bad one: authentication runs only where a field asks who you are', async () => {
    for (const header of ['Bearer lab_nope', 'Basic dXNlcjpwYXNz', bearer(tokens.revoked), bearer(await jwks.sign(person('admin'), { expiresIn: -60 }))]) {
      expect((await graphqlWith(api, header, READ)).body).toEqual({ data: { researchers: { totalCount: 0 } } });
    }
  });
});
