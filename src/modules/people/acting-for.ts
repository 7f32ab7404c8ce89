import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { proxies, users } from '../accounts/accounts.tables.ts';
import { can } from '../accounts/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { findPlace } from '../places/find-place.ts';
import { stations } from '../places/places.tables.ts';
import { residents } from './people.tables.ts';

/**
 * Checks that the signed-in user may act for the resident named in `X-On-Behalf-Of`: staff holding
 * resident.actFor at the resident's station, or a family proxy the station registered. Returns the
 * resident's id for the audit row (which then records both people), or null when no one is named.
 */
export async function resolveActingFor(db: DbOrTx, ctx: AuthedCtx): Promise<number | null> {
  const residentId = ctx.onBehalfOf;
  if (residentId === null) return null;
  const [row] = await db
    .select({ stationId: residents.stationId, path: stations.path })
    .from(residents)
    .innerJoin(stations, eq(stations.id, residents.stationId))
    .where(eq(residents.id, residentId));
  if (!row) throw new AppError('NOT_FOUND');
  if (can(ctx.user, 'resident.actFor', row)) return residentId;
  const [proxy] = await db
    .select({ id: proxies.id })
    .from(proxies)
    .where(
      and(
        eq(proxies.residentId, residentId),
        eq(proxies.proxyUserId, ctx.user.userId),
        isNull(proxies.revokedAt),
      ),
    );
  if (!proxy)
    throw new AppError('FORBIDDEN', {
      detail: { zh: '您未获授权代办该居民的事务', en: 'You are not authorised to act for this resident' },
    });
  return residentId;
}

/** Staff register a family member or helper (an account, by phone) as a resident's proxy 代办人. */
export async function addProxy(
  ctx: AuthedCtx,
  residentId: number,
  input: { phone: string; note?: string | undefined },
) {
  return ctx.db.transaction(async (tx) => {
    const [resident] = await tx.select().from(residents).where(eq(residents.id, residentId));
    if (!resident) throw new AppError('NOT_FOUND');
    const station = await findPlace(tx, ctx.user, 'station', resident.stationId, 'household.read');
    if (!can(ctx.user, 'resident.manage', station)) throw new AppError('FORBIDDEN');
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.phone, input.phone));
    if (!user)
      throw new AppError('NOT_FOUND', {
        detail: { zh: '该手机号尚未注册', en: 'No account with this phone' },
      });
    const [row] = await tx
      .insert(proxies)
      .values({
        stationId: resident.stationId,
        residentId,
        proxyUserId: user.id,
        note: input.note ?? null,
        createdBy: ctx.user.userId,
      })
      .returning({ id: proxies.id });
    await recordAudit(
      tx,
      { ...ctx, onBehalfOfResident: residentId },
      {
        action: 'proxy.add',
        subjectType: 'resident',
        subjectId: residentId,
        stationId: resident.stationId,
        path: station.path,
        summary: { proxyUserId: user.id },
      },
    );
    return row!.id;
  });
}
