import { GraphQLError, OperationTypeNode, type ValidationRule } from 'graphql';

/**
 * Refuses an operation whose type the schema does not have (this API has
 * queries and mutations, no subscriptions): graphql-js 16 does not validate it and fails at execution
 * with an error that has no code, which would reach the client as an
 * internal error. graphql-js 17 has the same rule, KnownOperationTypesRule.
 */
export const KnownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      const schema = context.getSchema();
      const known = [OperationTypeNode.QUERY, OperationTypeNode.MUTATION, OperationTypeNode.SUBSCRIPTION]
        .filter((operation) => schema.getRootType(operation))
        .map((operation) => (operation === OperationTypeNode.QUERY ? 'queries' : `${operation}s`));
      context.reportError(new GraphQLError(`This API has no ${node.operation} operations; only ${known.join(' and ')}.`, { nodes: node }));
    }
  },
});
