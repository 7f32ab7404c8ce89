import type { DbOrTx } from '../../server/db/client.ts';
import { type FoundPlace, locatePlace } from '../places/find-place.ts';
import { badField } from './station-access.ts';

/** Helpers the patrol and visit use cases share: whole days between dates, a compound of the station. */

const DAY_MS = 86_400_000;

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
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
    throw badField(path, '该小区不属于本自治站', 'That compound is not in this station');
  }
  return compound;
}
