import DataLoader from 'dataloader';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { groupByKey, loaderById, loaderPerArguments } from '../shared/batch.js';
import type { PageRequest } from '../shared/pagination.js';
import { connectionLoader, countLoader, listLoader } from '../shared/relations.js';
import { authorsOfPublication, coauthorsOf, researcherOrderings, researchersByRole, researchersByTopic } from './data.js';
import type { ResearcherModel } from './mappers.js';

export function createResearcherLoaders(prisma: PrismaClient) {
  const countByTopic = countLoader(prisma, researchersByTopic);
  const countByRole = countLoader(prisma, researchersByRole);
  return {
    researcherById: loaderById((ids) => prisma.researcher.findMany({ where: { id: { in: ids } } })),
    positionById: loaderById((ids) => prisma.position.findMany({ where: { id: { in: ids } } })),
    authorsByPublication: listLoader<ResearcherModel>(prisma, authorsOfPublication, Prisma.sql`a.publication_id, a.position`),
    publicationCountByResearcher: countLoader(prisma, { from: Prisma.sql`authorship a`, parentColumn: Prisma.sql`a.researcher_id` }),
    coauthors: loaderPerArguments(
      (limit: number) =>
        new DataLoader<number, { researcher: ResearcherModel; sharedPublications: number }[]>(async (ids) => {
          const rows = await coauthorsOf(prisma, ids, limit);
          return groupByKey(ids, rows, (row) => row.parent_id, ({ shared, ...researcher }) => ({ researcher, sharedPublications: shared }));
        }),
    ),
    researchersByTopic: loaderPerArguments((page: PageRequest) =>
      connectionLoader<ResearcherModel>(prisma, researchersByTopic, researcherOrderings.NAME, page, countByTopic),
    ),
    researchersByRole: loaderPerArguments((page: PageRequest) =>
      connectionLoader<ResearcherModel>(prisma, researchersByRole, researcherOrderings.NAME, page, countByRole),
    ),
  };
}
