import type { Resolvers } from '../../generated/graphql.js';
import { researcherColumnsFor } from '../researcher/columns.js';
import { researcherOrderings } from '../researcher/data.js';
import { nestedSelection } from '../shared/pagination/nested.js';
import { connectionNodes } from '../shared/selection.js';
import { toGlobalId } from '../shared/nodeId.js';
import { readPageArgs } from '../shared/pagination/cursors.js';

export const roleResolvers: Resolvers = {
  Query: {
    roles: (_parent, _args, { prisma }) => prisma.role.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    role: (_parent, { key }, { prisma }) => prisma.role.findUnique({ where: { key } }),
  },
  Role: {
    id: (role) => toGlobalId('Role', role.id),
    researchers: (role, args, { loaders }, info) =>
      loaders.role
        .researchers({ page: readPageArgs(args, researcherOrderings.NAME), selection: nestedSelection(info, researcherColumnsFor(info, connectionNodes)) })
        .load(role.id),
  },
};
