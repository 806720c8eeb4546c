import { GraphQLError } from 'graphql';

/** A bad argument from the client: HTTP 200 with a GraphQL error, code BAD_USER_INPUT. */
export function badUserInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argumentName ? { argumentName } : {}) },
  });
}
