import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { users } from '../accounts/accounts.tables.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { stationPlace } from '../places/find-place.ts';
import { compounds, households, stations } from '../places/places.tables.ts';
import { addDays, chinaDate, daysBetween } from './duty-time.ts';
import { visitRecords, visitTargets, workerAssignments } from './field.tables.ts';
import { badField, conflict } from './station-access.ts';
import { mayUseVisitList, visitCompoundIds } from './visit-access.ts';

/**
 * The visit list 走访名单: households due regular visits every N days. Due on (last visit, or since)
 * + N days; overdue the day after. Sensitive: every use case here asks visit-access.ts, and anyone
 * else gets 404, exactly as for a list that does not exist.
 */

/** Due soon: due today or within the next three days. */
export const DUE_SOON_DAYS = 3;
type VisitStatus = 'overdue' | 'dueSoon' | 'later';

export function dueOf(
  target: { since: string; lastVisitedOn: string | null; everyDays: number },
  today: string,
) {
  const dueOn = addDays(target.lastVisitedOn ?? target.since, target.everyDays);
  const late = daysBetween(dueOn, today);
  const status: VisitStatus = late > 0 ? 'overdue' : -late <= DUE_SOON_DAYS ? 'dueSoon' : 'later';
  return { dueOn, status, daysOverdue: Math.max(late, 0) };
}

/** The compounds of a station whose visit list the user may use; 404 when none. */
async function visitScope(ctx: AuthedCtx, stationId: number) {
  const station = await stationPlace(ctx.db, stationId);
  const [rows, mine] = await Promise.all([
    ctx.db
      .select({ id: compounds.id, path: compounds.path })
      .from(compounds)
      .where(eq(compounds.stationId, station.id)),
    ctx.db
      .select({ userId: workerAssignments.userId, compoundId: workerAssignments.compoundId })
      .from(workerAssignments)
      .where(and(eq(workerAssignments.stationId, station.id), eq(workerAssignments.userId, ctx.user.userId))),
  ]);
  const compoundIds = visitCompoundIds(ctx.user, station.id, rows, mine);
  if (compoundIds.length === 0) throw new AppError('NOT_FOUND');
  return { station, compoundIds };
}

/** A visit target with its household's compound, for one who may use its list; else 404. */
async function loadTarget(ctx: AuthedCtx, id: number) {
  const [found] = await ctx.db
    .select({ target: visitTargets, compoundId: households.compoundId, compoundPath: compounds.path })
    .from(visitTargets)
    .innerJoin(households, eq(households.id, visitTargets.householdId))
    .innerJoin(compounds, eq(compounds.id, households.compoundId))
    .where(eq(visitTargets.id, id));
  if (!found) throw new AppError('NOT_FOUND');
  const mine = await ctx.db
    .select({ userId: workerAssignments.userId, compoundId: workerAssignments.compoundId })
    .from(workerAssignments)
    .where(
      and(eq(workerAssignments.compoundId, found.compoundId), eq(workerAssignments.userId, ctx.user.userId)),
    );
  const place = {
    stationId: found.target.stationId,
    compoundId: found.compoundId,
    compoundPath: found.compoundPath,
  };
  if (!mayUseVisitList(ctx.user, place, mine)) throw new AppError('NOT_FOUND');
  // The compound's path, never the household's: audit rows written with it stay anonymous.
  return { ...found, path: found.compoundPath };
}

/** The active targets of a station the user may see, overdue first, then by due date. */
export async function listVisits(
  ctx: AuthedCtx,
  stationId: number,
  query: { status?: VisitStatus | undefined },
) {
  const { station, compoundIds } = await visitScope(ctx, stationId);
  const today = chinaDate();
  const rows = await ctx.db
    .select({
      target: visitTargets,
      household: households.label,
      compoundId: households.compoundId,
      compoundName: compounds.name,
    })
    .from(visitTargets)
    .innerJoin(households, eq(households.id, visitTargets.householdId))
    .innerJoin(compounds, eq(compounds.id, households.compoundId))
    .where(
      and(
        eq(visitTargets.stationId, station.id),
        eq(visitTargets.active, true),
        inArray(households.compoundId, compoundIds),
      ),
    )
    .orderBy(asc(households.sortKey), asc(visitTargets.id));
  const items = rows
    .map((r) => ({
      id: r.target.id,
      householdId: r.target.householdId,
      household: r.household,
      compoundId: r.compoundId,
      compoundName: r.compoundName,
      reason: r.target.reason,
      everyDays: r.target.everyDays,
      since: r.target.since,
      lastVisitedOn: r.target.lastVisitedOn,
      ...dueOf(r.target, today),
    }))
    .filter((t) => !query.status || t.status === query.status)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.dueOn.localeCompare(b.dueOn));
  return { today, items };
}

export async function addVisitTarget(
  ctx: AuthedCtx,
  stationId: number,
  input: { householdId: number; reason: string; everyDays: number; since?: string | undefined },
) {
  const { station, compoundIds } = await visitScope(ctx, stationId);
  const [household] = await ctx.db
    .select({ id: households.id, compoundId: households.compoundId, compoundPath: compounds.path })
    .from(households)
    .innerJoin(compounds, eq(compounds.id, households.compoundId))
    .where(and(eq(households.id, input.householdId), eq(households.stationId, station.id)));
  if (!household || !compoundIds.includes(household.compoundId)) {
    throw badField('householdId', {
      zh: '该房屋不在您负责的小区',
      en: 'That household is not in a compound you serve',
    });
  }
  const [listed] = await ctx.db
    .select({ id: visitTargets.id })
    .from(visitTargets)
    .where(and(eq(visitTargets.householdId, household.id), eq(visitTargets.active, true)));
  if (listed) throw conflict({ zh: '该户已在走访名单中', en: 'This household is already on the visit list' });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(visitTargets)
      .values({
        stationId: station.id,
        householdId: household.id,
        reason: input.reason,
        everyDays: input.everyDays,
        since: input.since ?? chinaDate(),
        createdBy: ctx.user.userId,
      })
      .returning({ id: visitTargets.id });
    // Audit readers (every social worker, officers) must not learn who is on the list: the row
    // names the compound, not the household, and the summary holds nothing but the target's id.
    await recordAudit(tx, ctx, {
      action: 'visitTarget.add',
      subjectType: 'visitTarget',
      subjectId: row!.id,
      stationId: station.id,
      path: household.compoundPath,
      summary: { targetId: row!.id },
    });
    return row!;
  });
}

