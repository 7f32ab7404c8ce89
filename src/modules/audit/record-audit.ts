import { type SQL, sql } from 'drizzle-orm';
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

/**
 * The same audit row as an `INSERT … SELECT` from a common table expression whose `id` is the
 * subject, so a change and its audit row go to the database as one statement (hot paths).
 */
export function auditFrom(cte: string, ctx: AuditActor, entry: Omit<AuditEntry, 'subjectId'>): SQL {
  const from = sql.identifier(cte);
  return sql`insert into ${auditEvents} (actor_user_id, on_behalf_of_resident_id, action, subject_type,
      subject_id, station_id, path, summary, ip, user_agent)
    select ${ctx.user?.userId ?? null}::bigint, ${ctx.onBehalfOfResident ?? null}::bigint, ${entry.action},
      ${entry.subjectType}, ${from}.id::text, ${entry.stationId ?? null}::bigint, ${entry.path},
      ${JSON.stringify(entry.summary ?? {})}::jsonb, ${ctx.ip}, ${ctx.userAgent} from ${from}`;
}
