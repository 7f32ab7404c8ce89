import { and, asc, desc, eq, inArray, lt, ne, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';
import { AppError } from '../../server/http/errors.ts';
import { users } from '../accounts/accounts.tables.ts';
import { can } from '../accounts/policy.ts';
import { residents } from '../people/people.tables.ts';
import { stationPlace } from '../places/find-place.ts';
import { buildings, units } from '../places/places.tables.ts';
import { residentOfStation } from './file-request.ts';
import { LEVEL_HOLDERS } from './handle-request.ts';
import { OPEN_STATUSES } from './lifecycle.ts';
import { categories, requestEvents, requestSupporters, requests } from './requests.tables.ts';

/**
 * The public view of a station's requests: what residents of the compound see of public requests.
 * No phone ever; no name, unit or room unless the reporter chose to show it (isAnonymous = false),
 * and never a room; who holds a request only as a role word; the timeline without names.
 */

/** The station, when the user is one of its verified residents or holds request.read there; else 404. */
export async function publicViewerAt(ctx: AuthedCtx, stationId: number) {
  const station = await stationPlace(ctx.db, stationId);
  if (can(ctx.user, 'request.read', station)) return { station, resident: null };
  const resident = await residentOfStation(ctx.db, ctx.user.userId, station.id);
  if (!resident) throw new AppError('NOT_FOUND');
  return { station, resident };
}

/** The building and unit a request's path names (…/b31/u5/h99/), for the rows that show them. */
export const buildingOfPath = sql`substring(${requests.path} from '/b([0-9]+)/')::bigint`;
const unitOfPath = sql`substring(${requests.path} from '/u([0-9]+)/')::bigint`;

/** Whether the user said "+1" on the request of the row. */
export const supportedBy = (userId: number) =>
  sql<boolean>`exists (select 1 from ${requestSupporters} s
    where s.request_id = ${requests.id} and s.user_id = ${userId})`;

/** Who holds a request, said as a role: never a council member's or volunteer's name. */
function publicHolder(row: { level: keyof typeof LEVEL_HOLDERS; holder: string | null }) {
  const above = LEVEL_HOLDERS[row.level];
  if (above) return above;
  if (row.holder === '物业') return '物业';
  return row.holder ? '自治站' : null;
}

const reporterUser = alias(users, 'reporter_user');
const residentUser = alias(users, 'resident_user');

function publicRows(db: DbOrTx, viewerId: number) {
  return db
    .select({
      id: requests.id,
      categoryName: categories.name,
      description: requests.description,
      status: requests.status,
      level: requests.level,
      holder: requests.holder,
      placeText: requests.placeText,
      supporters: requests.supporters,
      createdAt: requests.createdAt,
      updatedAt: requests.updatedAt,
      isAnonymous: requests.isAnonymous,
      reporterUserId: requests.reporterUserId,
      building: buildings.name,
      unit: units.name,
      reporterName: sql<
        string | null
      >`coalesce(${residentUser.displayName}, ${residents.name}, ${reporterUser.displayName})`,
      supported: supportedBy(viewerId),
    })
    .from(requests)
    .innerJoin(categories, eq(categories.id, requests.categoryId))
    .leftJoin(buildings, eq(buildings.id, buildingOfPath))
    .leftJoin(units, eq(units.id, unitOfPath))
    .leftJoin(residents, eq(residents.id, requests.reporterResidentId))
    .leftJoin(residentUser, eq(residentUser.id, residents.userId))
    .leftJoin(reporterUser, eq(reporterUser.id, requests.reporterUserId))
    .$dynamic();
}
type PublicRow = Awaited<ReturnType<ReturnType<typeof publicRows>['execute']>>[number];

function presentPublic(row: PublicRow) {
  const shown = !row.isAnonymous && row.reporterName;
  return {
    id: row.id,
    categoryName: row.categoryName,
    description: row.description,
    status: row.status,
    level: row.level,
    holder: publicHolder(row),
    building: row.building,
    place: row.placeText,
    supporters: row.supporters,
    supported: row.supported,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    reporter: shown
      ? { name: row.reporterName!, home: row.building ? `${row.building}${row.unit ?? ''}` : null }
      : null,
  };
}

/** A station's public requests, newest first; `status` open (still being handled) or closed (the rest). */
export async function listPublicRequests(
  ctx: AuthedCtx,
  stationId: number,
  query: { status?: 'open' | 'closed' | undefined; cursor?: string | undefined; limit: number },
) {
  const { station } = await publicViewerAt(ctx, stationId);
  const before = decodeCursor<[number]>(query.cursor, ['number']);
  const rows = await publicRows(ctx.db, ctx.user.userId)
    .where(
      and(
        eq(requests.stationId, station.id),
        eq(requests.isPublic, true),
        query.status === 'open' ? inArray(requests.status, OPEN_STATUSES) : undefined,
        query.status === 'closed' ? notInArray(requests.status, OPEN_STATUSES) : undefined,
        before ? lt(requests.id, before[0]) : undefined,
      ),
    )
    .orderBy(desc(requests.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => r.id, presentPublic);
}

/** One public request with its timeline: steps and staff notes, never names nor residents' words. */
export async function getPublicRequest(ctx: AuthedCtx, stationId: number, id: number) {
  const { station } = await publicViewerAt(ctx, stationId);
  const [row] = await publicRows(ctx.db, ctx.user.userId).where(
    and(eq(requests.id, id), eq(requests.stationId, station.id), eq(requests.isPublic, true)),
  );
  if (!row) throw new AppError('NOT_FOUND');
  const events = await ctx.db
    .select()
    .from(requestEvents)
    .where(and(eq(requestEvents.requestId, id), ne(requestEvents.kind, 'comment')))
    .orderBy(asc(requestEvents.id));
  return {
    ...presentPublic(row),
    timeline: events.map((e) => {
      const by =
        e.kind === 'support' || e.kind === 'unsupport'
          ? ('resident' as const)
          : e.actorUserId === null
            ? ('system' as const)
            : e.actorUserId === row.reporterUserId && e.onBehalfOfResidentId === null
              ? ('resident' as const)
              : ('staff' as const);
      return {
        at: e.at.toISOString(),
        kind: e.kind,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        by,
        note: by === 'staff' ? e.body : null,
      };
    }),
  };
}
