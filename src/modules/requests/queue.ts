import { and, asc, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import { type Db, escapeLike, literalLimit, pgErrorCode, preparedOnce } from '../../server/db/client.ts';
import { json, jsonObject } from '../../server/db/json-text.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { decodeCursor, invalidCursor, toJsonPage } from '../../server/http/cursor.ts';
import { AppError } from '../../server/http/errors.ts';
import { can } from '../accounts/policy.ts';
import { locatePlace, stationPlace } from '../places/find-place.ts';
import type { Status } from './lifecycle.ts';
import { overdueAt } from './overdue-job.ts';
import type { RequestRow } from './requests.schema.ts';
import { categories, requests } from './requests.tables.ts';

/**
 * The staff queue, the busiest read of the module. Rows are built and serialised as JSON in SQL
 * (`overdue`, `place` and the ISO times computed there), and each filter combination and page size is
 * one named prepared statement keyset-paged on the station's indexes, so a page costs the same with
 * 100,000 requests in the history and PostgreSQL plans it once per connection.
 */

export type QueueQuery = {
  stationId: number;
  status?: Status | undefined;
  categoryId?: number | undefined;
  handlerUserId?: number | undefined;
  buildingId?: number | undefined;
  overdue?: 'true' | 'false' | undefined;
  sort: 'newest' | 'due';
  cursor?: string | undefined;
  limit: number;
};

const OVERDUE = overdueAt(sql`now()`);

/** A queue row (ZRequestRow) as JSON text, each field computed and serialised in SQL. */
const QUEUE_ROW_JSON = jsonObject({
  id: json.scalar(requests.id),
  stationId: json.scalar(requests.stationId),
  categoryName: json.string(categories.name),
  status: json.label(requests.status),
  level: json.label(requests.level),
  holder: json.string(requests.holder),
  channel: json.label(requests.channel),
  description: json.string(requests.description),
  place: json.string(sql`nullif(concat_ws(' ', ${requests.placeLabel}, ${requests.placeText}), '')`),
  handlerUserId: json.scalar(requests.handlerUserId),
  heldSince: json.time(requests.heldSince),
  supporters: json.scalar(requests.supporters),
  isPublic: json.scalar(requests.isPublic),
  rating: json.scalar(requests.rating),
  createdAt: json.time(requests.createdAt),
  dueResponseAt: json.time(requests.dueResponseAt),
  dueResolutionAt: json.time(requests.dueResolutionAt),
  overdue: json.scalar(OVERDUE),
  reopenCount: json.scalar(requests.reopenCount),
} satisfies Record<keyof RequestRow, SQL>);

/**
 * The columns the queue selects: the row as JSON text, which the lists send as it comes (see
 * `toJsonPage`; against mapping and presenting rows in Node this halves the app's CPU per page,
 * measured), and the row's keyset keys beside it.
 */
export const QUEUE_ROW = {
  json: QUEUE_ROW_JSON,
  id: requests.id,
  /** The exact deadline (microseconds) as PostgreSQL prints it, for the keyset cursor of sort=due. */
  dueKey: sql<string>`${requests.dueResolutionAt}::text`,
};

type Shape = {
  status: boolean;
  category: boolean;
  handler: boolean;
  building: boolean;
  overdue: boolean;
  cursor: boolean;
  due: boolean;
};

/** One letter per filter in the prepared statement's name. */
const SHAPE_FLAGS: Record<keyof Shape, string> = {
  status: 's',
  category: 'c',
  handler: 'h',
  building: 'b',
  overdue: 'o',
  cursor: 'k',
  due: 'd',
};
const SHAPE_KEYS = Object.keys(SHAPE_FLAGS) as (keyof Shape)[];

function buildQueueQuery(db: Db, name: string, shape: Shape, limit: number) {
  const p = (key: string) => sql.placeholder(key);
  const where: (SQL | undefined)[] = [
    eq(requests.stationId, p('stationId')),
    shape.status ? sql`${requests.status} = ${p('status')}` : undefined,
    shape.category ? eq(requests.categoryId, p('categoryId')) : undefined,
    shape.handler ? eq(requests.handlerUserId, p('handlerUserId')) : undefined,
    shape.building ? sql`${requests.path} like ${p('pathPattern')}` : undefined,
    shape.overdue ? OVERDUE : undefined,
    shape.cursor
      ? shape.due
        ? sql`(${requests.dueResolutionAt}, ${requests.id}) > (${p('afterDue')}::timestamptz, ${p('afterId')})`
        : lt(requests.id, p('beforeId'))
      : undefined,
  ];
  return db
    .select(QUEUE_ROW)
    .from(requests)
    .innerJoin(categories, eq(categories.id, requests.categoryId))
    .where(and(...where))
    .orderBy(...(shape.due ? [asc(requests.dueResolutionAt), asc(requests.id)] : [desc(requests.id)]))
    .limit(literalLimit(limit))
    .prepare(name);
}

export async function listQueue(ctx: AuthedCtx, query: QueueQuery) {
  const station = await stationPlace(ctx.db, query.stationId);
  if (!can(ctx.user, 'request.read', station)) throw new AppError('NOT_FOUND');
  let buildingPath: string | null = null;
  if (query.buildingId !== undefined) {
    const place = await locatePlace(ctx.db, 'building', query.buildingId);
    if (!place || place.stationId !== station.id) throw new AppError('NOT_FOUND');
    buildingPath = place.path;
  }
  const due = query.sort === 'due';
  const after = due
    ? decodeCursor<[string, number]>(query.cursor, ['string', 'number'])
    : decodeCursor<[number]>(query.cursor, ['number']);
  if (due && after && !/^\d{4}-\d\d-\d\d[ T][\d:.]+(Z|[+-]\d\d(:?\d\d)?)$/.test(String(after[0]))) {
    throw invalidCursor();
  }
  const shape: Shape = {
    status: query.status !== undefined,
    category: query.categoryId !== undefined,
    handler: query.handlerUserId !== undefined,
    building: buildingPath !== null,
    overdue: query.overdue === 'true',
    cursor: after !== null,
    due,
  };
  const name = `requests_queue_${SHAPE_KEYS.map((k) => (shape[k] ? SHAPE_FLAGS[k] : '_')).join('')}_${query.limit + 1}`;
  const rows = await preparedOnce(ctx.db, name, (db, n) => buildQueueQuery(db, n, shape, query.limit + 1))
    .execute({
      stationId: station.id,
      status: query.status,
      categoryId: query.categoryId,
      handlerUserId: query.handlerUserId,
      pathPattern: buildingPath ? `${escapeLike(buildingPath)}%` : undefined,
      afterDue: due && after ? after[0] : undefined,
      afterId: due && after ? after[1] : undefined,
      beforeId: !due && after ? after[0] : undefined,
    })
    .catch((err: unknown) => {
      // A cursor that looks like a time but is none (e.g. 2026-02-30) is refused by PostgreSQL.
      if (pgErrorCode(err)?.startsWith('22')) throw invalidCursor();
      throw err;
    });
  return toJsonPage(rows, query.limit, (r) => (due ? [r.dueKey, r.id] : r.id));
}

/** The requests the signed-in person reported, newest first, as queue rows. */
export async function listMine(ctx: AuthedCtx, query: { cursor?: string | undefined; limit: number }) {
  const before = decodeCursor<[number]>(query.cursor, ['number']);
  const rows = await preparedOnce(
    ctx.db,
    `requests_mine_${before ? 'k' : '_'}_${query.limit + 1}`,
    (db, name) =>
      db
        .select(QUEUE_ROW)
        .from(requests)
        .innerJoin(categories, eq(categories.id, requests.categoryId))
        .where(
          and(
            eq(requests.reporterUserId, sql.placeholder('userId')),
            before ? lt(requests.id, sql.placeholder('beforeId')) : undefined,
          ),
        )
        .orderBy(desc(requests.id))
        .limit(literalLimit(query.limit + 1))
        .prepare(name),
  ).execute({ userId: ctx.user.userId, beforeId: before?.[0] });
  return toJsonPage(rows, query.limit, (r) => r.id);
}
