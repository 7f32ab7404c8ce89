import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can } from '../accounts/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { findPlace } from './find-place.ts';
import { householdLabel, naturalKey } from './places.presenters.ts';
import { areas, buildings, compounds, households, stations, units } from './places.tables.ts';

const LEVEL_ORDER = ['city', 'district', 'street', 'community'] as const;
type Level = (typeof LEVEL_ORDER)[number];

function requireManage(ctx: AuthedCtx, place: { stationId: number | null; path: string }) {
  if (!can(ctx.user, 'tree.manage', place)) throw new AppError('FORBIDDEN');
}

/** Adds an area under a parent one level up (a city needs a platform admin at the root). */
export async function createArea(
  ctx: AuthedCtx,
  input: { parentId: number | null; level: Level; name: string; code?: string | undefined },
) {
  return ctx.db.transaction(async (tx) => {
    let parentPath = '/';
    if (input.parentId === null) {
      if (input.level !== 'city') throw levelError();
      requireManage(ctx, { stationId: null, path: '/' });
    } else {
      const [parent] = await tx.select().from(areas).where(eq(areas.id, input.parentId));
      if (!parent || !can(ctx.user, 'tree.read', { stationId: null, path: parent.path }))
        throw new AppError('NOT_FOUND');
      requireManage(ctx, { stationId: null, path: parent.path });
      if (LEVEL_ORDER.indexOf(parent.level) + 1 !== LEVEL_ORDER.indexOf(input.level)) throw levelError();
      parentPath = parent.path;
    }
    const id = await insertArea(tx, {
      parentId: input.parentId,
      parentPath,
      level: input.level,
      name: input.name,
      code: input.code ?? null,
    });
    await recordAudit(tx, ctx, {
      action: 'area.create',
      subjectType: 'area',
      subjectId: id,
      path: `${parentPath}${id}/`,
      summary: { name: input.name, level: input.level },
    });
    return id;
  });
}

function levelError() {
  return new AppError('VALIDATION', {
    errors: [
      {
        path: 'level',
        message: {
          zh: '层级必须比上级低一级（市→区→街道→社区）',
          en: 'The level must be one below its parent (city → district → street → community)',
        },
      },
    ],
  });
}

export async function insertArea(
  tx: DbOrTx,
  input: { parentId: number | null; parentPath: string; level: Level; name: string; code: string | null },
): Promise<number> {
  const [row] = await tx
    .insert(areas)
    .values({ ...input, path: '' })
    .returning({ id: areas.id });
  const id = row!.id;
  await tx
    .update(areas)
    .set({ path: `${input.parentPath}${id}/` })
    .where(eq(areas.id, id));
  return id;
}

export async function insertStation(
  tx: DbOrTx,
  input: {
    areaId: number;
    areaPath: string;
    name: string;
    kind: 'service' | 'mutualAid' | 'team';
    stage?: 'preparing' | 'operating';
  },
) {
  const [row] = await tx
    .insert(stations)
    .values({
      areaId: input.areaId,
      name: input.name,
      kind: input.kind,
      stage: input.stage ?? 'preparing',
      path: '',
    })
    .returning({ id: stations.id });
  const id = row!.id;
  await tx
    .update(stations)
    .set({ path: `${input.areaPath}s${id}/` })
    .where(eq(stations.id, id));
  return id;
}

export async function insertCompound(
  tx: DbOrTx,
  input: { stationId: number; areaId: number; areaPath: string; name: string; address: string | null },
) {
  const [row] = await tx
    .insert(compounds)
    .values({
      stationId: input.stationId,
      areaId: input.areaId,
      name: input.name,
      address: input.address,
      path: '',
    })
    .returning({ id: compounds.id });
  const id = row!.id;
  await tx
    .update(compounds)
    .set({ path: `${input.areaPath}c${id}/` })
    .where(eq(compounds.id, id));
  return id;
}

export async function insertBuilding(
  tx: DbOrTx,
  input: { stationId: number; compoundId: number; compoundPath: string; name: string },
) {
  const [row] = await tx
    .insert(buildings)
    .values({
      stationId: input.stationId,
      compoundId: input.compoundId,
      name: input.name,
      sortKey: 0,
      path: '',
    })
    .returning({ id: buildings.id });
  const id = row!.id;
  await tx
    .update(buildings)
    .set({ path: `${input.compoundPath}b${id}/` })
    .where(eq(buildings.id, id));
  return id;
}

export async function insertUnit(
  tx: DbOrTx,
  input: { stationId: number; buildingId: number; buildingPath: string; name: string },
) {
  const [row] = await tx
    .insert(units)
    .values({ stationId: input.stationId, buildingId: input.buildingId, name: input.name, path: '' })
    .returning({ id: units.id });
  const id = row!.id;
  await tx
    .update(units)
    .set({ path: `${input.buildingPath}u${id}/` })
    .where(eq(units.id, id));
  return id;
}

