import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can } from '../accounts/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { stationPlace } from '../places/find-place.ts';
import { requireManager } from './manage-categories.ts';
import { requestSettings } from './requests.tables.ts';

/** Days after which an unrated resolved request closes, for a station without a settings row. */
export const DEFAULT_AUTO_CLOSE_DAYS = 7;

async function settingsOf(db: DbOrTx, stationId: number) {
  const [row] = await db.select().from(requestSettings).where(eq(requestSettings.stationId, stationId));
  return { stationId, autoCloseDays: row?.autoCloseDays ?? DEFAULT_AUTO_CLOSE_DAYS };
}

/** A station's request settings: staff who see its queue may read them. */
export async function getRequestSettings(ctx: AuthedCtx, stationId: number) {
  const station = await stationPlace(ctx.db, stationId);
  if (!can(ctx.user, 'request.read', station)) throw new AppError('NOT_FOUND');
  return settingsOf(ctx.db, station.id);
}

/** Sets a station's request settings (request.configure), audited with the old and new values. */
export async function updateRequestSettings(
  ctx: AuthedCtx,
  stationId: number,
  input: { autoCloseDays: number },
) {
  const station = await requireManager(ctx, stationId);
  return ctx.db.transaction(async (tx) => {
    const before = await settingsOf(tx, station.id);
    await tx
      .insert(requestSettings)
      .values({ stationId: station.id, autoCloseDays: input.autoCloseDays })
      .onConflictDoUpdate({
        target: requestSettings.stationId,
        set: { autoCloseDays: input.autoCloseDays },
      });
    await recordAudit(tx, ctx, {
      action: 'requestSettings.update',
      subjectType: 'requestSettings',
      subjectId: station.id,
      stationId: station.id,
      path: station.path,
      summary: { autoCloseDays: input.autoCloseDays, before: before.autoCloseDays },
    });
    return { stationId: station.id, autoCloseDays: input.autoCloseDays };
  });
}
