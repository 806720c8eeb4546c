import DataLoader from 'dataloader';
import { Prisma, type PrismaClient, type Topic } from '../../generated/prisma/client.js';
import { byKey } from '../shared/batch.js';
import { listLoader } from '../shared/relations.js';
import { topicsOfPublication, topicsOfResearcher } from './data.js';

export function createTopicLoaders(prisma: PrismaClient) {
  return {
    topicById: new DataLoader<number, Topic | null>(async (ids) => {
      const rows = await prisma.topic.findMany({ where: { id: { in: [...ids] } } });
      return byKey(ids, rows, (row) => row.id, (row) => row, null);
    }),
    topicsByPublication: listLoader<Topic>(prisma, topicsOfPublication, Prisma.sql`pt.publication_id, t.name, t.id`),
    topicsByResearcher: listLoader<Topic>(prisma, topicsOfResearcher, Prisma.sql`rt.researcher_id, t.name, t.id`),
  };
}
