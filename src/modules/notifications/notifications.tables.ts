import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../server/db/columns.ts';

/** The in-app inbox: one row per user per notification. */
export const notifications = pgTable(
  'notifications_inbox',
  {
    id: id(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    stationId: bigint('station_id', { mode: 'number' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    data: jsonb('data').notNull().default({}),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_inbox_user_idx').on(t.userId, t.id)],
);

/** One delivery attempt record per notification and outside channel (console, e-mail…). */
export const deliveries = pgTable(
  'notifications_deliveries',
  {
    id: id(),
    notificationId: bigint('notification_id', { mode: 'number' }),
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_deliveries_notification_idx').on(t.notificationId)],
);
