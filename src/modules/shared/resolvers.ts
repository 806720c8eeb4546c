import type { Resolvers } from '../../generated/graphql.js';
import { fromGlobalId } from './nodeId.js';
import { DateTime, JSONValue } from './scalars.js';

export const sharedResolvers: Resolvers = {
  DateTime,
  JSON: JSONValue,
  Query: {
    node: (_parent, { id }, { loaders }) => {
      const node = fromGlobalId(id);
      switch (node.type) {
        case 'Researcher':
          return loaders.researcher.byId.load(node.id);
        case 'Publication':
          return loaders.publication.byId.load(node.id);
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
