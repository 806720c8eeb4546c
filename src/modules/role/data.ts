import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { columnsOf, type RowOf } from '../shared/columns.js';
import { lookupListingKeys, type KeyLookup } from '../shared/lookup.js';
import type { Relation } from '../shared/pagination/nested.js';

/** Researchers with each role (parent: role id). */
export const researchersOfRole: Relation<RowOf<'Researcher'>> = {
  columns: columnsOf('Researcher', 'r'),
  from: Prisma.sql`researcher r JOIN researcher_role rr ON rr.researcher_id = r.id`,
  parentColumn: Prisma.sql`rr.role_id`,
};

/** Roles by key, for filter arguments; the error lists the known keys. */
export function roleLookup(prisma: PrismaClient): KeyLookup {
  return lookupListingKeys(
    'role',
    (key) => prisma.role.findUnique({ where: { key }, select: { id: true } }),
    async () => (await prisma.role.findMany({ select: { key: true }, orderBy: { key: 'asc' } })).map((r) => r.key),
  );
}
