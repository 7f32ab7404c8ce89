import { asc, eq, sql } from 'drizzle-orm';
import { auditEvents } from '../../src/modules/audit/audit.tables.ts';
import { householdMembers, residents } from '../../src/modules/people/people.tables.ts';
import { addDays, chinaDate } from '../../src/modules/stations/duty-time.ts';
import type { Database } from '../../src/server/db/client.ts';

/** Helpers of the stations council tests. */

/** The first `n` residents of a station who are linked to a household (they live in the compound). */
export async function residentIdsOf(ctx: Database, stationId: number, n: number): Promise<number[]> {
  const rows = await ctx.db
    .selectDistinct({ id: residents.id })
    .from(residents)
    .innerJoin(householdMembers, eq(householdMembers.residentId, residents.id))
    .where(eq(residents.stationId, stationId))
    .orderBy(asc(residents.id))
    .limit(n);
  return rows.map((r) => r.id);
}

/** Makes a user a verified resident of the station: links them to a roster resident with a household. */
export async function linkResident(ctx: Database, userId: number, residentId: number) {
  await ctx.db.update(residents).set({ userId, verifiedAt: new Date() }).where(eq(residents.id, residentId));
}

/** How many audit rows with this action exist (to show a refused change wrote nothing). */
export async function auditCount(ctx: Database, action: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(eq(auditEvents.action, action));
  return row?.n ?? 0;
}

/** A date `days` from today (China Standard Time), as YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  return addDays(chinaDate(), days);
}
