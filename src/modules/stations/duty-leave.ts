import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { roleGrants } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyUser, sendOutside } from '../notifications/index.ts';
import { dutyPeople, dutyShifts, dutySlots, dutyUnavailable } from './duty.tables.ts';
import {
  cancelOpenSwaps,
  clashes,
  loadShifts,
  lockRoster,
  ownShift,
  presentShift,
  refuse,
  rosterStation,
} from './duty-shifts.ts';
import { chinaDate, chinaInstant, dutyClock, hhmm } from './duty-time.ts';
import { dateHolds, loadHours } from './opening-hours.ts';
import { badField, stationFor } from './station-access.ts';

/** Leave 请假 from one's own shift, and the manager placing a single shift or a cover 代班 for leave. */

/** Marks my shift on leave, with a reason; open swaps of it are cancelled and the chair is told. */
export async function takeLeave(ctx: AuthedCtx, shiftId: number, input: { reason: string }) {
  const now = dutyClock.now();
  const station = await rosterStation(ctx.db, { shiftId });
  const shift = await ctx.db.transaction(async (tx) => {
    await lockRoster(tx, station.id);
    const shift = await ownShift(ctx, tx, shiftId, true);
    if (shift.onLeaveAt) throw refuse('该班次已经请假', 'This shift is already on leave');
    if (shift.checkedInAt) throw refuse('已签到的班次不能请假', 'A shift checked in to cannot go on leave');
    if (now >= chinaInstant(shift.onDate, shift.startsAt)) {
      throw refuse('班次已经开始，不能再请假', 'The shift has started; it is too late for leave');
    }
    await tx
      .update(dutyShifts)
      .set({ onLeaveAt: now, leaveReason: input.reason })
      .where(eq(dutyShifts.id, shift.id));
    await cancelOpenSwaps(tx, [shift.id], now);
    const managers = await tx
      .selectDistinct({ userId: roleGrants.userId })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.stationId, shift.stationId),
          inArray(roleGrants.role, ['chair', 'secretaryGeneral']),
        ),
      );
    for (const m of managers) {
      await notifyUser(tx, {
        userId: m.userId,
        stationId: shift.stationId,
        kind: 'duty.leave',
        title: `值班请假：${shift.onDate} ${hhmm(shift.startsAt)}–${hhmm(shift.endsAt)}`,
        body: `${ctx.user.displayName}：${input.reason}`.slice(0, 200),
        data: { shiftId: shift.id },
      });
    }
    const [loaded] = await loadShifts(tx, eq(dutyShifts.id, shift.id));
    await recordAudit(tx, ctx, {
      action: 'duty.leave',
      subjectType: 'dutyShift',
      subjectId: shift.id,
      stationId: shift.stationId,
      path: station.path,
      summary: { date: shift.onDate },
    });
    return loaded!;
  });
  return presentShift(shift, ctx.user.userId, now);
}

/**
 * Writes one shift: the slot's times on a day whose opening hours hold it, for an active pool member who
 * is not away that day and holds nothing overlapping, while the slot is in use and has a free seat.
 * The caller holds the station's roster lock (`lockRoster`).
 */
