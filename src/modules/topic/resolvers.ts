import type { Resolvers } from '../../generated/graphql.js';
import { nestedPage } from '../publication/nestedPage.js';
import { researcherOrderings } from '../researcher/data.js';
import { toGlobalId } from '../shared/nodeId.js';
import { readPageArgs } from '../shared/pagination/cursors.js';

export const topicResolvers: Resolvers = {
  Query: {
    topics: (_parent, _args, { prisma }) => prisma.topic.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    topic: (_parent, { slug }, { prisma }) => prisma.topic.findUnique({ where: { slug } }),
  },
  Topic: {
    id: (topic) => toGlobalId('Topic', topic.id),
    researchers: (topic, args, { loaders }) =>
      loaders.topic.researchers(readPageArgs(args, researcherOrderings.NAME)).load(topic.id),
    publications: (topic, args, { loaders }) => loaders.topic.publications(nestedPage(args)).load(topic.id),
  },
};
