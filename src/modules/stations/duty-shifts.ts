import { and, asc, eq, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can, users } from '../accounts/index.ts';
import { stationPlace, stations } from '../places/index.ts';
import type { SHIFT_ACTIONS, ZShift } from './duty.schema.ts';
import { dutyShifts, dutySwaps } from './duty.tables.ts';
import { chinaDate, chinaInstant, dutyClock, hhmm, overlaps } from './duty-time.ts';

/** Who may do what at a station's duty desk, and how shifts are loaded and shown. */

type ShiftRow = typeof dutyShifts.$inferSelect;
type Shift = z.output<typeof ZShift>;

/** Serving at the desk: the duty.serve role there, or a shift there today (volunteers who are only residents). */
export async function mayServe(
  db: DbOrTx,
  ctx: AuthedCtx,
  station: { id: number; stationId: number | null; path: string },
) {
  if (can(ctx.user, 'duty.serve', station)) return true;
  const [shift] = await db
    .select({ id: dutyShifts.id })
    .from(dutyShifts)
    .where(
      and(
        eq(dutyShifts.stationId, station.id),
        eq(dutyShifts.userId, ctx.user.userId),
        eq(dutyShifts.onDate, chinaDate(dutyClock.now())),
        isNull(dutyShifts.onLeaveAt),
      ),
    )
    .limit(1);
  return shift !== undefined;
}

/**
 * The station's roster lock: every transaction that writes its shifts or swaps (placing, covering,
 * generating, swapping, leave, check-in and out) and every change of its slots or opening hours takes it
 * FIRST, before reading or locking any row. Writers of one station thus run one after another, and since
 * nobody holds a row lock when asking for it, two writers can no longer deadlock (leave locks the shift
 * then the swaps, a swap decision the swap then the shifts).
 */
