import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can } from '../accounts/index.ts';
import { stationPlace, stations } from '../places/index.ts';

/** The station for one who may see its page (station.read); 404 otherwise, like a missing one. */
export async function readableStation(ctx: AuthedCtx, stationId: number) {
  const station = await stationPlace(ctx.db, stationId);
  if (!can(ctx.user, 'station.read', station)) throw new AppError('NOT_FOUND');
  return station;
}

/** The station for one who sets it up: 404 unless they see it, 403 without station.manage. */
export async function managedStation(ctx: AuthedCtx, stationId: number) {
  const station = await readableStation(ctx, stationId);
  if (!can(ctx.user, 'station.manage', station)) throw new AppError('FORBIDDEN');
  return station;
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

/** Today's date in China Standard Time (UTC+8, no daylight saving), as YYYY-MM-DD. */
export { chinaDate as today } from './duty-time.ts';

/** A field-level 400 with its message in both languages. */
export function badField(path: string, zh: string, en: string) {
  return new AppError('VALIDATION', { errors: [{ path, message: { zh, en } }] });
}

/** A 409 that says in both languages what the input conflicts with. */
export function conflict(zh: string, en: string) {
  return new AppError('CONFLICT', { detail: { zh, en } });
}
