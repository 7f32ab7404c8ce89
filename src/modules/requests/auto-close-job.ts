import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Db } from '../../server/db/client.ts';
import type { AuditActor } from '../audit/record-audit.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notifyUser, sendOutside } from '../notifications/notify.ts';
import { DEFAULT_AUTO_CLOSE_DAYS } from './request-settings.ts';
import { requestEvents, requestSettings, requests } from './requests.tables.ts';

const AUTO_CLOSE_QUEUE = 'requests-auto-close';
const BATCH = 500;

/**
 * Jobs write audit rows as the system: no user, the local address, and the job's name as the agent
 * (the seed and the CLI do the same), so the audit reader shows who acted as "system".
 */
const JOB_ACTOR: AuditActor = { user: null, ip: '127.0.0.1', userAgent: `linshe job ${AUTO_CLOSE_QUEUE}` };

/**
 * Closes resolved requests the reporter has not rated within the station's auto-close days
 * (7 when the station set none): status closed, a timeline entry, an audit row and a note to the
 * reporter each. Batches of 500, locked rows skipped, so two workers never close one twice.
 */
export async function closeUnratedRequests(db: Db, now: Date = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const notified: number[] = [];
    const closed = await db.transaction(async (tx) => {
      const days = sql<number>`coalesce(${requestSettings.autoCloseDays}, ${DEFAULT_AUTO_CLOSE_DAYS})::int`;
      const due = await tx
        .select({
          id: requests.id,
          stationId: requests.stationId,
          path: requests.path,
          reporterUserId: requests.reporterUserId,
          description: requests.description,
          days,
        })
        .from(requests)
        .leftJoin(requestSettings, eq(requestSettings.stationId, requests.stationId))
        .where(
          and(
            eq(requests.status, 'resolved'),
            isNull(requests.rating),
            sql`${requests.resolvedAt} <= ${now.toISOString()}::timestamptz - make_interval(days => ${days})`,
          ),
        )
        .orderBy(asc(requests.id))
        .limit(BATCH)
        .for('update', { of: requests, skipLocked: true });
      if (due.length === 0) return 0;
      await tx
        .update(requests)
        .set({ status: 'closed', closedAt: now, updatedAt: now })
        .where(
          inArray(
            requests.id,
            due.map((d) => d.id),
          ),
        );
      await tx.insert(requestEvents).values(
        due.map((d) => ({
          stationId: d.stationId,
          requestId: d.id,
          at: now,
          kind: 'autoClose',
          fromStatus: 'resolved' as const,
          toStatus: 'closed' as const,
          data: { days: d.days },
        })),
      );
      for (const d of due) {
        await recordAudit(tx, JOB_ACTOR, {
          action: 'request.autoClose',
          subjectType: 'request',
          subjectId: d.id,
          stationId: d.stationId,
          path: d.path,
          summary: { from: 'resolved', to: 'closed', days: d.days },
        });
        if (d.reporterUserId) {
          const id = await notifyUser(tx, {
            userId: d.reporterUserId,
            stationId: d.stationId,
            kind: 'request.updated',
            title: '您的诉求已自动办结',
            body: `解决后 ${d.days} 天未评价，已自动办结：${d.description.slice(0, 40)}`,
            data: { requestId: d.id },
          });
          notified.push(id);
        }
      }
      return due.length;
    });
    for (const id of notified) await sendOutside(db, id);
    total += closed;
    if (closed < BATCH) return total;
  }
}

/** Runs the close every hour through pg-boss (one worker at a time across instances). */
export async function scheduleAutoCloseJob(boss: PgBoss, db: Db): Promise<void> {
  await boss.createQueue(AUTO_CLOSE_QUEUE, { policy: 'singleton' });
  await boss.schedule(AUTO_CLOSE_QUEUE, '0 * * * *');
  await boss.work(AUTO_CLOSE_QUEUE, async () => {
    await closeUnratedRequests(db);
  });
}
