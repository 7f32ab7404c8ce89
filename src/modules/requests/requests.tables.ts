import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';
import { ESCALATION_LEVELS, STATUSES } from './lifecycle.ts';

/** Residents' requests 诉求: categories per station, the requests, and their timelines. */

export const requestStatus = pgEnum('request_status', STATUSES);
export const requestChannel = pgEnum('request_channel', [
  'web',
  'desk',
  'phone',
  'wechat',
  'patrol',
  'open311',
]);
export const escalationLevel = pgEnum('escalation_level', ESCALATION_LEVELS);
/** Where a request was written down first, when it grew from another record (linked both ways). */
export const requestOrigin = pgEnum('request_origin', ['dutyLog', 'patrolFinding']);
export const handlerKind = pgEnum('request_handler_kind', ['member', 'property', 'team', 'none']);

export const categories = pgTable(
  'requests_categories',
  {
    id: id(),
    stationId: stationId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Hours to the first response and to resolution. */
    responseHours: integer('response_hours').notNull(),
    resolutionHours: integer('resolution_hours').notNull(),
    handlerKind: handlerKind('handler_kind').notNull().default('none'),
    handlerUserId: bigint('handler_user_id', { mode: 'number' }),
    sortKey: integer('sort_key').notNull().default(0),
    active: boolean('active').notNull().default(true),
    /** Shown to residents and to Open311 clients as the service description. */
    description: text('description'),
    /**
     * Extra questions asked when filing (Open311 service definition attributes):
     * [{ code, label, datatype: string|number|datetime|text|singlevaluelist|multivaluelist, required,
     *    values?: [{ key, name }] }].
     */
    questions: jsonb('questions').notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [uniqueIndex('requests_categories_station_code_uq').on(t.stationId, t.code)],
);

export const requests = pgTable(
  'requests_requests',
  {
    id: id(),
    stationId: stationId(),
    categoryId: bigint('category_id', { mode: 'number' })
      .notNull()
      .references(() => categories.id),
    channel: requestChannel('channel').notNull(),
    status: requestStatus('status').notNull().default('submitted'),
    level: escalationLevel('level').notNull().default('station'),
    /** Who holds it now, in words (a member's name, 物业, 社区, 12345), and since when. */
    holder: text('holder'),
    heldSince: timestamp('held_since', { withTimezone: true }),
    reporterUserId: bigint('reporter_user_id', { mode: 'number' }),
    reporterResidentId: bigint('reporter_resident_id', { mode: 'number' }),
    householdId: bigint('household_id', { mode: 'number' }),
    /** Where it is: a place path inside the compound (building/unit), for permissions and filters. */
    path: text('path').notNull(),
    /** The building/unit it is about, e.g. 3幢1单元 (never a room: requests may be public). */
    placeLabel: text('place_label'),
    placeText: text('place_text'),
    description: text('description').notNull(),
    /** Answers to the category's questions (Open311 attribute[...]), by question code. */
    attributes: jsonb('attributes').notNull().default(sql`'{}'::jsonb`),
    /** WGS-84 position when a client sent one (Open311 lat/long). */
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    /** Contact details sent by an Open311 client for a reporter without an account. Never public. */
    contact: jsonb('contact'),
    /** The duty log entry or patrol finding it was turned from (that record points back at it). */
    originKind: requestOrigin('origin_kind'),
    originId: bigint('origin_id', { mode: 'number' }),
    /** The Open311 client key that posted it. */
    clientKeyId: bigint('client_key_id', { mode: 'number' }),
    isPublic: boolean('is_public').notNull().default(false),
    isAnonymous: boolean('is_anonymous').notNull().default(true),
    handlerUserId: bigint('handler_user_id', { mode: 'number' }),
    duplicateOf: bigint('duplicate_of', { mode: 'number' }),
    reopenCount: smallint('reopen_count').notNull().default(0),
    supporters: integer('supporters').notNull().default(0),
    rating: smallint('rating'),
    createdAt: createdAt(),
    /** Last change of status, level, holder or handler (Open311 updated_datetime). */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The first escalation above the station; kept when the request is handed back down. */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    dueResponseAt: timestamp('due_response_at', { withTimezone: true }).notNull(),
    dueResolutionAt: timestamp('due_resolution_at', { withTimezone: true }).notNull(),
    /** When the handler and the chair were told it is overdue (once per request). */
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
  },
  (t) => [
    index('requests_station_queue_idx').on(t.stationId, t.id),
    index('requests_station_status_idx').on(t.stationId, t.status, t.id),
    index('requests_reporter_idx').on(t.reporterUserId, t.id),
    index('requests_station_public_idx').on(t.stationId, t.id).where(sql`is_public`),
    index('requests_station_updated_idx').on(t.stationId, t.updatedAt),
    /** The queue sorted by deadline (sort=due), keyset on (due_resolution_at, id). */
    index('requests_station_due_idx').on(t.stationId, t.dueResolutionAt, t.id),
  ],
);

/** Residents who said "me too" (+1) on an open request instead of filing a duplicate. */
export const requestSupporters = pgTable(
  'requests_supporters',
  {
    id: id(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => requests.id),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    stationId: stationId(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('requests_supporters_uq').on(t.requestId, t.userId)],
);

/** A station's settings for requests. */
export const requestSettings = pgTable('requests_settings', {
  id: id(),
  stationId: bigint('station_id', { mode: 'number' }).notNull().unique(),
  /** Resolved requests the reporter has not rated close by themselves after this many days. */
  autoCloseDays: smallint('auto_close_days').notNull().default(7),
});

/**
 * Photos. The bytes live in the blob store under their content hash (re-encoded without EXIF);
 * this row says who uploaded them and what they are attached to. An upload is unattached until
 * the request (or timeline entry) that uses it is saved.
 */
export const requestPhotos = pgTable(
  'requests_photos',
  {
    id: id(),
    stationId: stationId(),
    uploaderUserId: bigint('uploader_user_id', { mode: 'number' }).notNull(),
    requestId: bigint('request_id', { mode: 'number' }).references(() => requests.id),
    eventId: bigint('event_id', { mode: 'number' }),
    /** SHA-256 (hex) of the stored full-size image; the list-size copy is stored as `${hash}.thumb`. */
    hash: text('hash').notNull(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('requests_photos_request_idx').on(t.requestId, t.id),
    index('requests_photos_uploader_idx').on(t.uploaderUserId, t.id),
  ],
);

/** The timeline the reporter sees: every status change, assignment, escalation and comment. */
export const requestEvents = pgTable(
  'requests_events',
  {
    id: id(),
    stationId: stationId(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => requests.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: bigint('actor_user_id', { mode: 'number' }),
    onBehalfOfResidentId: bigint('on_behalf_of_resident_id', { mode: 'number' }),
    kind: text('kind').notNull(),
    fromStatus: requestStatus('from_status'),
    toStatus: requestStatus('to_status'),
    body: text('body'),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('requests_events_request_idx').on(t.requestId, t.id)],
);
