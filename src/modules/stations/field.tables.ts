import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';

/** Work in the compound 片网包联: social workers assigned to compounds, patrols, and the visit list. */

/** A social (or grid) worker assigned to a compound. */
export const workerAssignments = pgTable(
  'stations_worker_assignments',
  {
    id: id(),
    stationId: stationId(),
    compoundId: bigint('compound_id', { mode: 'number' }).notNull(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('stations_worker_assignments_uq').on(t.compoundId, t.userId),
    index('stations_worker_assignments_user_idx').on(t.userId),
  ],
);

/**
 * Patrol checklist templates, kept by a station (station_id) or a community (area_id) for all its
 * stations. Items: [{ key, label }].
 */
export const patrolTemplates = pgTable(
  'stations_patrol_templates',
  {
    id: id(),
    stationId: bigint('station_id', { mode: 'number' }),
    areaId: bigint('area_id', { mode: 'number' }),
    path: text('path').notNull(),
    name: text('name').notNull(),
    items: jsonb('items').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('stations_patrol_templates_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    check('stations_patrol_templates_one_owner', sql`(${t.areaId} is null) <> (${t.stationId} is null)`),
  ],
);

/** A patrol, planned for a day and done when recorded. Results: [{ key, state: ok|issue|na, note }]. */
export const patrols = pgTable(
  'stations_patrols',
  {
    id: id(),
    stationId: stationId(),
    compoundId: bigint('compound_id', { mode: 'number' }).notNull(),
    templateId: bigint('template_id', { mode: 'number' })
      .notNull()
      .references(() => patrolTemplates.id),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    results: jsonb('results').notNull().default(sql`'[]'::jsonb`),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('stations_patrols_station_day_idx').on(t.stationId, t.plannedOn),
    // One patrol per worker, compound and day: concurrent plans cannot inflate the planned figure.
    uniqueIndex('stations_patrols_uq').on(t.compoundId, t.userId, t.plannedOn),
  ],
);

/** Something a patrol found, with photos (blob keys); it can become a request. */
export const patrolFindings = pgTable(
  'stations_patrol_findings',
  {
    id: id(),
    stationId: stationId(),
    patrolId: bigint('patrol_id', { mode: 'number' })
      .notNull()
      .references(() => patrols.id),
    itemKey: text('item_key'),
    note: text('note').notNull(),
    photos: jsonb('photos').notNull().default(sql`'[]'::jsonb`),
    requestId: bigint('request_id', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [index('stations_patrol_findings_patrol_idx').on(t.patrolId)],
);

/**
 * The visit list: households due regular visits (独居老人, families in difficulty) every `every_days`.
 * Sensitive: only the compound's assigned workers and the station's chair see it.
 */
export const visitTargets = pgTable(
  'stations_visit_targets',
  {
    id: id(),
    stationId: stationId(),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    everyDays: integer('every_days').notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    lastVisitedOn: date('last_visited_on', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('stations_visit_targets_household_uq').on(t.householdId).where(sql`${t.active}`),
    index('stations_visit_targets_station_idx').on(t.stationId),
    check('stations_visit_targets_every', sql`${t.everyDays} between 1 and 366`),
  ],
);

/** One visit made; it closes the target's due visit. */
export const visitRecords = pgTable(
  'stations_visit_records',
  {
    id: id(),
    stationId: stationId(),
    targetId: bigint('target_id', { mode: 'number' })
      .notNull()
      .references(() => visitTargets.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    visitorUserId: bigint('visitor_user_id', { mode: 'number' }).notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('stations_visit_records_target_idx').on(t.targetId, t.visitedOn)],
);
