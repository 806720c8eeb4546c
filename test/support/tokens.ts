import { hashApiToken, newApiToken } from '../../src/auth/apiTokens.js';
import type { Role } from '../../src/auth/viewer.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import type { GraphQLResponse, TestServer } from './server.js';

/** Makes an API token as `npm run token -- create` does (only its hash is kept) and returns the token. */
export async function createApiToken(prisma: PrismaClient, name: string, role: Role): Promise<string> {
  const token = newApiToken();
  await prisma.$executeRaw`INSERT INTO api_token (name, role, token_hash) VALUES (${name}, ${role}, ${hashApiToken(token)})`;
  return token;
}

export type Send = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

/** POSTs operations to /graphql with `Authorization: Bearer <token>` (no header when token is null). */
export function sendAs(api: Pick<TestServer, 'url'>, token: string | null): Send {
  return async <T>(query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<T>['body'] };
  };
}
