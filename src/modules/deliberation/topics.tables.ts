import { bigint, index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';

/** Topics 议题: raised, supported, put on the agenda, deliberated, decided or declined (DESIGN §3.4). */

export const TOPIC_SOURCES = ['resident', 'council', 'partyBranch', 'community', 'requests'] as const;
export const TOPIC_STATUSES = ['proposed', 'onAgenda', 'inDeliberation', 'decided', 'declined'] as const;
export const TOPIC_OUTCOMES = ['project', 'convention', 'reply'] as const;

export const topicSource = pgEnum('deliberation_topic_source', TOPIC_SOURCES);
export const topicStatus = pgEnum('deliberation_topic_status', TOPIC_STATUSES);
export const topicOutcome = pgEnum('deliberation_topic_outcome', TOPIC_OUTCOMES);

export const topics = pgTable(
  'deliberation_topics',
  {
    id: id(),
    stationId: stationId(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    source: topicSource('source').notNull(),
    raisedBy: bigint('raised_by', { mode: 'number' }).notNull(),
    status: topicStatus('status').notNull().default('proposed'),
    supportCount: integer('support_count').notNull().default(0),
    declinedReason: text('declined_reason'),
    /** What came of a decided topic: a project, a convention or a reply, with its id or text. */
    outcome: topicOutcome('outcome'),
    outcomeId: bigint('outcome_id', { mode: 'number' }),
    outcomeNote: text('outcome_note'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('deliberation_topics_station_idx').on(t.stationId, t.status, t.id)],
);

export const topicSupports = pgTable(
  'deliberation_topic_supports',
  {
    stationId: stationId(),
    topicId: bigint('topic_id', { mode: 'number' })
      .notNull()
      .references(() => topics.id),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.userId] })],
);

/** Requests a topic grew from. */
export const topicRequests = pgTable(
  'deliberation_topic_requests',
  {
    stationId: stationId(),
    topicId: bigint('topic_id', { mode: 'number' })
      .notNull()
      .references(() => topics.id),
    requestId: bigint('request_id', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.requestId] })],
);

/** Per-station settings of deliberation: how many supporters put a topic on the agenda. */
export const deliberationSettings = pgTable('deliberation_settings', {
  stationId: bigint('station_id', { mode: 'number' }).primaryKey(),
  supportThreshold: integer('support_threshold').notNull().default(10),
});
