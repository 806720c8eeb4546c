import { GraphQLError } from 'graphql';
import type { Resolvers } from '../../generated/graphql.js';
import { listSize } from '../shared/arguments.js';
import { authorCounts, topicCounts, withCodeCount, yearCounts } from './facets.js';

/** PublicationConnection.facets and its counts: each count is one statement, run only when asked for. */
export const facetResolvers: Resolvers = {
  PublicationConnection: {
    facets: (connection) => {
      if (!connection.filter) {
        // A nested list (a researcher's or a topic's) would cost one statement per parent.
        throw new GraphQLError('facets are counted on Query.publications only: filter it by author or topic instead.', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      return { filter: connection.filter };
    },
  },
  PublicationFacets: {
    years: ({ filter }, _args, { prisma }) => yearCounts(prisma, filter),
    topics: ({ filter }, _args, { prisma }) => topicCounts(prisma, filter),
    authors: ({ filter }, { first }, { prisma }) => authorCounts(prisma, filter, listSize(first ?? 10, 'first')),
    withCode: ({ filter }, _args, { prisma }) => withCodeCount(prisma, filter),
  },
};
