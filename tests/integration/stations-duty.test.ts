import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveries, notifications } from '../../src/modules/notifications/notifications.tables.ts';
import { householdMembers } from '../../src/modules/people/people.tables.ts';
import { insertStation } from '../../src/modules/places/create-places.ts';
import { categories, requests } from '../../src/modules/requests/requests.tables.ts';
import { seedDuty } from '../../src/modules/stations/demo-duty.ts';
import { dutyLog, dutyShifts, dutySlots, dutySwaps } from '../../src/modules/stations/duty.tables.ts';
import { dutyFigureSet } from '../../src/modules/stations/duty-figures.ts';
import { sendDutyReminders } from '../../src/modules/stations/duty-reminders-job.ts';
import { dutyClock } from '../../src/modules/stations/duty-time.ts';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';
import { at, problemText, rosterOf, shiftCount, shiftOf } from '../support/stations-duty.ts';

// 东社区站: a chair, four council members, a volunteer who is only a resident; 西社区站's member is an outsider.
// The duty clock is set to April 2030 (1 April is a Monday); the desk is open Monday to Saturday.
let t: TestContext;
let stationId: number;
let westStationId: number;
let westPath: string;
let households: number[];
let westHousehold: number;
let east: { id: number; path: string };
const ids: Record<string, number> = {};
const cookies: Record<string, string> = {};
const realNow = dutyClock.now;
const MONTH = '2030-04';
const HOURS = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
  { weekday, opensAt: '09:00', closesAt: '11:30' },
  { weekday, opensAt: '14:00', closesAt: '17:00' },
]);

const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, who?: string, body?: object) =>
  t.call(method, `/api/v1${url}`, who ? cookies[who] : undefined, body);

beforeAll(async () => {
  t = await useTestApp();
  const city = await makeCity(t);
  stationId = city.east.compound.stationId;
  westStationId = city.west.compound.stationId;
  westPath = city.west.compound.stationPath;
  households = city.east.compound.householdIds;
  westHousehold = city.west.compound.householdIds[0]!;
  east = { id: city.east.id, path: city.east.path };
  const people = [
    ['chair', '13900000001', '王主任', 'chair', stationId],
    ['a', '13900000002', '李秀英', 'councilMember', stationId],
    ['b', '13900000003', '张海波', 'councilMember', stationId],
    ['c', '13900000004', '陈静', 'councilMember', stationId],
    ['d', '13900000005', '赵强', 'councilMember', stationId],
    ['vol', '13900000006', '志愿者小周', 'resident', stationId],
    ['outsider', '13900000007', '西站理事', 'councilMember', westStationId],
    ['westChair', '13900000008', '西站主任', 'chair', westStationId],
  ] as const;
  for (const [key, phone, name, role, station] of people) {
    ids[key] = await makeUser(t, { phone, name, role, stationId: station });
    cookies[key] = await t.login(phone);
  }
  at('2030-03-31 10:00');
});
afterAll(() => {
  dutyClock.now = realNow;
});

