import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { id } from '../../server/db/columns.ts';

/** One row per change, written in the same transaction as the change. Never updated. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: bigint('actor_user_id', { mode: 'number' }),
    /** The resident the actor acted for (staff at the desk, a family proxy). */
    onBehalfOfResidentId: bigint('on_behalf_of_resident_id', { mode: 'number' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    stationId: bigint('station_id', { mode: 'number' }),
    /** Where the subject sits in the tree, so admins of a node read everything below it. */
    path: text('path').notNull(),
    summary: jsonb('summary').notNull().default({}),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('audit_events_path_idx').using('btree', sql`${t.path} text_pattern_ops`, t.id),
    index('audit_events_station_idx').on(t.stationId, t.id),
  ],
);
