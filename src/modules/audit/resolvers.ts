import { requireRole } from '../../auth/viewer.js';
import type { AccessRole, ActorKind, Resolvers } from '../../generated/graphql.js';
import { fromGlobalId, toGlobalId, type NodeType } from '../shared/nodeId.js';
import { readPageArgs } from '../shared/pagination/cursors.js';
import { auditOrdering, listAuditEntries } from './data.js';

const nodeTypes = new Set<string>(['Researcher', 'Publication', 'Topic', 'Role'] satisfies NodeType[]);

/** The entry's target as a node type, when it is one (an import is not). */
function nodeTarget(entry: { targetType: string; targetId: number | null }): { type: NodeType; id: number } | null {
  return nodeTypes.has(entry.targetType) && entry.targetId !== null ? { type: entry.targetType as NodeType, id: entry.targetId } : null;
}

export const auditResolvers: Resolvers = {
  Query: {
    auditLog: async (_parent, args, { prisma, authenticate }) => {
      await requireRole(authenticate, 'admin', 'Reading the audit log');
      const page = readPageArgs(args, auditOrdering);
      const target = args.target == null ? undefined : fromGlobalId(args.target, 'target');
      return listAuditEntries(prisma, target, page);
    },
  },
  AuditEntry: {
    id: (entry) => String(entry.id),
    actorKind: (entry) => entry.actorKind.toUpperCase() as ActorKind,
    actorRole: (entry) => entry.actorRole.toUpperCase() as AccessRole,
    targetId: (entry) => {
      const target = nodeTarget(entry);
      return target ? toGlobalId(target.type, target.id) : null;
    },
    target: (entry, _args, { loaders }) => {
      const target = nodeTarget(entry);
      switch (target?.type) {
        case 'Researcher':
          return loaders.researcher.byId.load(target.id);
        case 'Publication':
          return loaders.publication.byId.load(target.id);
        case 'Topic':
          return loaders.topic.byId.load(target.id);
        case 'Role':
          return loaders.role.byId.load(target.id);
        default:
          return null;
      }
    },
  },
};
