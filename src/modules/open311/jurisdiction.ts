import type { DbOrTx } from '../../server/db/client.ts';
import { AppError } from '../../server/http/errors.ts';
import { locatePlace, stationPlace, stations } from '../places/index.ts';

export type Station = Awaited<ReturnType<typeof stationPlace>>;

/**
 * One Open311 jurisdiction per station. Its id is `linshe-s<station id>` (the station id never
 * changes; the station's name may). An install that serves a single station needs no
 * jurisdiction_id; one that serves several (a city) asks for it wherever the answer depends on it.
 */
export const jurisdictionOf = (stationId: number) => `linshe-s${stationId}`;

const JURISDICTION = /^linshe-s([1-9]\d{0,14})$/;

export async function resolveJurisdiction(db: DbOrTx, given: string | undefined): Promise<Station> {
  if (!given) {
    const some = await db.select({ id: stations.id }).from(stations).limit(2);
    if (some.length === 1) return stationPlace(db, some[0]!.id);
    throw new AppError('VALIDATION', {
      detail: {
        zh: '缺少 jurisdiction_id（形如 linshe-s12，每个自治站一个）',
        en: 'jurisdiction_id was not provided (one per station, like linshe-s12)',
      },
    });
  }
  const match = JURISDICTION.exec(given.trim());
  const station = match ? await locatePlace(db, 'station', Number(match[1])) : null;
  if (!station) {
    throw new AppError('NOT_FOUND', {
      detail: { zh: '找不到该 jurisdiction_id', en: 'jurisdiction_id not found' },
    });
  }
  return station;
}
