import type { TypedDocumentString } from '../generated/graphql.js';
import type { GraphQLResponse, TestServer } from './server.js';

/**
 * POSTs an operation with an Authorization header (`undefined`: none), as a
 * client holding a token would. A typed document gives a typed answer.
 */
export async function graphqlWith<Result = Record<string, unknown>, Variables = Record<string, unknown>>(
  api: TestServer,
  authorization: string | undefined,
  document: string | TypedDocumentString<Result, Variables>,
  variables?: Variables,
): Promise<GraphQLResponse<Result>> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<Result>['body'] };
}

export const bearer = (token: string) => `Bearer ${token}`;
