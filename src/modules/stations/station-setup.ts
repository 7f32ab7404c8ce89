import { and, asc, eq, gt, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { escapeLike } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';
import { AppError } from '../../server/http/errors.ts';
import { type Action, can, roleAllows } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { areas, compounds, stations } from '../places/index.ts';
import { SETUP_STEPS, type SetupStep, type Stage, type StationKind } from './council.schema.ts';
import { setupSteps, stationProfiles, stationRooms } from './council.tables.ts';
import { type Compliance, complianceOn } from './council-state.ts';
import { chinaDate } from './duty-time.ts';
import { badField, lockStation, managedStation, readableStation } from './station-access.ts';
import { presentRoom } from './station-rooms.ts';

/**
 * Stations and their rollout: the list a community or street sees, a station's page (profile,
 * rooms, compounds, stage, setup checklist), and the changes to them.
 *
 * Stages: 筹建 preparing → 运行 operating ⇄ 暂停 suspended. Moving to operating (first time or back
 * from a pause) needs the whole setup checklist done: the checklist is what the rollout counts, and a
 * station that runs without a council or rules is exactly what it is meant to catch. A step may be
 * undone (a wrong date, a council dissolved) at any stage; the stage stays as it is.
 */

export const NEXT_STAGES: Record<Stage, Stage[]> = {
  preparing: ['operating'],
  operating: ['suspended'],
  suspended: ['operating'],
};

const STAGE_ZH: Record<Stage, string> = { preparing: '筹建', operating: '运行', suspended: '暂停' };
const STEP_ZH: Record<SetupStep, string> = {
  site: '场地落实',
  council: '理事会组建',
  rules: '制度建立',
  fitOut: '装修布置',
};
const ABILITIES: Action[] = ['station.read', 'station.manage', 'station.policy', 'request.configure'];

type StationRow = {
  id: number;
  name: string;
  kind: string;
  stage: Stage;
  path: string;
  communityName: string;
};

async function presentRows(ctx: AuthedCtx, rows: StationRow[]) {
  const ids = rows.map((r) => r.id);
  const [cps, steps, verdicts] = await Promise.all([
    ids.length === 0
      ? []
      : ctx.db
          .select({ id: compounds.id, name: compounds.name, stationId: compounds.stationId })
          .from(compounds)
          .where(inArray(compounds.stationId, ids))
          .orderBy(asc(compounds.id)),
    ids.length === 0
      ? []
      : ctx.db
          .select({ stationId: setupSteps.stationId, n: sql<number>`count(*)::int` })
          .from(setupSteps)
          .where(inArray(setupSteps.stationId, ids))
          .groupBy(setupSteps.stationId),
    complianceOn(ctx.db, rows, chinaDate()),
  ]);
  const done = new Map(steps.map((s) => [s.stationId, s.n]));
  return (r: StationRow) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as StationKind,
    stage: r.stage,
    communityName: r.communityName,
    compounds: cps.filter((c) => c.stationId === r.id).map((c) => ({ id: c.id, name: c.name })),
    checklist: { done: done.get(r.id) ?? 0, total: SETUP_STEPS.length },
    compliance: verdicts.get(r.id) as Compliance,
  });
}

const stationColumns = {
  id: stations.id,
  name: stations.name,
  kind: stations.kind,
  stage: stations.stage,
  path: stations.path,
  communityName: areas.name,
};

/** The stations the user may see (station.read), by id, optionally of one stage. */
export async function listStations(
  ctx: AuthedCtx,
  query: { stage?: Stage | undefined; cursor?: string | undefined; limit: number },
) {
  const reach: SQL[] = [];
  for (const g of ctx.user.grants) {
    if (!roleAllows(g.role, 'station.read')) continue;
    if (g.path !== null) reach.push(like(stations.path, `${escapeLike(g.path)}%`));
    else if (g.stationId !== null) reach.push(eq(stations.id, g.stationId));
  }
  if (reach.length === 0) return { items: [], nextCursor: null };
  const after = decodeCursor<[number]>(query.cursor, ['number']);
  const rows = await ctx.db
    .select(stationColumns)
    .from(stations)
    .innerJoin(areas, eq(areas.id, stations.areaId))
    .where(
      and(
        or(...reach),
        query.stage ? eq(stations.stage, query.stage) : undefined,
        after ? gt(stations.id, after[0]) : undefined,
      ),
    )
    .orderBy(asc(stations.id))
    .limit(query.limit + 1);
  const present = await presentRows(ctx, rows.slice(0, query.limit));
  return toPage(rows, query.limit, (r) => r.id, present);
}

/** A station's page: the list row plus profile, rooms, checklist with dates, and what the viewer may do. */
export async function getStation(ctx: AuthedCtx, stationId: number) {
  const place = await readableStation(ctx, stationId);
  const [row] = await ctx.db
    .select(stationColumns)
    .from(stations)
    .innerJoin(areas, eq(areas.id, stations.areaId))
    .where(eq(stations.id, place.id));
  if (!row) throw new AppError('NOT_FOUND');
  const [present, [profile], rooms, steps] = await Promise.all([
    presentRows(ctx, [row]),
    ctx.db.select().from(stationProfiles).where(eq(stationProfiles.stationId, place.id)),
    ctx.db
      .select()
      .from(stationRooms)
      .where(eq(stationRooms.stationId, place.id))
      .orderBy(asc(stationRooms.id)),
    ctx.db.select().from(setupSteps).where(eq(setupSteps.stationId, place.id)),
  ]);
  return {
    ...present(row),
    profile: { site: profile?.site ?? null, phone: profile?.phone ?? null, note: profile?.note ?? null },
    rooms: rooms.map(presentRoom),
    steps: SETUP_STEPS.map((step) => {
      const s = steps.find((x) => x.step === step);
      return { step, doneOn: s?.doneOn ?? null, note: s?.note ?? null };
    }),
    nextStages: NEXT_STAGES[row.stage],
    abilities: ABILITIES.filter((a) => can(ctx.user, a, place)),
  };
}

