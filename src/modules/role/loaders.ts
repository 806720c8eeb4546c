import { Prisma, type PrismaClient, type Role } from '../../generated/prisma/client.js';
import { loaderById } from '../shared/batch.js';
import { listLoader } from '../shared/relations.js';
import { rolesOfResearcher } from './data.js';

export function createRoleLoaders(prisma: PrismaClient) {
  return {
    roleById: loaderById((ids) => prisma.role.findMany({ where: { id: { in: ids } } })),
    rolesByResearcher: listLoader<Role>(prisma, rolesOfResearcher, Prisma.sql`rr.researcher_id, o.name, o.id`),
  };
}
