import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { GraphQLContext } from '../context.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { createLoaders } from '../loaders.js';

/**
 * Which database a GraphQL operation uses. Every context starts on the read
 * client (a read replica when there are any, see src/db/replicas.ts); once the
 * operation is known, anything but a query (a mutation) moves to the primary,
 * loaders included, before any resolver runs. So a request that writes reads
 * its own writes: it never reads from a replica that has not replayed them.
 */
export function readRoutingPlugin(primary: PrismaClient): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === OperationTypeNode.QUERY || contextValue.prisma === primary) return;
          contextValue.prisma = primary;
          contextValue.loaders = createLoaders(primary);
        },
      };
    },
  };
}
