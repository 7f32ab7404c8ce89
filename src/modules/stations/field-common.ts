import type { DbOrTx } from '../../server/db/client.ts';
import { type FoundPlace, locatePlace } from '../places/find-place.ts';
import { badField } from './station-access.ts';

/** What the patrol and visit use cases share: a compound of the station. */

/** A compound of the station, or 400 on `path` (a compound elsewhere is not named). */
export async function compoundOfStation(
  db: DbOrTx,
  stationId: number,
  compoundId: number,
  path = 'compoundId',
): Promise<FoundPlace> {
  const compound = await locatePlace(db, 'compound', compoundId);
  if (!compound || compound.stationId !== stationId) {
    throw badField(path, { zh: '该小区不属于本自治站', en: 'That compound is not in this station' });
  }
  return compound;
}
