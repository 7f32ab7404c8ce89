import { eq } from 'drizzle-orm';
import { syntheticRoster } from '../../src/modules/demo/seed-demo.ts';
import { writeRoster } from '../../src/modules/people/import-roster.ts';
import { insertArea, insertCompound, insertStation } from '../../src/modules/places/create-places.ts';
import { buildings, compounds, households } from '../../src/modules/places/places.tables.ts';
import type { Database } from '../../src/server/db/client.ts';

const SYSTEM = { user: null, ip: '127.0.0.1', userAgent: 'test' };

export interface CompoundFixture {
  compoundId: number;
  stationId: number;
  path: string;
  communityPath: string;
  stationPath: string;
  building1Id: number;
  building1Path: string;
  householdIds: number[];
}

/**
 * A city with one district and street, two communities, and in each a compound with its own station
 * and `households` households (synthetic roster).
 */
export async function makeCity(ctx: Database, householdCount = 24) {
  return ctx.db.transaction(async (tx) => {
    const city = await insertArea(tx, {
      parentId: null,
      parentPath: '/',
      level: 'city',
      name: '测试市',
      code: null,
    });
    const district = await insertArea(tx, {
      parentId: city,
      parentPath: `/${city}/`,
      level: 'district',
      name: '测试区',
      code: null,
    });
    const streetPath = `/${city}/${district}/`;
    const street = await insertArea(tx, {
      parentId: district,
      parentPath: streetPath,
      level: 'street',
      name: '测试街道',
      code: null,
    });
    const communities: { id: number; path: string; compound: CompoundFixture }[] = [];
    for (const [i, name] of ['东社区', '西社区'].entries()) {
      const parentPath = `${streetPath}${street}/`;
      const community = await insertArea(tx, {
        parentId: street,
        parentPath,
        level: 'community',
        name,
        code: null,
      });
      const communityPath = `${parentPath}${community}/`;
      const stationId = await insertStation(tx, {
        areaId: community,
        areaPath: communityPath,
        name: `${name}站`,
        kind: 'service',
      });
      const compoundId = await insertCompound(tx, {
        stationId,
        areaId: community,
        areaPath: communityPath,
        name: `${name}小区`,
        address: null,
      });
      const path = `${communityPath}c${compoundId}/`;
      await writeRoster(tx, SYSTEM, {
        compound: { id: compoundId, stationId, path },
        fileName: 'fixture',
        rows: syntheticRoster(householdCount, i + 7),
        importedBy: 0,
      });
      const [b1] = await tx
        .select()
        .from(buildings)
        .where(eq(buildings.compoundId, compoundId))
        .orderBy(buildings.id)
        .limit(1);
      const hh = await tx
        .select({ id: households.id })
        .from(households)
        .where(eq(households.compoundId, compoundId))
        .orderBy(households.id);
      communities.push({
        id: community,
        path: communityPath,
        compound: {
          compoundId,
          stationId,
          path,
          communityPath,
          stationPath: `${communityPath}s${stationId}/`,
          building1Id: b1!.id,
          building1Path: b1!.path,
          householdIds: hh.map((h) => h.id),
        },
      });
    }
    return {
      cityPath: `/${city}/`,
      districtPath: streetPath,
      streetPath: `${streetPath}${street}/`,
      east: communities[0]!,
      west: communities[1]!,
    };
  });
}

/** The station of a compound found by name, such as the demo's 南江绿苑 or 恒业小区. */
export async function stationOf(ctx: Database, compound: string): Promise<number> {
  const [row] = await ctx.db
    .select({ stationId: compounds.stationId })
    .from(compounds)
    .where(eq(compounds.name, compound));
  return row!.stationId;
}
