import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { escapeLike } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can } from '../accounts/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notifyUser } from '../notifications/notify.ts';
import { stationPlace } from '../places/find-place.ts';
import { buildings, households } from '../places/places.tables.ts';
import { noSuchCategory, residentOfStation } from './file-request.ts';
import { isOpen, OPEN_STATUSES } from './lifecycle.ts';
import { buildingOfPath, publicViewerAt, supportedBy } from './public-requests.ts';
import { categories, requestEvents, requestSupporters, requests } from './requests.tables.ts';

/**
 * "Similar open requests" offered before filing, and "+1" on one of them instead of a duplicate.
 * Only open public requests take part; nothing personal is shown (no reporter, no unit or room).
 */

const SIMILAR_MAX = 5;
const CHUNKS_MAX = 12;

/**
 * The pieces of what the resident typed that are looked for in descriptions: Chinese text as
 * overlapping two-character chunks (楼道漏水 → 楼道, 道漏, 漏水), other words whole (two or more letters).
 */
function textChunks(q: string): string[] {
  const chunks = new Set<string>();
  for (const token of q.toLowerCase().split(/[\s\p{P}\p{S}]+/u)) {
    const chars = [...token];
    if (/\p{Script=Han}/u.test(token)) {
      for (let i = 0; i + 1 < chars.length; i++) chunks.add(`${chars[i]}${chars[i + 1]}`);
    } else if (chars.length >= 2) {
      chunks.add(token);
    }
  }
  return [...chunks].slice(0, CHUNKS_MAX);
}

/**
 * Up to five open public requests of the station in the category: those sharing more of `q`'s
 * chunks first, then those in the household's building (default: the resident's own), then newest.
 */
export async function similarRequests(
  ctx: AuthedCtx,
  query: { stationId: number; categoryId: number; householdId?: number | undefined; q?: string | undefined },
) {
  const { station, resident } = await publicViewerAt(ctx, query.stationId);
  const [category] = await ctx.db
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.id, query.categoryId), eq(categories.stationId, station.id)));
  if (!category) throw noSuchCategory();
  const householdId = query.householdId ?? resident?.householdId;
  let buildingPath: string | null = null;
  if (householdId !== undefined) {
    const [home] = await ctx.db
      .select({ path: buildings.path })
      .from(households)
      .innerJoin(buildings, eq(buildings.id, households.buildingId))
      .where(and(eq(households.id, householdId), eq(households.stationId, station.id)));
    if (!home && query.householdId !== undefined) {
      throw new AppError('VALIDATION', {
        errors: [
          {
            path: 'householdId',
            message: { zh: '房屋不属于该自治站', en: 'The household is not in this station' },
          },
        ],
      });
    }
    buildingPath = home?.path ?? null;
  }
  const chunks = textChunks(query.q ?? '');
  const order = [
    ...(chunks.length > 0
      ? [
          desc(
            sql.join(
              chunks.map((c) => sql`(${requests.description} ilike ${`%${escapeLike(c)}%`})::int`),
              sql` + `,
            ),
          ),
        ]
      : []),
    ...(buildingPath ? [desc(sql`(${requests.path} like ${`${escapeLike(buildingPath)}%`})`)] : []),
    desc(requests.createdAt),
    desc(requests.id),
  ];
  const rows = await ctx.db
    .select({
      id: requests.id,
      categoryName: categories.name,
      description: requests.description,
      building: buildings.name,
      place: requests.placeText,
      status: requests.status,
      supporters: requests.supporters,
      createdAt: requests.createdAt,
      mine: sql<boolean>`coalesce(${requests.reporterUserId} = ${ctx.user.userId}, false)`,
      supported: supportedBy(ctx.user.userId),
    })
    .from(requests)
    .innerJoin(categories, eq(categories.id, requests.categoryId))
    .leftJoin(buildings, eq(buildings.id, buildingOfPath))
    .where(
      and(
        eq(requests.stationId, station.id),
        eq(requests.categoryId, category.id),
        eq(requests.isPublic, true),
        inArray(requests.status, OPEN_STATUSES),
      ),
    )
    .orderBy(...order)
    .limit(SIMILAR_MAX);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/**
 * "+1" (on = true) or taking it back (on = false). Idempotent: saying it twice leaves one "+1" and
 * answers 200 with the same count. Only verified residents of the request's station, on open public
 * requests they did not report; staff who are not residents there get 403, everyone else 404.
 */
export async function supportRequest(ctx: AuthedCtx, id: number, on: boolean) {
  const [found] = await ctx.db
    .select({ stationId: requests.stationId, isPublic: requests.isPublic })
    .from(requests)
    .where(eq(requests.id, id));
  if (!found?.isPublic) throw new AppError('NOT_FOUND');
  const station = await stationPlace(ctx.db, found.stationId);
  const resident = await residentOfStation(ctx.db, ctx.user.userId, station.id);
  if (!resident) {
    if (!can(ctx.user, 'request.read', station)) throw new AppError('NOT_FOUND');
    throw new AppError('FORBIDDEN', {
      detail: { zh: '只有本小区已认证的居民可以 +1', en: 'Only verified residents of the compound can +1' },
    });
  }
  return ctx.db.transaction(async (tx) => {
    const [request] = await tx.select().from(requests).where(eq(requests.id, id)).for('update');
    const row = request!;
    if (row.reporterUserId === ctx.user.userId) {
      throw new AppError('INVALID_STATE', {
        detail: { zh: '这是您自己提出的诉求', en: 'You reported this request yourself' },
      });
    }
    if (!isOpen(row.status)) {
      throw new AppError('INVALID_STATE', {
        detail: { zh: '诉求已不在办理中，不能再 +1', en: 'The request is no longer open' },
      });
    }
    const changed = on
      ? await tx
          .insert(requestSupporters)
          .values({ requestId: id, userId: ctx.user.userId, stationId: row.stationId })
          .onConflictDoNothing()
          .returning({ id: requestSupporters.id })
      : await tx
          .delete(requestSupporters)
          .where(and(eq(requestSupporters.requestId, id), eq(requestSupporters.userId, ctx.user.userId)))
          .returning({ id: requestSupporters.id });
    if (changed.length === 0) return { supporters: row.supporters, supported: on };
    const [updated] = await tx
      .update(requests)
      .set({
        supporters: on ? sql`${requests.supporters} + 1` : sql`greatest(${requests.supporters} - 1, 0)`,
      })
      .where(eq(requests.id, id))
      .returning({ supporters: requests.supporters });
    const supporters = updated!.supporters;
    // No actor on the timeline: the reporter and the public see that a neighbour joined, not who.
    await tx.insert(requestEvents).values({
      stationId: row.stationId,
      requestId: id,
      kind: on ? 'support' : 'unsupport',
      data: { supporters },
    });
    await recordAudit(tx, ctx, {
      action: on ? 'request.support' : 'request.unsupport',
      subjectType: 'request',
      subjectId: id,
      stationId: row.stationId,
      path: row.path,
      summary: { supporters },
    });
    if (on && row.reporterUserId) {
      await notifyUser(tx, {
        userId: row.reporterUserId,
        stationId: row.stationId,
        kind: 'request.supported',
        title: `有 ${supporters} 位邻居也反映了此问题`,
        body: row.description.slice(0, 60),
        data: { requestId: id, supporters },
      });
    }
    return { supporters, supported: on };
  });
}