export async function lockRoster(tx: DbOrTx, stationId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`duty-roster:${stationId}`}))`);
}

/**
 * The station of a shift or of a swap (it never changes), read before its roster lock is taken: its id to
 * lock, its path to check and audit with, so the transaction does not read the station again. 404 when none.
 */
export async function rosterStation(db: DbOrTx, of: { shiftId: number } | { swapId: number }) {
  const station = { id: stations.id, stationId: stations.id, path: stations.path };
  const [row] =
    'shiftId' in of
      ? await db
          .select(station)
          .from(dutyShifts)
          .innerJoin(stations, eq(stations.id, dutyShifts.stationId))
          .where(eq(dutyShifts.id, of.shiftId))
      : await db
          .select(station)
          .from(dutySwaps)
          .innerJoin(stations, eq(stations.id, dutySwaps.stationId))
          .where(eq(dutySwaps.id, of.swapId));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * Would `userId` be double-booked taking `take` (while giving away `give`)? They hold its slot that day,
 * or a shift not on leave overlapping it.
 */
export async function clashes(
  db: DbOrTx,
  userId: number,
  take: Pick<ShiftRow, 'onDate' | 'slotId' | 'startsAt' | 'endsAt'>,
  give: { id: number } | null,
) {
  const held = await db
    .select()
    .from(dutyShifts)
    .where(and(eq(dutyShifts.userId, userId), eq(dutyShifts.onDate, take.onDate)));
  return held.some(
    (h) =>
      h.id !== give?.id &&
      (h.slotId === take.slotId ||
        (!h.onLeaveAt &&
          overlaps({ from: h.startsAt, to: h.endsAt }, { from: take.startsAt, to: take.endsAt }))),
  );
}

export const refuse = (zh: string, en: string) => new AppError('INVALID_STATE', { detail: { zh, en } });

function shiftState(row: ShiftRow, now: Date): Shift['state'] {
  if (row.onLeaveAt) return 'onLeave';
  if (row.checkedOutAt) return 'checkedOut';
  if (row.checkedInAt) return 'checkedIn';
  return chinaInstant(row.onDate, row.endsAt) <= now ? 'missed' : 'planned';
}

/** What the shift's own person may do with it now (the server still checks each one). */
function shiftActions(row: ShiftRow, now: Date): (typeof SHIFT_ACTIONS)[number][] {
  if (row.onLeaveAt) return [];
  if (row.checkedInAt) return row.checkedOutAt ? [] : ['checkOut'];
  const actions: (typeof SHIFT_ACTIONS)[number][] = [];
  if (row.onDate === chinaDate(now) && now < chinaInstant(row.onDate, row.endsAt)) actions.push('checkIn');
  if (now < chinaInstant(row.onDate, row.startsAt)) actions.push('leave', 'swap');
  return actions;
}

export interface LoadedShift {
  shift: ShiftRow;
  stationName: string;
  name: string;
}

export function presentShift(loaded: LoadedShift, viewerId: number, now = dutyClock.now()): Shift {
  const { shift } = loaded;
  return {
    id: shift.id,
    stationId: shift.stationId,
    stationName: loaded.stationName,
    date: shift.onDate,
    slotId: shift.slotId,
    startsAt: hhmm(shift.startsAt),
    endsAt: hhmm(shift.endsAt),
    userId: shift.userId,
    name: loaded.name,
    state: shiftState(shift, now),
    leaveReason: shift.leaveReason,
    checkedInAt: shift.checkedInAt?.toISOString() ?? null,
    checkedOutAt: shift.checkedOutAt?.toISOString() ?? null,
    actions: shift.userId === viewerId ? shiftActions(shift, now) : [],
  };
}

/** Shifts with their station's and person's names, by day and time. */
export async function loadShifts(db: DbOrTx, where: SQL | undefined, limit = 2000): Promise<LoadedShift[]> {
  return db
    .select({ shift: dutyShifts, stationName: stations.name, name: users.displayName })
    .from(dutyShifts)
    .innerJoin(stations, eq(stations.id, dutyShifts.stationId))
    .innerJoin(users, eq(users.id, dutyShifts.userId))
    .where(where)
    .orderBy(asc(dutyShifts.onDate), asc(dutyShifts.startsAt), asc(dutyShifts.id))
    .limit(limit);
}

/**
 * A shift for its own person: 404 unless it is theirs or they see the station's page; 403 when they see
 * it but it is someone else's.
 */
export async function ownShift(ctx: AuthedCtx, db: DbOrTx, id: number, lock = false) {
  const query = db.select().from(dutyShifts).where(eq(dutyShifts.id, id));
  const [shift] = lock ? await query.for('update') : await query;
  if (!shift) throw new AppError('NOT_FOUND');
  if (shift.userId === ctx.user.userId) return shift;
  const station = await stationPlace(db, shift.stationId);
  if (!can(ctx.user, 'station.read', station)) throw new AppError('NOT_FOUND');
  throw new AppError('FORBIDDEN', {
    detail: { zh: '这不是您的班次', en: 'This is not your shift' },
  });
}

/** Swaps with both shifts and both people, as the desk shows them. */
export async function loadSwaps(db: DbOrTx, where: SQL | undefined, viewerId: number) {
  const swaps = await db.select().from(dutySwaps).where(where).orderBy(asc(dutySwaps.id)).limit(200);
  if (swaps.length === 0) return [];
  const shiftIds = swaps.flatMap((s) =>
    s.counterpartShiftId ? [s.shiftId, s.counterpartShiftId] : [s.shiftId],
  );
  const shifts = new Map(
    (await loadShifts(db, inArray(dutyShifts.id, shiftIds))).map((l) => [l.shift.id, l]),
  );
  const people = new Map(
    (
      await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, [...new Set(swaps.flatMap((s) => [s.requestedBy, s.counterpartUserId]))]))
    ).map((u) => [u.id, u]),
  );
  const now = dutyClock.now();
  const person = (id: number) => people.get(id) ?? { id, name: '' };
  return swaps.map((s) => ({
    id: s.id,
    state: s.state,
    shift: presentShift(shifts.get(s.shiftId)!, viewerId, now),
    counterpartShift: s.counterpartShiftId
      ? presentShift(shifts.get(s.counterpartShiftId)!, viewerId, now)
      : null,
    requestedBy: person(s.requestedBy),
    counterpart: person(s.counterpartUserId),
    createdAt: s.createdAt.toISOString(),
    decidedAt: s.decidedAt?.toISOString() ?? null,
  }));
}

/** Cancels the open swaps that name any of these shifts (they would name the wrong people now). */
export async function cancelOpenSwaps(tx: DbOrTx, shiftIds: number[], now: Date, except?: number) {
  await tx
    .update(dutySwaps)
    .set({ state: 'cancelled', decidedAt: now })
    .where(
      and(
        eq(dutySwaps.state, 'requested'),
        except === undefined ? undefined : ne(dutySwaps.id, except),
        or(inArray(dutySwaps.shiftId, shiftIds), inArray(dutySwaps.counterpartShiftId, shiftIds)),
      ),
    );
}
