import { and, asc, eq, sql } from 'drizzle-orm';
import { type DbOrTx, preparedOnce } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { users } from '../accounts/accounts.tables.ts';
import { can } from '../accounts/policy.ts';
import { householdMembers, residents } from '../people/people.tables.ts';
import { stationPlace } from '../places/find-place.ts';
import { DEFAULT_CATEGORIES } from './default-categories.ts';
import { attachPhotos } from './photos.ts';
import { resolveRequestPlace } from './request-places.ts';
import { categories } from './requests.tables.ts';
import { writeNewRequest } from './route-request.ts';

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

/** Why a signed-in user who is not a verified resident of the station may not file or upload there. */
export const VERIFY_HOUSEHOLD_FIRST = {
  zh: '请先认证您在本小区的房屋',
  en: 'Verify your household in this compound first',
};

/** The answer to a categoryId that is not one of the station's (active) categories. */
export const noSuchCategory = () =>
  new AppError('VALIDATION', {
    errors: [
      { path: 'categoryId', message: { zh: '该自治站没有这个类别', en: 'No such category at this station' } },
    ],
  });

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
export async function fileRequest(
  ctx: AuthedCtx,
  input: FileInput,
): Promise<{ id: number; status: 'submitted' }> {
  const station = await stationPlace(ctx.db, input.stationId);
  const staff = can(ctx.user, 'request.handle', station);
  if (input.channel && !staff) throw new AppError('FORBIDDEN');
  const [found] = await preparedOnce(ctx.db, 'file_request_category', (db, name) =>
    db
      .select({ category: categories, handlerId: users.id, handlerName: users.displayName })
      .from(categories)
      .leftJoin(users, eq(users.id, categories.handlerUserId))
      .where(
        and(
          eq(categories.id, sql.placeholder('categoryId')),
          eq(categories.stationId, sql.placeholder('stationId')),
          eq(categories.active, true),
        ),
      )
      .prepare(name),
  ).execute({ categoryId: input.categoryId, stationId: station.id });
  if (!found) throw noSuchCategory();
  const { category } = found;

  const place = await resolveRequestPlace(ctx.db, station.id, input);
  const path = place?.path ?? station.path;
  let reporterResidentId: number | null = null;
  if (!staff) {
    // A resident files for themselves, as a verified member of a household of the station, and
    // names only a household of their own.
    const [member] = await preparedOnce(ctx.db, 'file_request_member', (db, name) =>
      db
        .select({
          residentId: residents.id,
          own: sql<boolean>`bool_or(${householdMembers.householdId} = ${sql.placeholder('householdId')})`,
        })
        .from(residents)
        .innerJoin(householdMembers, eq(householdMembers.residentId, residents.id))
        .where(
          and(
            eq(residents.userId, sql.placeholder('userId')),
            eq(residents.stationId, sql.placeholder('stationId')),
          ),
        )
        .groupBy(residents.id)
        .prepare(name),
    ).execute({ userId: ctx.user.userId, stationId: station.id, householdId: input.householdId ?? 0 });
    if (!member) {
      throw new AppError('FORBIDDEN', { detail: VERIFY_HOUSEHOLD_FIRST });
    }
    if (input.householdId !== undefined && !member.own) {
      throw new AppError('VALIDATION', {
        errors: [
          {
            path: 'householdId',
            message: { zh: '只能为自己的房屋提出诉求', en: 'File only for your own household' },
          },
        ],
      });
    }
    reporterResidentId = member.residentId;
  }

  const handler = found.handlerId === null ? null : { id: found.handlerId, name: found.handlerName ?? '' };
  const write = (db: DbOrTx) =>
    writeNewRequest(db, {
      category,
      handler,
      by: { ...ctx, onBehalfOfResident: staff ? ctx.onBehalfOf : null },
      values: {
        stationId: station.id,
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
      },
    });

  const photoIds = input.photoIds ?? [];
  if (photoIds.length === 0) return { id: (await write(ctx.db)).id, status: 'submitted' };
  return ctx.db.transaction(async (tx) => {
    const ids = await write(tx);
    await attachPhotos(tx, ctx, { stationId: station.id, requestId: ids.id, eventId: ids.eventId }, photoIds);
    return { id: ids.id, status: 'submitted' as const };
  });
}
