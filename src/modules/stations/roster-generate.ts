/**
 * Generates a station's duty roster (值班表) for a run of opening days. Pure: no database, no I/O.
 *
 * ## Algorithm
 *
 * Days are filled in order; within a day, its slots (`daySlots[day]`, else `slots`) in chronological order
 * (start, then end); within a slot, seat after seat. Each seat goes to the eligible person who ranks first by
 *   1. not having worked yet that day (the "one slot a day" preference),
 *   2. the lowest total so far (`carried[id]`, 0 if absent, plus the seats given by this run),
 *   3. the fewest seats so far at this slot's start time in this run (so equal totals alternate mornings
 *      and afternoons instead of one person always taking the same slot),
 *   4. rotation order, starting with the person after the last one picked (round-robin).
 * Rule 3 only orders people whose first two ranks are equal, so the evenness argument below (which uses
 * rules 1 and 2 only) is unchanged.
 * A person is eligible when the day is not one of their unavailable days and they hold no slot of that day
 * overlapping this one (a slot overlaps itself, so this also rules out two seats of one slot). Times are
 * half-open: 09:00–11:00 and 11:00–12:00 do not overlap. When nobody is eligible for a seat, nobody is
 * for the slot's later seats either, so they are all reported in `unfilled`.
 *
 * ## Guarantees
 *
 * Always:
 *  - nobody holds two seats of a slot, or two slots of a day that overlap in time;
 *  - nobody is placed on one of their unavailable days;
 *  - a seat stays empty only when nobody is eligible for it, and every empty seat is counted in `unfilled`;
 *  - the same input gives the same output.
 * One slot a day: someone gets a second slot on a day only when everyone available that day already has
 * one. So on a day with at least as many available people as seats, nobody works twice.
 *
 * Evenness. Let F be the people with no unavailable day among `days` (fully available). If on every day
 *   (a) no two of the day's slots overlap in time, or
 *   (b) the day's seats in total (the sum of `seats`) are at most |F|,
 * then, counting each person's total as above:
 *  - E1: the totals within F differ by at most D = max(1, spread of F's carried counts); by at most 1
 *    without `carried`, or when F's carried counts are within 1 of each other;
 *  - E2: if nobody starts more than 1 above F's highest total (true without `carried` when F is not
 *    empty), nobody, fully available or not, ends more than 1 above it.
 * People with unavailable days may end lower than F: they could not serve on those days. They rank first
 * on the days they can serve (lowest total), so they catch up where the days left allow.
 * Without (a) or (b) no generator can promise evenness while filling every seat it can: with two people
 * and slots 08–12, 08–09, 09–10, 10–11 and 11–12, whoever holds 08–12 can hold nothing else, so the other
 * person must hold the four others.
 *
 * ## Why E1 holds
 *
 * (Every step below looks at one day and its own slots, so days with their own slots change nothing.)
 * By induction over picks; only picks within F change F's totals. Say p ∈ F is picked at total c while
 * q ∈ F has the lowest total m. If c = m the spread grows to at most max(spread, 1) ≤ D. Else c > m and
 * q was passed over: either q is ineligible (for a member of F, only because q already holds this slot or
 * one overlapping it) or q ranks after p, which with a lower total means q has worked today and p has not.
 * Either way q has worked today, so q started the day at m − 1 or less.
 *  - If p has not worked today, p started the day at c, so the spread then was at least c − m + 1; by
 *    induction c − m + 1 ≤ D, i.e. p's new total c + 1 stays within D of m.
 *  - If p has worked today, q must be ineligible. Under (b) that cannot happen: fewer than |F| seats have
 *    been given today, so some member of F has not worked today, is eligible, and ranks before p. Under (a)
 *    q holds this very slot, so it was picked in it at total m − 1; p is not in this slot and slots are
 *    filled one at a time, so p already stood at c then: the spread was at least c − m + 1 ≤ D.
 *
 * ## Why E2 holds
 *
 * By induction, every total stays ≤ max(F) + 1; max(F) never decreases, and a pick within F leaves the
 * picked total ≤ max(F). Take a pick of x ∉ F at total c.
 *  - If some member of F that has not worked today is eligible, x ranks before it, so x has not worked
 *    today either and c ≤ that member's total ≤ max(F).
 *  - Otherwise every member of F has worked today (under (b) there is always such a member, so this is
 *    case (a), where an ineligible member of F holds this slot). If x has not worked today, c is x's total
 *    at the start of the day, ≤ max(F) then + 1 ≤ max(F) now, every member of F having gained a seat
 *    since. If x has worked today and some member of F is eligible, x ranks before it on totals, so
 *    c ≤ max(F). Else all of F holds this slot: each gained a seat in it while x stayed at c, so
 *    c ≤ max(F) at the start of the slot + 1 = max(F) now.
 */

