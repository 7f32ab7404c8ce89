import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';
import { AFFILIATIONS, POSITIONS } from './composition.ts';

/**
 * The station itself: its site and rooms, the setup checklist, its rules and charter (versioned), the
 * composition policy a district sets and a station inherits, the council by term, and portfolios.
 * Kind and stage live on places_stations (the places module owns the station row).
 */

export const setupStep = pgEnum('station_setup_step', ['site', 'council', 'rules', 'fitOut']);
export const ruleKind = pgEnum('station_rule_kind', ['charter', 'duty', 'reporting', 'fund', 'meeting']);
export const councilPosition = pgEnum('council_position', POSITIONS);
export const councilAffiliation = pgEnum('council_affiliation', AFFILIATIONS);

/** Where the station sits (e.g. 小区会所二楼), one row per station. */
export const stationProfiles = pgTable('stations_profiles', {
  id: id(),
  stationId: bigint('station_id', { mode: 'number' }).notNull().unique(),
  site: text('site'),
  phone: text('phone'),
  note: text('note'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The station's rooms: 会客厅, 活动室, 议事亭… */
export const stationRooms = pgTable(
  'stations_rooms',
  {
    id: id(),
    stationId: stationId(),
    name: text('name').notNull(),
    purpose: text('purpose'),
    capacity: integer('capacity'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('stations_rooms_station_name_uq').on(t.stationId, t.name)],
);

/** The setup checklist (site settled, council formed, rules adopted, fit-out done), one row per step done. */
export const setupSteps = pgTable(
  'stations_setup_steps',
  {
    id: id(),
    stationId: stationId(),
    step: setupStep('step').notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('stations_setup_steps_uq').on(t.stationId, t.step)],
);

/** Rules and charter 章程制度: every version is kept; the highest version of a kind is the current one. */
export const ruleVersions = pgTable(
  'stations_rule_versions',
  {
    id: id(),
    stationId: stationId(),
    kind: ruleKind('kind').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Who adopted it, in words (e.g. 理事会第三次会议, 居民议事会). */
    adoptedBy: text('adopted_by').notNull(),
    adoptedOn: date('adopted_on', { mode: 'string' }).notNull(),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('stations_rule_versions_uq').on(t.stationId, t.kind, t.version)],
);

/**
 * Overrides of the composition policy (`composition.ts` DEFAULT_POLICY), set on an area (a district,
 * say) or on one station. A station's policy is the default, then its areas' overrides from the city
 * down, then its own.
 */
export const compositionPolicies = pgTable(
  'stations_composition_policies',
  {
    id: id(),
    areaId: bigint('area_id', { mode: 'number' }),
    stationId: bigint('station_id', { mode: 'number' }),
    /** The area's or station's path (for "from the city down"). */
    path: text('path').notNull(),
    overrides: jsonb('overrides').notNull(),
    updatedBy: bigint('updated_by', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stations_policies_path_uq').on(t.path),
    check('stations_policies_one_owner', sql`(${t.areaId} is null) <> (${t.stationId} is null)`),
  ],
);

/** Council terms 届: numbered per station; terms of one station never overlap (checked when written). */
export const councilTerms = pgTable(
  'stations_council_terms',
  {
    id: id(),
    stationId: stationId(),
    number: integer('number').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('stations_council_terms_number_uq').on(t.stationId, t.number),
    check('stations_council_terms_dates', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);

/**
 * A member's seat in a term. Moving to another position closes this row (left_on, leftReason 'moved')
 * and opens a new one pointing back at it (previous_id); ceasing closes it. Nothing is deleted.
 * "Lives in the compound" is derived from the resident's household link, never stored.
 */
export const councilMembers = pgTable(
  'stations_council_members',
  {
    id: id(),
    stationId: stationId(),
    termId: bigint('term_id', { mode: 'number' })
      .notNull()
      .references(() => councilTerms.id),
    /** The resident record, when the member is one of the station's residents. */
    residentId: bigint('resident_id', { mode: 'number' }),
    /** The member's account (for portfolios, duty and the queue), when they have one. */
    userId: bigint('user_id', { mode: 'number' }),
    name: text('name').notNull(),
    position: councilPosition('position').notNull(),
    affiliations: councilAffiliation('affiliations').array().notNull().default(sql`'{}'`),
    /** Who nominated them, in words (e.g. 社区党组织), and when. */
    nominatedBy: text('nominated_by'),
    nominatedOn: date('nominated_on', { mode: 'string' }),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    leftReason: text('left_reason'),
    previousId: bigint('previous_id', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('stations_council_members_term_idx').on(t.termId),
    index('stations_council_members_user_idx').on(t.userId),
  ],
);

/** Portfolios 分管: the request categories a member is in charge of; a category has at most one holder. */
export const portfolios = pgTable(
  'stations_portfolios',
  {
    id: id(),
    stationId: stationId(),
    memberId: bigint('member_id', { mode: 'number' })
      .notNull()
      .references(() => councilMembers.id),
    categoryId: bigint('category_id', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('stations_portfolios_category_uq').on(t.categoryId),
    index('stations_portfolios_member_idx').on(t.memberId),
  ],
);
