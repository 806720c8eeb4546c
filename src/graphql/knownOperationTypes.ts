import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses an operation whose type the schema does not have (this API has
 * queries only): graphql-js 16 does not validate it and fails at execution
 * with an error that has no code, which would reach the client as an
 * internal error. graphql-js 17 has the same rule, KnownOperationTypesRule.
 */
export const KnownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This API has no ${node.operation} operations; only queries.`, { nodes: node }));
    }
  },
});
