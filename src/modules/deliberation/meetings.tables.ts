import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';
import { topics } from './topics.tables.ts';

/**
 * Meetings 会议 (DESIGN §3.4): council meetings, residents' deliberation meetings, joint meetings with the
 * organisations present and an observers' group, Open Space, youth councils. Agenda items linked to
 * topics, invitations, registration with capacity, sign-in at the door (proxies with their written
 * authorisation), minutes, resolutions and action items followed to done.
 */

export const MEETING_KINDS = ['council', 'residents', 'joint', 'openSpace', 'youth'] as const;
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
/** Who is invited: these roles at the station, the households of these buildings, or every household. */
export const INVITEE_GROUPS = [
  'council',
  'buildingLeaders',
  'ownersCommittee',
  'propertyStaff',
  'allHouseholds',
] as const;
export type InviteeGroup = (typeof INVITEE_GROUPS)[number];

export const meetingKind = pgEnum('deliberation_meeting_kind', MEETING_KINDS);
export const meetingStatus = pgEnum('deliberation_meeting_status', MEETING_STATUSES);
export const actionStatus = pgEnum('deliberation_action_status', ['open', 'done']);

export const meetings = pgTable(
  'deliberation_meetings',
  {
    id: id(),
    stationId: stationId(),
    kind: meetingKind('kind').notNull(),
    title: text('title').notNull(),
    purpose: text('purpose').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    /** Seats for registration; null: no registration limit. */
    capacity: integer('capacity'),
    inviteGroups: text('invite_groups').array().notNull().default(sql`'{}'`),
    inviteBuildingIds: bigint('invite_building_ids', { mode: 'number' }).array().notNull().default(sql`'{}'`),
    /** A joint meeting's organisations present (党支部, 业委会, 物业, contractors…) and its observers' group 观察团. */
    organisations: text('organisations').array().notNull().default(sql`'{}'`),
    observers: text('observers').array().notNull().default(sql`'{}'`),
    status: meetingStatus('status').notNull().default('planned'),
    /** Why a planned meeting was called off (shown to those invited). */
    cancelReason: text('cancel_reason'),
    minutes: text('minutes'),
    minutesBy: bigint('minutes_by', { mode: 'number' }),
    minutesAt: timestamp('minutes_at', { withTimezone: true }),
    /** Open Space: how many dots each participant may place when prioritising. */
    dotsPerPerson: smallint('dots_per_person').notNull().default(3),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('deliberation_meetings_station_idx').on(t.stationId, t.startsAt)],
);

export const agendaItems = pgTable(
  'deliberation_agenda_items',
  {
    id: id(),
    stationId: stationId(),
    meetingId: bigint('meeting_id', { mode: 'number' })
      .notNull()
      .references(() => meetings.id),
    position: smallint('position').notNull(),
    title: text('title').notNull(),
    topicId: bigint('topic_id', { mode: 'number' }).references(() => topics.id),
  },
  (t) => [uniqueIndex('deliberation_agenda_position_uq').on(t.meetingId, t.position)],
);

export const registrations = pgTable(
  'deliberation_registrations',
  {
    id: id(),
    stationId: stationId(),
    meetingId: bigint('meeting_id', { mode: 'number' })
      .notNull()
      .references(() => meetings.id),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('deliberation_registrations_uq').on(t.meetingId, t.userId)],
);

/** Sign-in at the door: a person, or a proxy for a resident holding a written authorisation. */
export const attendance = pgTable(
  'deliberation_attendance',
  {
    id: id(),
    stationId: stationId(),
    meetingId: bigint('meeting_id', { mode: 'number' })
      .notNull()
      .references(() => meetings.id),
    /** Who is in the room: an account, a resident record, or only a name (an organisation's delegate). */
    userId: bigint('user_id', { mode: 'number' }),
    residentId: bigint('resident_id', { mode: 'number' }),
    name: text('name').notNull(),
    /** An organisation a joint meeting's delegate speaks for, or '观察团'. */
    organisation: text('organisation'),
    /** A proxy: the resident they stand for and their written authorisation. */
    forResidentId: bigint('for_resident_id', { mode: 'number' }),
    proxyAuthorisation: text('proxy_authorisation'),
    signedInBy: bigint('signed_in_by', { mode: 'number' }).notNull(),
    signedInAt: timestamp('signed_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('deliberation_attendance_resident_uq').on(t.meetingId, t.residentId),
    uniqueIndex('deliberation_attendance_for_uq').on(t.meetingId, t.forResidentId),
    index('deliberation_attendance_meeting_idx').on(t.meetingId),
  ],
);

export const resolutions = pgTable('deliberation_resolutions', {
  id: id(),
  stationId: stationId(),
  meetingId: bigint('meeting_id', { mode: 'number' })
    .notNull()
    .references(() => meetings.id),
  agendaItemId: bigint('agenda_item_id', { mode: 'number' }).references(() => agendaItems.id),
  text: text('text').notNull(),
  /** A resolution backed by a vote (a show of hands is recorded in the text). */
  voteId: bigint('vote_id', { mode: 'number' }),
  createdAt: createdAt(),
});

/** Action items 待办: from a resolution, a topic or an Open Space group's action plan; followed to done. */
export const actionItems = pgTable(
  'deliberation_action_items',
  {
    id: id(),
    stationId: stationId(),
    meetingId: bigint('meeting_id', { mode: 'number' }).references(() => meetings.id),
    topicId: bigint('topic_id', { mode: 'number' }).references(() => topics.id),
    resolutionId: bigint('resolution_id', { mode: 'number' }).references(() => resolutions.id),
    /** The Open Space group whose action plan it is. */
    spaceTopicId: bigint('space_topic_id', { mode: 'number' }),
    title: text('title').notNull(),
    ownerUserId: bigint('owner_user_id', { mode: 'number' }),
    ownerName: text('owner_name').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: actionStatus('status').notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneNote: text('done_note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('deliberation_actions_station_idx').on(t.stationId, t.status, t.dueOn),
    index('deliberation_actions_topic_idx').on(t.topicId),
  ],
);
