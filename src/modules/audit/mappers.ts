import type { AuditLog } from '../../generated/prisma/client.js';
import type { Connection, Edge } from '../shared/pagination/connection.js';

/** What AuditEntry fields resolve from: the audit_log row. */
export type AuditEntryModel = AuditLog;
export type AuditEntryConnectionModel = Connection<AuditEntryModel>;
export type AuditEntryEdgeModel = Edge<AuditEntryModel>;
