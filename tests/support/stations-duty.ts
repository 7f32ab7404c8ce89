import { and, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { dutyShifts } from '../../src/modules/stations/duty.tables.ts';
import { chinaInstant, dutyClock } from '../../src/modules/stations/duty-time.ts';
import type { Database } from '../../src/server/db/client.ts';
import type { TestContext } from './harness.ts';

/** Helpers of the duty desk tests. */

/** Sets the duty desk's clock to a wall-clock time in China ('2030-04-01 08:31'). */
export function at(when: string) {
  const instant = chinaInstant(when.slice(0, 10), when.slice(11));
  dutyClock.now = () => instant;
  return instant;
}

export interface RosterShift {
  id: number;
  date: string;
  slotId: number;
  startsAt: string;
  endsAt: string;
  userId: number;
  name: string;
  state: string;
  actions: string[];
}

export async function rosterOf(t: TestContext, cookie: string, stationId: number, month: string) {
  const res = await t.call('GET', `/api/v1/stations/${stationId}/duty-roster?month=${month}`, cookie);
  expect(res.statusCode).toBe(200);
  return res.json() as { days: { date: string; slots: { seats: number }[] }[]; shifts: RosterShift[] };
}

export async function shiftCount(ctx: Database, stationId: number): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(dutyShifts)
    .where(eq(dutyShifts.stationId, stationId));
  return row?.n ?? 0;
}

/** The shift of a person on a day at a time, from the database. */
export async function shiftOf(ctx: Database, userId: number, date: string, startsAt: string) {
  const [row] = await ctx.db
    .select()
    .from(dutyShifts)
    .where(
      and(eq(dutyShifts.userId, userId), eq(dutyShifts.onDate, date), eq(dutyShifts.startsAt, startsAt)),
    );
  return row;
}

/** Field error messages and detail of a problem response. */
export function problemText(res: { json(): unknown }): string {
  const body = res.json() as { detail?: string; errors?: { message: string }[] };
  return [body.detail ?? '', ...(body.errors ?? []).map((e) => e.message)].join(' | ');
}
