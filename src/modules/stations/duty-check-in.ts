import { and, eq, gte, inArray, lte, or } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { can, roleAllows } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { stations } from '../places/index.ts';
import { dutyPeople, dutyShifts, dutySwaps } from './duty.tables.ts';
import {
  loadShifts,
  loadSwaps,
  lockRoster,
  ownShift,
  presentShift,
  refuse,
  rosterStation,
} from './duty-shifts.ts';
import { addDays, chinaDate, chinaInstant, dutyClock, hhmm } from './duty-time.ts';

/** Check-in 签到 and check-out 签退 at the desk, and my desk: my shifts, swaps, where I may log. */

/** How early before its start a shift may be checked in to. */
const EARLY_MS = 30 * 60_000;

export async function checkIn(ctx: AuthedCtx, shiftId: number, out: boolean) {
  const now = dutyClock.now();
  const station = await rosterStation(ctx.db, { shiftId });
  await ctx.db.transaction(async (tx) => {
    await lockRoster(tx, station.id);
    const shift = await ownShift(ctx, tx, shiftId, true);
    if (shift.onLeaveAt) throw refuse('这个班次已请假', 'This shift is on leave');
    if (out) {
      if (!shift.checkedInAt) throw refuse('请先签到，再签退', 'Check in before checking out');
      if (shift.checkedOutAt) throw refuse('已经签退过了', 'Already checked out');
    } else {
      if (shift.checkedInAt) throw refuse('已经签到过了', 'Already checked in');
      const start = chinaInstant(shift.onDate, shift.startsAt);
      if (shift.onDate !== chinaDate(now)) {
        throw refuse(
          `只能在值班当天签到（本班次在 ${shift.onDate}）`,
          `Check in on the day of the shift (${shift.onDate})`,
        );
      }
      if (now.getTime() < start.getTime() - EARLY_MS) {
        throw refuse(
          `签到从开始前 30 分钟起（${hhmm(shift.startsAt)} 开始）`,
          `Check-in opens 30 minutes before the start (${hhmm(shift.startsAt)})`,
        );
      }
      if (now >= chinaInstant(shift.onDate, shift.endsAt)) {
        throw refuse(
          `班次已于 ${hhmm(shift.endsAt)} 结束，不能再签到`,
          `The shift ended at ${hhmm(shift.endsAt)}; it is too late to check in`,
        );
      }
    }
    await tx
      .update(dutyShifts)
      .set(out ? { checkedOutAt: now } : { checkedInAt: now })
      .where(eq(dutyShifts.id, shift.id));
    await recordAudit(tx, ctx, {
      action: out ? 'duty.checkOut' : 'duty.checkIn',
      subjectType: 'dutyShift',
      subjectId: shift.id,
      stationId: shift.stationId,
      path: station.path,
    });
  });
  const [loaded] = await loadShifts(ctx.db, eq(dutyShifts.id, shiftId));
  return presentShift(loaded!, ctx.user.userId, now);
}

/** My shifts from today on, swaps waiting on me or on the other person, and where I may log visits. */
export async function myDesk(ctx: AuthedCtx) {
  const now = dutyClock.now();
  const today = chinaDate(now);
  const me = ctx.user.userId;
  const shifts = await loadShifts(
    ctx.db,
    and(eq(dutyShifts.userId, me), gte(dutyShifts.onDate, today), lte(dutyShifts.onDate, addDays(today, 60))),
    200,
  );
  const swaps = await loadSwaps(
    ctx.db,
    and(
      eq(dutySwaps.state, 'requested'),
      or(eq(dutySwaps.counterpartUserId, me), eq(dutySwaps.requestedBy, me)),
    ),
    me,
  );
  // Stations I serve at by role (station grants), in the pool of, or on duty at today.
  const serving = ctx.user.grants
    .filter((g) => g.stationId !== null && roleAllows(g.role, 'duty.serve'))
    .map((g) => g.stationId!);
  const pooled = await ctx.db
    .select({ stationId: dutyPeople.stationId })
    .from(dutyPeople)
    .where(and(eq(dutyPeople.userId, me), eq(dutyPeople.active, true)));
  const onDutyToday = shifts
    .filter((s) => s.shift.onDate === today && !s.shift.onLeaveAt)
    .map((s) => s.shift.stationId);
  const candidates = [...new Set([...onDutyToday, ...serving, ...pooled.map((p) => p.stationId)])];
  const named =
    candidates.length === 0
      ? []
      : await ctx.db
          .select({ id: stations.id, name: stations.name, path: stations.path })
          .from(stations)
          .where(inArray(stations.id, candidates));
  const mayLog = named.filter(
    (s) => onDutyToday.includes(s.id) || can(ctx.user, 'duty.serve', { stationId: s.id, path: s.path }),
  );
  return {
    today,
    shifts: shifts.map((s) => presentShift(s, me, now)),
    incoming: swaps.filter((s) => s.counterpart.id === me),
    outgoing: swaps.filter((s) => s.requestedBy.id === me),
    stations: candidates.flatMap((id) =>
      mayLog.filter((s) => s.id === id).map((s) => ({ id: s.id, name: s.name })),
    ),
  };
}
