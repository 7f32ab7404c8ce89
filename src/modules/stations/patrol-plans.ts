import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { daysBetween } from './duty-time.ts';
import { patrols, workerAssignments } from './field.tables.ts';
import { compoundOfStation } from './field-common.ts';
import { usableTemplate } from './patrol-templates.ts';
import { badField, conflict, managedStation } from './station-access.ts';

/** Planning patrols: one at a time, or a daily plan for every assigned worker over a date range. */

const MAX_PLAN_DAYS = 31;

/** A worker assigned to a compound, or 400 on userId. */
async function requireAssigned(db: DbOrTx, compoundId: number, userId: number) {
  const [assigned] = await db
    .select({ id: workerAssignments.id })
    .from(workerAssignments)
    .where(and(eq(workerAssignments.compoundId, compoundId), eq(workerAssignments.userId, userId)));
  if (!assigned) {
    throw badField('userId', {
      zh: '该工作人员没有包联这个小区',
      en: 'This worker is not assigned to the compound',
    });
  }
}

/** Plans one patrol. */
export async function planPatrol(
  ctx: AuthedCtx,
  stationId: number,
  input: { compoundId: number; templateId: number; userId: number; plannedOn: string },
) {
  const station = await managedStation(ctx, stationId);
  const compound = await compoundOfStation(ctx.db, station.id, input.compoundId);
  await usableTemplate(ctx.db, station, input.templateId);
  await requireAssigned(ctx.db, compound.id, input.userId);
  return ctx.db.transaction(async (tx) => {
    // The unique index (compound, worker, day) settles concurrent plans: the loser inserts nothing.
    const [row] = await tx
      .insert(patrols)
      .values({ stationId: station.id, ...input })
      .onConflictDoNothing({ target: [patrols.compoundId, patrols.userId, patrols.plannedOn] })
      .returning({ id: patrols.id });
    if (!row) {
      throw conflict({ zh: '这一天已为该工作人员安排了巡查', en: 'A patrol is already planned that day' });
    }
    await recordAudit(tx, ctx, {
      action: 'patrol.plan',
      subjectType: 'patrol',
      subjectId: row.id,
      stationId: station.id,
      path: compound.path,
      summary: { userId: input.userId, plannedOn: input.plannedOn },
    });
    return row;
  });
}

/**
 * A daily plan in one action: a patrol for every day of [from, to] for every worker assigned to the
 * station's compounds (or one compound's), except those already planned.
 */
export async function planPatrols(
  ctx: AuthedCtx,
  stationId: number,
  input: { templateId: number; from: string; to: string; compoundId?: number | undefined },
) {
  const station = await managedStation(ctx, stationId);
  const days = daysBetween(input.from, input.to) + 1;
  if (days < 1) throw badField('to', { zh: '结束日期不能早于开始日期', en: 'to cannot be before from' });
  if (days > MAX_PLAN_DAYS) {
    throw badField('to', {
      zh: `一次最多安排 ${MAX_PLAN_DAYS} 天`,
      en: `At most ${MAX_PLAN_DAYS} days at a time`,
    });
  }
  if (input.compoundId !== undefined) await compoundOfStation(ctx.db, station.id, input.compoundId);
  await usableTemplate(ctx.db, station, input.templateId);
  const onlyCompound = input.compoundId === undefined ? sql`` : sql`and a.compound_id = ${input.compoundId}`;
  const [counted] = (
    await ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from ${workerAssignments} a
      where a.station_id = ${station.id} ${onlyCompound}`)
  ).rows;
  if (!counted || counted.n === 0) {
    throw badField('compoundId', {
      zh: '还没有包联的工作人员，请先指派',
      en: 'No worker is assigned yet; assign one first',
    });
  }
  return ctx.db.transaction(async (tx) => {
    const created = await tx.execute<{ id: number }>(sql`
      insert into ${patrols} (station_id, compound_id, template_id, user_id, planned_on)
      select a.station_id, a.compound_id, ${input.templateId}::bigint, a.user_id, d::date
      from ${workerAssignments} a cross join generate_series(${input.from}::date, ${input.to}::date, '1 day') d
      where a.station_id = ${station.id} ${onlyCompound}
      on conflict (compound_id, user_id, planned_on) do nothing
      returning id`);
    await recordAudit(tx, ctx, {
      action: 'patrol.planRange',
      subjectType: 'station',
      subjectId: station.id,
      stationId: station.id,
      path: station.path,
      summary: { from: input.from, to: input.to, created: created.rows.length },
    });
    return { created: created.rows.length, skipped: counted.n * days - created.rows.length };
  });
}
