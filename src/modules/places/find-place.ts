import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { CurrentUser } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can } from '../accounts/policy.ts';
import type { PlaceKind } from './places.schema.ts';
import { areas, buildings, compounds, households, stations, units } from './places.tables.ts';

export interface FoundPlace {
  kind: PlaceKind;
  id: number;
  name: string;
  stationId: number | null;
  path: string;
  level: string | null;
  areaId: number | null;
}

const TABLES = {
  area: areas,
  station: stations,
  compound: compounds,
  building: buildings,
  unit: units,
  household: households,
} as const;

/**
 * Loads a place and checks that the user may at least see it. A place the user may not see
 * answers 404, exactly like a place that does not exist.
 */
export async function findPlace(
  db: DbOrTx,
  user: CurrentUser | null,
  kind: PlaceKind,
  id: number,
  action: 'tree.read' | 'household.read' = 'tree.read',
): Promise<FoundPlace> {
  const table = TABLES[kind];
  const [row] = (await db.select().from(table).where(eq(table.id, id))) as Record<string, unknown>[];
  if (!row) throw new AppError('NOT_FOUND');
  const place: FoundPlace = {
    kind,
    id,
    name: String(row.name ?? row.label ?? ''),
    stationId: kind === 'area' ? null : kind === 'station' ? id : (row.stationId as number),
    path: row.path as string,
    level: kind === 'area' ? (row.level as string) : null,
    areaId: kind === 'area' ? id : ((row.areaId as number | undefined) ?? null),
  };
  if (!can(user, action, place)) throw new AppError('NOT_FOUND');
  return place;
}
