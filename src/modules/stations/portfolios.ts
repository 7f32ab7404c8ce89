import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can, type Grant, roleGrants } from '../accounts/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { categories, setCategoryHandler, stationCategories } from '../requests/index.ts';
import { findActiveCategory } from './active-category.ts';
import { councilMembers, councilTerms, portfolios } from './council.tables.ts';
import { chinaDate } from './duty-time.ts';
import { badField, lockStation, managedStation, readableStation } from './station-access.ts';

/**
 * Portfolios 分管: a council member in charge of request categories. Holding a category routes its
 * new requests to the member's account (the category's handler, set in the same transaction); giving
 * it up, or the member moving or ceasing, routes it to nobody again (unless its handler was changed
 * meanwhile). A category held by nobody and routed to nobody (no property or team handler, no
 * handler account) is a gap; so is a held one whose handler is no longer the holder's account.
 */

type Station = { id: number; path: string; stationId: number | null };

/**
 * Open seats of the term in force today whose account may handle requests at the station: only they
 * can see the requests a portfolio sends them.
 */
async function eligibleSeats(db: DbOrTx, station: Station) {
  const day = chinaDate();
  const seats = await db
    .select({
      memberId: councilMembers.id,
      name: councilMembers.name,
      position: councilMembers.position,
      userId: councilMembers.userId,
    })
    .from(councilMembers)
    .innerJoin(councilTerms, eq(councilTerms.id, councilMembers.termId))
    .where(
      and(
        eq(councilMembers.stationId, station.id),
        isNull(councilMembers.leftOn),
        lte(councilTerms.startsOn, day),
        gte(councilTerms.endsOn, day),
      ),
    )
    .orderBy(councilMembers.id);
  const userIds = [...new Set(seats.flatMap((s) => (s.userId === null ? [] : [s.userId])))];
  const grants =
    userIds.length === 0
      ? []
      : await db
          .select({
            userId: roleGrants.userId,
            role: roleGrants.role,
            stationId: roleGrants.stationId,
            path: roleGrants.path,
          })
          .from(roleGrants)
          .where(inArray(roleGrants.userId, userIds));
  const handles = (userId: number) =>
    can({ userId, grants: grants.filter((g) => g.userId === userId) as Grant[] }, 'request.handle', station);
  return seats.flatMap((s) => (s.userId !== null && handles(s.userId) ? [{ ...s, userId: s.userId }] : []));
}

export async function listPortfolios(ctx: AuthedCtx, stationId: number) {
  const station = await readableStation(ctx, stationId);
  const cats = await stationCategories(ctx.db, station.id);
  const held = await ctx.db
    .select({
      categoryId: portfolios.categoryId,
      memberId: councilMembers.id,
      name: councilMembers.name,
      position: councilMembers.position,
      userId: councilMembers.userId,
    })
    .from(portfolios)
    .innerJoin(councilMembers, eq(councilMembers.id, portfolios.memberId))
    .where(eq(portfolios.stationId, station.id));
  const items = cats.map((c) => {
    const h = held.find((x) => x.categoryId === c.id);
    const holder =
      h && h.userId !== null
        ? { memberId: h.memberId, name: h.name, position: h.position, userId: h.userId }
        : null;
    const routed = c.handlerUserId !== null || c.handlerKind === 'property' || c.handlerKind === 'team';
    // Drift: the category's handler was changed in the request settings since it was given to its
    // holder, so its requests no longer reach them. The portfolio does not route: a gap, the only
    // one with a holder (a held category is otherwise never a gap), so `holder && gap` says drift.
    const drift = holder !== null && (c.handlerKind !== 'member' || c.handlerUserId !== holder.userId);
    return {
      categoryId: c.id,
      name: c.name,
      handlerKind: c.handlerKind,
      holder,
      gap: holder === null ? !routed : drift,
    };
  });
  return { items, eligible: await eligibleSeats(ctx.db, station), gaps: items.filter((i) => i.gap).length };
}

