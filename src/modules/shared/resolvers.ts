import type { Resolvers } from '../../generated/graphql.js';
import { visibleTo } from '../publication/visibility.js';
import { findRedirectedResearcher } from '../researcher/data.js';
import { fromGlobalId } from './nodeId.js';
import { DateTime, JSONValue } from './scalars.js';

export const sharedResolvers: Resolvers = {
  DateTime,
  JSON: JSONValue,
  Query: {
    node: async (_parent, { id }, context) => {
      const { loaders } = context;
      const node = fromGlobalId(id);
      switch (node.type) {
        case 'Researcher':
          // A record merged into another (mergeResearchers) resolves to the kept person.
          return (await loaders.researcher.byId.load(node.id)) ?? findRedirectedResearcher(context.prisma, node.id);
        case 'Publication':
          return visibleTo(context, await loaders.publication.byId.load(node.id));
        case 'Topic':
          return loaders.topic.byId.load(node.id);
        case 'Role':
          return loaders.role.byId.load(node.id);
      }
    },
  },
  Node: {
    // Each model has a field the others lack.
    __resolveType: (node) => ('titleKey' in node ? 'Publication' : 'nameKey' in node ? 'Researcher' : 'key' in node ? 'Role' : 'Topic'),
  },
};
