import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, type Text } from '../../server/http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { dutySlots, openingHours } from './duty.tables.ts';
import { lockRoster } from './duty-shifts.ts';
import { hhmm, overlaps, weekdayOf } from './duty-time.ts';
import { stationFor } from './station-access.ts';

/** Opening hours 开放时间: intervals per weekday; a day without one is closed. */

export interface Interval {
  weekday: number;
  opensAt: string;
  closesAt: string;
}

export async function loadHours(db: DbOrTx, stationId: number): Promise<Interval[]> {
  const rows = await db
    .select()
    .from(openingHours)
    .where(eq(openingHours.stationId, stationId))
    .orderBy(asc(openingHours.weekday), asc(openingHours.opensAt));
  return rows.map((r) => ({ weekday: r.weekday, opensAt: hhmm(r.opensAt), closesAt: hhmm(r.closesAt) }));
}

/** A slot applies on a day when one of the day's intervals holds it whole. */
function dayHolds(hours: readonly Interval[], weekday: number, slot: { startsAt: string; endsAt: string }) {
  return hours.some(
    (h) => h.weekday === weekday && h.opensAt <= hhmm(slot.startsAt) && hhmm(slot.endsAt) <= h.closesAt,
  );
}

/** The weekdays whose hours hold a slot. */
export function weekdaysHolding(hours: readonly Interval[], slot: { startsAt: string; endsAt: string }) {
  return [1, 2, 3, 4, 5, 6, 7].filter((w) => dayHolds(hours, w, slot));
}

/** Whether a date's opening hours hold a slot. */
export const dateHolds = (
  hours: readonly Interval[],
  date: string,
  slot: { startsAt: string; endsAt: string },
) => dayHolds(hours, weekdayOf(date), slot);

export const OUTSIDE_HOURS: Text = { zh: '不在开放时间内', en: 'Outside the opening hours' };

export async function getOpeningHours(ctx: AuthedCtx, stationId: number) {
  const station = await stationFor(ctx, stationId, 'station.read');
  return { items: await loadHours(ctx.db, station.id) };
}

/**
 * Replaces a station's opening hours. Each interval opens before it closes, intervals of a day do not
 * overlap, and every active slot still fits at least one opening day (deactivate it first otherwise).
 */
export async function setOpeningHours(ctx: AuthedCtx, stationId: number, items: readonly Interval[]) {
  const station = await stationFor(ctx, stationId, 'station.manage');
  const errors: { path: string; message: Text }[] = [];
  items.forEach((item, i) => {
    if (item.opensAt >= item.closesAt) {
      errors.push({
        path: `items.${i}.closesAt`,
        message: { zh: '关门时间须晚于开门时间', en: 'Closing time must be after opening time' },
      });
      return;
    }
    const clash = items.findIndex(
      (other, j) =>
        j !== i &&
        other.weekday === item.weekday &&
        other.opensAt < other.closesAt &&
        overlaps({ from: item.opensAt, to: item.closesAt }, { from: other.opensAt, to: other.closesAt }),
    );
    if (clash !== -1) {
      errors.push({
        path: `items.${i}`,
        message: {
          zh: `与同一天的另一段开放时间（第 ${clash + 1} 段）重叠`,
          en: `Overlaps another interval of the same day (number ${clash + 1})`,
        },
      });
    }
  });
  if (errors.length > 0) throw new AppError('VALIDATION', { errors });

  return ctx.db.transaction(async (tx) => {
    // The slots are read under the roster lock, so a slot added or changed meanwhile is checked too.
    await lockRoster(tx, station.id);
    const slots = await tx
      .select()
      .from(dutySlots)
      .where(and(eq(dutySlots.stationId, station.id), eq(dutySlots.active, true)));
    const stranded = slots.filter((s) => weekdaysHolding(items, s).length === 0);
    if (stranded.length > 0) {
      const names = stranded.map((s) => `${hhmm(s.startsAt)}–${hhmm(s.endsAt)}`).join('、');
      throw new AppError('VALIDATION', {
        errors: [
          {
            path: 'items',
            message: {
              zh: `值班时段 ${names} 将不在开放时间内；请先调整或停用该时段`,
              en: `Duty slot ${names} would be outside the opening hours; change or deactivate it first`,
            },
          },
        ],
      });
    }
    await tx.delete(openingHours).where(eq(openingHours.stationId, station.id));
    if (items.length > 0) {
      await tx.insert(openingHours).values(items.map((item) => ({ stationId: station.id, ...item })));
    }
    await recordAudit(tx, ctx, {
      action: 'station.openingHours',
      subjectType: 'station',
      subjectId: station.id,
      stationId: station.id,
      path: station.path,
      summary: { intervals: items.length },
    });
    return { items: await loadHours(tx, station.id) };
  });
}
