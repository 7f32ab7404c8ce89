import { and, asc, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Db, escapeLike, pgErrorCode, preparedOnce } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';
import { AppError } from '../../server/http/errors.ts';
import { can } from '../accounts/policy.ts';
import { locatePlace, stationPlace } from '../places/find-place.ts';
import type { Status } from './lifecycle.ts';
import { overdueAt } from './overdue-job.ts';
import { categories, requests } from './requests.tables.ts';

/**
 * The staff queue, the busiest read of the module. Rows are built in SQL (`overdue` and `place`
 * computed there, times as epoch milliseconds), and each filter combination is one named prepared statement keyset-paged
 * on the station's indexes, so a page costs the same with 100,000 requests in the history.
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

// Times travel as epoch milliseconds (a third cheaper than timestamps parsed by node-pg or
// formatted by to_char, measured) and become ISO strings in `present`.
const ms = (column: AnyPgColumn) => sql<number | null>`(extract(epoch from ${column}) * 1000)::int8`;
const isoOf = (value: number | null) => (value === null ? null : new Date(value).toISOString());

const OVERDUE = overdueAt(sql`now()`);

/** The columns of a queue row (the shape of ZRequestRow), plus the keyset key of the due sort. */
export const QUEUE_ROW = {
  id: requests.id,
  stationId: requests.stationId,
  categoryName: categories.name,
  status: requests.status,
  level: requests.level,
  holder: requests.holder,
  channel: requests.channel,
  description: requests.description,
  place: sql<string | null>`nullif(concat_ws(' ', ${requests.placeLabel}, ${requests.placeText}), '')`,
  handlerUserId: requests.handlerUserId,
  heldSince: ms(requests.heldSince),
  supporters: requests.supporters,
  isPublic: requests.isPublic,
  rating: requests.rating,
  createdAt: ms(requests.createdAt),
  dueResponseAt: ms(requests.dueResponseAt),
  dueResolutionAt: ms(requests.dueResolutionAt),
  overdue: OVERDUE,
  reopenCount: requests.reopenCount,
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

function buildQueueQuery(db: Db, name: string, shape: Shape) {
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
    .limit(p('limit'))
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
  const badCursor = () =>
    new AppError('VALIDATION', { detail: { zh: '分页游标无效', en: 'The page cursor is not valid' } });
  if (due && after && !/^\d{4}-\d\d-\d\d[ T][\d:.]+(Z|[+-]\d\d(:?\d\d)?)$/.test(String(after[0]))) {
    throw badCursor();
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
  const flags = {
    status: 's',
    category: 'c',
    handler: 'h',
    building: 'b',
    overdue: 'o',
    cursor: 'k',
    due: 'd',
  };
  const name = `requests_queue_${(Object.keys(flags) as (keyof Shape)[])
    .map((k) => (shape[k] ? flags[k] : '_'))
    .join('')}`;
  const rows = await preparedOnce(ctx.db, name, (db, n) => buildQueueQuery(db, n, shape))
    .execute({
      stationId: station.id,
      status: query.status,
      categoryId: query.categoryId,
      handlerUserId: query.handlerUserId,
      pathPattern: buildingPath ? `${escapeLike(buildingPath)}%` : undefined,
      afterDue: due && after ? after[0] : undefined,
      afterId: due && after ? after[1] : undefined,
      beforeId: !due && after ? after[0] : undefined,
      limit: query.limit + 1,
    })
    .catch((err: unknown) => {
      // A cursor that looks like a time but is none (e.g. 2026-02-30) is refused by PostgreSQL.
      if (pgErrorCode(err)?.startsWith('22')) throw badCursor();
      throw err;
    });
  return toPage(rows, query.limit, (r) => (due ? [r.dueKey, r.id] : r.id), presentQueueRow);
}

type Times = {
  dueKey: string;
  heldSince: number | null;
  createdAt: number | null;
  dueResponseAt: number | null;
  dueResolutionAt: number | null;
};

/** A queue row as the API sends it: times as ISO strings, without the cursor key. */
function presentQueueRow<R extends Times>({
  dueKey: _,
  heldSince,
  createdAt,
  dueResponseAt,
  dueResolutionAt,
  ...row
}: R) {
  return {
    ...row,
    heldSince: isoOf(heldSince),
    createdAt: isoOf(createdAt)!,
    dueResponseAt: isoOf(dueResponseAt)!,
    dueResolutionAt: isoOf(dueResolutionAt)!,
  };
}

/** The requests the signed-in person reported, newest first, as queue rows. */
export async function listMine(ctx: AuthedCtx, query: { cursor?: string | undefined; limit: number }) {
  const before = decodeCursor<[number]>(query.cursor, ['number']);
  const rows = await ctx.db
    .select(QUEUE_ROW)
    .from(requests)
    .innerJoin(categories, eq(categories.id, requests.categoryId))
    .where(and(eq(requests.reporterUserId, ctx.user.userId), before ? lt(requests.id, before[0]) : undefined))
    .orderBy(desc(requests.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => r.id, presentQueueRow);
}

/** One request as a queue row (the request page shows the same fields, then its timeline). */
export async function queueRowById(db: Db, id: number) {
  const [row] = await db
    .select(QUEUE_ROW)
    .from(requests)
    .innerJoin(categories, eq(categories.id, requests.categoryId))
    .where(eq(requests.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return presentQueueRow(row);
}
