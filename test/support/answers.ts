import type { GraphQLResponse } from './server.js';

/** A GraphQL-over-HTTP answer body, whatever the operation: data is not typed (the documents are hostile or invalid). */
export type GraphQLBody = GraphQLResponse<unknown>['body'];
export type GraphQLError = NonNullable<GraphQLBody['errors']>[number];

/** Parses an answer's text: its JSON, or undefined when the text is not JSON (an HTML page, an empty body). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The answer as a GraphQL body; throws (failing the test) when it is not a JSON object with, if any, an errors array. */
export function graphqlBody(json: unknown): GraphQLBody {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`Expected a GraphQL answer (a JSON object), got ${JSON.stringify(json)}`);
  const { errors } = json as { errors?: unknown };
  if (errors !== undefined && !Array.isArray(errors)) throw new Error(`Expected the answer's errors to be an array, got ${JSON.stringify(errors)}`);
  return json;
}

/** The answer's errors; throws when it has none. */
export function graphqlErrors(json: unknown): GraphQLError[] {
  const { errors } = graphqlBody(json);
  if (!errors) throw new Error(`Expected errors in the answer, got ${JSON.stringify(json)}`);
  return errors;
}

/** The answer's first error; throws when it has none. */
export function firstError(json: unknown): GraphQLError {
  const [error] = graphqlErrors(json);
  if (!error) throw new Error(`Expected at least one error in the answer, got ${JSON.stringify(json)}`);
  return error;
}
