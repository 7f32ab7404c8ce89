import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { can } from '../accounts/policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { householdMembers, residents } from '../people/people.tables.ts';
import { stationPlace } from '../places/find-place.ts';
import { DEFAULT_CATEGORIES } from './default-categories.ts';
import { attachPhotos } from './photos.ts';
import { resolveRequestPlace } from './request-places.ts';
import { categories, requestEvents, requests } from './requests.tables.ts';
import { notifyRouted, routeNewRequest } from './route-request.ts';

/** A station's categories; a station that has none yet gets the default set. */
export async function stationCategories(db: DbOrTx, stationId: number) {
  const rows = await db
    .select()
    .from(categories)
    .where(and(eq(categories.stationId, stationId), eq(categories.active, true)))
    .orderBy(asc(categories.sortKey), asc(categories.id));
  if (rows.length > 0) return rows;
  await db
    .insert(categories)
    .values(DEFAULT_CATEGORIES.map((c, i) => ({ ...c, stationId, sortKey: i })))
    .onConflictDoNothing();
  return db
    .select()
    .from(categories)
    .where(eq(categories.stationId, stationId))
    .orderBy(asc(categories.sortKey), asc(categories.id));
}

/**
 * The user's resident record in a station when they are a verified member of one of its
 * households (residents are linked to an account only once verified), else null.
 */
export async function residentOfStation(db: DbOrTx, userId: number, stationId: number) {
  const [member] = await db
    .select({ residentId: residents.id, householdId: householdMembers.householdId })
    .from(residents)
    .innerJoin(householdMembers, eq(householdMembers.residentId, residents.id))
    .where(and(eq(residents.userId, userId), eq(residents.stationId, stationId)))
    .limit(1);
  return member ?? null;
}

/** Category names are not personal data: any signed-in user may list a station's. */
export async function listCategories(ctx: AuthedCtx, stationId: number) {
  await stationPlace(ctx.db, stationId);
  return stationCategories(ctx.db, stationId);
}

interface FileInput {
  stationId: number;
  categoryId: number;
  description: string;
  householdId?: number | undefined;
  buildingId?: number | undefined;
  unitId?: number | undefined;
  placeText?: string | undefined;
  isPublic: boolean;
  isAnonymous: boolean;
  channel?: 'desk' | 'phone' | 'wechat' | 'patrol' | undefined;
  photoIds?: readonly number[] | undefined;
}

/**
 * Files a request. A resident files for a household they are a verified member of (channel web);
 * staff holding request.handle enter one from the desk, a call, WeChat or a patrol, for the resident
 * named in X-On-Behalf-Of or for no one. Routing: the category's handler takes it, and is notified.
 */
export async function fileRequest(ctx: AuthedCtx, input: FileInput) {
  const station = await stationPlace(ctx.db, input.stationId);
  const staff = can(ctx.user, 'request.handle', station);
  if (input.channel && !staff) throw new AppError('FORBIDDEN');
  const [category] = await ctx.db
    .select()
    .from(categories)
    .where(
      and(
        eq(categories.id, input.categoryId),
        eq(categories.stationId, station.id),
        eq(categories.active, true),
      ),
    );
  if (!category) {
    throw new AppError('VALIDATION', {
      errors: [
        {
          path: 'categoryId',
          message: { zh: '该自治站没有这个类别', en: 'No such category at this station' },
        },
      ],
    });
  }

  const place = await resolveRequestPlace(ctx.db, station.id, input);
  const path = place?.path ?? station.path;
  let reporterResidentId: number | null = null;
  if (!staff) {
    // A resident files for themselves, as a verified member of the household (or of the station).
    const member = await residentOfStation(ctx.db, ctx.user.userId, station.id);
    if (!member) {
      throw new AppError('FORBIDDEN', {
        detail: { zh: '请先认证您在本小区的房屋', en: 'Verify your household in this compound first' },
      });
    }
    reporterResidentId = member.residentId;
    if (input.householdId !== undefined) {
      const [own] = await ctx.db
        .select({ id: householdMembers.id })
        .from(householdMembers)
        .where(
          and(
            eq(householdMembers.residentId, member.residentId),
            eq(householdMembers.householdId, input.householdId),
          ),
        );
      if (!own) {
        throw new AppError('VALIDATION', {
          errors: [
            {
              path: 'householdId',
              message: { zh: '只能为自己的房屋提出诉求', en: 'File only for your own household' },
            },
          ],
        });
      }
    }
  }

  const routed = await routeNewRequest(ctx.db, category);

  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(requests)
      .values({
        stationId: station.id,
        categoryId: category.id,
        channel: input.channel ?? 'web',
        reporterUserId: staff && ctx.onBehalfOf === null ? null : ctx.user.userId,
        reporterResidentId: reporterResidentId ?? ctx.onBehalfOf,
        householdId: input.householdId ?? null,
        path,
        placeLabel: place?.label ?? null,
        placeText: input.placeText || null,
        description: input.description,
        isPublic: input.isPublic,
        isAnonymous: input.isAnonymous,
        ...routed.values,
      })
      .returning();
    const request = row!;
    const [event] = await tx
      .insert(requestEvents)
      .values({
        stationId: station.id,
        requestId: request.id,
        actorUserId: ctx.user.userId,
        onBehalfOfResidentId: staff ? ctx.onBehalfOf : null,
        kind: 'submitted',
        toStatus: 'submitted',
        body: null,
        data: { channel: request.channel, category: category.name },
      })
      .returning({ id: requestEvents.id });
    await attachPhotos(
      tx,
      ctx,
      { stationId: station.id, requestId: request.id, eventId: event!.id },
      input.photoIds ?? [],
    );
    await recordAudit(
      tx,
      { ...ctx, onBehalfOfResident: staff ? ctx.onBehalfOf : null },
      {
        action: 'request.file',
        subjectType: 'request',
        subjectId: request.id,
        stationId: station.id,
        path,
        summary: { category: category.code, channel: request.channel },
      },
    );
    await notifyRouted(tx, routed.handler, request, category, ctx.user.userId);
    return request;
  });
}
