import type { TypedDocumentString } from '../generated/graphql.js';
import type { GraphQLResponse, TestServer } from '../support/server.js';

/**
 * Sends a typed document (a `graphql(`…`)` call in a test file, typed by
 * `npm run codegen` in test/generated/): the answer's data has the type of
 * the operation, and the variables must match it.
 */
export function request<Result, Variables>(
  api: TestServer,
  document: TypedDocumentString<Result, Variables>,
  variables?: Variables,
): Promise<GraphQLResponse<Result>> {
  return api.graphql<Result>(document.toString(), variables as Record<string, unknown> | undefined);
}
