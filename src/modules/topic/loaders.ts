import { Prisma, type PrismaClient, type Topic } from '../../generated/prisma/client.js';
import { loaderById } from '../shared/batch.js';
import { listLoader } from '../shared/relations.js';
import { topicsOfPublication, topicsOfResearcher } from './data.js';

export function createTopicLoaders(prisma: PrismaClient) {
  return {
    topicById: loaderById((ids) => prisma.topic.findMany({ where: { id: { in: ids } } })),
    topicsByPublication: listLoader<Topic>(prisma, topicsOfPublication, Prisma.sql`pt.publication_id, t.name, t.id`),
    topicsByResearcher: listLoader<Topic>(prisma, topicsOfResearcher, Prisma.sql`rt.researcher_id, t.name, t.id`),
  };
}
