import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { publicationOrderings } from '../publication/data.js';
import type { NestedPage } from '../publication/nestedPage.js';
import { batchLoader, groupByKey, loaderById, loaderPerArguments } from '../shared/batch.js';
import { connectionLoader, countLoader, listLoader } from '../shared/pagination/nested.js';
import { coauthorsOf, publicationsOfResearcher, rolesOfResearcher, topicsOfResearcher } from './data.js';
import type { CoauthorModel } from './mappers.js';

/** The loaders of Researcher and its fields: `loaders.researcher.byId`, `loaders.researcher.publications(page)`… */
export function createResearcherLoaders(prisma: PrismaClient) {
  const publicationCount = countLoader(prisma, publicationsOfResearcher);
  return {
    byId: loaderById((ids) => prisma.researcher.findMany({ where: { id: { in: ids } } })),
    positionById: loaderById((ids) => prisma.position.findMany({ where: { id: { in: ids } } })),
    roles: listLoader(prisma, rolesOfResearcher, Prisma.sql`rr.researcher_id, o.name, o.id`),
    topics: listLoader(prisma, topicsOfResearcher, Prisma.sql`rt.researcher_id, t.name, t.id`),
    publicationCount,
    publications: loaderPerArguments(({ order, page }: NestedPage) =>
      connectionLoader(prisma, publicationsOfResearcher, publicationOrderings[order], page, publicationCount),
    ),
    coauthors: loaderPerArguments(
      (limit: number) =>
        batchLoader<number, CoauthorModel[]>(async (ids) => {
          const rows = await coauthorsOf(prisma, ids, limit);
          return groupByKey(ids, rows, (row) => row.parent_id, ({ shared, ...researcher }) => ({ researcher, sharedPublications: shared }));
        }),
    ),
  };
}
