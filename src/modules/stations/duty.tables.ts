import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';

/** The duty desk 值班: opening hours, slots, the rota pool, shifts, swaps and leave, and the duty log. */

export const swapState = pgEnum('duty_swap_state', ['requested', 'accepted', 'declined', 'cancelled']);
export const dutyOutcome = pgEnum('duty_log_outcome', ['answered', 'request', 'referred']);

/** Opening hours: intervals per weekday (1 = Monday … 7 = Sunday); a day without rows is closed. */
export const openingHours = pgTable(
  'stations_opening_hours',
  {
    id: id(),
    stationId: stationId(),
    weekday: smallint('weekday').notNull(),
    opensAt: time('opens_at').notNull(),
    closesAt: time('closes_at').notNull(),
  },
  (t) => [
    index('stations_opening_hours_station_idx').on(t.stationId, t.weekday),
    check('stations_opening_hours_weekday', sql`${t.weekday} between 1 and 7`),
    check('stations_opening_hours_order', sql`${t.opensAt} < ${t.closesAt}`),
  ],
);

/** Duty slots per day (09:00–11:00, 14:00–17:00…), on every opening day whose hours hold them. */
export const dutySlots = pgTable(
  'stations_duty_slots',
  {
    id: id(),
    stationId: stationId(),
    startsAt: time('starts_at').notNull(),
    endsAt: time('ends_at').notNull(),
    /** How many people serve in the slot. */
    seats: smallint('seats').notNull().default(1),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('stations_duty_slots_uq').on(t.stationId, t.startsAt, t.endsAt),
    check('stations_duty_slots_order', sql`${t.startsAt} < ${t.endsAt}`),
    check('stations_duty_slots_seats', sql`${t.seats} between 1 and 20`),
  ],
);

/** Who takes turns at the desk: council members and volunteers with an account. */
export const dutyPeople = pgTable(
  'stations_duty_people',
  {
    id: id(),
    stationId: stationId(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('stations_duty_people_uq').on(t.stationId, t.userId)],
);

/** Days a person cannot serve. */
export const dutyUnavailable = pgTable(
  'stations_duty_unavailable',
  {
    id: id(),
    stationId: stationId(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('stations_duty_unavailable_uq').on(t.stationId, t.userId, t.onDate)],
);

/** One person's turn in one slot on one day. Leave keeps the row (on_leave) until someone covers it. */
export const dutyShifts = pgTable(
  'stations_duty_shifts',
  {
    id: id(),
    stationId: stationId(),
    slotId: bigint('slot_id', { mode: 'number' })
      .notNull()
      .references(() => dutySlots.id),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    startsAt: time('starts_at').notNull(),
    endsAt: time('ends_at').notNull(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    leaveReason: text('leave_reason'),
    onLeaveAt: timestamp('on_leave_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('stations_duty_shifts_person_uq').on(t.userId, t.onDate, t.slotId),
    index('stations_duty_shifts_station_day_idx').on(t.stationId, t.onDate),
  ],
);

/** A swap: the requester's shift for the counterpart's (or the counterpart simply covers it). */
export const dutySwaps = pgTable(
  'stations_duty_swaps',
  {
    id: id(),
    stationId: stationId(),
    shiftId: bigint('shift_id', { mode: 'number' })
      .notNull()
      .references(() => dutyShifts.id),
    counterpartUserId: bigint('counterpart_user_id', { mode: 'number' }).notNull(),
    counterpartShiftId: bigint('counterpart_shift_id', { mode: 'number' }).references(() => dutyShifts.id),
    state: swapState('state').notNull().default('requested'),
    requestedBy: bigint('requested_by', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('stations_duty_swaps_station_idx').on(t.stationId, t.state)],
);

/** The duty log 值班记录: every visit to the desk, and what was done. */
export const dutyLog = pgTable(
  'stations_duty_log',
  {
    id: id(),
    stationId: stationId(),
    shiftId: bigint('shift_id', { mode: 'number' }).references(() => dutyShifts.id),
    loggedBy: bigint('logged_by', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** The household the visitor came from; null (and no name) for an anonymous visitor. */
    householdId: bigint('household_id', { mode: 'number' }),
    visitorName: text('visitor_name'),
    matter: text('matter').notNull(),
    categoryId: bigint('category_id', { mode: 'number' }),
    outcome: dutyOutcome('outcome').notNull(),
    referredTo: text('referred_to'),
    /** The request it turned into (the request points back through its origin). */
    requestId: bigint('request_id', { mode: 'number' }),
    path: text('path').notNull(),
  },
  (t) => [index('stations_duty_log_station_idx').on(t.stationId, t.at)],
);
