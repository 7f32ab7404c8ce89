import { and, asc, desc, eq, gte, inArray, isNotNull, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { AppError, type Lang } from '../../server/http/errors.ts';
import { buildings, compounds, locatePlace, units } from '../places/index.ts';
import {
  categories,
  isOpen,
  OPEN_STATUSES,
  requestEvents,
  requests,
  type Status,
} from '../requests/index.ts';
import { list, type Value, w3 } from './format.ts';
import { resolveJurisdiction, type Station } from './jurisdiction.ts';

/**
 * GET requests, GET a request and GET servicerequestupdates: public requests only, and of them
 * nothing personal. No reporter, contact, household, room, handler name or the reporter's own words
 * about the place: the address is the compound, building and unit from the place tree.
 */

export const MAX_ROWS = 1000;

/** Linshe's statuses as Open311's two: closed once it is resolved or otherwise done with. */
const open311Status = (status: Status) => (isOpen(status) ? 'open' : 'closed');

/** Who answers for it: the station until escalated, then the level above (never a person). */
const LEVEL_AGENCY = { community: '社区', street: '街道', district: '区职能部门 / 12345' } as const;

// The pattern is one of three fixed literals, never input.
const idInPath = (letter: 'c' | 'b' | 'u') =>
  sql`substring(${requests.path} from ${sql.raw(`'/${letter}([0-9]+)/'`)})::bigint`;

function baseQuery(db: DbOrTx) {
  return db
    .select({
      id: requests.id,
      stationId: requests.stationId,
      status: requests.status,
      level: requests.level,
      description: requests.description,
      lat: requests.lat,
      lng: requests.lng,
      createdAt: requests.createdAt,
      updatedAt: requests.updatedAt,
      dueResolutionAt: requests.dueResolutionAt,
      serviceCode: categories.code,
      serviceName: categories.name,
      responseHours: categories.responseHours,
      resolutionHours: categories.resolutionHours,
      compound: compounds.name,
      compoundAddress: compounds.address,
      buildingId: buildings.id,
      building: buildings.name,
      unitId: units.id,
      unit: units.name,
    })
    .from(requests)
    .innerJoin(categories, eq(categories.id, requests.categoryId))
    .leftJoin(compounds, eq(compounds.id, idInPath('c')))
    .leftJoin(buildings, eq(buildings.id, idInPath('b')))
    .leftJoin(units, eq(units.id, idInPath('u')))
    .$dynamic();
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

export function serviceNotice(category: { responseHours: number; resolutionHours: number }, lang: Lang) {
  return lang === 'en'
    ? `The station responds within ${category.responseHours} hours and resolves within ${category.resolutionHours} hours.`
    : `自治站将在 ${category.responseHours} 小时内响应，${category.resolutionHours} 小时内办结。`;
}

/** The latest status note and the client's media URL of each request. */
async function eventFacts(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return { notes: new Map<number, string | null>(), media: new Map<number, string>() };
  const notes = await db
    .selectDistinctOn([requestEvents.requestId], {
      requestId: requestEvents.requestId,
      body: requestEvents.body,
    })
    .from(requestEvents)
    .where(and(inArray(requestEvents.requestId, ids), isNotNull(requestEvents.toStatus)))
    .orderBy(requestEvents.requestId, desc(requestEvents.id));
  const media = await db
    .select({ requestId: requestEvents.requestId, url: sql<string>`${requestEvents.data}->>'mediaUrl'` })
    .from(requestEvents)
    .where(
      and(
        inArray(requestEvents.requestId, ids),
        eq(requestEvents.kind, 'submitted'),
        sql`${requestEvents.data} ? 'mediaUrl'`,
      ),
    );
  return {
    notes: new Map(notes.map((n) => [n.requestId, n.body])),
    media: new Map(media.map((m) => [m.requestId, m.url])),
  };
}

async function present(db: DbOrTx, station: Station, rows: Row[], lang: Lang): Promise<Value> {
  const { notes, media } = await eventFacts(
    db,
    rows.map((r) => r.id),
  );
  // A request at station level names no compound in its path: a station of one compound names it.
  const own = rows.some((r) => r.compound === null)
    ? await db
        .select({ name: compounds.name, address: compounds.address })
        .from(compounds)
        .where(eq(compounds.stationId, station.id))
        .limit(2)
    : [];
  const single = own.length === 1 ? own[0]! : null;
  return list(
    'request',
    rows.map((r) => {
      const compound = r.compound ?? single?.name ?? null;
      const address = [r.compound ? r.compoundAddress : single?.address, compound, r.building, r.unit]
        .filter(Boolean)
        .join(' ');
      return {
        service_request_id: String(r.id),
        status: open311Status(r.status),
        status_notes: notes.get(r.id) ?? null,
        service_name: r.serviceName,
        service_code: r.serviceCode,
        description: r.description,
        agency_responsible: r.level === 'station' ? station.name : LEVEL_AGENCY[r.level],
        service_notice: serviceNotice(r, lang),
        requested_datetime: w3(r.createdAt),
        updated_datetime: w3(r.updatedAt),
        expected_datetime: w3(r.dueResolutionAt),
        address: address || null,
        address_id: r.unitId ? `u${r.unitId}` : r.buildingId ? `b${r.buildingId}` : null,
        zipcode: null,
        lat: r.lat,
        long: r.lng,
        media_url: media.get(r.id) ?? null,
      };
    }),
  );
}

const publicAt = (station: Station) => and(eq(requests.stationId, station.id), eq(requests.isPublic, true));

/**
 * One public request, or 404 (missing, private and elsewhere look the same). The id alone names a
 * request, so jurisdiction_id is optional here; when given, the request must be of it.
 */
export async function getServiceRequest(
  db: DbOrTx,
  jurisdictionId: string | undefined,
  id: number,
  lang: Lang,
) {
  const given = jurisdictionId ? await resolveJurisdiction(db, jurisdictionId) : null;
  const rows = await baseQuery(db).where(
    and(given ? publicAt(given) : eq(requests.isPublic, true), eq(requests.id, id)),
  );
  const station = given ?? (rows[0] ? await locatePlace(db, 'station', rows[0].stationId) : null);
  if (!station || rows.length === 0) {
    throw new AppError('NOT_FOUND', {
      detail: { zh: '找不到该 service_request_id', en: 'service_request_id not found' },
    });
  }
  return present(db, station, rows, lang);
}

/** These requests and no other filter, or the requests of a period, of some services, open or closed. */
export type RequestsFilter =
  | { ids: number[] }
  | {
      serviceCodes?: string[] | undefined;
      status?: 'open' | 'closed' | undefined;
      from: Date;
      to: Date;
    };

/** GET requests: newest first, at most 1000, requested within [from, to] (at most 90 days). */
export async function listServiceRequests(db: DbOrTx, station: Station, filter: RequestsFilter, lang: Lang) {
  const where: (SQL | undefined)[] =
    'ids' in filter
      ? [inArray(requests.id, filter.ids)]
      : [
          gte(requests.createdAt, filter.from),
          lte(requests.createdAt, filter.to),
          filter.serviceCodes ? inArray(categories.code, filter.serviceCodes) : undefined,
          filter.status
            ? (filter.status === 'open' ? inArray : notInArray)(requests.status, OPEN_STATUSES)
            : undefined,
        ];
  const rows = await baseQuery(db)
    .where(and(publicAt(station), ...where))
    .orderBy(desc(requests.createdAt), desc(requests.id))
    .limit(MAX_ROWS);
  return present(db, station, rows, lang);
}

/**
 * GET servicerequestupdates (the extension FixMyStreet and others use): every status change of the
 * jurisdiction's public requests within [from, to], oldest first, at most 1000. The description is
 * the note written with the change; who wrote it is never said.
 */
export async function listUpdates(db: DbOrTx, station: Station, range: { from: Date; to: Date }) {
  const rows = await db
    .select({
      id: requestEvents.id,
      requestId: requestEvents.requestId,
      toStatus: requestEvents.toStatus,
      at: requestEvents.at,
      body: requestEvents.body,
      media: sql<string | null>`case when ${requestEvents.kind} = 'submitted'
        then ${requestEvents.data}->>'mediaUrl' end`,
    })
    .from(requestEvents)
    .innerJoin(requests, eq(requests.id, requestEvents.requestId))
    .where(
      and(
        publicAt(station),
        eq(requestEvents.stationId, station.id),
        isNotNull(requestEvents.toStatus),
        gte(requestEvents.at, range.from),
        lte(requestEvents.at, range.to),
      ),
    )
    .orderBy(asc(requestEvents.at), asc(requestEvents.id))
    .limit(MAX_ROWS);
  return list(
    'request_update',
    rows.map((e) => ({
      update_id: String(e.id),
      service_request_id: String(e.requestId),
      status: open311Status(e.toStatus!),
      updated_datetime: w3(e.at),
      description: e.body,
      media_url: e.media,
    })),
  );
}
