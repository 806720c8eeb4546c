import { Prisma } from '../../generated/prisma/client.js';
import { columnsOf } from '../shared/columns.js';
import type { KeyField } from '../shared/lookup.js';
import { relation } from '../shared/pagination/nested.js';

/** Researchers with each role (parent: role id). */
export const researchersOfRole = relation(columnsOf('Researcher', 'r'),
  Prisma.sql`researcher r JOIN researcher_role rr ON rr.researcher_id = r.id`, Prisma.sql`rr.role_id`);

/** How filter arguments name a role. */
export const roleByKey: KeyField<'Role'> = { model: 'Role', field: 'key', listKnown: true };
