import type { DbOrTx } from '../../server/db/client.ts';
import { auditEvents } from './audit.tables.ts';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  stationId?: number | null;
  /** Where the subject sits in the tree. */
  path: string;
  /** What changed: field names and new values, never secrets. */
  summary?: Record<string, unknown>;
}

/** Who made a change: the signed-in user, and the resident they verifiably acted for, if any. */
export interface AuditActor {
  user: { userId: number } | null;
  ip: string;
  userAgent: string | null;
  onBehalfOfResident?: number | null;
}

/** Writes one audit row. Call it with the transaction that makes the change. */
export async function recordAudit(tx: DbOrTx, ctx: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorUserId: ctx.user?.userId ?? null,
    onBehalfOfResidentId: ctx.onBehalfOfResident ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId === undefined || entry.subjectId === null ? null : String(entry.subjectId),
    stationId: entry.stationId ?? null,
    path: entry.path,
    summary: entry.summary ?? {},
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
}