async function insertShift(
  tx: DbOrTx,
  station: { id: number },
  input: { date: string; slotId: number; userId: number },
) {
  const now = dutyClock.now();
  const [slot] = await tx
    .select()
    .from(dutySlots)
    .where(and(eq(dutySlots.id, input.slotId), eq(dutySlots.stationId, station.id)));
  if (!slot) throw badField('slotId', { zh: '本站没有这个值班时段', en: 'No such slot at this station' });
  if (!slot.active) {
    throw badField('slotId', {
      zh: `值班时段 ${hhmm(slot.startsAt)}–${hhmm(slot.endsAt)} 已停用，不能再排班`,
      en: `Slot ${hhmm(slot.startsAt)}–${hhmm(slot.endsAt)} is retired; no shift can be placed in it`,
    });
  }
  if (now >= chinaInstant(input.date, slot.endsAt)) {
    throw badField('date', { zh: '这个班次已经结束', en: 'That shift is already over' });
  }
  if (!dateHolds(await loadHours(tx, station.id), input.date, slot)) {
    throw badField('date', {
      zh: `${input.date} ${hhmm(slot.startsAt)}–${hhmm(slot.endsAt)} 不在开放时间内`,
      en: `${input.date} ${hhmm(slot.startsAt)}–${hhmm(slot.endsAt)} is outside the opening hours`,
    });
  }
  const [person] = await tx
    .select()
    .from(dutyPeople)
    .where(
      and(
        eq(dutyPeople.stationId, station.id),
        eq(dutyPeople.userId, input.userId),
        eq(dutyPeople.active, true),
      ),
    );
  if (!person)
    throw badField('userId', { zh: '此人不在本站值班人员名单中', en: 'Not on this station’s rota' });
  const [away] = await tx
    .select()
    .from(dutyUnavailable)
    .where(
      and(
        eq(dutyUnavailable.stationId, station.id),
        eq(dutyUnavailable.userId, input.userId),
        eq(dutyUnavailable.onDate, input.date),
      ),
    );
  if (away)
    throw badField('userId', { zh: `${person.name}当天不能值班`, en: `${person.name} is away that day` });
  const busy = await clashes(
    tx,
    input.userId,
    { onDate: input.date, slotId: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt },
    null,
  );
  if (busy)
    throw badField('userId', {
      zh: `${person.name}这个时段已有班次`,
      en: `${person.name} already has a shift then`,
    });
  // Lock the slot's day so two covers cannot both take its last seat.
  const seated = await tx
    .select({ id: dutyShifts.id })
    .from(dutyShifts)
    .where(
      and(eq(dutyShifts.slotId, slot.id), eq(dutyShifts.onDate, input.date), isNull(dutyShifts.onLeaveAt)),
    )
    .for('update');
  if (seated.length >= slot.seats) {
    throw new AppError('CONFLICT', { detail: { zh: '这个时段人数已满', en: 'This slot is already full' } });
  }
  const [row] = await tx
    .insert(dutyShifts)
    .values({
      stationId: station.id,
      slotId: slot.id,
      onDate: input.date,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      userId: input.userId,
    })
    .returning();
  const notificationId = await notifyUser(tx, {
    userId: input.userId,
    stationId: station.id,
    kind: 'duty.assigned',
    title: `新的值班：${input.date} ${hhmm(slot.startsAt)}–${hhmm(slot.endsAt)}`,
    body: '您被安排值班，请按时到岗签到。',
    data: { shiftId: row!.id },
  });
  return { shift: row!, notificationId };
}

/** A manager places one shift (an unfilled seat, an extra hand). */
export async function placeShift(
  ctx: AuthedCtx,
  stationId: number,
  input: { date: string; slotId: number; userId: number },
) {
  const station = await stationFor(ctx, stationId, 'station.manage');
  if (input.date < chinaDate(dutyClock.now())) {
    throw badField('date', { zh: '不能为已过去的日子排班', en: 'That day is over' });
  }
  const { shift, notificationId } = await ctx.db.transaction(async (tx) => {
    await lockRoster(tx, station.id);
    const placed = await insertShift(tx, station, input);
    await recordAudit(tx, ctx, {
      action: 'duty.shift.place',
      subjectType: 'dutyShift',
      subjectId: placed.shift.id,
      stationId: station.id,
      path: station.path,
      summary: input,
    });
    return placed;
  });
  await sendOutside(ctx.db, notificationId);
  const [loaded] = await loadShifts(ctx.db, eq(dutyShifts.id, shift.id));
  return presentShift(loaded!, ctx.user.userId);
}

/** A manager assigns cover for a shift on leave: a pool member free that slot takes the seat. */
export async function coverShift(ctx: AuthedCtx, shiftId: number, input: { userId: number }) {
  const [leave] = await ctx.db.select().from(dutyShifts).where(eq(dutyShifts.id, shiftId));
  if (!leave) throw new AppError('NOT_FOUND');
  const station = await stationFor(ctx, leave.stationId, 'station.manage');
  const { shift, notificationId } = await ctx.db.transaction(async (tx) => {
    await lockRoster(tx, station.id);
    const [current] = await tx.select().from(dutyShifts).where(eq(dutyShifts.id, leave.id));
    if (!current?.onLeaveAt) throw refuse('只能为请假的班次安排代班', 'Only a shift on leave can be covered');
    const placed = await insertShift(tx, station, {
      date: leave.onDate,
      slotId: leave.slotId,
      userId: input.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'duty.cover',
      subjectType: 'dutyShift',
      subjectId: placed.shift.id,
      stationId: station.id,
      path: station.path,
      summary: { coverOf: leave.id, userId: input.userId },
    });
    return placed;
  });
  await sendOutside(ctx.db, notificationId);
  const [loaded] = await loadShifts(ctx.db, eq(dutyShifts.id, shift.id));
  return presentShift(loaded!, ctx.user.userId);
}
