import { z } from 'zod';
import {
  LIMITS,
  pageOf,
  text,
  ZBodyId,
  ZDay,
  ZId,
  ZMonth,
  ZPageQuery,
  ZPhone,
  ZStationParam,
} from '../../shared/limits.ts';

/** Schemas of the duty desk 值班: opening hours, slots, the rota pool, the roster, swaps, leave, the log. */

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  error: '请按“时:分”填写时间（00:00–23:59） / Write the time as HH:MM (00:00–23:59)',
});
export const ZPersonParam = ZStationParam.extend({ userId: ZId });
export const ZMonthQuery = z.object({ month: ZMonth });
export const ZSlotParam = ZStationParam.extend({ slotId: ZId });

const ZOpeningInterval = z.object({
  /** 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7),
  opensAt: ZTime,
  closesAt: ZTime,
});
export const ZOpeningHours = z.object({ items: z.array(ZOpeningInterval).max(70) });

export const ZSlot = z.object({
  id: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  seats: z.number(),
  active: z.boolean(),
  /** The weekdays whose opening hours hold the slot. */
  weekdays: z.array(z.number()),
});
export const ZSlotList = z.object({ items: z.array(ZSlot) });
export const ZAddSlot = z.object({
  startsAt: ZTime,
  endsAt: ZTime,
  seats: z.number().int().min(1).max(20).default(1),
});
export const ZUpdateSlot = ZAddSlot.extend({ active: z.boolean() }).partial();

export const ZDutyPerson = z.object({
  userId: z.number(),
  name: z.string(),
  active: z.boolean(),
  /** Days the person cannot serve, from the start of this month on. */
  unavailable: z.array(z.string()),
});
export const ZDutyPeople = z.object({ items: z.array(ZDutyPerson) });
export const ZAddDutyPerson = z.object({ phone: ZPhone });
export const ZUpdateDutyPerson = z.object({ active: z.boolean() });
/** Replaces the person's unavailable days within one month. */
export const ZSetUnavailable = z.object({ month: ZMonth, dates: z.array(ZDay).max(31) });

const SHIFT_STATES = ['planned', 'onLeave', 'checkedIn', 'checkedOut', 'missed'] as const;
export const SHIFT_ACTIONS = ['checkIn', 'checkOut', 'leave', 'swap'] as const;
export const ZShift = z.object({
  id: z.number(),
  stationId: z.number(),
  stationName: z.string(),
  date: z.string(),
  slotId: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  userId: z.number(),
  name: z.string(),
  state: z.enum(SHIFT_STATES),
  leaveReason: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  /** What the shift's own person may do with it now. */
  actions: z.array(z.enum(SHIFT_ACTIONS)),
});

export const ZGenerateRoster = z.object({
  month: ZMonth,
  /** Replace the month's shifts from today on (refused when anyone has checked in to one). */
  replace: z.boolean().default(false),
});
const ZUnfilled = z.object({
  date: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  missing: z.number(),
});
export const ZGenerateResult = z.object({
  month: z.string(),
  /** The first day generated (today, for the current month). */
  from: z.string().nullable(),
  created: z.number(),
  replaced: z.number(),
  unfilled: z.array(ZUnfilled),
});
export const ZRoster = z.object({
  month: z.string(),
  /** Every opening day of the month with the slots its hours hold. */
  days: z.array(
    z.object({
      date: z.string(),
      slots: z.array(
        z.object({ slotId: z.number(), startsAt: z.string(), endsAt: z.string(), seats: z.number() }),
      ),
    }),
  ),
  shifts: z.array(ZShift),
});

export const ZLeave = z.object({ reason: text(200).pipe(z.string().min(1)) });
/** A manager places one shift. */
export const ZPlaceShift = z.object({
  date: z.iso.date(),
  slotId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  userId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
export const ZCover = z.object({ userId: ZBodyId });

export const ZProposeSwap = z
  .object({
    shiftId: ZBodyId,
    /** The counterpart's shift to take in exchange; or only `counterpartUserId` to ask them to cover. */
    counterpartShiftId: ZBodyId.optional(),
    counterpartUserId: ZBodyId.optional(),
  })
  .refine((v) => (v.counterpartShiftId === undefined) !== (v.counterpartUserId === undefined), {
    path: ['counterpartShiftId'],
    message: '请选择要交换的班次或代班人 / Choose a shift to swap with or a person to cover',
  });
const SWAP_STATES = ['requested', 'accepted', 'declined', 'cancelled'] as const;
const ZPerson = z.object({ id: z.number(), name: z.string() });
export const ZSwap = z.object({
  id: z.number(),
  state: z.enum(SWAP_STATES),
  shift: ZShift,
  counterpartShift: ZShift.nullable(),
  requestedBy: ZPerson,
  counterpart: ZPerson,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export const ZSwapOptions = z.object({
  shifts: z.array(ZShift),
  people: z.array(z.object({ userId: z.number(), name: z.string() })),
});

export const ZMyDesk = z.object({
  today: z.string(),
  /** My shifts from today on (the next 60 days). */
  shifts: z.array(ZShift),
  /** Swaps waiting for my answer, and the ones I proposed that are still open. */
  incoming: z.array(ZSwap),
  outgoing: z.array(ZSwap),
  /** Stations where I may write the duty log now (I serve there, or I am on duty today). */
  stations: z.array(z.object({ id: z.number(), name: z.string() })),
});

export const OUTCOMES = ['answered', 'request', 'referred'] as const;
export const ZNewLogEntry = z.object({
  /** The visitor's household; none for an anonymous visitor. */
  householdId: ZBodyId.optional(),
  visitorName: text(LIMITS.nameMax).optional(),
  matter: text(LIMITS.textMax).pipe(z.string().min(2)),
  categoryId: ZBodyId.optional(),
  outcome: z.enum(OUTCOMES),
  /** To whom it was referred (outcome referred). */
  referredTo: text(100).optional(),
});
export const ZLogEntry = z.object({
  id: z.number(),
  stationId: z.number(),
  at: z.string(),
  shiftId: z.number().nullable(),
  householdId: z.number().nullable(),
  householdLabel: z.string().nullable(),
  visitorName: z.string().nullable(),
  matter: z.string(),
  categoryId: z.number().nullable(),
  categoryName: z.string().nullable(),
  outcome: z.enum(OUTCOMES),
  referredTo: z.string().nullable(),
  requestId: z.number().nullable(),
  loggedBy: z.string().nullable(),
});
export const ZLogPage = pageOf(ZLogEntry);
export const ZLogQuery = ZPageQuery.extend({
  /** Only the entries of this day. */
  date: ZDay.optional(),
});
export const ZToRequest = z.object({ categoryId: ZBodyId.optional() });

const ZCount = z.number().int();
const ZCoverageCounts = z.object({
  planned: ZCount,
  onLeave: ZCount,
  filled: ZCount,
  checkedIn: ZCount,
  missed: ZCount,
});
export const ZCoverage = z.object({
  month: z.string(),
  items: z.array(ZCoverageCounts.extend({ userId: z.number(), name: z.string() })),
  totals: ZCoverageCounts,
});
export const ZDutyFigures = z.object({
  shifts: ZCoverageCounts.extend({ past: ZCount }),
  /** Checked in over filled shifts that have ended. */
  checkInRate: z.object({ numerator: ZCount, denominator: ZCount, percent: z.number().nullable() }),
  log: z.object({ total: ZCount, answered: ZCount, request: ZCount, referred: ZCount }),
});
