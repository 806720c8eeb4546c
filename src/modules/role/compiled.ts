import { Prisma } from '../../generated/prisma/client.js';
import { columnField, listByName, objectByKey } from '../../graphql/compiled/fields.js';
import { globalIdSql } from '../../graphql/compiled/sql.js';
import type { TypeCompilers } from '../../graphql/compiled/types.js';

/**
 * Compiled reads (src/graphql/compiled/types.ts) of Role, Query.role and
 * Query.roles: what resolvers.ts answers, in the same order. Role.researchers
 * (a connection) is the connections' compiler's.
 */
export const roleCompilers: TypeCompilers = {
  id: ({ row }) => globalIdSql('Role', Prisma.sql`${row}.id`),
  key: columnField('key'),
  name: columnField('name'),
  nameFr: columnField('name_fr'),
};

export const roleQueryCompilers: TypeCompilers = {
  role: objectByKey('Role', 'role', 'key', 'key'),
  // Every role by English name, then id (as Query.roles orders them).
  roles: listByName('Role', 'role'),
};
