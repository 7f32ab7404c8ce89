import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateRoster,
  type RosterInput,
  RosterInputError,
  type RosterResult,
  type SlotTemplate,
} from './roster-generate.ts';

// The checks below restate the rules from the input and the output alone, without the generator's code.

/** `n` consecutive days from `first`, 'YYYY-MM-DD'. */
function dayRange(first: string, n: number): string[] {
  const t0 = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: n }, (_, k) => new Date(t0 + k * 86_400_000).toISOString().slice(0, 10));
}
const hhmm = (min: number) =>
  `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
const overlap = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  a.start < b.end && b.start < a.end; // 'HH:MM' strings sort like times
const seatsOf = (s: SlotTemplate) => s.seats ?? 1;

/**
 * Hard rules 1, 2 and 4, the one-slot-a-day preference, and that every assignment names a real slot and
 * person. Returns the rules broken, so a failing run says which (and plain loops keep 1,000 runs fast).
 */
function hardRuleProblems(input: RosterInput, result: RosterResult): string[] {
  const problems: string[] = [];
  const people = new Map(input.people.map((p) => [p.id, new Set(p.unavailable)]));
  const key = (day: string, s: { start: string; end: string }) => `${day} ${s.start}-${s.end}`;
  const heldOn = new Map<string, { start: string; end: string }[]>(); // `${day} ${personId}` → slots
  const seated = new Map<string, number>(); // slot key → seats taken
  for (const a of result.assignments) {
    const where = `${a.personId} at ${key(a.day, a)}`;
    if (!input.days.includes(a.day)) problems.push(`${where}: not an opening day`);
    if (!input.slots.some((s) => s.start === a.start && s.end === a.end))
      problems.push(`${where}: no such slot`);
    const away = people.get(a.personId);
    if (!away) problems.push(`${where}: not on the rota`);
    else if (away.has(a.day)) problems.push(`${where}: unavailable that day`);
    const held = heldOn.get(`${a.day} ${a.personId}`) ?? [];
    for (const h of held)
      if (overlap(h, a)) problems.push(`${where}: double-booked with ${h.start}-${h.end}`);
    heldOn.set(`${a.day} ${a.personId}`, [...held, a]);
    seated.set(key(a.day, a), (seated.get(key(a.day, a)) ?? 0) + 1);
  }

  const expectedUnfilled: string[] = [];
  for (const day of input.days) {
    for (const slot of input.slots) {
      const missing = seatsOf(slot) - (seated.get(key(day, slot)) ?? 0);
      if (missing < 0) problems.push(`${key(day, slot)}: ${-missing} seats too many`);
      if (missing <= 0) continue;
      expectedUnfilled.push(`${key(day, slot)} missing ${missing}`);
      // Left short only when nobody could take it: each person is away, or holds an overlapping slot
      // (this one included).
      for (const [id, away] of people) {
        const blocked = away.has(day) || (heldOn.get(`${day} ${id}`) ?? []).some((h) => overlap(h, slot));
        if (!blocked) problems.push(`${key(day, slot)}: left short though ${id} was free`);
      }
    }
    // Someone holds two slots of a day only when everyone available that day holds one.
    const held = [...people]
      .filter(([, away]) => !away.has(day))
      .map(([id]) => heldOn.get(`${day} ${id}`)?.length ?? 0);
    if (held.some((n) => n >= 2) && held.some((n) => n === 0))
      problems.push(`${day}: two slots for one, none for another`);
  }
  const reported = result.unfilled.map((u) => `${key(u.day, u)} missing ${u.missing}`);
  if (JSON.stringify([...reported].sort()) !== JSON.stringify(expectedUnfilled.sort())) {
    problems.push(`unfilled ${JSON.stringify(reported)}, expected ${JSON.stringify(expectedUnfilled)}`);
  }
  return problems;
}
const expectHardRules = (input: RosterInput, result: RosterResult) =>
  expect(hardRuleProblems(input, result)).toEqual([]);

/** carried + assigned, per person id. */
function totalsOf(input: RosterInput, result: RosterResult): Map<number, number> {
  const totals = new Map(input.people.map((p) => [p.id, input.carried?.[p.id] ?? 0]));
  for (const a of result.assignments) totals.set(a.personId, totals.get(a.personId)! + 1);
  return totals;
}
const spread = (values: number[]) => (values.length ? Math.max(...values) - Math.min(...values) : 0);

/**
 * The documented evenness guarantee, when its condition holds: E1, and E2 when nobody starts more than 1
 * above F's highest carried count. Returns whether the condition held.
 */
function expectEvenness(input: RosterInput, result: RosterResult): boolean {
  const inRun = new Set(input.days);
  const full = input.people.filter((p) => !p.unavailable.some((d) => inRun.has(d))).map((p) => p.id);
  const disjoint = input.slots.every((a, i) => input.slots.every((b, j) => i === j || !overlap(a, b)));
  const daySeats = input.slots.reduce((sum, s) => sum + seatsOf(s), 0);
  if (!disjoint && daySeats > full.length) return false;

  const start = (id: number) => input.carried?.[id] ?? 0;
  const totals = totalsOf(input, result);
  const end = (id: number) => totals.get(id)!;
  expect(spread(full.map(end))).toBeLessThanOrEqual(Math.max(1, spread(full.map(start)))); // E1
  if (full.length > 0) {
    const top = (count: (id: number) => number) => Math.max(...full.map(count));
    if (input.people.every((p) => start(p.id) <= top(start) + 1)) {
      expect(Math.max(...input.people.map((p) => end(p.id)))).toBeLessThanOrEqual(top(end) + 1); // E2
    }
  }
  return true;
}

// Random inputs: 30 consecutive days from anywhere in 2024–2033 (month ends, leap days), 1–3 slots a day,
// 12 people with 0–10 unavailable days each.
const DAYS = 30;
const runArb = fc
  .integer({ min: 0, max: 3650 })
  .map((offset) => dayRange('2024-01-01', offset + DAYS).slice(offset));

/** Slots anywhere between 06:00 and 23:00, possibly overlapping, 1–4 seats. */
const anySlotsArb = fc
  .uniqueArray(
    fc.record({
      from: fc.integer({ min: 12, max: 38 }),
      length: fc.integer({ min: 1, max: 8 }),
      seats: fc.integer({ min: 1, max: 4 }),
    }),
    { minLength: 1, maxLength: 3, selector: (s) => `${s.from}+${s.length}` },
  )
  .map((slots) =>
    slots.map((s) => ({ start: hhmm(s.from * 30), end: hhmm((s.from + s.length) * 30), seats: s.seats })),
  );

/** Slots one after the other (gap 0 means one ends when the next starts), 1–4 seats. */
const disjointSlotsArb = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 0, max: 4 }),
      length: fc.integer({ min: 1, max: 6 }),
      seats: fc.integer({ min: 1, max: 4 }),
    }),
    {
      minLength: 1,
      maxLength: 3,
    },
  )
  .map((slots) => {
    let t = 12; // half-hours: 06:00
    return slots.map((s) => {
      const start = t + s.gap;
      t = start + s.length;
      return { start: hhmm(start * 30), end: hhmm(t * 30), seats: s.seats };
    });
  });

const peopleArb = (awayDays: fc.Arbitrary<readonly number[]>) =>
  fc.tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 12, maxLength: 12 }),
    fc.array(awayDays, { minLength: 12, maxLength: 12 }),
  );
const someAway = fc.oneof(
  fc.constant([]),
  fc.uniqueArray(fc.integer({ min: 0, max: DAYS - 1 }), { minLength: 1, maxLength: 10 }),
);

const inputArb = (opts: {
  away: fc.Arbitrary<readonly number[]>;
  slots: fc.Arbitrary<SlotTemplate[]>;
  carried?: boolean;
}) =>
  fc
    .record({
      days: runArb,
      slots: opts.slots,
      people: peopleArb(opts.away),
      carried: opts.carried
        ? fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 12, maxLength: 12 })
        : fc.constant(null),
    })
    .map(
      ({ days, slots, people: [ids, away], carried }): RosterInput => ({
        days,
        slots,
        people: ids.map((id, k) => ({ id, unavailable: away[k]!.map((d) => days[d]!) })),
        ...(carried ? { carried: Object.fromEntries(ids.map((id, k) => [id, carried[k]!])) } : {}),
      }),
    );

describe('generateRoster: properties over random months', () => {
  it('keeps the hard rules and the evenness guarantee, with unavailable days and any slots', () => {
    let evennessChecked = 0;
    fc.assert(
      fc.property(inputArb({ away: someAway, slots: fc.oneof(anySlotsArb, disjointSlotsArb) }), (input) => {
        const result = generateRoster(input);
        expectHardRules(input, result);
        if (expectEvenness(input, result)) evennessChecked++;
      }),
      { numRuns: 1000 },
    );
    expect(evennessChecked).toBeGreaterThan(500); // the guarantee's condition is not a rare case
  });

  it('with nobody away, the 12 people’s counts differ by at most 1, even when slots overlap', () => {
    // At most 3 slots × 4 seats = 12 seats a day ≤ 12 fully available people: condition (b).
    fc.assert(
      fc.property(
        inputArb({ away: fc.constant([]), slots: fc.oneof(anySlotsArb, disjointSlotsArb) }),
        (input) => {
          const result = generateRoster(input);
          expectHardRules(input, result);
          expect(result.unfilled).toEqual([]);
          expect(spread([...totalsOf(input, result).values()])).toBeLessThanOrEqual(1);
          expect(expectEvenness(input, result)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('continues from carried counts within the documented bound', () => {
    fc.assert(
      fc.property(inputArb({ away: someAway, slots: disjointSlotsArb, carried: true }), (input) => {
        const result = generateRoster(input);
        expectHardRules(input, result);
        expect(expectEvenness(input, result)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic and leaves its input alone', () => {
    fc.assert(
      fc.property(inputArb({ away: someAway, slots: anySlotsArb, carried: true }), (input) => {
        const copy = structuredClone(input);
        expect(generateRoster(input)).toEqual(generateRoster(copy));
        expect(input).toEqual(copy);
      }),
      { numRuns: 100 },
    );
  });
});

describe('generateRoster: days with their own slots', () => {
  it('uses each day’s own slots, keeps the hard rules day by day, and stays even', () => {
    fc.assert(
      fc.property(
        inputArb({ away: fc.constant([]), slots: disjointSlotsArb }),
        disjointSlotsArb,
        fc.array(fc.boolean(), { minLength: DAYS, maxLength: DAYS }),
        (input, other, own) => {
          const daySlots = Object.fromEntries(input.days.filter((_, k) => own[k]).map((d) => [d, other]));
          const result = generateRoster({ ...input, daySlots });
          for (const day of input.days) {
            const slots = daySlots[day] ?? input.slots;
            const dayInput = { ...input, days: [day], slots };
            const dayResult = {
              assignments: result.assignments.filter((a) => a.day === day),
              unfilled: result.unfilled.filter((u) => u.day === day),
            };
            expect(hardRuleProblems(dayInput, dayResult)).toEqual([]);
          }
          // Disjoint slots every day, nobody away: condition (a) on every day.
          expect(spread([...totalsOf(input, result).values()])).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses bad slots of a day and ignores days outside the run', () => {
    const base = {
      days: ['2025-06-02'],
      slots: [{ start: '09:00', end: '11:00' }],
      people: [{ id: 1, unavailable: [] }],
    };
    expect(() =>
      generateRoster({ ...base, daySlots: { '2025-06-02': [{ start: '11:00', end: '09:00' }] } }),
    ).toThrow(RosterInputError);
    const result = generateRoster({
      ...base,
      daySlots: { '2025-06-09': [{ start: '14:00', end: '17:00' }] },
    });
    expect(result.assignments).toEqual([{ day: '2025-06-02', start: '09:00', end: '11:00', personId: 1 }]);
  });
});

describe('generateRoster: examples', () => {
  const june = dayRange('2025-06-01', 30);
  const twoSlots = [
    { start: '14:00', end: '17:00', seats: 1 },
    { start: '09:00', end: '11:00', seats: 1 },
  ];
  const members = (awayOf: Record<number, string[]> = {}) =>
    Array.from({ length: 12 }, (_, k) => ({ id: 101 + k, unavailable: awayOf[101 + k] ?? [] }));

  it('fills 30 days × 2 slots over 12 members, 3 of them away a few days, evenly', () => {
    const input: RosterInput = {
      days: june,
      slots: twoSlots,
      people: members({
        103: ['2025-06-02', '2025-06-03'],
        107: ['2025-06-10', '2025-06-11', '2025-06-12', '2025-06-20'],
        112: ['2025-06-06', '2025-06-28'],
      }),
    };
    const result = generateRoster(input);
    expectHardRules(input, result);
    expect(result.unfilled).toEqual([]);
    expect(result.assignments).toHaveLength(60);
    const counts = [...totalsOf(input, result).values()];
    expect(spread(counts)).toBeLessThanOrEqual(1);
    expect(counts).toEqual(Array(12).fill(5)); // 60 seats over 12 people
    // Chronological and rotating. 103 is skipped on the 2nd and 3rd (away), then picked on the 6th as the
    // only one available still at 0: 112, also at 0, is away that day, and goes first on the 7th.
    const byDay = june
      .slice(0, 7)
      .map((day) => result.assignments.filter((a) => a.day === day).map((a) => `${a.start} ${a.personId}`));
    expect(byDay).toEqual([
      ['09:00 101', '14:00 102'],
      ['09:00 104', '14:00 105'],
      ['09:00 106', '14:00 107'],
      ['09:00 108', '14:00 109'],
      ['09:00 110', '14:00 111'],
      ['09:00 103', '14:00 104'],
      ['09:00 112', '14:00 101'],
    ]);
  });

  it('rotates round-robin, and equal totals alternate mornings and afternoons', () => {
    const input = { days: june.slice(0, 3), slots: twoSlots, people: members().slice(0, 4) };
    const order = generateRoster(input).assignments.map((a) => a.personId);
    // On the 3rd everyone has one shift: 102 (next in turn with no morning yet) takes the morning and 103
    // (next with no afternoon yet) the afternoon.
    expect(order).toEqual([101, 102, 103, 104, 102, 103]);
  });

  it('lets someone who was away catch up one slot a day, not two', () => {
    const input = {
      days: june.slice(0, 4),
      slots: twoSlots,
      people: [...members().slice(0, 2), { id: 103, unavailable: ['2025-06-01', '2025-06-02'] }],
    };
    const byDay = june.slice(0, 4).map((day) =>
      generateRoster(input)
        .assignments.filter((a) => a.day === day)
        .map((a) => a.personId),
    );
    // On the 3rd, 103 (at 0) takes the morning; the afternoon goes to 101 (at 2) rather than to 103 again.
    expect(byDay).toEqual([
      [101, 102],
      [102, 101],
      [103, 101],
      [103, 102],
    ]);
  });

  it('lets the lowest carried counts go first', () => {
    const result = generateRoster({
      days: ['2025-06-01'],
      slots: [{ start: '09:00', end: '11:00', seats: 2 }],
      people: members().slice(0, 4),
      carried: { 101: 3, 102: 2, 103: 3, 104: 2, 999: 7 },
    });
    expect(result.assignments.map((a) => a.personId)).toEqual([102, 104]);
  });

  it('reports seats nobody can take, never a person twice in a slot or in overlapping slots', () => {
    const result = generateRoster({
      days: ['2025-06-01', '2025-06-02'],
      slots: [
        { start: '09:00', end: '12:00', seats: 2 },
        { start: '11:00', end: '13:00' }, // overlaps the first
        { start: '12:00', end: '13:00', seats: 3 }, // touches the first: no overlap
      ],
      people: [
        { id: 1, unavailable: [] },
        { id: 2, unavailable: ['2025-06-02'] },
      ],
    });
    expect(result.unfilled).toEqual([
      { day: '2025-06-01', start: '11:00', end: '13:00', missing: 1 },
      { day: '2025-06-01', start: '12:00', end: '13:00', missing: 1 },
      { day: '2025-06-02', start: '09:00', end: '12:00', missing: 1 },
      { day: '2025-06-02', start: '11:00', end: '13:00', missing: 1 },
      { day: '2025-06-02', start: '12:00', end: '13:00', missing: 2 },
    ]);
    expect(result.assignments.map((a) => `${a.day.slice(8)} ${a.start} ${a.personId}`)).toEqual([
      '01 09:00 1',
      '01 09:00 2',
      '01 12:00 1',
      '01 12:00 2',
      '02 09:00 1',
      '02 12:00 1',
    ]);
  });

  it('cannot be even when slots overlap and F is small — the documented limit', () => {
    // Whoever holds 08–12 can hold nothing else that day, so the other must hold the four short slots.
    const input = {
      days: ['2025-06-01'],
      slots: [
        { start: '08:00', end: '12:00' },
        ...[8, 9, 10, 11].map((h) => ({ start: hhmm(h * 60), end: hhmm(h * 60 + 60) })),
      ],
      people: [
        { id: 1, unavailable: [] },
        { id: 2, unavailable: [] },
      ],
    };
    const result = generateRoster(input);
    expectHardRules(input, result);
    expect(result.unfilled).toEqual([]);
    expect([...totalsOf(input, result).values()].sort()).toEqual([1, 4]);
  });

  it('handles no days, no slots and nobody', () => {
    expect(generateRoster({ days: [], slots: twoSlots, people: members() })).toEqual({
      assignments: [],
      unfilled: [],
    });
    expect(generateRoster({ days: june, slots: [], people: members() })).toEqual({
      assignments: [],
      unfilled: [],
    });
    expect(generateRoster({ days: ['2025-06-01'], slots: twoSlots, people: [] }).unfilled).toEqual([
      { day: '2025-06-01', start: '09:00', end: '11:00', missing: 1 },
      { day: '2025-06-01', start: '14:00', end: '17:00', missing: 1 },
    ]);
  });
});

describe('generateRoster: input validation', () => {
  const ok: RosterInput = {
    days: ['2025-06-01', '2025-06-02'],
    slots: [{ start: '09:00', end: '11:00', seats: 1 }],
    people: [
      { id: 1, unavailable: ['2025-06-01'] },
      { id: 2, unavailable: [] },
    ],
  };
  const refuses = (change: Partial<RosterInput>, message: RegExp) => {
    const run = () => generateRoster({ ...ok, ...change });
    expect(run).toThrow(RosterInputError);
    expect(run).toThrow(message);
  };

  it('accepts the baseline', () => {
    expect(generateRoster(ok).assignments).toHaveLength(2);
  });

  it.each(['2025-6-01', '2025-02-30', '2025-13-01', '20250601', '', ' 2025-06-01'])(
    'refuses the day %j',
    (day) => {
      refuses({ days: [day] }, /day must be a date/);
    },
  );

  it('refuses duplicate and unordered days', () => {
    refuses({ days: ['2025-06-01', '2025-06-01'] }, /duplicate day 2025-06-01/);
    refuses({ days: ['2025-06-02', '2025-06-01'] }, /ascending order/);
  });

  it.each(['9:00', '24:00', '12:60', '12.00', '12:00:00', ''])('refuses the time %j', (time) => {
    refuses({ slots: [{ start: time, end: '23:59' }] }, /slot start must be a time/);
    refuses({ slots: [{ start: '00:00', end: time }] }, /slot end must be a time/);
  });

  it('refuses a slot that does not start before it ends', () => {
    refuses({ slots: [{ start: '11:00', end: '09:00' }] }, /start must be before its end/);
    refuses({ slots: [{ start: '09:00', end: '09:00' }] }, /start must be before its end/);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %d seats', (seats) => {
    refuses({ slots: [{ start: '09:00', end: '11:00', seats }] }, /whole number of seats/);
  });

  it('refuses the same slot twice', () => {
    refuses(
      { slots: [ok.slots[0]!, { start: '09:00', end: '11:00', seats: 2 }] },
      /duplicate slot 09:00–11:00/,
    );
  });

  it('refuses duplicate person ids and bad unavailable days', () => {
    refuses({ people: [ok.people[0]!, { id: 1, unavailable: [] }] }, /duplicate person id 1/);
    refuses({ people: [{ id: 3, unavailable: ['June 1st'] }] }, /unavailable day of person 3/);
    refuses({ people: [{ id: 1.5, unavailable: [] }] }, /person id must be an integer/);
  });

  it('refuses negative or fractional carried counts', () => {
    refuses({ carried: { 1: -1 } }, /carried count of person 1/);
    refuses({ carried: { 2: 0.5 } }, /carried count of person 2/);
  });
});
