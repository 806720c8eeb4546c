import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { publicationOrderings } from '../publication/data.js';
import type { PublicationModel } from '../publication/mappers.js';
import type { NestedPage } from '../publication/nestedPage.js';
import { batchLoader, groupByKey, loaderById, loaderPerArguments } from '../shared/batch.js';
import type { Columns } from '../shared/columns.js';
import { connectionLoader, countLoader, listLoader, type NestedSelection } from '../shared/pagination/nested.js';
import { coauthorsOf, publicationsOfResearcher, rolesOfResearcher, topicsOfResearcher } from './data.js';
import type { CoauthorModel, ResearcherModel } from './mappers.js';

/**
 * The loaders of Researcher and its fields: `loaders.researcher.byId`,
 * `loaders.researcher.publications({ order, page, selection })`… A loader per
 * set of arguments and selected columns: the parents of one list share one
 * field node, so they still batch into one statement.
 */
export function createResearcherLoaders(prisma: PrismaClient) {
  const publicationCount = countLoader(prisma, publicationsOfResearcher);
  return {
    byId: loaderById((ids) => prisma.researcher.findMany({ where: { id: { in: ids } } })),
    positionById: loaderById((ids) => prisma.position.findMany({ where: { id: { in: ids } } })),
    roles: listLoader(prisma, rolesOfResearcher, Prisma.sql`rr.researcher_id, o.name, o.id`),
    topics: listLoader(prisma, topicsOfResearcher, Prisma.sql`rt.researcher_id, t.name, t.id`),
    publicationCount,
    publications: loaderPerArguments(({ order, page, selection }: NestedPage & { selection: NestedSelection<PublicationModel> }) =>
      connectionLoader(prisma, publicationsOfResearcher, publicationOrderings[order], page, publicationCount, selection),
    ),
    coauthors: loaderPerArguments(
      ({ limit, columns }: { limit: number; columns: Columns<ResearcherModel> }) =>
        batchLoader<number, CoauthorModel[]>(async (ids) => {
          const rows = await coauthorsOf(prisma, ids, limit, columns);
          return groupByKey(ids, rows, (row) => row.parent_id, ({ shared, ...researcher }) => ({ researcher, sharedPublications: shared }));
        }),
    ),
  };
}
