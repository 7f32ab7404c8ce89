import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, type Text } from '../../server/http/errors.ts';
import { can } from '../accounts/policy.ts';
import { type FoundPlace, locatePlace, stationPlace } from '../places/find-place.ts';
import { badField as invalid } from './station-access.ts';

/** Helpers the patrol and visit use cases share: days in China time, station checks, field errors. */

const DAY_MS = 86_400_000;

// Days in China time and field errors come from the module's one copy of each.
export { addDays, chinaDate as chinaDay } from './duty-time.ts';
export { invalid };

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** A 409 saying why, in both languages. */
export function conflict(detail: Text): AppError {
  return new AppError('CONFLICT', { detail });
}

/**
 * The station, for one who sees its field work (station.read), else 404; with `manage`, 403 for those
 * who see it but may not set it up (station.manage).
 */
export async function fieldStation(
  ctx: AuthedCtx,
  stationId: number,
  need: 'read' | 'manage' = 'read',
): Promise<FoundPlace> {
  const station = await stationPlace(ctx.db, stationId);
  if (!can(ctx.user, 'station.read', station)) throw new AppError('NOT_FOUND');
  if (need === 'manage' && !can(ctx.user, 'station.manage', station)) throw new AppError('FORBIDDEN');
  return station;
}

/** A compound of the station, or 400 on `path` (a compound elsewhere is not named). */
export async function compoundOfStation(
  db: DbOrTx,
  stationId: number,
  compoundId: number,
  path = 'compoundId',
): Promise<FoundPlace> {
  const compound = await locatePlace(db, 'compound', compoundId);
  if (!compound || compound.stationId !== stationId) {
    throw invalid(path, '该小区不属于本自治站', 'That compound is not in this station');
  }
  return compound;
}
