import { and, asc, eq, gte, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyUser, sendOutside } from '../notifications/index.ts';
import { dutyPeople, dutyShifts, dutySwaps } from './duty.tables.ts';
import {
  cancelOpenSwaps,
  clashes,
  loadShifts,
  loadSwaps,
  lockRoster,
  ownShift,
  presentShift,
  refuse,
  rosterStation,
} from './duty-shifts.ts';
import { addDays, chinaDate, chinaInstant, dutyClock, hhmm } from './duty-time.ts';
import { badField } from './station-access.ts';

/** Swaps 换班: my shift for another person's (or they cover mine); only the counterpart can agree. */

type ShiftRow = typeof dutyShifts.$inferSelect;
const label = (s: ShiftRow) => `${s.onDate} ${hhmm(s.startsAt)}–${hhmm(s.endsAt)}`;

/** Not on leave, not checked in, not started: a shift that can still change hands. */
function open(s: ShiftRow, now: Date) {
  return !s.onLeaveAt && !s.checkedInAt && now < chinaInstant(s.onDate, s.startsAt);
}

/** Shifts I could swap mine with, and the people who could cover it. */
export async function swapOptions(ctx: AuthedCtx, shiftId: number) {
  const shift = await ownShift(ctx, ctx.db, shiftId);
  const now = dutyClock.now();
  const today = chinaDate(now);
  const shifts = await loadShifts(
    ctx.db,
    and(
      eq(dutyShifts.stationId, shift.stationId),
      gte(dutyShifts.onDate, today),
      lte(dutyShifts.onDate, addDays(today, 60)),
      ne(dutyShifts.userId, ctx.user.userId),
      isNull(dutyShifts.onLeaveAt),
      isNull(dutyShifts.checkedInAt),
    ),
    300,
  );
  const people = await ctx.db
    .select({ userId: dutyPeople.userId, name: dutyPeople.name })
    .from(dutyPeople)
    .where(
      and(
        eq(dutyPeople.stationId, shift.stationId),
        eq(dutyPeople.active, true),
        ne(dutyPeople.userId, ctx.user.userId),
      ),
    )
    .orderBy(asc(dutyPeople.id));
  return {
    shifts: shifts
      .filter(
        (l) => open(l.shift, now) && !(l.shift.onDate === shift.onDate && l.shift.slotId === shift.slotId),
      )
      .map((l) => presentShift(l, ctx.user.userId, now)),
    people,
  };
}

/** I propose to swap my shift with another's, or ask someone to cover it; they are told. */
export async function proposeSwap(
  ctx: AuthedCtx,
  input: { shiftId: number; counterpartShiftId?: number | undefined; counterpartUserId?: number | undefined },
) {
  const now = dutyClock.now();
  const station = await rosterStation(ctx.db, { shiftId: input.shiftId });
  const { swapId, notificationId } = await ctx.db.transaction(async (tx) => {
    await lockRoster(tx, station.id);
    const shift = await ownShift(ctx, tx, input.shiftId, true);
    if (!open(shift, now))
      throw refuse('这个班次已开始、已签到或已请假，不能换班', 'This shift can no longer be swapped');
    let counterpartUserId: number;
    let other: ShiftRow | null = null;
    if (input.counterpartShiftId !== undefined) {
      const [found] = await tx
        .select()
        .from(dutyShifts)
        .where(and(eq(dutyShifts.id, input.counterpartShiftId), eq(dutyShifts.stationId, shift.stationId)));
      if (!found)
        throw badField('counterpartShiftId', { zh: '找不到要交换的班次', en: 'No such shift to swap with' });
      if (found.userId === ctx.user.userId) {
        throw badField('counterpartShiftId', {
          zh: '不能和自己的班次交换',
          en: 'That shift is yours already',
        });
      }
      if (!open(found, now)) {
        throw badField('counterpartShiftId', {
          zh: '对方的班次已不能交换',
          en: 'That shift can no longer be swapped',
        });
      }
      other = found;
      counterpartUserId = found.userId;
      if (await clashes(tx, ctx.user.userId, found, shift)) {
        throw badField('counterpartShiftId', {
          zh: '换班后您会在同一时段有两个班次',
          en: 'You would hold two shifts at once',
        });
      }
    } else {
      counterpartUserId = input.counterpartUserId!;
      const [member] = await tx
        .select()
        .from(dutyPeople)
        .where(
          and(
            eq(dutyPeople.stationId, shift.stationId),
            eq(dutyPeople.userId, counterpartUserId),
            eq(dutyPeople.active, true),
          ),
        );
      if (!member || counterpartUserId === ctx.user.userId) {
        throw badField('counterpartUserId', {
          zh: '请选择本站的其他值班人员',
          en: 'Choose another person on the rota',
        });
      }
    }
    if (await clashes(tx, counterpartUserId, shift, other)) {
      throw badField('counterpartUserId', {
        zh: '对方在这个时段已有班次',
        en: 'They already have a shift then',
      });
    }
    const [pending] = await tx
      .select({ id: dutySwaps.id })
      .from(dutySwaps)
      .where(and(eq(dutySwaps.shiftId, shift.id), eq(dutySwaps.state, 'requested')));
    if (pending) {
      throw new AppError('CONFLICT', {
        detail: {
          zh: '这个班次已有待回复的换班申请',
          en: 'This shift already has a swap waiting for an answer',
        },
      });
    }
    const [swap] = await tx
      .insert(dutySwaps)
      .values({
        stationId: shift.stationId,
        shiftId: shift.id,
        counterpartUserId,
        counterpartShiftId: other?.id ?? null,
        requestedBy: ctx.user.userId,
      })
      .returning({ id: dutySwaps.id });
    const notificationId = await notifyUser(tx, {
      userId: counterpartUserId,
      stationId: shift.stationId,
      kind: 'duty.swap',
      title: other ? `${ctx.user.displayName}想和您换班` : `${ctx.user.displayName}请您代班`,
      body: other ? `用 ${label(shift)} 换您的 ${label(other)}` : `请您代 ${label(shift)} 的班`,
      data: { swapId: swap!.id },
    });
    await recordAudit(tx, ctx, {
      action: 'duty.swap.propose',
      subjectType: 'dutySwap',
      subjectId: swap!.id,
      stationId: shift.stationId,
      path: station.path,
      summary: { shiftId: shift.id, counterpartShiftId: other?.id ?? null, counterpartUserId },
    });
    return { swapId: swap!.id, notificationId };
  });
  await sendOutside(ctx.db, notificationId);
  return (await loadSwaps(ctx.db, eq(dutySwaps.id, swapId), ctx.user.userId))[0]!;
}

