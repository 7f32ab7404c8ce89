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
 * Where places sit never changes once written (ids, paths, stations), so lookups outside a
 * transaction are kept for a minute. Writes inside a transaction are never cached, so a rolled-back
 * place is never seen. Renames show after at most a minute.
 */
const CACHE_MS = 60_000;
const CACHE_MAX = 20_000;
const cache = new Map<string, { place: FoundPlace; until: number }>();

/** Where a place sits, without asking who may see it (callers decide); null when there is none. */
export async function locatePlace(db: DbOrTx, kind: PlaceKind, id: number): Promise<FoundPlace | null> {
  const key = `${kind}:${id}`;
  const inTransaction = 'rollback' in db;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now() && !inTransaction) return hit.place;
  const table = TABLES[kind];
  const [row] = (await db.select().from(table).where(eq(table.id, id))) as Record<string, unknown>[];
  if (!row) return null;
  const place: FoundPlace = {
    kind,
    id,
    name: String(row.name ?? row.label ?? ''),
    stationId: kind === 'area' ? null : kind === 'station' ? id : (row.stationId as number),
    path: row.path as string,
    level: kind === 'area' ? (row.level as string) : null,
    areaId: kind === 'area' ? id : ((row.areaId as number | undefined) ?? null),
  };
  if (!inTransaction && place.path !== '') {
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
    cache.set(key, { place, until: Date.now() + CACHE_MS });
  }
  return place;
}

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
  const place = await locatePlace(db, kind, id);
  if (!place) throw new AppError('NOT_FOUND');
  if (!can(user, action, place)) throw new AppError('NOT_FOUND');
  return place;
}

/** Where a station sits; 404 when there is none. Who may act there is each use case's question. */
export async function stationPlace(db: DbOrTx, stationId: number): Promise<FoundPlace> {
  const place = await locatePlace(db, 'station', stationId);
  if (!place) throw new AppError('NOT_FOUND');
  return place;
}