/** A duty slot of every opening day. 'HH:MM', 24-hour clock, start < end. */
export interface SlotTemplate {
  start: string;
  end: string;
  /** People needed in the slot; an integer ≥ 1, 1 when omitted. */
  seats?: number;
}

export interface RosterPerson {
  id: number;
  /** Days ('YYYY-MM-DD') the person cannot serve; days outside the run are ignored. */
  unavailable: readonly string[];
}

export interface RosterInput {
  /** The opening days to fill, 'YYYY-MM-DD', ascending, unique. */
  days: readonly string[];
  /** The slots of each opening day; no two with the same start and end (raise `seats` instead). */
  slots: readonly SlotTemplate[];
  /**
   * The slots of particular days when they differ from `slots` (a day with shorter opening hours holds
   * fewer slots), under the same rules; keys that are not among `days` are ignored.
   */
  daySlots?: Readonly<Record<string, readonly SlotTemplate[]>>;
  /** The people on the rota (council members and volunteers); rotation order is array order. */
  people: readonly RosterPerson[];
  /**
   * Slots each person already holds (earlier in the month, or carried over), so the rotation continues
   * fairly; non-negative integers keyed by person id. Ids of people not on the rota are ignored.
   */
  carried?: Readonly<Record<number, number>>;
}

export interface Assignment {
  day: string;
  start: string;
  end: string;
  personId: number;
}

export interface UnfilledSlot {
  day: string;
  start: string;
  end: string;
  /** Seats nobody could take. */
  missing: number;
}

export interface RosterResult {
  /** In order of day, then slot (chronological), then seat. */
  assignments: Assignment[];
  /** Slots left short because nobody was eligible, in the same order. */
  unfilled: UnfilledSlot[];
}

/** Thrown for input the generator refuses; the message says which value and why. */
export class RosterInputError extends Error {
  override name = 'RosterInputError';
}

interface Slot {
  start: string;
  end: string;
  seats: number;
  from: number; // minutes since midnight
  to: number;
}

