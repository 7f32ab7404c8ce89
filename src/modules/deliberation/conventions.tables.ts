import {
  bigint,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';

/**
 * Residents' conventions 居民公约: drafted, adopted by a vote, published, versioned; breaches recorded and
 * referred to the department that enforces them ("公约+执法").
 */

export const CONVENTION_VERSION_STATUSES = ['draft', 'published', 'superseded'] as const;
export const BREACH_STATUSES = ['recorded', 'referred', 'resolved'] as const;

export const conventionVersionStatus = pgEnum(
  'deliberation_convention_version_status',
  CONVENTION_VERSION_STATUSES,
);
export const breachStatus = pgEnum('deliberation_breach_status', BREACH_STATUSES);

export const conventions = pgTable(
  'deliberation_conventions',
  {
    id: id(),
    stationId: stationId(),
    title: text('title').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('deliberation_conventions_title_uq').on(t.stationId, t.title)],
);

export const conventionVersions = pgTable(
  'deliberation_convention_versions',
  {
    id: id(),
    stationId: stationId(),
    conventionId: bigint('convention_id', { mode: 'number' })
      .notNull()
      .references(() => conventions.id),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    status: conventionVersionStatus('status').notNull().default('draft'),
    /** The vote that adopted it (closed and passed before it may be published). */
    voteId: bigint('vote_id', { mode: 'number' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('deliberation_convention_versions_uq').on(t.conventionId, t.version)],
);

export const breaches = pgTable(
  'deliberation_breaches',
  {
    id: id(),
    stationId: stationId(),
    conventionId: bigint('convention_id', { mode: 'number' })
      .notNull()
      .references(() => conventions.id),
    /** The version in force when it happened. */
    version: integer('version').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    description: text('description').notNull(),
    reportedBy: bigint('reported_by', { mode: 'number' }).notNull(),
    status: breachStatus('status').notNull().default('recorded'),
    /** The enforcing department it was referred to (综合执法, 城管, 派出所…), when and with what note. */
    referredTo: text('referred_to'),
    referredAt: timestamp('referred_at', { withTimezone: true }),
    note: text('note'),
    /** How it was settled, kept apart from the referral's note. */
    resolutionNote: text('resolution_note'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('deliberation_breaches_station_idx').on(t.stationId, t.status, t.id)],
);
