import type { PrismaClient } from '../../generated/prisma/client.js';
import { researcherOrderings } from '../researcher/data.js';
import type { ResearcherModel } from '../researcher/mappers.js';
import { loaderById, loaderPerArguments } from '../shared/batch.js';
import type { PageRequest } from '../shared/pagination/cursors.js';
import { connectionLoader, countLoader, type NestedSelection } from '../shared/pagination/nested.js';
import { researchersOfRole } from './data.js';

/** The loaders of Role and its fields: `loaders.role.byId`, `loaders.role.researchers({ page, selection })`. */
export function createRoleLoaders(prisma: PrismaClient) {
  const researcherCount = countLoader(prisma, researchersOfRole);
  return {
    byId: loaderById((ids) => prisma.role.findMany({ where: { id: { in: ids } } })),
    researchers: loaderPerArguments(({ page, selection }: { page: PageRequest; selection: NestedSelection<ResearcherModel> }) =>
      connectionLoader(prisma, researchersOfRole, researcherOrderings.NAME, page, researcherCount, selection),
    ),
  };
}