export function generateRoster(input: RosterInput): RosterResult {
  const { slots, byDay } = validate(input);
  const { days, people, carried } = input;
  const n = people.length;
  const totals = people.map((p) => carried?.[p.id] ?? 0);
  const unavailable = people.map((p) => new Set(p.unavailable));
  // Shifts each person holds at each start time, so equal totals still vary mornings and afternoons.
  const atTime = people.map(() => new Map<number, number>());
  const assignments: Assignment[] = [];
  const unfilled: UnfilledSlot[] = [];
  let last = -1; // index of the last person picked; the rotation resumes after it

  for (const day of days) {
    const held: Slot[][] = people.map(() => []); // slots each person holds this day
    const eligible = (i: number, slot: Slot) =>
      !unavailable[i]!.has(day) && !held[i]!.some((h) => h.from < slot.to && slot.from < h.to);
    // Not having worked today first, then the lower total, then fewer shifts at this slot's time;
    // ties are left to the rotation.
    const ranksBefore = (i: number, j: number, slot: Slot) => {
      const workedI = held[i]!.length > 0;
      if (workedI !== held[j]!.length > 0) return !workedI;
      if (totals[i] !== totals[j]) return totals[i]! < totals[j]!;
      return (atTime[i]!.get(slot.from) ?? 0) < (atTime[j]!.get(slot.from) ?? 0);
    };

    for (const slot of byDay.get(day) ?? slots) {
      for (let seat = 0; seat < slot.seats; seat++) {
        // Walking the rotation from the person after `last` and keeping only strict improvements makes
        // rotation order the final tie-break.
        let best = -1;
        for (let step = 1; step <= n; step++) {
          const i = (last + step) % n;
          if (!eligible(i, slot)) continue;
          if (best === -1 || ranksBefore(i, best, slot)) best = i;
        }
        if (best === -1) {
          unfilled.push({ day, start: slot.start, end: slot.end, missing: slot.seats - seat });
          break;
        }
        held[best]!.push(slot);
        totals[best]!++;
        atTime[best]!.set(slot.from, (atTime[best]!.get(slot.from) ?? 0) + 1);
        last = best;
        assignments.push({ day, start: slot.start, end: slot.end, personId: people[best]!.id });
      }
    }
  }
  return { assignments, unfilled };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function isDate(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 2025-02-30 over to March; a real date survives the round trip.
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function minutes(value: unknown, what: string): number {
  const m = typeof value === 'string' ? TIME.exec(value) : null;
  if (!m) throw new RosterInputError(`${what} must be a time 'HH:MM' (00:00–23:59), got ${show(value)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** Checks the input and returns the slots (and each day's own) in chronological order, resolved. */
function validate(input: RosterInput): { slots: Slot[]; byDay: Map<string, Slot[]> } {
  let previous = '';
  for (const day of input.days) {
    if (!isDate(day)) throw new RosterInputError(`day must be a date 'YYYY-MM-DD', got ${show(day)}`);
    if (day === previous) throw new RosterInputError(`duplicate day ${day}`);
    if (day < previous)
      throw new RosterInputError(`days must be in ascending order: ${day} after ${previous}`);
    previous = day;
  }

  const slots = resolveSlots(input.slots);
  const inRun = new Set(input.days);
  const byDay = new Map(
    Object.entries(input.daySlots ?? {})
      .filter(([day]) => inRun.has(day))
      .map(([day, list]) => [day, resolveSlots(list)]),
  );

  const ids = new Set<number>();
  for (const person of input.people) {
    if (!Number.isSafeInteger(person.id))
      throw new RosterInputError(`person id must be an integer, got ${show(person.id)}`);
    if (ids.has(person.id)) throw new RosterInputError(`duplicate person id ${person.id}`);
    ids.add(person.id);
    for (const day of person.unavailable) {
      if (!isDate(day)) {
        throw new RosterInputError(
          `unavailable day of person ${person.id} must be a date 'YYYY-MM-DD', got ${show(day)}`,
        );
      }
    }
  }

  for (const [id, count] of Object.entries(input.carried ?? {})) {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RosterInputError(
        `carried count of person ${id} must be a whole number ≥ 0, got ${show(count)}`,
      );
    }
  }
  return { slots, byDay };
}

/** Slots with minutes and seats resolved, in chronological order; refuses bad times, seats and duplicates. */
function resolveSlots(list: readonly SlotTemplate[]): Slot[] {
  const slots = list.map((s): Slot => {
    const from = minutes(s.start, 'slot start');
    const to = minutes(s.end, 'slot end');
    if (from >= to) throw new RosterInputError(`slot start must be before its end: ${s.start}–${s.end}`);
    const seats = s.seats ?? 1;
    if (!Number.isInteger(seats) || seats < 1) {
      throw new RosterInputError(
        `slot ${s.start}–${s.end} needs a whole number of seats ≥ 1, got ${show(seats)}`,
      );
    }
    return { start: s.start, end: s.end, seats, from, to };
  });
  // Array.prototype.sort is stable, but no two slots are equal once duplicates are refused below.
  slots.sort((a, b) => a.from - b.from || a.to - b.to);
  for (let k = 1; k < slots.length; k++) {
    const [a, b] = [slots[k - 1]!, slots[k]!];
    if (a.from === b.from && a.to === b.to) {
      throw new RosterInputError(`duplicate slot ${a.start}–${a.end}; raise its seats instead`);
    }
  }

  return slots;
}
