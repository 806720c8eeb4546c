import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import { columnsOf } from '../shared/columns.js';
import type { NodeType } from '../shared/nodeId.js';
import type { Ordering, PageRequest } from '../shared/pagination/cursors.js';
import { pageOf } from '../shared/pagination/topLevel.js';
import type { AuditEntryConnectionModel } from './mappers.js';

/**
 * Newest first: by the instant of the change, then by entry number (two
 * changes of one transaction share their instant). Both audit_log indexes
 * (migration sources_and_curation) end in exactly these keys, so a page, with
 * or without a target, is an index scan from its cursor.
 */
export const auditOrdering: Ordering = {
  name: 'NEWEST',
  keys: [
    { sql: Prisma.sql`a.at`, direction: 'desc', type: 'timestamp' },
    { sql: Prisma.sql`a.id`, direction: 'desc', type: 'int' },
  ],
};

/** The changes to one object. */
export interface AuditTarget {
  type: NodeType;
  id: number;
}

export function listAuditEntries(prisma: PrismaClient, target: AuditTarget | undefined, page: PageRequest): Promise<AuditEntryConnectionModel> {
  const where = target ? Prisma.sql`a.target_type = ${target.type} AND a.target_id = ${target.id}` : Prisma.sql`TRUE`;
  return pageOf(prisma, { columns: columnsOf('AuditLog', 'a'), from: Prisma.sql`audit_log a`, where }, auditOrdering, page);
}
