import type { PrismaClient } from '../../generated/prisma/client.js';
import { publicationOrderings } from '../publication/data.js';
import type { PublicationModel } from '../publication/mappers.js';
import type { NestedPage } from '../publication/nestedPage.js';
import type { ResearcherModel } from '../researcher/mappers.js';
import { loaderById, loaderPerArguments } from '../shared/batch.js';
import type { PageRequest } from '../shared/pagination/cursors.js';
import { connectionLoader, countLoader, type NestedSelection } from '../shared/pagination/nested.js';
import { publicationsOfTopic, researchersOfTopic, researchersOfTopicByName } from './data.js';

/** The loaders of Topic and its fields: `loaders.topic.byId`, `loaders.topic.researchers({ page, selection })`… */
export function createTopicLoaders(prisma: PrismaClient) {
  const researcherCount = countLoader(prisma, researchersOfTopic);
  const publicationCount = countLoader(prisma, publicationsOfTopic);
  return {
    byId: loaderById((ids) => prisma.topic.findMany({ where: { id: { in: ids } } })),
    researchers: loaderPerArguments(({ page, selection }: { page: PageRequest; selection: NestedSelection<ResearcherModel> }) =>
      connectionLoader(prisma, researchersOfTopic, researchersOfTopicByName, page, researcherCount, selection),
    ),
    publications: loaderPerArguments(({ order, page, selection }: NestedPage & { selection: NestedSelection<PublicationModel> }) =>
      connectionLoader(prisma, publicationsOfTopic, publicationOrderings[order], page, publicationCount, selection),
    ),
  };
}
