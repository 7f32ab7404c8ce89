import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Db } from '../../server/db/client.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import type { ModuleManifest } from '../manifest.ts';
import { notifyUser, sendOutside } from '../notifications/index.ts';
import { stations } from '../places/index.ts';
import { dutyShifts } from './duty.tables.ts';
import { addDays, chinaDate, chinaTime, dutyClock, hhmm } from './duty-time.ts';

/** The reminder the day before a shift (or the same day, for one placed late) 值班提醒: inbox in the transaction, outside channels after commit. */

const REMINDER_QUEUE = 'stations-duty-reminders';
const JOB_ACTOR: AuditActor = { user: null, ip: '127.0.0.1', userAgent: `linshe job ${REMINDER_QUEUE}` };

/**
 * Reminds everyone holding a shift tomorrow (station time), or later today and not started yet (a shift
 * placed or swapped after the last run of the day before), who was not reminded yet and is not on
 * leave; marks the shifts so each is reminded once (a swap clears the mark for the new person).
 * Answers how many shifts were reminded.
 */
export async function sendDutyReminders(db: Db, now: Date = dutyClock.now()): Promise<number> {
  const today = chinaDate(now);
  const tomorrow = addDays(today, 1);
  const clock = chinaTime(now);
  const sent = await db.transaction(async (tx) => {
    const due = await tx
      .select({ shift: dutyShifts, stationName: stations.name, stationPath: stations.path })
      .from(dutyShifts)
      .innerJoin(stations, eq(stations.id, dutyShifts.stationId))
      .where(
        and(
          or(
            eq(dutyShifts.onDate, tomorrow),
            and(eq(dutyShifts.onDate, today), gt(dutyShifts.startsAt, clock), isNull(dutyShifts.checkedInAt)),
          ),
          isNull(dutyShifts.remindedAt),
          isNull(dutyShifts.onLeaveAt),
        ),
      )
      .limit(2000)
      .for('update', { of: dutyShifts, skipLocked: true });
    const notificationIds: number[] = [];
    for (const { shift, stationName, stationPath } of due) {
      notificationIds.push(
        await notifyUser(tx, {
          userId: shift.userId,
          stationId: shift.stationId,
          kind: 'duty.reminder',
          title: `${shift.onDate === today ? '今天' : '明天'}值班：${hhmm(shift.startsAt)}–${hhmm(shift.endsAt)}`,
          body: `${stationName} ${shift.onDate} ${hhmm(shift.startsAt)}–${hhmm(shift.endsAt)}，请按时到岗签到。`,
          data: { shiftId: shift.id },
        }),
      );
      await recordAudit(tx, JOB_ACTOR, {
        action: 'duty.remind',
        subjectType: 'dutyShift',
        subjectId: shift.id,
        stationId: shift.stationId,
        path: stationPath,
      });
    }
    if (due.length > 0) {
      await tx
        .update(dutyShifts)
        .set({ remindedAt: now })
        .where(
          inArray(
            dutyShifts.id,
            due.map((d) => d.shift.id),
          ),
        );
    }
    return notificationIds;
  });
  for (const id of sent) await sendOutside(db, id);
  return sent.length;
}

/** Every hour, so a shift written or swapped late in the day is still reminded before its day. */
export const dutyJobs: NonNullable<ModuleManifest['jobs']> = async ({
  boss,
  db,
}: {
  boss: PgBoss;
  db: Db;
}) => {
  await boss.createQueue(REMINDER_QUEUE, { policy: 'singleton' });
  await boss.schedule(REMINDER_QUEUE, '0 * * * *');
  await boss.work(REMINDER_QUEUE, async () => {
    await sendDutyReminders(db);
  });
};