describe('duty setup', () => {
  it('requires authentication on every endpoint', async () => {
    const urls: ['GET' | 'POST' | 'PUT' | 'PATCH', string][] = [
      ['GET', `/stations/${stationId}/opening-hours`],
      ['PUT', `/stations/${stationId}/opening-hours`],
      ['GET', `/stations/${stationId}/duty-slots`],
      ['POST', `/stations/${stationId}/duty-slots`],
      ['PATCH', `/stations/${stationId}/duty-slots/1`],
      ['GET', `/stations/${stationId}/duty-people`],
      ['POST', `/stations/${stationId}/duty-people`],
      ['PATCH', `/stations/${stationId}/duty-people/1`],
      ['PUT', `/stations/${stationId}/duty-people/1/unavailable`],
      ['GET', `/stations/${stationId}/duty-roster?month=${MONTH}`],
      ['POST', `/stations/${stationId}/duty-roster`],
      ['POST', `/stations/${stationId}/duty-shifts`],
      ['GET', `/stations/${stationId}/duty-coverage?month=${MONTH}`],
      ['GET', '/duty/mine'],
      ['POST', '/duty-shifts/1/check-in'],
      ['POST', '/duty-shifts/1/check-out'],
      ['POST', '/duty-shifts/1/leave'],
      ['POST', '/duty-shifts/1/cover'],
      ['GET', '/duty-shifts/1/swap-options'],
      ['POST', '/duty-swaps'],
      ['POST', '/duty-swaps/1/accept'],
      ['POST', '/duty-swaps/1/decline'],
      ['POST', '/duty-swaps/1/cancel'],
      ['GET', `/stations/${stationId}/duty-log`],
      ['POST', `/stations/${stationId}/duty-log`],
      ['POST', '/duty-log/1/request'],
    ];
    for (const [method, url] of urls) {
      expect((await api(method, url, undefined, method === 'GET' ? undefined : {})).statusCode, url).toBe(
        401,
      );
    }
  });

  it('opening hours: rejects bad input, overlaps and reversed intervals, changing nothing', async () => {
    const put = (items: object[], who = 'chair') =>
      api('PUT', `/stations/${stationId}/opening-hours`, who, { items });
    const bad = await put([{ weekday: 8, opensAt: '9:00', closesAt: '25:00' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toHaveLength(3);
    const overlapping = await put([
      { weekday: 1, opensAt: '09:00', closesAt: '12:00' },
      { weekday: 1, opensAt: '11:00', closesAt: '13:00' },
    ]);
    expect(overlapping.statusCode).toBe(400);
    expect(problemText(overlapping)).toContain('重叠');
    const reversed = await put([{ weekday: 2, opensAt: '17:00', closesAt: '14:00' }]);
    expect(reversed.statusCode).toBe(400);
    expect(problemText(reversed)).toContain('关门时间须晚于开门时间');
    expect((await api('GET', `/stations/${stationId}/opening-hours`, 'chair')).json().items).toEqual([]);
    expect((await put(HOURS, 'a')).statusCode).toBe(403);
    expect((await put(HOURS, 'outsider')).statusCode).toBe(404);
    expect((await put(HOURS, 'vol')).statusCode).toBe(404);
    const ok = await put(HOURS);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items).toHaveLength(12);
  });

  it('slots: refuses one outside the opening hours, and hours that would strand a slot', async () => {
    const add = (body: object, who = 'chair') => api('POST', `/stations/${stationId}/duty-slots`, who, body);
    expect((await add({ startsAt: '9am', endsAt: '11:00', seats: 0 })).statusCode).toBe(400);
    const outside = await add({ startsAt: '18:00', endsAt: '19:00' });
    expect(outside.statusCode).toBe(400);
    expect(problemText(outside)).toContain('不在开放时间内');
    const straddling = await add({ startsAt: '11:00', endsAt: '14:30' });
    expect(problemText(straddling)).toContain('不在开放时间内');
    expect((await add({ startsAt: '11:00', endsAt: '10:00' })).statusCode).toBe(400);
    expect((await add({ startsAt: '09:00', endsAt: '11:00' }, 'a')).statusCode).toBe(403);
    const morning = await add({ startsAt: '09:00', endsAt: '11:00' });
    expect(morning.statusCode).toBe(201);
    expect(morning.json()).toMatchObject({ seats: 1, weekdays: [1, 2, 3, 4, 5, 6] });
    expect((await add({ startsAt: '14:00', endsAt: '17:00' })).statusCode).toBe(201);
    expect((await add({ startsAt: '09:00', endsAt: '11:00' })).statusCode).toBe(409);
    const moved = await api('PATCH', `/stations/${stationId}/duty-slots/${morning.json().id}`, 'chair', {
      endsAt: '12:00',
    });
    expect(problemText(moved)).toContain('不在开放时间内');
    const strand = await api('PUT', `/stations/${stationId}/opening-hours`, 'chair', {
      items: [{ weekday: 1, opensAt: '14:00', closesAt: '17:00' }],
    });
    expect(strand.statusCode).toBe(400);
    expect(problemText(strand)).toContain('09:00–11:00');
    expect((await api('GET', `/stations/${stationId}/opening-hours`, 'chair')).json().items).toHaveLength(12);
    expect((await api('GET', `/stations/${stationId}/duty-slots`, 'outsider')).statusCode).toBe(404);
    expect((await api('GET', `/stations/${stationId}/duty-slots`, 'a')).json().items).toHaveLength(2);
  });

  it('pool: accounts by phone, unavailable days within the month', async () => {
    const add = (phone: string, who = 'chair') =>
      api('POST', `/stations/${stationId}/duty-people`, who, { phone });
    expect((await add('123')).statusCode).toBe(400);
    const nobody = await add('13999999999');
    expect(nobody.statusCode).toBe(404);
    expect(problemText(nobody)).toContain('找不到本站的这个账号');
    // An account of another station answers the same, without its name.
    const elsewhere = await add('13900000008');
    expect(elsewhere.statusCode).toBe(404);
    expect(problemText(elsewhere)).toContain('找不到本站的这个账号');
    expect(elsewhere.body).not.toContain('西站主任');
    expect((await add('13900000002', 'a')).statusCode).toBe(403);
    for (const phone of [
      '13900000001',
      '13900000002',
      '13900000003',
      '13900000004',
      '13900000005',
      '13900000006',
    ]) {
      expect((await add(phone)).statusCode).toBe(201);
    }
    const away = (userId: number, dates: string[], who = 'chair') =>
      api('PUT', `/stations/${stationId}/duty-people/${userId}/unavailable`, who, { month: MONTH, dates });
    expect((await away(ids.b!, ['2030-05-01'])).statusCode).toBe(400);
    expect((await away(ids.b!, ['2030-04-02'], 'c')).statusCode).toBe(403);
    expect((await away(ids.b!, ['2030-04-02', '2030-04-03'], 'b')).statusCode).toBe(200);
    expect((await away(ids.vol!, ['2030-04-20'], 'vol')).statusCode).toBe(200);
    const pool = (await api('GET', `/stations/${stationId}/duty-people`, 'chair')).json().items;
    expect(pool).toHaveLength(6);
    expect(pool.find((p: { userId: number }) => p.userId === ids.b).unavailable).toEqual([
      '2030-04-02',
      '2030-04-03',
    ]);
  });
});

describe('duty roster', () => {
  it('generates a month evenly, never double-booking, and refuses to overwrite without asking', async () => {
    const generate = (body: object, who = 'chair') =>
      api('POST', `/stations/${stationId}/duty-roster`, who, body);
    expect((await generate({ month: '2030-13' })).statusCode).toBe(400);
    expect((await generate({ month: MONTH }, 'a')).statusCode).toBe(403);
    expect((await generate({ month: MONTH }, 'outsider')).statusCode).toBe(404);
    const done = await generate({ month: MONTH });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ from: '2030-04-01', created: 52, replaced: 0, unfilled: [] });

    const roster = await rosterOf(t, cookies.chair!, stationId, MONTH);
    expect(roster.days).toHaveLength(26); // Monday to Saturday
    expect(roster.shifts).toHaveLength(52);
    const perDay = new Map<string, number>();
    const perPerson = new Map<number, number>();
    for (const s of roster.shifts) {
      const key = `${s.date} ${s.userId}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
      perPerson.set(s.userId, (perPerson.get(s.userId) ?? 0) + 1);
      if (s.userId === ids.b) expect(['2030-04-02', '2030-04-03']).not.toContain(s.date);
      if (s.userId === ids.vol) expect(s.date).not.toBe('2030-04-20');
    }
    expect(Math.max(...perDay.values())).toBe(1); // six people, two seats a day: one shift a day each
    const counts = [...perPerson.values()];
    expect(perPerson.size).toBe(6);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);

    const again = await generate({ month: MONTH });
    expect(again.statusCode).toBe(409);
    expect(await shiftCount(t, stationId)).toBe(52);
    const replaced = await generate({ month: MONTH, replace: true });
    expect(replaced.json()).toMatchObject({ created: 52, replaced: 52 });
  });

  it('checks in from 30 minutes before the start on the day, and out after checking in', async () => {
    const shift = (await rosterOf(t, cookies.chair!, stationId, MONTH)).shifts[0]!;
    expect(shift).toMatchObject({ date: '2030-04-01', startsAt: '09:00' });
    const owner = Object.keys(ids).find((k) => ids[k] === shift.userId)!;
    const other = owner === 'c' ? 'd' : 'c';
    const checkIn = (who: string) => api('POST', `/duty-shifts/${shift.id}/check-in`, who);
    at('2030-03-31 09:00');
    expect(problemText(await checkIn(owner))).toContain('只能在值班当天签到');
    at('2030-04-01 08:29');
    const early = await checkIn(owner);
    expect(early.statusCode).toBe(409);
    expect(problemText(early)).toContain('30 分钟');
    at('2030-04-01 08:31');
    expect((await checkIn(other)).statusCode).toBe(403);
    expect((await checkIn('outsider')).statusCode).toBe(404);
    expect((await api('POST', `/duty-shifts/${shift.id}/check-out`, owner)).statusCode).toBe(409);
    const done = await checkIn(owner);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'checkedIn', actions: ['checkOut'] });
    expect(problemText(await checkIn(owner))).toContain('已经签到');
    at('2030-04-01 11:05');
    expect((await api('POST', `/duty-shifts/${shift.id}/check-out`, owner)).json().state).toBe('checkedOut');

    // The afternoon shift is over by 17:00: too late to check in.
    const afternoon = (await rosterOf(t, cookies.chair!, stationId, MONTH)).shifts[1]!;
    const late = Object.keys(ids).find((k) => ids[k] === afternoon.userId)!;
    at('2030-04-01 17:00');
    expect(problemText(await api('POST', `/duty-shifts/${afternoon.id}/check-in`, late))).toContain('结束');

    // Regenerating keeps what was served (and missed), replacing only shifts not yet started.
    at('2030-04-01 15:00');
    const regenerate = await api('POST', `/stations/${stationId}/duty-roster`, 'chair', {
      month: MONTH,
      replace: true,
    });
    expect(regenerate.statusCode).toBe(200);
    expect(regenerate.json()).toMatchObject({ created: 50, replaced: 50, unfilled: [] });
    expect(await shiftCount(t, stationId)).toBe(52);
    const [served] = await t.db.select().from(dutyShifts).where(eq(dutyShifts.id, shift.id));
    expect(served).toMatchObject({ userId: shift.userId });
    expect(served!.checkedOutAt).not.toBeNull();
    expect((await t.db.select().from(dutyShifts).where(eq(dutyShifts.id, afternoon.id))).length).toBe(1);
  });
});

describe('swaps and leave', () => {
  let mine: { id: number; userId: number; date: string };
  let theirs: { id: number; userId: number; date: string };
  beforeAll(async () => {
    at('2030-04-02 12:00');
    const shifts = (await rosterOf(t, cookies.chair!, stationId, MONTH)).shifts;
    mine = shifts.find((s) => s.userId === ids.a && s.date > '2030-04-03')!;
    theirs = shifts.find((s) => s.userId === ids.c && s.date > mine.date)!;
  });
  const propose = (who: string, body: object) => api('POST', '/duty-swaps', who, body);

  it('changes hands only when the counterpart accepts', async () => {
    expect((await propose('a', { shiftId: mine.id })).statusCode).toBe(400);
    expect((await propose('b', { shiftId: mine.id, counterpartShiftId: theirs.id })).statusCode).toBe(403);
    const swap = await propose('a', { shiftId: mine.id, counterpartShiftId: theirs.id });
    expect(swap.statusCode).toBe(201);
    const id = swap.json().id;
    expect((await propose('a', { shiftId: mine.id, counterpartUserId: ids.d })).statusCode).toBe(409);
    const incoming = (await api('GET', '/duty/mine', 'c')).json().incoming;
    expect(incoming.map((s: { id: number }) => s.id)).toEqual([id]);

    const own = await api('POST', `/duty-swaps/${id}/accept`, 'a');
    expect(own.statusCode).toBe(403);
    expect(problemText(own)).toContain('不能同意自己发起的换班');
    const third = await api('POST', `/duty-swaps/${id}/accept`, 'd');
    expect(third.statusCode).toBe(403);
    expect(problemText(third)).toContain('只有被邀请的人');
    expect((await api('POST', `/duty-swaps/${id}/accept`, 'outsider')).statusCode).toBe(404);
    expect(
      (await shiftOf(t, ids.a!, mine.date, '09:00:00')) ?? (await shiftOf(t, ids.a!, mine.date, '14:00:00')),
    ).toBeDefined();

    const accepted = await api('POST', `/duty-swaps/${id}/accept`, 'c');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().state).toBe('accepted');
    const [a] = await t.db.select().from(dutyShifts).where(eq(dutyShifts.id, mine.id));
    const [c] = await t.db.select().from(dutyShifts).where(eq(dutyShifts.id, theirs.id));
    expect([a!.userId, c!.userId]).toEqual([ids.c, ids.a]);
    expect((await api('POST', `/duty-swaps/${id}/accept`, 'c')).statusCode).toBe(409);
  });

  it('refuses a stale swap, and lets the proposer cancel and the counterpart decline', async () => {
    // After the first swap: `theirs` is a's, `mine` is c's.
    const swap = (await propose('a', { shiftId: theirs.id, counterpartUserId: ids.d })).json();
    await t.db.update(dutyShifts).set({ userId: ids.b! }).where(eq(dutyShifts.id, theirs.id));
    const stale = await api('POST', `/duty-swaps/${swap.id}/accept`, 'd');
    expect(stale.statusCode).toBe(409);
    expect(problemText(stale)).toContain('班次已有变动');
    await t.db.update(dutyShifts).set({ userId: ids.a! }).where(eq(dutyShifts.id, theirs.id));
    expect((await api('POST', `/duty-swaps/${swap.id}/cancel`, 'd')).statusCode).toBe(403);
    expect((await api('POST', `/duty-swaps/${swap.id}/cancel`, 'a')).json().state).toBe('cancelled');
    const next = (await propose('a', { shiftId: theirs.id, counterpartUserId: ids.d })).json();
    expect((await api('POST', `/duty-swaps/${next.id}/decline`, 'a')).statusCode).toBe(403);
    expect((await api('POST', `/duty-swaps/${next.id}/decline`, 'd')).json().state).toBe('declined');
    const [row] = await t.db.select().from(dutyShifts).where(eq(dutyShifts.id, theirs.id));
    expect(row!.userId).toBe(ids.a);
  });

  it('puts a shift on leave and a manager assigns a free pool member to cover it', async () => {
    expect((await api('POST', `/duty-shifts/${theirs.id}/leave`, 'a', { reason: '' })).statusCode).toBe(400);
    expect((await api('POST', `/duty-shifts/${theirs.id}/leave`, 'c', { reason: '看病' })).statusCode).toBe(
      403,
    );
    const leave = await api('POST', `/duty-shifts/${theirs.id}/leave`, 'a', { reason: '去医院复查' });
    expect(leave.json()).toMatchObject({ state: 'onLeave', leaveReason: '去医院复查' });
    const chairInbox = (await api('GET', '/inbox', 'chair')).json().items;
    expect(chairInbox[0].title).toContain('值班请假');

    const day = (await rosterOf(t, cookies.chair!, stationId, MONTH)).shifts.filter(
      (s) => s.date === theirs.date && s.id !== theirs.id,
    );
    const busy = day[0]!.userId;
    const cover = (userId: number, who = 'chair') =>
      api('POST', `/duty-shifts/${theirs.id}/cover`, who, { userId });
    expect((await cover(ids.d!, 'b')).statusCode).toBe(403);
    const free = [ids.b, ids.c, ids.d, ids.chair].find((u) => u !== busy)!;
    const covered = await cover(free);
    expect(covered.statusCode).toBe(201);
    expect(covered.json()).toMatchObject({ userId: free, date: theirs.date, state: 'planned' });
    const full = await cover([ids.b, ids.c, ids.d, ids.chair].find((u) => u !== busy && u !== free)!);
    expect(full.statusCode).toBe(409);
    expect(problemText(full)).toContain('人数已满');
  });

  it('reminds tomorrow’s people once, through the inbox and a channel', async () => {
    const now = at('2030-04-07 10:00'); // a Sunday: Monday the 8th has two shifts
    const expected = (await rosterOf(t, cookies.chair!, stationId, MONTH)).shifts.filter(
      (s) => s.date === '2030-04-08' && s.state !== 'onLeave',
    );
    expect(expected).toHaveLength(2); // one of the three is on leave
    expect(await sendDutyReminders(t.db, now)).toBe(2);
    expect(await sendDutyReminders(t.db, now)).toBe(0);
    for (const s of expected) {
      const inbox = await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, s.userId), eq(notifications.kind, 'duty.reminder')));
      expect(inbox).toHaveLength(1);
      const sent = await t.db.select().from(deliveries).where(eq(deliveries.notificationId, inbox[0]!.id));
      expect(sent).toHaveLength(1);
    }
  });
});

describe('duty log', () => {
  let leakId: number;
  beforeAll(async () => {
    at('2030-04-09 09:30');
    const cats = (await api('GET', `/stations/${stationId}/request-categories`, 'chair')).json().items;
    leakId = cats.find((c: { code: string }) => c.code === 'leak').id;
    await t.db.update(categories).set({ handlerUserId: ids.d! }).where(eq(categories.id, leakId));
  });
  const log = (who: string, body: object, station = stationId) =>
    api('POST', `/stations/${station}/duty-log`, who, body);

  it('rejects bad input and those not on duty', async () => {
    const bad = await log('a', { matter: '', outcome: 'shrug' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toHaveLength(2);
    expect(problemText(await log('a', { matter: '问路', outcome: 'referred' }))).toContain('转介');
    expect(problemText(await log('a', { matter: '漏水', outcome: 'request' }))).toContain('类别');
    expect(
      problemText(await log('a', { matter: '问路', outcome: 'answered', householdId: westHousehold })),
    ).toContain('不属于本自治站');
    expect((await log('outsider', { matter: '问路', outcome: 'answered' })).statusCode).toBe(404);
    const [volToday] = await t.db
      .select()
      .from(dutyShifts)
      .where(and(eq(dutyShifts.userId, ids.vol!), eq(dutyShifts.onDate, '2030-04-09')));
    if (!volToday) expect((await log('vol', { matter: '问路', outcome: 'answered' })).statusCode).toBe(404);
    expect(await t.db.select().from(dutyLog)).toEqual([]);
  });

  it('turns a visit into a request routed to the category’s handler, linked both ways', async () => {
    const household = households[3]!;
    const created = await log('a', {
      householdId: household,
      visitorName: '王阿婆',
      matter: '家里卫生间天花板漏水，楼上没人应门',
      categoryId: leakId,
      outcome: 'request',
    });
    expect(created.statusCode).toBe(201);
    const entry = created.json();
    expect(entry).toMatchObject({
      outcome: 'request',
      categoryName: expect.any(String),
      visitorName: '王阿婆',
    });
    const [request] = await t.db.select().from(requests).where(eq(requests.id, entry.requestId));
    const [voter] = await t.db
      .select()
      .from(householdMembers)
      .where(and(eq(householdMembers.householdId, household), eq(householdMembers.isVoter, true)));
    expect(request).toMatchObject({
      channel: 'desk',
      originKind: 'dutyLog',
      originId: entry.id,
      handlerUserId: ids.d,
      householdId: household,
      reporterResidentId: voter!.residentId,
      description: '家里卫生间天花板漏水，楼上没人应门',
    });
    const detail = (await api('GET', `/requests/${entry.requestId}`, 'chair')).json();
    expect(detail.origin).toEqual({ kind: 'dutyLog', id: entry.id });
    const queue = (await api('GET', `/requests?stationId=${stationId}&handlerUserId=${ids.d}`, 'd')).json();
    expect(queue.items.map((r: { id: number }) => r.id)).toContain(entry.requestId);
  });

  it('turns an earlier entry into a request once, and pages the log', async () => {
    const entry = (await log('a', { matter: '咨询垃圾分类时间', outcome: 'answered' })).json();
    await log('chair', { matter: '问社区医院地址', outcome: 'referred', referredTo: '社区卫生服务站' });
    const turn = (body: object, who = 'a') => api('POST', `/duty-log/${entry.id}/request`, who, body);
    expect(problemText(await turn({}))).toContain('类别');
    expect((await turn({ categoryId: leakId }, 'outsider')).statusCode).toBe(404);
    const turned = await turn({ categoryId: leakId });
    expect(turned.statusCode).toBe(200);
    expect(turned.json()).toMatchObject({ outcome: 'request', requestId: expect.any(Number) });
    expect((await turn({ categoryId: leakId })).statusCode).toBe(409);

    const first = (await api('GET', `/stations/${stationId}/duty-log?limit=2`, 'chair')).json();
    expect(first.items).toHaveLength(2);
    const rest = (
      await api('GET', `/stations/${stationId}/duty-log?limit=2&cursor=${first.nextCursor}`, 'chair')
    ).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect((await api('GET', `/stations/${stationId}/duty-log?cursor=!!`, 'chair')).statusCode).toBe(400);
    expect((await api('GET', `/stations/${stationId}/duty-log`, 'outsider')).statusCode).toBe(404);
    const today = (await api('GET', `/stations/${stationId}/duty-log?date=2030-04-09`, 'a')).json();
    expect(today.items).toHaveLength(3);
  });
});

describe('duty figures', () => {
  it('count coverage per member and the log by outcome, on hand-worked data', async () => {
    // 西社区站, 6 May 2030 (a Monday) at 12:00: one morning slot; five shifts of two people.
    at('2030-05-06 12:00');
    const [slot] = await t.db
      .insert(dutySlots)
      .values({ stationId: westStationId, startsAt: '09:00', endsAt: '11:00' })
      .returning();
    const shift = (userId: number, onDate: string, extra: object = {}) => ({
      stationId: westStationId,
      slotId: slot!.id,
      onDate,
      startsAt: '09:00',
      endsAt: '11:00',
      userId,
      ...extra,
    });
    const when = new Date('2030-05-01T01:00:00Z');
    await t.db.insert(dutyShifts).values([
      shift(ids.outsider!, '2030-05-01', { checkedInAt: when }), // served
      shift(ids.outsider!, '2030-05-02'), // missed
      shift(ids.outsider!, '2030-05-03', { onLeaveAt: when, leaveReason: '出差' }), // on leave
      shift(ids.westChair!, '2030-05-03', { checkedInAt: when }), // covered it, served
      shift(ids.westChair!, '2030-05-08'), // ahead
    ]);
    await t.db.insert(dutyLog).values(
      (['answered', 'answered', 'referred', 'request'] as const).map((outcome) => ({
        stationId: westStationId,
        loggedBy: ids.westChair!,
        at: new Date('2030-05-02T02:00:00Z'),
        matter: '来访',
        outcome,
        path: westPath,
      })),
    );
    const figures = await dutyFigureSet.compute(t.db, {
      stationId: westStationId,
      path: westPath,
      from: new Date('2030-05-01T00:00:00+08:00'),
      to: new Date('2030-06-01T00:00:00+08:00'),
    });
    expect(figures).toEqual({
      shifts: { planned: 5, onLeave: 1, filled: 4, checkedIn: 2, missed: 1, past: 3 },
      checkInRate: { numerator: 2, denominator: 3, percent: 66.7 },
      log: { total: 4, answered: 2, request: 1, referred: 1 },
    });
    const coverage = await api('GET', `/stations/${westStationId}/duty-coverage?month=2030-05`, 'westChair');
    expect(coverage.json().items).toEqual([
      { userId: ids.outsider, name: '西站理事', planned: 3, onLeave: 1, filled: 2, checkedIn: 1, missed: 1 },
      { userId: ids.westChair, name: '西站主任', planned: 2, onLeave: 0, filled: 2, checkedIn: 1, missed: 0 },
    ]);
    expect(coverage.json().totals).toEqual({ planned: 5, onLeave: 1, filled: 4, checkedIn: 2, missed: 1 });
    expect(
      (await api('GET', `/stations/${westStationId}/duty-coverage?month=2030-5`, 'westChair')).statusCode,
    ).toBe(400);
    expect((await api('GET', `/stations/${westStationId}/duty-coverage?month=2030-05`, 'a')).statusCode).toBe(
      404,
    );
  });
});

describe('demo duty desk', () => {
  it('seeds hours, slots, a pool and this month, with 李秀英 on the slot still ahead today', async () => {
    const phones = ['13800000003', '13800000004', '13800000005', '13800000015'];
    const pool = [];
    for (const phone of phones) pool.push(await makeUser(t, { phone, name: `演示${phone.slice(-2)}` }));
    const station = await insertStation(t.db, {
      areaId: east.id,
      areaPath: east.path,
      name: '演示站',
      kind: 'service',
    });
    const now = new Date('2030-06-05T10:30:00+08:00'); // a Wednesday, the morning slot not over yet
    await seedDuty(t.db, station, now);
    const shifts = await t.db.select().from(dutyShifts).where(eq(dutyShifts.stationId, station));
    expect(shifts).toHaveLength(25 * 2); // June 2030 has 25 days from Monday to Saturday
    const today = shifts.filter((s) => s.onDate === '2030-06-05');
    expect(today.find((s) => s.startsAt === '09:00:00')!.userId).toBe(pool[1]);
    expect(new Set(shifts.map((s) => `${s.onDate} ${s.userId}`)).size).toBe(shifts.length);
    expect(shifts.filter((s) => s.onDate < '2030-06-05').every((s) => s.checkedInAt !== null)).toBe(true);
    expect(today.every((s) => s.checkedInAt === null)).toBe(true);
  });
});

describe('duty desk review fixes', () => {
  const nameOf = (userId: number) => Object.keys(ids).find((k) => ids[k] === userId)!;
  const dayShifts = async (date: string) =>
    (await rosterOf(t, cookies.chair!, stationId, MONTH)).shifts.filter((s) => s.date === date);

  it('refuses a shift in a retired slot', async () => {
    at('2030-04-24 10:00');
    const slot = await api('POST', `/stations/${stationId}/duty-slots`, 'chair', {
      startsAt: '11:00',
      endsAt: '11:30',
    });
    expect(slot.statusCode).toBe(201);
    const retire = await api('PATCH', `/stations/${stationId}/duty-slots/${slot.json().id}`, 'chair', {
      active: false,
    });
    expect(retire.statusCode).toBe(200);
    const placed = await api('POST', `/stations/${stationId}/duty-shifts`, 'chair', {
      date: '2030-04-26',
      slotId: slot.json().id,
      userId: ids.chair,
    });
    expect(placed.statusCode).toBe(400);
    expect(problemText(placed)).toContain('已停用');
  });

  it('a volunteer who is only a resident logs visits but names no household, nor files others’ entries', async () => {
    at('2030-04-24 10:00');
    const [morning] = (await dayShifts('2030-04-24')).filter((s) => s.startsAt === '09:00');
    await t.db.update(dutyShifts).set({ userId: ids.vol! }).where(eq(dutyShifts.id, morning!.id));
    const log = (who: string, body: object) => api('POST', `/stations/${stationId}/duty-log`, who, body);
    const named = await log('vol', { householdId: households[0], matter: '问路', outcome: 'answered' });
    expect(named.statusCode).toBe(403);
    expect(problemText(named)).toContain('代居民');
    const anonymous = await log('vol', { visitorName: '路人', matter: '问路', outcome: 'answered' });
    expect(anonymous.statusCode).toBe(201);
    expect(anonymous.json().householdLabel).toBeNull();
    const byMember = await log('a', { matter: '楼道灯坏了', outcome: 'answered' });
    expect(byMember.statusCode).toBe(201);
    const file = (who: string, entryId: number) =>
      api('POST', `/duty-log/${entryId}/request`, who, { categoryId: undefined });
    expect((await file('vol', byMember.json().id)).statusCode).toBe(404);
  });

  it('replacing a roster keeps shifts in swaps and on leave, and fills only the free seats', async () => {
    at('2030-04-24 10:00');
    const target = (await dayShifts('2030-04-27'))[0]!;
    const busy = new Set((await dayShifts('2030-04-27')).map((s) => s.userId));
    const free = [ids.chair, ids.a, ids.b, ids.c, ids.d].find((u) => !busy.has(u!))!;
    const swap = await api('POST', '/duty-swaps', nameOf(target.userId), {
      shiftId: target.id,
      counterpartUserId: free,
    });
    expect(swap.statusCode).toBe(201);
    const regenerate = await api('POST', `/stations/${stationId}/duty-roster`, 'chair', {
      month: MONTH,
      replace: true,
    });
    expect(regenerate.statusCode).toBe(200);
    const [kept] = await t.db.select().from(dutyShifts).where(eq(dutyShifts.id, target.id));
    expect(kept).toMatchObject({ userId: target.userId });
    const [still] = await t.db.select().from(dutySwaps).where(eq(dutySwaps.id, swap.json().id));
    expect(still!.state).toBe('requested');
    const day = await dayShifts('2030-04-27');
    expect(day.filter((s) => s.state !== 'onLeave')).toHaveLength(2);
    expect(new Set(day.map((s) => s.userId)).size).toBe(day.length);
    // Today's shifts that started stay as they were.
    expect((await dayShifts('2030-04-24')).find((s) => s.startsAt === '09:00')!.userId).toBe(ids.vol);
  });

  it('reminds a shift later today that was never reminded', async () => {
    const now = at('2030-04-24 10:00');
    await t.db
      .update(dutyShifts)
      .set({ remindedAt: null })
      .where(and(eq(dutyShifts.stationId, stationId), eq(dutyShifts.onDate, '2030-04-24')));
    const today = await dayShifts('2030-04-24');
    const tomorrow = (await dayShifts('2030-04-25')).filter((s) => s.state !== 'onLeave');
    expect(await sendDutyReminders(t.db, now)).toBe(1 + tomorrow.length);
    const reminded = await t.db
      .select()
      .from(dutyShifts)
      .where(and(eq(dutyShifts.stationId, stationId), eq(dutyShifts.onDate, '2030-04-24')));
    const afternoon = today.find((s) => s.startsAt === '14:00')!;
    expect(reminded.find((s) => s.id === afternoon.id)!.remindedAt).not.toBeNull();
    expect(reminded.find((s) => s.startsAt === '09:00:00')!.remindedAt).toBeNull();
    const [note] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, afternoon.userId), eq(notifications.kind, 'duty.reminder')))
      .orderBy(desc(notifications.id))
      .limit(1);
    expect(note!.title).toContain('今天值班');
  });
});