/** Site, phone and note (fields left out stay as they are), and the kind of station. */
export async function updateProfile(
  ctx: AuthedCtx,
  stationId: number,
  input: {
    site?: string | null | undefined;
    phone?: string | null | undefined;
    note?: string | null | undefined;
    kind?: StationKind | undefined;
  },
) {
  const station = await managedStation(ctx, stationId);
  const { kind, ...fields } = input;
  const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  await ctx.db.transaction(async (tx) => {
    await lockStation(tx, station.id);
    if (kind) await tx.update(stations).set({ kind }).where(eq(stations.id, station.id));
    await tx
      .insert(stationProfiles)
      .values({ stationId: station.id, ...patch })
      .onConflictDoUpdate({ target: stationProfiles.stationId, set: { ...patch, updatedAt: new Date() } });
    await recordAudit(tx, ctx, {
      action: 'station.profile',
      subjectType: 'station',
      subjectId: station.id,
      stationId: station.id,
      path: station.path,
      summary: { fields: [...Object.keys(patch), ...(kind ? ['kind'] : [])], ...(kind ? { kind } : {}) },
    });
  });
  return getStation(ctx, station.id);
}

/** Moves the station along its stages; see the file comment for what is allowed. */
export async function changeStage(ctx: AuthedCtx, stationId: number, to: Stage) {
  const station = await managedStation(ctx, stationId);
  await ctx.db.transaction(async (tx) => {
    const { stage } = await lockStation(tx, station.id);
    if (!NEXT_STAGES[stage].includes(to)) {
      throw new AppError('INVALID_STATE', {
        detail: {
          zh: `自治站不能从“${STAGE_ZH[stage]}”转为“${STAGE_ZH[to]}”`,
          en: `A station cannot go from ${stage} to ${to}`,
        },
      });
    }
    if (to === 'operating') {
      const done = await tx
        .select({ step: setupSteps.step })
        .from(setupSteps)
        .where(eq(setupSteps.stationId, station.id));
      const missing = SETUP_STEPS.filter((s) => !done.some((d) => d.step === s));
      if (missing.length > 0) {
        throw new AppError('INVALID_STATE', {
          detail: {
            zh: `筹建清单尚未完成：${missing.map((s) => STEP_ZH[s]).join('、')}`,
            en: `The setup checklist is not complete: ${missing.join(', ')}`,
          },
        });
      }
    }
    await tx.update(stations).set({ stage: to }).where(eq(stations.id, station.id));
    await recordAudit(tx, ctx, {
      action: 'station.stage',
      subjectType: 'station',
      subjectId: station.id,
      stationId: station.id,
      path: station.path,
      summary: { from: stage, to },
    });
  });
  return getStation(ctx, station.id);
}

/** Marks a checklist step done on a day (not in the future), or changes its date. */
export async function markStep(
  ctx: AuthedCtx,
  stationId: number,
  step: SetupStep,
  input: { doneOn: string; note?: string | undefined },
) {
  const station = await managedStation(ctx, stationId);
  if (input.doneOn > chinaDate())
    throw badField('doneOn', { zh: '完成日期不能晚于今天', en: 'The date cannot be in the future' });
  await ctx.db.transaction(async (tx) => {
    const values = { doneOn: input.doneOn, note: input.note ?? null, recordedBy: ctx.user.userId };
    await tx
      .insert(setupSteps)
      .values({ stationId: station.id, step, ...values })
      .onConflictDoUpdate({ target: [setupSteps.stationId, setupSteps.step], set: values });
    await recordAudit(tx, ctx, {
      action: 'station.step',
      subjectType: 'station',
      subjectId: station.id,
      stationId: station.id,
      path: station.path,
      summary: { step, doneOn: input.doneOn },
    });
  });
  return getStation(ctx, station.id);
}

/** Undoes a checklist step (the audit row keeps its old date). */
export async function undoStep(ctx: AuthedCtx, stationId: number, step: SetupStep) {
  const station = await managedStation(ctx, stationId);
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(setupSteps)
      .where(and(eq(setupSteps.stationId, station.id), eq(setupSteps.step, step)))
      .returning({ doneOn: setupSteps.doneOn });
    if (gone.length === 0) {
      throw new AppError('INVALID_STATE', { detail: { zh: '该步骤尚未完成', en: 'This step is not done' } });
    }
    await recordAudit(tx, ctx, {
      action: 'station.stepUndo',
      subjectType: 'station',
      subjectId: station.id,
      stationId: station.id,
      path: station.path,
      summary: { step, wasDoneOn: gone[0]!.doneOn },
    });
  });
  return getStation(ctx, station.id);
}
