import { eq, sql } from 'drizzle-orm';
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

/**
 * Places carry the path of ids from the root, which includes their own id: insert with an empty path,
 * then set it. Bulk loads (the roster import) do the same with one UPDATE per level.
 */
async function withPath(
  tx: DbOrTx,
  table:
    | typeof areas
    | typeof stations
    | typeof compounds
    | typeof buildings
    | typeof units
    | typeof households,
  inserted: Promise<{ id: number }[]>,
  pathOf: (id: number) => string,
): Promise<number> {
  const [row] = await inserted;
  const id = row!.id;
  await tx.execute(sql`update ${table} set path = ${pathOf(id)} where id = ${id}`);
  return id;
}

export async function insertArea(
  tx: DbOrTx,
  input: { parentId: number | null; parentPath: string; level: Level; name: string; code: string | null },
): Promise<number> {
  const { parentPath, ...values } = input;
  return withPath(
    tx,
    areas,
    tx
      .insert(areas)
      .values({ ...values, path: '' })
      .returning({ id: areas.id }),
    (id) => `${parentPath}${id}/`,
  );
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
  const values = {
    areaId: input.areaId,
    name: input.name,
    kind: input.kind,
    stage: input.stage ?? 'preparing',
  };
  return withPath(
    tx,
    stations,
    tx
      .insert(stations)
      .values({ ...values, path: '' })
      .returning({ id: stations.id }),
    (id) => `${input.areaPath}s${id}/`,
  );
}

export async function insertCompound(
  tx: DbOrTx,
  input: { stationId: number; areaId: number; areaPath: string; name: string; address: string | null },
) {
  const { areaPath, ...values } = input;
  return withPath(
    tx,
    compounds,
    tx
      .insert(compounds)
      .values({ ...values, path: '' })
      .returning({ id: compounds.id }),
    (id) => `${areaPath}c${id}/`,
  );
}

export async function insertBuilding(
  tx: DbOrTx,
  input: { stationId: number; compoundId: number; compoundPath: string; name: string },
) {
  const { compoundPath, ...values } = input;
  return withPath(
    tx,
    buildings,
    tx
      .insert(buildings)
      .values({ ...values, path: '' })
      .returning({ id: buildings.id }),
    (id) => `${compoundPath}b${id}/`,
  );
}

export async function insertUnit(
  tx: DbOrTx,
  input: { stationId: number; buildingId: number; buildingPath: string; name: string },
) {
  const { buildingPath, ...values } = input;
  return withPath(
    tx,
    units,
    tx
      .insert(units)
      .values({ ...values, path: '' })
      .returning({ id: units.id }),
    (id) => `${buildingPath}u${id}/`,
  );
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
  const values = {
    stationId: input.stationId,
    compoundId: input.compoundId,
    buildingId: input.buildingId,
    unitId: input.unitId,
    room: input.room,
    areaCm2: input.areaCm2,
    label,
    sortKey: naturalKey(label),
  };
  return withPath(
    tx,
    households,
    tx
      .insert(households)
      .values({ ...values, path: '' })
      .returning({ id: households.id }),
    (id) => `${input.unitPath}h${id}/`,
  );
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
