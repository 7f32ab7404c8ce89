import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { users } from '../accounts/accounts.tables.ts';
import { can } from '../accounts/policy.ts';
import { type AuditActor, recordAudit } from '../audit/record-audit.ts';
import { stationPlace } from '../places/find-place.ts';
import { stationCategories } from './file-request.ts';
import { categories } from './requests.tables.ts';

export interface CategoryInput {
  name?: string | undefined;
  responseHours?: number | undefined;
  resolutionHours?: number | undefined;
  handlerKind?: 'member' | 'property' | 'team' | 'none' | undefined;
  handlerUserId?: number | null | undefined;
  active?: boolean | undefined;
}

/**
 * The station, for one who sets its request rules (categories, settings, Open311 client keys): 404 unless they see its
 * requests, 403 without request.configure.
 */
export async function requireManager(ctx: AuthedCtx, stationId: number) {
  const station = await stationPlace(ctx.db, stationId);
  if (!can(ctx.user, 'request.read', station)) throw new AppError('NOT_FOUND');
  // Categories, handlers and settings are the station's rules: those who manage its residents set them.
  if (!can(ctx.user, 'request.configure', station)) throw new AppError('FORBIDDEN');
  return station;
}

async function checkHandler(ctx: AuthedCtx, handlerUserId: number | null | undefined) {
  if (handlerUserId === undefined || handlerUserId === null) return;
  const [user] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, handlerUserId));
  if (!user) {
    throw new AppError('VALIDATION', {
      errors: [{ path: 'handlerUserId', message: { zh: '找不到该处理人', en: 'No such handler' } }],
    });
  }
}

/** Adds a category to a station (its default set is created first if it has none). */
export async function addCategory(
  ctx: AuthedCtx,
  stationId: number,
  input: CategoryInput & { code: string; name: string; responseHours: number; resolutionHours: number },
) {
  const station = await requireManager(ctx, stationId);
  await checkHandler(ctx, input.handlerUserId);
  await stationCategories(ctx.db, station.id);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(categories)
      .values({
        stationId: station.id,
        code: input.code,
        name: input.name,
        responseHours: input.responseHours,
        resolutionHours: input.resolutionHours,
        handlerKind: input.handlerKind ?? 'none',
        handlerUserId: input.handlerUserId ?? null,
        sortKey: 100,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'requestCategory.add',
      subjectType: 'requestCategory',
      subjectId: row!.id,
      stationId: station.id,
      path: station.path,
      summary: { code: input.code },
    });
    return row!;
  });
}

/** Changes a category: name, deadlines, default handler, or retires it (active = false). */
export async function updateCategory(ctx: AuthedCtx, id: number, input: CategoryInput) {
  const [existing] = await ctx.db.select().from(categories).where(eq(categories.id, id));
  if (!existing) throw new AppError('NOT_FOUND');
  const station = await requireManager(ctx, existing.stationId);
  await checkHandler(ctx, input.handlerUserId);
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<
    typeof categories.$inferInsert
  >;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(categories)
      .set(patch)
      .where(and(eq(categories.id, id), eq(categories.stationId, station.id)))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'requestCategory.update',
      subjectType: 'requestCategory',
      subjectId: id,
      stationId: station.id,
      path: station.path,
      summary: { fields: Object.keys(patch) },
    });
    return row!;
  });
}

/**
 * Routes a category's new requests to one account (a council member holding it as a portfolio 分管)
 * or to nobody, in the caller's transaction, with its audit row. The caller checks who may do it.
 */
export async function setCategoryHandler(
  tx: DbOrTx,
  actor: AuditActor,
  target: { categoryId: number; stationId: number; path: string; handlerUserId: number | null },
) {
  const [row] = await tx
    .update(categories)
    .set({
      handlerKind: target.handlerUserId === null ? 'none' : 'member',
      handlerUserId: target.handlerUserId,
    })
    .where(and(eq(categories.id, target.categoryId), eq(categories.stationId, target.stationId)))
    .returning();
  if (!row) throw new AppError('NOT_FOUND');
  await recordAudit(tx, actor, {
    action: 'requestCategory.handler',
    subjectType: 'requestCategory',
    subjectId: row.id,
    stationId: target.stationId,
    path: target.path,
    summary: { handlerKind: row.handlerKind, handlerUserId: row.handlerUserId },
  });
  return row;
}
