import { and, asc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { dutySlots } from './duty.tables.ts';
import { lockRoster } from './duty-shifts.ts';
import { hhmm } from './duty-time.ts';
import { type Interval, loadHours, OUTSIDE_HOURS, weekdaysHolding } from './opening-hours.ts';
import { stationFor } from './station-access.ts';

/** Duty slots 值班时段 (09:00–11:00…): each applies on every opening day whose hours hold it. */

type SlotRow = typeof dutySlots.$inferSelect;

const present = (slot: SlotRow, hours: readonly Interval[]) => ({
  id: slot.id,
  startsAt: hhmm(slot.startsAt),
  endsAt: hhmm(slot.endsAt),
  seats: slot.seats,
  active: slot.active,
  weekdays: weekdaysHolding(hours, slot),
});

export async function listSlots(ctx: AuthedCtx, stationId: number) {
  const station = await stationFor(ctx, stationId, 'station.read');
  const hours = await loadHours(ctx.db, station.id);
  const rows = await ctx.db
    .select()
    .from(dutySlots)
    .where(eq(dutySlots.stationId, station.id))
    .orderBy(asc(dutySlots.startsAt), asc(dutySlots.endsAt));
  return { items: rows.map((s) => present(s, hours)) };
}

function checkOrder(slot: { startsAt: string; endsAt: string }) {
  if (slot.startsAt >= slot.endsAt) {
    throw new AppError('VALIDATION', {
      errors: [
        { path: 'endsAt', message: { zh: '结束时间须晚于开始时间', en: 'The end must be after the start' } },
      ],
    });
  }
}

/** Refuses a slot that ends before it starts, fits no opening day, or repeats another slot's times. */
async function checkSlot(
  db: DbOrTx,
  stationId: number,
  slot: { startsAt: string; endsAt: string },
  except: number | null,
) {
  checkOrder(slot);
  const hours = await loadHours(db, stationId);
  if (weekdaysHolding(hours, slot).length === 0) {
    throw new AppError('VALIDATION', {
      errors: [
        {
          path: 'startsAt',
          message: {
            zh: `值班时段 ${slot.startsAt}–${slot.endsAt} ${OUTSIDE_HOURS.zh}`,
            en: `Slot ${slot.startsAt}–${slot.endsAt}: ${OUTSIDE_HOURS.en.toLowerCase()}`,
          },
        },
      ],
    });
  }
  const [same] = await db
    .select({ id: dutySlots.id })
    .from(dutySlots)
    .where(
      and(
        eq(dutySlots.stationId, stationId),
        eq(dutySlots.startsAt, slot.startsAt),
        eq(dutySlots.endsAt, slot.endsAt),
        except === null ? undefined : ne(dutySlots.id, except),
      ),
    );
  if (same) {
    throw new AppError('CONFLICT', {
      detail: {
        zh: '已有相同时间的值班时段；请增加其人数',
        en: 'A slot with these times exists; raise its seats',
      },
    });
  }
  return hours;
}

export async function addSlot(
  ctx: AuthedCtx,
  stationId: number,
  input: { startsAt: string; endsAt: string; seats: number },
) {
  const station = await stationFor(ctx, stationId, 'station.manage');
  checkOrder(input);
  return ctx.db.transaction(async (tx) => {
    // Checked under the roster lock, so opening hours changed meanwhile cannot strand the new slot.
    await lockRoster(tx, station.id);
    const hours = await checkSlot(tx, station.id, input, null);
    const [row] = await tx
      .insert(dutySlots)
      .values({ stationId: station.id, ...input })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'duty.slot.add',
      subjectType: 'dutySlot',
      subjectId: row!.id,
      stationId: station.id,
      path: station.path,
      summary: input,
    });
    return present(row!, hours);
  });
}

/** Changes a slot's times or seats, or retires it (active = false); shifts already written keep theirs. */
export async function updateSlot(
  ctx: AuthedCtx,
  stationId: number,
  id: number,
  input: {
    startsAt?: string | undefined;
    endsAt?: string | undefined;
    seats?: number | undefined;
    active?: boolean | undefined;
  },
) {
  const station = await stationFor(ctx, stationId, 'station.manage');
  return ctx.db.transaction(async (tx) => {
    // The slot and the opening hours are read under the roster lock, so they cannot change meanwhile.
    await lockRoster(tx, station.id);
    const [slot] = await tx
      .select()
      .from(dutySlots)
      .where(and(eq(dutySlots.id, id), eq(dutySlots.stationId, station.id)));
    if (!slot) throw new AppError('NOT_FOUND');
    const next = {
      startsAt: input.startsAt ?? hhmm(slot.startsAt),
      endsAt: input.endsAt ?? hhmm(slot.endsAt),
      seats: input.seats ?? slot.seats,
      active: input.active ?? slot.active,
    };
    checkOrder(next);
    const hours = next.active
      ? await checkSlot(tx, station.id, next, slot.id)
      : await loadHours(tx, station.id);
    const [row] = await tx.update(dutySlots).set(next).where(eq(dutySlots.id, slot.id)).returning();
    await recordAudit(tx, ctx, {
      action: 'duty.slot.update',
      subjectType: 'dutySlot',
      subjectId: slot.id,
      stationId: station.id,
      path: station.path,
      summary: next,
    });
    return present(row!, hours);
  });
}
