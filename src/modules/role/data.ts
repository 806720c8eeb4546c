import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { badUserInput } from '../shared/errors.js';
import type { Relation } from '../shared/relations.js';

/** Role columns under their Prisma field names. */
export const roleColumns = Prisma.sql`o.id, o.key, o.name, o.name_fr AS "nameFr", o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

/** Supervision roles of each researcher (parent: researcher id). */
export const rolesOfResearcher: Relation = {
  columns: roleColumns,
  from: Prisma.sql`role o JOIN researcher_role rr ON rr.role_id = o.id`,
  parentColumn: Prisma.sql`rr.researcher_id`,
};

/** The id of the role with this key, or a BAD_USER_INPUT error naming the argument. */
export async function requireRoleId(prisma: PrismaClient, key: string, argumentName: string): Promise<number> {
  const role = await prisma.role.findUnique({ where: { key }, select: { id: true } });
  if (!role) {
    const known = (await prisma.role.findMany({ select: { key: true }, orderBy: { key: 'asc' } })).map((r) => r.key);
    throw badUserInput(`Unknown role "${key}" in ${argumentName}. Known roles: ${known.join(', ') || 'none yet'}.`, argumentName);
  }
  return role.id;
}