export async function insertHousehold(
  tx: DbOrTx,
  input: {
    stationId: number;
    compoundId: number;
    buildingId: number;
    unitId: number;
    unitPath: string;
    buildingName: string;
    unitName: string;
    room: string;
    areaCm2: number;
  },
) {
  const label = householdLabel(input.buildingName, input.unitName, input.room);
  const [row] = await tx
    .insert(households)
    .values({
      stationId: input.stationId,
      compoundId: input.compoundId,
      buildingId: input.buildingId,
      unitId: input.unitId,
      room: input.room,
      areaCm2: input.areaCm2,
      label,
      sortKey: naturalKey(label),
      path: '',
    })
    .returning({ id: households.id });
  const id = row!.id;
  await tx
    .update(households)
    .set({ path: `${input.unitPath}h${id}/` })
    .where(eq(households.id, id));
  return id;
}

export async function createCompound(
  ctx: AuthedCtx,
  input: {
    communityId: number;
    name: string;
    address?: string | undefined;
    stationId?: number | undefined;
    stationKind: 'service' | 'mutualAid' | 'team';
  },
) {
  return ctx.db.transaction(async (tx) => {
    const community = await findPlace(tx, ctx.user, 'area', input.communityId);
    requireManage(ctx, community);
    if (community.level !== 'community') {
      throw new AppError('VALIDATION', {
        errors: [
          {
            path: 'communityId',
            message: { zh: '小区必须建在社区之下', en: 'A compound belongs to a community' },
          },
        ],
      });
    }
    let stationId = input.stationId;
    if (stationId !== undefined) {
      const station = await findPlace(tx, ctx.user, 'station', stationId);
      if (station.areaId !== input.communityId) {
        throw new AppError('VALIDATION', {
          errors: [
            {
              path: 'stationId',
              message: { zh: '自治站须属于同一社区', en: 'The station must be in the same community' },
            },
          ],
        });
      }
    } else {
      stationId = await insertStation(tx, {
        areaId: input.communityId,
        areaPath: community.path,
        name: `${input.name}自治站`,
        kind: input.stationKind,
      });
    }
    const id = await insertCompound(tx, {
      stationId,
      areaId: input.communityId,
      areaPath: community.path,
      name: input.name,
      address: input.address ?? null,
    });
    await recordAudit(tx, ctx, {
      action: 'compound.create',
      subjectType: 'compound',
      subjectId: id,
      stationId,
      path: `${community.path}c${id}/`,
      summary: { name: input.name },
    });
    return id;
  });
}

export async function createBuilding(ctx: AuthedCtx, input: { compoundId: number; name: string }) {
  return ctx.db.transaction(async (tx) => {
    const compound = await findPlace(tx, ctx.user, 'compound', input.compoundId);
    requireManage(ctx, compound);
    const id = await insertBuilding(tx, {
      stationId: compound.stationId!,
      compoundId: compound.id,
      compoundPath: compound.path,
      name: input.name,
    });
    await recordAudit(tx, ctx, {
      action: 'building.create',
      subjectType: 'building',
      subjectId: id,
      stationId: compound.stationId,
      path: `${compound.path}b${id}/`,
      summary: { name: input.name },
    });
    return id;
  });
}

export async function createUnit(ctx: AuthedCtx, input: { buildingId: number; name: string }) {
  return ctx.db.transaction(async (tx) => {
    const building = await findPlace(tx, ctx.user, 'building', input.buildingId);
    requireManage(ctx, building);
    const id = await insertUnit(tx, {
      stationId: building.stationId!,
      buildingId: building.id,
      buildingPath: building.path,
      name: input.name,
    });
    await recordAudit(tx, ctx, {
      action: 'unit.create',
      subjectType: 'unit',
      subjectId: id,
      stationId: building.stationId,
      path: `${building.path}u${id}/`,
      summary: { name: input.name },
    });
    return id;
  });
}

export async function createHousehold(
  ctx: AuthedCtx,
  input: { unitId: number; room: string; areaM2: number },
) {
  return ctx.db.transaction(async (tx) => {
    const unit = await findPlace(tx, ctx.user, 'unit', input.unitId);
    requireManage(ctx, unit);
    const [info] = await tx
      .select({
        buildingId: buildings.id,
        buildingName: buildings.name,
        compoundId: buildings.compoundId,
        unitName: units.name,
      })
      .from(units)
      .innerJoin(buildings, eq(buildings.id, units.buildingId))
      .where(eq(units.id, unit.id));
    const id = await insertHousehold(tx, {
      stationId: unit.stationId!,
      compoundId: info!.compoundId,
      buildingId: info!.buildingId,
      unitId: unit.id,
      unitPath: unit.path,
      buildingName: info!.buildingName,
      unitName: info!.unitName,
      room: input.room,
      areaCm2: input.areaM2,
    });
    await recordAudit(tx, ctx, {
      action: 'household.create',
      subjectType: 'household',
      subjectId: id,
      stationId: unit.stationId,
      path: `${unit.path}h${id}/`,
      summary: { room: input.room, areaCm2: input.areaM2 },
    });
    return id;
  });
}