export async function updateVisitTarget(
  ctx: AuthedCtx,
  id: number,
  input: { reason?: string | undefined; everyDays?: number | undefined; active?: boolean | undefined },
) {
  const { target, path } = await loadTarget(ctx, id);
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (Object.keys(patch).length === 0) return;
  await ctx.db.transaction(async (tx) => {
    await tx.update(visitTargets).set(patch).where(eq(visitTargets.id, id));
    await recordAudit(tx, ctx, {
      action: 'visitTarget.update',
      subjectType: 'visitTarget',
      subjectId: id,
      stationId: target.stationId,
      path,
      summary: { targetId: id },
    });
  });
}

/** Records a visit; it closes the due one (the next is due N days after the latest visit). */
export async function recordVisit(
  ctx: AuthedCtx,
  id: number,
  input: { visitedOn?: string | undefined; note?: string | undefined },
) {
  const { target, path } = await loadTarget(ctx, id);
  if (!target.active) {
    throw new AppError('INVALID_STATE', {
      detail: { zh: '该户已移出走访名单', en: 'This household is off the list' },
    });
  }
  const today = chinaDate();
  const visitedOn = input.visitedOn ?? today;
  if (visitedOn > today)
    throw badField('visitedOn', { zh: '走访日期不能晚于今天', en: 'The visit cannot be in the future' });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(visitRecords)
      .values({
        stationId: target.stationId,
        targetId: id,
        visitedOn,
        visitorUserId: ctx.user.userId,
        note: input.note || null,
      })
      .returning({ id: visitRecords.id });
    const [updated] = await tx
      .update(visitTargets)
      .set({ lastVisitedOn: sql`greatest(${visitTargets.lastVisitedOn}, ${visitedOn}::date)` })
      .where(eq(visitTargets.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'visit.record',
      subjectType: 'visitTarget',
      subjectId: id,
      stationId: target.stationId,
      path,
      summary: { targetId: id },
    });
    return { id: row!.id, ...dueOf(updated!, today) };
  });
}

export async function listVisitRecords(ctx: AuthedCtx, id: number) {
  await loadTarget(ctx, id);
  const items = await ctx.db
    .select({
      id: visitRecords.id,
      visitedOn: visitRecords.visitedOn,
      visitor: users.displayName,
      note: visitRecords.note,
    })
    .from(visitRecords)
    .innerJoin(users, eq(users.id, visitRecords.visitorUserId))
    .where(eq(visitRecords.targetId, id))
    .orderBy(desc(visitRecords.visitedOn), desc(visitRecords.id))
    .limit(100);
  return { items };
}

/** The stations whose visit list the user may use, with how many visits are overdue and due soon. */
export async function myVisitLists(ctx: AuthedCtx) {
  const mine = await ctx.db
    .select({
      userId: workerAssignments.userId,
      compoundId: workerAssignments.compoundId,
      stationId: workerAssignments.stationId,
    })
    .from(workerAssignments)
    .where(eq(workerAssignments.userId, ctx.user.userId));
  const chaired = ctx.user.grants
    .filter((g) => g.role === 'chair' && g.stationId !== null)
    .map((g) => g.stationId!);
  const stationIds = [...new Set([...chaired, ...mine.map((a) => a.stationId)])];
  if (stationIds.length === 0) return { items: [] };
  const [stationRows, compoundRows] = await Promise.all([
    ctx.db
      .select({ id: stations.id, name: stations.name })
      .from(stations)
      .where(inArray(stations.id, stationIds))
      .orderBy(asc(stations.id)),
    ctx.db
      .select({ id: compounds.id, path: compounds.path, stationId: compounds.stationId })
      .from(compounds)
      .where(inArray(compounds.stationId, stationIds)),
  ]);
  const allowed = new Map(
    stationRows.map((s) => [
      s.id,
      visitCompoundIds(
        ctx.user,
        s.id,
        compoundRows.filter((c) => c.stationId === s.id),
        mine,
      ),
    ]),
  );
  const compoundIds = [...allowed.values()].flat();
  const targets =
    compoundIds.length === 0
      ? []
      : await ctx.db
          .select({
            stationId: visitTargets.stationId,
            since: visitTargets.since,
            lastVisitedOn: visitTargets.lastVisitedOn,
            everyDays: visitTargets.everyDays,
          })
          .from(visitTargets)
          .innerJoin(households, eq(households.id, visitTargets.householdId))
          .where(and(eq(visitTargets.active, true), inArray(households.compoundId, compoundIds)));
  const today = chinaDate();
  const items = stationRows
    .filter((s) => allowed.get(s.id)!.length > 0)
    .map((s) => {
      const statuses = targets.filter((t) => t.stationId === s.id).map((t) => dueOf(t, today).status);
      return {
        stationId: s.id,
        stationName: s.name,
        overdue: statuses.filter((x) => x === 'overdue').length,
        dueSoon: statuses.filter((x) => x === 'dueSoon').length,
      };
    });
  return { items };
}
