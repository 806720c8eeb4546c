import type { Resolvers } from '../../generated/graphql.js';
import { publicationOrdering } from '../publication/data.js';
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
    publications: (topic, args, { loaders }) => {
      const order = args.orderBy ?? 'YEAR_DESC';
      const page = readPageArgs(args, publicationOrdering(order, null));
      return loaders.publicationsByTopic({ order: order as Exclude<typeof order, 'RELEVANCE'>, page }).load(topic.id);
    },
  },
};
