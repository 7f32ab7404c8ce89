import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';
import { meetings } from './meetings.tables.ts';

/**
 * Open Space 开放空间 (a meeting of kind openSpace): participants post topics to the marketplace, the
 * convener lays them on a grid of time slots × places, participants join groups and move between them
 * (the law of two feet), each group's convener and recorder file its report, a dot vote prioritises, and
 * the top items become action plans (deliberation_action_items with space_topic_id).
 */

export const spacePlaces = pgTable(
  'deliberation_space_places',
  {
    id: id(),
    stationId: stationId(),
    meetingId: bigint('meeting_id', { mode: 'number' })
      .notNull()
      .references(() => meetings.id),
    name: text('name').notNull(),
    position: smallint('position').notNull(),
  },
  (t) => [uniqueIndex('deliberation_space_places_uq').on(t.meetingId, t.name)],
);

export const spaceSlots = pgTable(
  'deliberation_space_slots',
  {
    id: id(),
    stationId: stationId(),
    meetingId: bigint('meeting_id', { mode: 'number' })
      .notNull()
      .references(() => meetings.id),
    label: text('label').notNull(),
    position: smallint('position').notNull(),
  },
  (t) => [uniqueIndex('deliberation_space_slots_uq').on(t.meetingId, t.label)],
);

export const spaceTopics = pgTable(
  'deliberation_space_topics',
  {
    id: id(),
    stationId: stationId(),
    meetingId: bigint('meeting_id', { mode: 'number' })
      .notNull()
      .references(() => meetings.id),
    title: text('title').notNull(),
    /** Who posted it: they convene its group. */
    convenerUserId: bigint('convener_user_id', { mode: 'number' }).notNull(),
    recorderUserId: bigint('recorder_user_id', { mode: 'number' }),
    slotId: bigint('slot_id', { mode: 'number' }).references(() => spaceSlots.id),
    placeId: bigint('place_id', { mode: 'number' }).references(() => spacePlaces.id),
    report: text('report'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('deliberation_space_topics_meeting_idx').on(t.meetingId),
    // One group per cell of the grid.
    uniqueIndex('deliberation_space_topics_cell_uq')
      .on(t.slotId, t.placeId)
      .where(sql`${t.slotId} is not null and ${t.placeId} is not null`),
  ],
);

/** Who is in which group; moving (the law of two feet) closes one membership and opens another. */
export const spaceMembers = pgTable(
  'deliberation_space_members',
  {
    id: id(),
    stationId: stationId(),
    meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
    spaceTopicId: bigint('space_topic_id', { mode: 'number' })
      .notNull()
      .references(() => spaceTopics.id),
    slotId: bigint('slot_id', { mode: 'number' }).notNull(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    // In one group at a time per time slot.
    uniqueIndex('deliberation_space_members_one_uq').on(t.slotId, t.userId).where(sql`${t.leftAt} is null`),
    index('deliberation_space_members_topic_idx').on(t.spaceTopicId),
  ],
);

/** Dot votes: how many of their dots a participant put on a group's topic. */
export const spaceDots = pgTable(
  'deliberation_space_dots',
  {
    stationId: stationId(),
    meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    spaceTopicId: bigint('space_topic_id', { mode: 'number' })
      .notNull()
      .references(() => spaceTopics.id),
    dots: smallint('dots').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId, t.spaceTopicId] })],
);