const DECISIONS = {
  accept: { state: 'accepted', zh: '同意', en: 'accept' },
  decline: { state: 'declined', zh: '拒绝', en: 'decline' },
  cancel: { state: 'cancelled', zh: '撤回', en: 'cancel' },
} as const;

/**
 * The counterpart accepts or declines, the proposer cancels. Accepting exchanges the two people in one
 * transaction, and is refused when either shift changed since (other hands, leave, check-in, started)
 * or when it would double-book someone.
 */
export async function decideSwap(ctx: AuthedCtx, swapId: number, decision: keyof typeof DECISIONS) {
  const now = dutyClock.now();
  const me = ctx.user.userId;
  const station = await rosterStation(ctx.db, { swapId });
  const notificationId = await ctx.db.transaction(async (tx) => {
    await lockRoster(tx, station.id);
    const [swap] = await tx.select().from(dutySwaps).where(eq(dutySwaps.id, swapId)).for('update');
    if (!swap) throw new AppError('NOT_FOUND');
    const involved = swap.requestedBy === me || swap.counterpartUserId === me;
    if (!involved && !can(ctx.user, 'station.read', station)) throw new AppError('NOT_FOUND');
    if (decision === 'cancel' && swap.requestedBy !== me) {
      throw new AppError('FORBIDDEN', {
        detail: { zh: '只有发起人可以撤回换班申请', en: 'Only the proposer can cancel a swap' },
      });
    }
    if (decision !== 'cancel' && swap.counterpartUserId !== me) {
      throw new AppError('FORBIDDEN', {
        detail:
          swap.requestedBy === me
            ? {
                zh: `不能${DECISIONS[decision].zh}自己发起的换班，须由对方答复`,
                en: `You cannot ${DECISIONS[decision].en} your own swap; the other person answers`,
              }
            : {
                zh: `只有被邀请的人可以${DECISIONS[decision].zh}这次换班`,
                en: `Only the person asked can ${DECISIONS[decision].en} this swap`,
              },
      });
    }
    if (swap.state !== 'requested')
      throw refuse('这个换班申请已经处理过了', 'This swap has already been answered');

    if (decision === 'accept') {
      const ids = swap.counterpartShiftId ? [swap.shiftId, swap.counterpartShiftId] : [swap.shiftId];
      const locked = await tx.select().from(dutyShifts).where(inArray(dutyShifts.id, ids)).for('update');
      const mine = locked.find((s) => s.id === swap.shiftId)!;
      const theirs = locked.find((s) => s.id === swap.counterpartShiftId) ?? null;
      const stale =
        mine.userId !== swap.requestedBy ||
        !open(mine, now) ||
        (theirs !== null && (theirs.userId !== swap.counterpartUserId || !open(theirs, now)));
      if (stale)
        throw refuse(
          '班次已有变动，这个换班申请已失效',
          'A shift has changed since; this swap no longer applies',
        );
      if (
        (await clashes(tx, swap.counterpartUserId, mine, theirs)) ||
        (theirs && (await clashes(tx, swap.requestedBy, theirs, mine)))
      ) {
        throw refuse('换班后会有人在同一时段有两个班次', 'The swap would give someone two shifts at once');
      }
      await tx
        .update(dutyShifts)
        .set({ userId: swap.counterpartUserId, remindedAt: null })
        .where(eq(dutyShifts.id, mine.id));
      if (theirs) {
        await tx
          .update(dutyShifts)
          .set({ userId: swap.requestedBy, remindedAt: null })
          .where(eq(dutyShifts.id, theirs.id));
      }
      await cancelOpenSwaps(tx, ids, now, swap.id);
    }
    await tx
      .update(dutySwaps)
      .set({ state: DECISIONS[decision].state, decidedAt: now })
      .where(eq(dutySwaps.id, swap.id));
    await recordAudit(tx, ctx, {
      action: `duty.swap.${decision}`,
      subjectType: 'dutySwap',
      subjectId: swap.id,
      stationId: swap.stationId,
      path: station.path,
    });
    if (decision === 'cancel') return null;
    return notifyUser(tx, {
      userId: swap.requestedBy,
      stationId: swap.stationId,
      kind: 'duty.swap',
      title:
        decision === 'accept' ? `${ctx.user.displayName}同意了换班` : `${ctx.user.displayName}拒绝了换班`,
      body: decision === 'accept' ? '班次已交换，请按新的班次值班。' : '原班次不变。',
      data: { swapId: swap.id },
    });
  });
  if (notificationId !== null) await sendOutside(ctx.db, notificationId);
  return (await loadSwaps(ctx.db, eq(dutySwaps.id, swapId), me))[0]!;
}
