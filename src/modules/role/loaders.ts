import DataLoader from 'dataloader';
import { Prisma, type PrismaClient, type Role } from '../../generated/prisma/client.js';
import { byKey } from '../shared/batch.js';
import { listLoader } from '../shared/relations.js';
import { rolesOfResearcher } from './data.js';

export function createRoleLoaders(prisma: PrismaClient) {
  return {
    roleById: new DataLoader<number, Role | null>(async (ids) => {
      const rows = await prisma.role.findMany({ where: { id: { in: [...ids] } } });
      return byKey(ids, rows, (row) => row.id, (row) => row, null);
    }),
    rolesByResearcher: listLoader<Role>(prisma, rolesOfResearcher, Prisma.sql`rr.researcher_id, o.name, o.id`),
  };
}
