import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { users } from '../accounts/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { stationPlace } from '../places/index.ts';
import { dutyPeople, dutyShifts, dutySlots, openingHours } from './duty.tables.ts';
import { chinaDate, chinaInstant, daysOfMonth, weekdayOf } from './duty-time.ts';
import { generateRoster } from './roster-generate.ts';

/**
 * The demo's duty desk at 南江绿苑: open Monday to Saturday 09:00–11:30 and 14:00–17:00, two slots
 * (09:00–11:00, 14:00–17:00), a pool of four council accounts, and this month's roster by rotation. Shifts
 * already over are checked in and out; 李秀英 (13800000004) holds a slot today when today is an opening day:
 * the first one not over yet when the seed runs (else the last), so she can check in on the day.
 */

const SYSTEM: AuditActor = { user: null, ip: '127.0.0.1', userAgent: 'linshe seed' };
/** 王建国 (chair), 李秀英 (council member), 张海波 (building leader), 许静 (secretary-general). */
const POOL = ['13800000003', '13800000004', '13800000005', '13800000015'];
const MEMBER = '13800000004';
const SLOTS = [
  { startsAt: '09:00', endsAt: '11:00' },
  { startsAt: '14:00', endsAt: '17:00' },
];

export async function seedDuty(tx: DbOrTx, stationId: number, now: Date = new Date()): Promise<void> {
  await tx.insert(openingHours).values(
    [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
      { stationId, weekday, opensAt: '09:00', closesAt: '11:30' },
      { stationId, weekday, opensAt: '14:00', closesAt: '17:00' },
    ]),
  );
  const slots = await tx
    .insert(dutySlots)
    .values(SLOTS.map((s) => ({ stationId, ...s })))
    .returning();
  const accounts = await tx
    .select({ id: users.id, phone: users.phone, name: users.displayName })
    .from(users)
    .where(inArray(users.phone, POOL));
  const pool = POOL.flatMap((phone) => accounts.filter((a) => a.phone === phone));
  await tx.insert(dutyPeople).values(pool.map((p) => ({ stationId, userId: p.id, name: p.name })));

  const today = chinaDate(now);
  const days = daysOfMonth(today.slice(0, 7)).filter((d) => weekdayOf(d) <= 6);
  const { assignments } = generateRoster({
    days,
    slots: SLOTS.map((s) => ({ start: s.startsAt, end: s.endsAt })),
    people: pool.map((p) => ({ id: p.id, unavailable: [] })),
  });
  const member = pool.find((p) => p.phone === MEMBER)?.id;
  if (member !== undefined && days.includes(today)) {
    const todays = assignments.filter((a) => a.day === today);
    const target = todays.find((a) => chinaInstant(today, a.end) > now) ?? todays.at(-1)!;
    const held = todays.find((a) => a.personId === member);
    // Her other slot today (if any) goes to whoever held the target, so nobody is double-booked.
    if (held && held !== target) held.personId = target.personId;
    target.personId = member;
  }
  const slotOf = new Map(slots.map((s) => [s.startsAt.slice(0, 5), s]));
  const rows = assignments.map((a) => {
    const slot = slotOf.get(a.start)!;
    const over = chinaInstant(a.day, a.end) <= now;
    return {
      stationId,
      slotId: slot.id,
      onDate: a.day,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      userId: a.personId,
      checkedInAt: over ? new Date(chinaInstant(a.day, a.start).getTime() - 5 * 60_000) : null,
      checkedOutAt: over ? chinaInstant(a.day, a.end) : null,
      remindedAt: a.day <= today ? now : null,
    };
  });
  if (rows.length > 0) await tx.insert(dutyShifts).values(rows);
  await recordAudit(tx, SYSTEM, {
    action: 'demo.seed.duty',
    subjectType: 'station',
    subjectId: stationId,
    stationId,
    path: (await stationPlace(tx, stationId)).path,
    summary: { shifts: rows.length, pool: pool.length },
  });
}
