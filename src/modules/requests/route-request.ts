import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { users } from '../accounts/accounts.tables.ts';
import { notifyUser } from '../notifications/notify.ts';
import type { categories } from './requests.tables.ts';

type Category = typeof categories.$inferSelect;

/** The account a category routes its new requests to, or null. */
export async function categoryHandler(db: DbOrTx, category: Category) {
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
export function routeNewRequest(
  category: Category,
  handler: { id: number; name: string } | null,
  now = new Date(),
) {
  const hours = (h: number) => new Date(now.getTime() + h * 3600_000);
  const holder = handler?.name ?? (category.handlerKind === 'property' ? '物业' : null);
  return {
    handler,
    values: {
      handlerUserId: handler?.id ?? null,
      holder,
      heldSince: holder ? now : null,
      dueResponseAt: hours(category.responseHours),
      dueResolutionAt: hours(category.resolutionHours),
    },
  };
}

/** Tells the handler a new request is theirs (inbox, in the caller's transaction); not the filer. */
export async function notifyRouted(
  tx: DbOrTx,
  handler: { id: number } | null,
  request: { id: number; stationId: number; description: string },
  category: Category,
  filedByUserId: number | null,
) {
  if (!handler || handler.id === filedByUserId) return;
  await notifyUser(tx, {
    userId: handler.id,
    stationId: request.stationId,
    kind: 'request.routed',
    title: `新诉求：${category.name}`,
    body: request.description.slice(0, 80),
    data: { requestId: request.id },
  });
}
