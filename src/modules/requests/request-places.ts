import { and, asc, eq, sql } from 'drizzle-orm';
import { type Db, preparedOnce } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { buildings, compounds, households, units } from '../places/places.tables.ts';
import { publicViewerAt } from './public-requests.ts';

/**
 * The buildings and units of a station's compounds, for the "where is it" picker when filing.
 * Names only (no households), so every verified resident of the station may read them.
 */
export async function requestPlaces(ctx: AuthedCtx, stationId: number) {
  const { station } = await publicViewerAt(ctx, stationId);
  const rows = await ctx.db
    .select({
      compoundName: compounds.name,
      buildingId: buildings.id,
      buildingName: buildings.name,
      unitId: units.id,
      unitName: units.name,
    })
    .from(buildings)
    .innerJoin(compounds, eq(compounds.id, buildings.compoundId))
    .leftJoin(units, eq(units.buildingId, buildings.id))
    .where(eq(buildings.stationId, station.id))
    .orderBy(asc(compounds.id), asc(buildings.sortKey), asc(buildings.id), asc(units.sortKey), asc(units.id));
  const byBuilding = new Map<
    number,
    { id: number; name: string; compoundName: string; units: { id: number; name: string }[] }
  >();
  for (const r of rows) {
    let b = byBuilding.get(r.buildingId);
    if (!b) {
      b = { id: r.buildingId, name: r.buildingName, compoundName: r.compoundName, units: [] };
      byBuilding.set(r.buildingId, b);
    }
    if (r.unitId !== null && r.unitName !== null) b.units.push({ id: r.unitId, name: r.unitName });
  }
  return { buildings: [...byBuilding.values()] };
}

const notInStation = (path: string) =>
  new AppError('VALIDATION', {
    errors: [{ path, message: { zh: '该位置不属于本自治站', en: 'That place is not in this station' } }],
  });

/**
 * Where a request is: a household, a unit or a building of the station (the most precise one
 * given), as a tree path for permissions and filters and a label for people. Null: the station.
 */
export async function resolveRequestPlace(
  db: Db,
  stationId: number,
  input: { householdId?: number | undefined; unitId?: number | undefined; buildingId?: number | undefined },
): Promise<{ path: string; label: string | null } | null> {
  if (input.householdId !== undefined) {
    // Filing for one's home is the commonest case: one prepared statement.
    const [h] = await preparedOnce(db, 'request_household_place', (d, name) =>
      d
        .select({ path: households.path, unit: units.name, building: buildings.name })
        .from(households)
        .innerJoin(units, eq(units.id, households.unitId))
        .innerJoin(buildings, eq(buildings.id, units.buildingId))
        .where(
          and(
            eq(households.id, sql.placeholder('householdId')),
            eq(households.stationId, sql.placeholder('stationId')),
          ),
        )
        .prepare(name),
    ).execute({ householdId: input.householdId, stationId });
    if (!h) throw notInStation('householdId');
    // The room is not part of the label: the request may be public.
    return { path: h.path, label: `${h.building}${h.unit}` };
  }
  if (input.unitId !== undefined) {
    const [u] = await db
      .select({ path: units.path, unit: units.name, building: buildings.name })
      .from(units)
      .innerJoin(buildings, eq(buildings.id, units.buildingId))
      .where(and(eq(units.id, input.unitId), eq(units.stationId, stationId)));
    if (!u) throw notInStation('unitId');
    return { path: u.path, label: `${u.building}${u.unit}` };
  }
  if (input.buildingId !== undefined) {
    const [b] = await db
      .select({ path: buildings.path, name: buildings.name })
      .from(buildings)
      .where(and(eq(buildings.id, input.buildingId), eq(buildings.stationId, stationId)));
    if (!b) throw notInStation('buildingId');
    return { path: b.path, label: b.name };
  }
  return null;
}
