import { Prisma } from '../../generated/prisma/client.js';
import { globalIdSql, jsonListSql } from '../../graphql/compiled/sql.js';
import type { TypeCompilers } from '../../graphql/compiled/types.js';
import { columnField, isSqlText } from '../researcher/compiled.js';

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
  role: ({ args, fieldNodes, compiler }) => {
    if (!isSqlText(args.key)) return null;
    const role = compiler.alias();
    const object = compiler.object('Role', fieldNodes, role);
    return object && Prisma.sql`(SELECT ${object} FROM role ${role} WHERE ${role}.key = ${args.key})`;
  },
  // Every role by English name, then id (as Query.roles orders them).
  roles: ({ fieldNodes, compiler }) => {
    const role = compiler.alias();
    const object = compiler.object('Role', fieldNodes, role);
    return object && jsonListSql(Prisma.sql`SELECT json_agg(${object} ORDER BY ${role}.name, ${role}.id) FROM role ${role}`);
  },
};