async function activeCategory(tx: DbOrTx, stationId: number, categoryId: number) {
  const category = await findActiveCategory(tx, stationId, categoryId);
  if (!category) throw new AppError('NOT_FOUND');
  return category;
}

/** Gives a category to a member (taking it from its holder, if any) and routes its requests to them. */
export async function assignPortfolio(
  ctx: AuthedCtx,
  stationId: number,
  categoryId: number,
  memberId: number,
) {
  const station = await managedStation(ctx, stationId);
  await ctx.db.transaction(async (tx) => {
    await lockStation(tx, station.id);
    await activeCategory(tx, station.id, categoryId);
    const seat = (await eligibleSeats(tx, station)).find((s) => s.memberId === memberId);
    if (!seat) {
      throw badField('memberId', {
        zh: '只能分管给本届在任、且有可处理诉求账号的理事会成员',
        en: 'Only a current council member whose account may handle requests here can hold a category',
      });
    }
    await tx.delete(portfolios).where(eq(portfolios.categoryId, categoryId));
    await tx.insert(portfolios).values({ stationId: station.id, memberId, categoryId });
    await setCategoryHandler(tx, ctx, {
      categoryId,
      stationId: station.id,
      path: station.path,
      handlerUserId: seat.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'portfolio.assign',
      subjectType: 'requestCategory',
      subjectId: categoryId,
      stationId: station.id,
      path: station.path,
      summary: { memberId },
    });
  });
  return listPortfolios(ctx, station.id);
}

export async function removePortfolio(ctx: AuthedCtx, stationId: number, categoryId: number) {
  const station = await managedStation(ctx, stationId);
  await ctx.db.transaction(async (tx) => {
    await lockStation(tx, station.id);
    await activeCategory(tx, station.id, categoryId);
    const gone = await tx
      .delete(portfolios)
      .where(and(eq(portfolios.categoryId, categoryId), eq(portfolios.stationId, station.id)))
      .returning({ memberId: portfolios.memberId });
    if (gone.length === 0) {
      throw new AppError('INVALID_STATE', {
        detail: { zh: '该类别无人分管', en: 'Nobody holds this category' },
      });
    }
    await unroute(tx, ctx, station, categoryId, gone[0]!.memberId);
    await recordAudit(tx, ctx, {
      action: 'portfolio.remove',
      subjectType: 'requestCategory',
      subjectId: categoryId,
      stationId: station.id,
      path: station.path,
      summary: { memberId: gone[0]!.memberId },
    });
  });
  return listPortfolios(ctx, station.id);
}

/**
 * Routes a category given up by a member to nobody, but only while it still goes to that member's
 * account: a handler set since in the request settings (property, team, another account) stays.
 */
async function unroute(
  tx: DbOrTx,
  actor: AuditActor,
  station: Station,
  categoryId: number,
  memberId: number,
) {
  const [row] = await tx
    .select({ handlerKind: categories.handlerKind, handlerUserId: categories.handlerUserId })
    .from(categories)
    .innerJoin(councilMembers, eq(councilMembers.id, memberId))
    .where(
      and(
        eq(categories.id, categoryId),
        eq(categories.stationId, station.id),
        eq(categories.handlerKind, 'member'),
        eq(categories.handlerUserId, councilMembers.userId),
      ),
    )
    .for('update', { of: categories });
  if (!row) return;
  await setCategoryHandler(tx, actor, {
    categoryId,
    stationId: station.id,
    path: station.path,
    handlerUserId: null,
  });
}

/** Gives up every portfolio of a seat (moved or ceased), in the caller's transaction; answers the categories. */
export async function clearPortfolios(tx: DbOrTx, actor: AuditActor, station: Station, memberId: number) {
  const gone = await tx
    .delete(portfolios)
    .where(eq(portfolios.memberId, memberId))
    .returning({ categoryId: portfolios.categoryId });
  for (const { categoryId } of gone) await unroute(tx, actor, station, categoryId, memberId);
  return gone.map((g) => g.categoryId);
}
