import type { Resolvers } from '../../generated/graphql.js';
import { nestedPage } from '../publication/nestedPage.js';
import { publicationColumnsFor } from '../publication/columns.js';
import { researcherColumnsFor } from '../researcher/columns.js';
import { nestedSelection } from '../shared/pagination/nested.js';
import { connectionNodes } from '../shared/selection.js';
import { toGlobalId } from '../shared/nodeId.js';
import { readPageArgs } from '../shared/pagination/cursors.js';
import { researchersOfTopicByName } from './data.js';

export const topicResolvers: Resolvers = {
  Query: {
    topics: (_parent, _args, { prisma }) => prisma.topic.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    topic: (_parent, { slug }, { prisma }) => prisma.topic.findUnique({ where: { slug } }),
  },
  Topic: {
    id: (topic) => toGlobalId('Topic', topic.id),
    researchers: (topic, args, { loaders }, info) =>
      loaders.topic
        .researchers({ page: readPageArgs(args, researchersOfTopicByName), selection: nestedSelection(info, researcherColumnsFor(info, connectionNodes)) })
        .load(topic.id),
    publications: (topic, args, { loaders }, info) =>
      loaders.topic
        .publications({ ...nestedPage(args), selection: nestedSelection(info, publicationColumnsFor(info, connectionNodes)) })
        .load(topic.id),
  },
};
