import { and, desc, eq, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Db, DbOrTx } from '../../server/db/client.ts';
import { users } from '../accounts/accounts.tables.ts';
import { type Channel, ConsoleChannel } from './channels.ts';
import { deliveries, notifications } from './notifications.tables.ts';

export const DELIVER_QUEUE = 'notifications-deliver';

interface Outbox {
  db: Db | null;
  boss: PgBoss | null;
  channels: Map<string, Channel>;
}

const outbox: Outbox = { db: null, boss: null, channels: new Map([['console', new ConsoleChannel()]]) };

export function consoleChannel(): ConsoleChannel {
  return outbox.channels.get('console') as ConsoleChannel;
}

/** Wires the outbox at start: the database, pg-boss (for retries), and the channels offered. */
export async function startNotifications(options: {
  db: Db;
  boss: PgBoss | null;
  channels?: Channel[];
}): Promise<void> {
  outbox.db = options.db;
  outbox.boss = options.boss;
  for (const channel of options.channels ?? []) outbox.channels.set(channel.name, channel);
  if (options.boss) {
    await options.boss.createQueue(DELIVER_QUEUE, { retryLimit: 5, retryDelay: 5, retryBackoff: true });
    await options.boss.work<{ deliveryId: number; subject: string; text: string }>(
      DELIVER_QUEUE,
      async (jobs) => {
        for (const job of jobs) await deliver(job.data);
      },
    );
  }
}

async function deliver(input: { deliveryId: number; subject: string; text: string }): Promise<void> {
  const db = outbox.db;
  if (!db) throw new Error('notifications are not started');
  const [row] = await db.select().from(deliveries).where(eq(deliveries.id, input.deliveryId));
  if (!row || row.status === 'sent') return;
  const channel = outbox.channels.get(row.channel);
  try {
    if (!channel) throw new Error(`channel ${row.channel} is not configured`);
    await channel.send({ to: row.address, subject: input.subject, text: input.text });
    await db
      .update(deliveries)
      .set({ status: 'sent', sentAt: new Date(), attempts: sql`${deliveries.attempts} + 1` })
      .where(eq(deliveries.id, row.id));
  } catch (err) {
    await db
      .update(deliveries)
      .set({
        status: 'failed',
        lastError: String((err as Error).message).slice(0, 500),
        attempts: sql`${deliveries.attempts} + 1`,
      })
      .where(eq(deliveries.id, row.id));
    throw err;
  }
}

/**
 * Sends a message through a channel: queued in pg-boss with retries, or at once when no queue runs.
 * Call it after the change that caused the message has committed.
 */
export async function sendThroughChannel(
  db: DbOrTx,
  message: { channel: string; to: string; subject: string; text: string; notificationId?: number },
): Promise<void> {
  const [row] = await db
    .insert(deliveries)
    .values({ channel: message.channel, address: message.to, notificationId: message.notificationId ?? null })
    .returning({ id: deliveries.id });
  const data = { deliveryId: row!.id, subject: message.subject, text: message.text };
  if (outbox.boss) await outbox.boss.send(DELIVER_QUEUE, data);
  else await deliver(data).catch(() => {});
}

/**
 * After the change behind a notification has committed, sends it outside the app as well: by e-mail
 * when e-mail is offered and the user has an address; where it is not offered (development), through
 * the console channel to the user's phone. Never throws: the inbox already holds the message.
 */
export async function sendOutside(db: Db, notificationId: number): Promise<void> {
  try {
    const [row] = await db
      .select({
        title: notifications.title,
        body: notifications.body,
        email: users.email,
        phone: users.phone,
      })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(notifications.id, notificationId));
    if (!row) return;
    const email = outbox.channels.has('email');
    if (email && !row.email) return;
    await sendThroughChannel(db, {
      channel: email ? 'email' : 'console',
      to: email ? row.email! : row.phone,
      subject: row.title,
      text: row.body,
      notificationId,
    });
  } catch {
    // The delivery row records failures when it got that far; the inbox has the message either way.
  }
}

/** Puts a notification in a user's inbox, in the caller's transaction; `sendOutside` after commit. */
export async function notifyUser(
  db: DbOrTx,
  input: {
    userId: number;
    stationId?: number | null;
    kind: string;
    title: string;
    body: string;
    data?: Record<string, unknown>;
  },
): Promise<number> {
  const [row] = await db
    .insert(notifications)
    .values({
      userId: input.userId,
      stationId: input.stationId ?? null,
      kind: input.kind,
      title: input.title,
      body: input.body,
      data: input.data ?? {},
    })
    .returning({ id: notifications.id });
  return row!.id;
}

/**
 * The same inbox row as an `INSERT … SELECT` from a common table expression whose `id` goes into the
 * notification's data under `idKey`, so a change and its notification are one statement (hot paths).
 */
export function notifyFrom(
  cte: string,
  idKey: string,
  input: { userId: number; stationId?: number | null; kind: string; title: string; body: string },
): SQL {
  const from = sql.identifier(cte);
  return sql`insert into ${notifications} (user_id, station_id, kind, title, body, data)
    select ${input.userId}::bigint, ${input.stationId ?? null}::bigint, ${input.kind}, ${input.title}, ${input.body},
      jsonb_build_object(${idKey}::text, ${from}.id) from ${from}`;
}

export async function listInbox(db: Db, userId: number, beforeId: number | null, limit: number) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), beforeId ? lt(notifications.id, beforeId) : undefined))
    .orderBy(desc(notifications.id))
    .limit(limit + 1);
}

export async function markRead(db: Db, userId: number, id: number): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function unreadCount(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
