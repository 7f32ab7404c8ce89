import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Db } from '../../server/db/client.ts';
import { roleGrants } from '../accounts/accounts.tables.ts';
import { notifyUser } from '../notifications/notify.ts';
import { OPEN_STATUSES } from './lifecycle.ts';
import { categories, requestEvents, requests } from './requests.tables.ts';

const OVERDUE_QUEUE = 'requests-overdue';

// The open statuses as constants in the statement's text (not bound), as the planner sees a literal list.
const OPEN_IN_SQL = sql.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`);

/**
 * Open and past a deadline at `now`: the resolution deadline, or the response deadline while nobody
 * has responded. The one definition the queue, its filter and this job use.
 */
export function overdueAt(now: Date | SQL): SQL<boolean> {
  return sql<boolean>`(${requests.status} in ${OPEN_IN_SQL} and
    (${requests.dueResolutionAt} <= ${now} or (${requests.respondedAt} is null and ${requests.dueResponseAt} <= ${now})))`;
}

/**
 * Finds open requests past their response or resolution deadline that nobody was told about yet,
 * and tells the handler and the station's chair (inbox), once per request, on the timeline too.
 */
export async function flagOverdue(db: Db, now: Date = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ request: requests, categoryName: categories.name })
      .from(requests)
      .innerJoin(categories, eq(categories.id, requests.categoryId))
      .where(and(isNull(requests.overdueNotifiedAt), overdueAt(now)))
      .limit(500)
      .for('update', { of: requests, skipLocked: true });
    if (due.length === 0) return 0;
    const stationIds = [...new Set(due.map((d) => d.request.stationId))];
    const chairs = await tx
      .select({ userId: roleGrants.userId, stationId: roleGrants.stationId })
      .from(roleGrants)
      .where(and(eq(roleGrants.role, 'chair'), inArray(roleGrants.stationId, stationIds)));
    for (const { request, categoryName } of due) {
      const which = request.respondedAt === null && request.dueResponseAt <= now ? '响应' : '办结';
      const recipients = new Set([
        ...(request.handlerUserId ? [request.handlerUserId] : []),
        ...chairs.filter((c) => c.stationId === request.stationId).map((c) => c.userId),
      ]);
      for (const userId of recipients) {
        await notifyUser(tx, {
          userId,
          stationId: request.stationId,
          kind: 'request.overdue',
          title: `诉求超时未${which}：${categoryName}`,
          body: request.description.slice(0, 80),
          data: { requestId: request.id },
        });
      }
      await tx.insert(requestEvents).values({
        stationId: request.stationId,
        requestId: request.id,
        kind: 'overdue',
        data: { which: which === '响应' ? 'response' : 'resolution' },
      });
    }
    await tx
      .update(requests)
      .set({ overdueNotifiedAt: now })
      .where(
        inArray(
          requests.id,
          due.map((d) => d.request.id),
        ),
      );
    return due.length;
  });
}

/** Runs the check every five minutes through pg-boss (one worker at a time across instances). */
export async function scheduleOverdueJob(boss: PgBoss, db: Db): Promise<void> {
  await boss.createQueue(OVERDUE_QUEUE, { policy: 'singleton' });
  await boss.schedule(OVERDUE_QUEUE, '*/5 * * * *');
  await boss.work(OVERDUE_QUEUE, async () => {
    await flagOverdue(db);
  });
}
