import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, type Text } from '../../server/http/errors.ts';
import { type Action, can } from '../accounts/index.ts';
import { stationPlace, stations } from '../places/index.ts';

/** What one needs at a station: to see it (station.read), or also to set it up (station.manage). */
export type StationNeed = 'station.read' | 'station.manage';

/**
 * The one station check of the module: the station, 404 unless the user may see it (station.read, or
 * any of `seenWith`, like a missing one), 403 when `need` is station.manage and they may not set it up.
 */
export async function stationFor(
  ctx: AuthedCtx,
  stationId: number,
  need: StationNeed = 'station.read',
  seenWith: readonly Action[] = [],
) {
  const station = await stationPlace(ctx.db, stationId);
  const sees = can(ctx.user, 'station.read', station) || seenWith.some((a) => can(ctx.user, a, station));
  if (!sees) throw new AppError('NOT_FOUND');
  if (need === 'station.manage' && !can(ctx.user, 'station.manage', station)) throw new AppError('FORBIDDEN');
  return station;
}

/** The station for one who may see its page (station.read); 404 otherwise, like a missing one. */
export function readableStation(ctx: AuthedCtx, stationId: number) {
  return stationFor(ctx, stationId, 'station.read');
}

/** The station for one who sets it up: 404 unless they see it, 403 without station.manage. */
export function managedStation(ctx: AuthedCtx, stationId: number) {
  return stationFor(ctx, stationId, 'station.manage');
}

/**
 * Locks the station's row for the rest of the transaction, so checks that span rows (overlapping
 * terms, one person's positions, next version numbers) are not raced by a concurrent write.
 */
export async function lockStation(tx: DbOrTx, stationId: number) {
  const [row] = await tx
    .select({ id: stations.id, stage: stations.stage, kind: stations.kind })
    .from(stations)
    .where(eq(stations.id, stationId))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A field-level 400 with its message in both languages. */
export function badField(path: string, message: Text) {
  return new AppError('VALIDATION', { errors: [{ path, message }] });
}

/** A 409 that says in both languages what the input conflicts with. */
export function conflict(detail: Text): AppError {
  return new AppError('CONFLICT', { detail });
}
