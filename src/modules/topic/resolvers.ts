import type { Resolvers } from '../../generated/graphql.js';
import { nestedPage } from '../publication/loaders.js';
import { researcherOrderings } from '../researcher/data.js';
import { toGlobalId } from '../shared/nodeId.js';
import { readPageArgs } from '../shared/pagination.js';

export const topicResolvers: Resolvers = {
  Query: {
    topics: (_parent, _args, { prisma }) => prisma.topic.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    topic: (_parent, { slug }, { prisma }) => prisma.topic.findUnique({ where: { slug } }),
  },
  Topic: {
    id: (topic) => toGlobalId('Topic', topic.id),
    researchers: (topic, args, { loaders }) =>
      loaders.researchersByTopic(readPageArgs(args, researcherOrderings.NAME)).load(topic.id),
    publications: (topic, args, { loaders }) => loaders.publicationsByTopic(nestedPage(args)).load(topic.id),
  },
};
