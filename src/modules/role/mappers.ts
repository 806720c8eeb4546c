import type { Role } from '../../generated/prisma/client.js';

/** What Role fields resolve from: the database row. */
export type RoleModel = Role;
