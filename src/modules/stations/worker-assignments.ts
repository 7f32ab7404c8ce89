import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { roleGrants, users } from '../accounts/accounts.tables.ts';
import { can } from '../accounts/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { compounds } from '../places/places.tables.ts';
import { chinaDate } from './duty-time.ts';
import { workerAssignments } from './field.tables.ts';
import { compoundOfStation } from './field-common.ts';
import { communityOf } from './patrol-templates.ts';
import { badField, conflict, managedStation, readableStation } from './station-access.ts';
import { isChairOf, isWorkerOver, visitCompoundIds, WORKER_ROLES } from './visit-access.ts';

/** Social and grid workers assigned to the compounds of a station 片网包联. */

/** A station's page of field work: its compounds and what the viewer may do there. */
export async function fieldOverview(ctx: AuthedCtx, stationId: number) {
  const station = await readableStation(ctx, stationId);
  const rows = await ctx.db
    .select({ id: compounds.id, name: compounds.name, path: compounds.path })
    .from(compounds)
    .where(eq(compounds.stationId, station.id))
    .orderBy(asc(compounds.id));
  const mine = await ctx.db
    .select({ userId: workerAssignments.userId, compoundId: workerAssignments.compoundId })
    .from(workerAssignments)
    .where(and(eq(workerAssignments.stationId, station.id), eq(workerAssignments.userId, ctx.user.userId)));
  return {
    station: { id: station.id, name: station.name },
    compounds: rows.map((c) => ({ id: c.id, name: c.name })),
    abilities: {
      manage: can(ctx.user, 'station.manage', station),
      communityTemplates: can(ctx.user, 'station.manage', communityOf(station)),
      visits:
        isChairOf(ctx.user, station.id) || visitCompoundIds(ctx.user, station.id, rows, mine).length > 0,
    },
  };
}

/** Accounts that may be assigned: holders of socialWorker or gridWorker over a compound of the station. */
export async function listFieldWorkers(ctx: AuthedCtx, stationId: number) {
  const station = await managedStation(ctx, stationId);
  const rows = await ctx.db
    .selectDistinctOn([users.id, roleGrants.role], {
      id: users.id,
      name: users.displayName,
      role: roleGrants.role,
      scope: roleGrants.scopeName,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        inArray(roleGrants.role, [...WORKER_ROLES]),
        isNull(users.disabledAt),
        // Worker roles are granted on areas: their path is a prefix of the compound's.
        sql`exists (select 1 from ${compounds} c where c.station_id = ${station.id}
          and starts_with(c.path, ${roleGrants.path}))`,
      ),
    )
    .orderBy(asc(users.id), asc(roleGrants.role));
  return {
    items: rows as { id: number; name: string; role: 'socialWorker' | 'gridWorker'; scope: string }[],
  };
}

export async function listAssignments(ctx: AuthedCtx, stationId: number) {
  const station = await readableStation(ctx, stationId);
  const items = await ctx.db
    .select({
      id: workerAssignments.id,
      compoundId: workerAssignments.compoundId,
      compoundName: compounds.name,
      userId: workerAssignments.userId,
      userName: users.displayName,
      since: workerAssignments.since,
    })
    .from(workerAssignments)
    .innerJoin(compounds, eq(compounds.id, workerAssignments.compoundId))
    .innerJoin(users, eq(users.id, workerAssignments.userId))
    .where(eq(workerAssignments.stationId, station.id))
    .orderBy(asc(workerAssignments.compoundId), asc(workerAssignments.id));
  return { items };
}

/** Assigns a worker to a compound; they must hold socialWorker or gridWorker over it. */
export async function addAssignment(
  ctx: AuthedCtx,
  stationId: number,
  input: { compoundId: number; userId: number; since?: string | undefined },
) {
  const station = await managedStation(ctx, stationId);
  // station.manage is held by every social worker over the station: assigning oneself would open
  // the compound's visit list to anyone holding it. Someone else (the chair, the community) assigns.
  if (input.userId === ctx.user.userId) {
    throw badField('userId', {
      zh: '不能给自己分派包联小区，请由理事长或社区负责人分派',
      en: 'You cannot assign yourself to a compound; ask the chair or the community to assign you',
    });
  }
  const compound = await compoundOfStation(ctx.db, station.id, input.compoundId);
  const [user] = await ctx.db
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, input.userId));
  const grants = user
    ? await ctx.db
        .select({ role: roleGrants.role, stationId: roleGrants.stationId, path: roleGrants.path })
        .from(roleGrants)
        .where(eq(roleGrants.userId, user.id))
    : [];
  if (!user || user.disabledAt !== null || !isWorkerOver({ userId: user.id, grants }, compound)) {
    throw badField('userId', {
      zh: '只能指派负责该小区的社工或网格员',
      en: 'Only a social or grid worker covering this compound can be assigned',
    });
  }
  const [taken] = await ctx.db
    .select({ id: workerAssignments.id })
    .from(workerAssignments)
    .where(and(eq(workerAssignments.compoundId, compound.id), eq(workerAssignments.userId, user.id)));
  if (taken) throw conflict({ zh: '该工作人员已包联这个小区', en: 'This worker is already assigned here' });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(workerAssignments)
      .values({
        stationId: station.id,
        compoundId: compound.id,
        userId: user.id,
        since: input.since ?? chinaDate(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'workerAssignment.add',
      subjectType: 'workerAssignment',
      subjectId: row!.id,
      stationId: station.id,
      path: compound.path,
      summary: { compoundId: compound.id, userId: user.id },
    });
    return row!;
  });
}

export async function removeAssignment(ctx: AuthedCtx, id: number) {
  const [row] = await ctx.db.select().from(workerAssignments).where(eq(workerAssignments.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const station = await managedStation(ctx, row.stationId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(workerAssignments).where(eq(workerAssignments.id, id));
    await recordAudit(tx, ctx, {
      action: 'workerAssignment.remove',
      subjectType: 'workerAssignment',
      subjectId: id,
      stationId: station.id,
      path: station.path,
      summary: { compoundId: row.compoundId, userId: row.userId },
    });
  });
}
