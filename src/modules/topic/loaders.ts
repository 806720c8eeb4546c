import type { PrismaClient } from '../../generated/prisma/client.js';
import { publicationOrderings } from '../publication/data.js';
import type { NestedPage } from '../publication/nestedPage.js';
import { researcherOrderings } from '../researcher/data.js';
import { loaderById, loaderPerArguments } from '../shared/batch.js';
import type { PageRequest } from '../shared/pagination/cursors.js';
import { connectionLoader, countLoader } from '../shared/pagination/nested.js';
import { publicationsOfTopic, researchersOfTopic } from './data.js';

/** The loaders of Topic and its fields: `loaders.topic.byId`, `loaders.topic.researchers(page)`… */
export function createTopicLoaders(prisma: PrismaClient) {
  const researcherCount = countLoader(prisma, researchersOfTopic);
  const publicationCount = countLoader(prisma, publicationsOfTopic);
  return {
    byId: loaderById((ids) => prisma.topic.findMany({ where: { id: { in: ids } } })),
    researchers: loaderPerArguments((page: PageRequest) =>
      connectionLoader(prisma, researchersOfTopic, researcherOrderings.NAME, page, researcherCount),
    ),
    publications: loaderPerArguments(({ order, page }: NestedPage) =>
      connectionLoader(prisma, publicationsOfTopic, publicationOrderings[order], page, publicationCount),
    ),
  };
}
