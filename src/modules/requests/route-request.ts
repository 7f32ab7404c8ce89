import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { users } from '../accounts/accounts.tables.ts';
import { type AuditActor, auditFrom } from '../audit/record-audit.ts';
import { notifyFrom } from '../notifications/notify.ts';
import { type categories, requestEvents, requests } from './requests.tables.ts';

type Category = typeof categories.$inferSelect;
type Handler = { id: number; name: string };

/** The account a category routes its new requests to, or null. */
export async function categoryHandler(db: DbOrTx, category: Category): Promise<Handler | null> {
  if (!category.handlerUserId) return null;
  const [handler] = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.id, category.handlerUserId));
  return handler ?? null;
}

/**
 * Where a new request goes, however it came in: the category's handler takes it (or 物业 when the
 * category is the property's), and its response and resolution deadlines start now.
 */
function routeNewRequest(category: Category, handler: Handler | null, now = new Date()) {
  const hours = (h: number) => new Date(now.getTime() + h * 3600_000);
  const holder = handler?.name ?? (category.handlerKind === 'property' ? '物业' : null);
  return {
    handlerUserId: handler?.id ?? null,
    holder,
    heldSince: holder ? now : null,
    dueResponseAt: hours(category.responseHours),
    dueResolutionAt: hours(category.resolutionHours),
  };
}

interface NewRequest {
  category: Category;
  /** The category's handler (`categoryHandler`), or null. */
  handler: Handler | null;
  /** Who files: a signed-in user (and the resident they act for), or no user (an outside client). */
  by: AuditActor;
  values: Omit<typeof requests.$inferInsert, 'categoryId' | keyof ReturnType<typeof routeNewRequest>>;
  /** More for the first timeline entry's data and for the audit summary. */
  event?: Record<string, unknown>;
  audit?: Record<string, unknown>;
}

/**
 * Files a new request however it came in: routed and timed (`routeNewRequest`), with its first
 * timeline entry, its audit row and the handler's inbox note (unless the handler filed it). One
 * statement writes all four: filing is the busiest write, and one round trip instead of a transaction's
 * six is most of its cost. Answers the ids of the request and of its first timeline entry.
 */
export async function writeNewRequest(
  db: DbOrTx,
  filing: NewRequest,
): Promise<{ id: number; eventId: number }> {
  const { category, values, by } = filing;
  const routed = routeNewRequest(category, filing.handler);
  const notify = filing.handler !== null && filing.handler.id !== by.user?.userId ? filing.handler : null;
  const insertRequest = db
    .insert(requests)
    .values({ ...values, categoryId: category.id, ...routed })
    .returning({ id: requests.id });
  const eventData = { channel: values.channel, category: category.name, ...filing.event };
  const statement = sql`with r as (${insertRequest.getSQL()}),
    e as (
      insert into ${requestEvents} (station_id, request_id, actor_user_id, on_behalf_of_resident_id, kind, to_status, data)
      select ${values.stationId}::bigint, r.id, ${by.user?.userId ?? null}::bigint, ${by.onBehalfOfResident ?? null}::bigint,
        'submitted', 'submitted', ${JSON.stringify(eventData)}::jsonb from r
      returning id
    ),
    a as (${auditFrom('r', by, {
      action: 'request.file',
      subjectType: 'request',
      stationId: values.stationId,
      path: values.path,
      summary: { category: category.code, channel: values.channel, ...filing.audit },
    })})
    ${
      notify
        ? sql`, n as (${notifyFrom('r', 'requestId', {
            userId: notify.id,
            stationId: values.stationId,
            kind: 'request.routed',
            title: `新诉求：${category.name}`,
            body: values.description.slice(0, 80),
          })})`
        : sql``
    }
    select r.id as "id", e.id as "eventId" from r, e`;
  return (await db.execute<{ id: number; eventId: number }>(statement)).rows[0]!;
}
