import type { Prisma } from '../generated/prisma/client.js';
import type { Viewer } from '../auth/viewer.js';

/** One change, as the audit log keeps it: the changed fields only, before and after. */
export interface AuditEntry {
  /** The mutation, e.g. `updatePublication`. */
  action: string;
  targetType: string;
  targetId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Writes an audit entry inside the change's own transaction: both are kept, or neither. */
export async function recordAudit(tx: Prisma.TransactionClient, viewer: Viewer, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actor: viewer.name,
      actorKind: viewer.via,
      actorRole: viewer.role,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: (entry.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (entry.after ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
