import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/modules/accounts/accounts.tables.ts';
import { auditEvents } from '../../src/modules/audit/audit.tables.ts';
import { households } from '../../src/modules/places/places.tables.ts';
import { closeUnratedRequests } from '../../src/modules/requests/auto-close-job.ts';
import { requestEvents, requestSupporters, requests } from '../../src/modules/requests/requests.tables.ts';
import { stationOf } from '../support/factories.ts';
import { makeUser, PASSWORD, type TestContext, useTestApp } from '../support/harness.ts';

// On the demo: 林阿姨 (verified, 南江绿苑 1幢1单元101) reports; a neighbour in 1幢1单元102 and a
// resident of 恒业小区 are verified here; 13800000011 is not verified anywhere.
let t: TestContext;
let stationId: number;
let otherStationId: number;
let resident: string;
let neighbour: string;
let outsider: string;
let stranger: string;
let chair: string;
let council: string;
let leakId: number;
let otherCategoryId: number;
let ownHousehold: number;
let building2Household: number;
let neighbourUserId: number;

/** Links a new account to the voter of a household of a station, as verification does. */
async function verifiedResident(phone: string, station: number, label: string) {
  const userId = await makeUser(t, { phone, name: `居民${phone.slice(-2)}` });
  await t.db.execute(sql`update people_residents r set user_id = ${userId}, verified_at = now()
    from people_household_members m join places_households h on h.id = m.household_id
    where m.resident_id = r.id and m.is_voter and h.station_id = ${station} and h.label = ${label}`);
  return { userId, cookie: await t.login(phone, PASSWORD) };
}

beforeAll(async () => {
  t = await useTestApp({ demo: true });
  stationId = await stationOf(t, '南江绿苑');
  otherStationId = await stationOf(t, '恒业小区');
  resident = await t.login('13800000010');
  stranger = await t.login('13800000011');
  chair = await t.login('13800000003');
  council = await t.login('13800000004');
  const n = await verifiedResident('13900000102', stationId, '1幢1单元102');
  neighbour = n.cookie;
  neighbourUserId = n.userId;
  outsider = (await verifiedResident('13900000201', otherStationId, '1幢1单元101')).cookie;
  const cats = (await t.call('GET', `/api/v1/stations/${stationId}/request-categories`, resident)).json()
    .items;
  leakId = cats.find((c: { code: string }) => c.code === 'leak').id;
  otherCategoryId = cats.find((c: { code: string }) => c.code !== 'leak').id;
  const household = async (label: string) =>
    (
      await t.db
        .select()
        .from(households)
        .where(and(eq(households.stationId, stationId), eq(households.label, label)))
    )[0]!.id;
  ownHousehold = await household('1幢1单元101');
  building2Household = await household('2幢1单元101');
});

const file = async (cookie: string, extra: object) => {
  const res = await t.call('POST', '/api/v1/requests', cookie, {
    stationId,
    categoryId: leakId,
    description: '楼道顶上漏水，下雨天更严重',
    isPublic: true,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
};

describe('similar requests and +1', () => {
  let shown: number;
  let garage: number;
  let hidden: number;
  let elsewhere: number;
  let done: number;

  beforeAll(async () => {
    shown = await file(resident, { householdId: ownHousehold, isAnonymous: false });
    garage = await file(chair, {
      householdId: building2Household,
      channel: 'desk',
      description: '地下车库入口漏水',
    });
    hidden = await file(resident, { isPublic: false });
    elsewhere = await file(resident, { categoryId: otherCategoryId });
    done = await file(resident, {});
    await t.db.update(requests).set({ status: 'closed' }).where(eq(requests.id, done));
  });

  it('require authentication and reject bad input', async () => {
    expect(
      (await t.call('GET', `/api/v1/requests/similar?stationId=${stationId}&categoryId=${leakId}`))
        .statusCode,
    ).toBe(401);
    expect((await t.call('POST', `/api/v1/requests/${shown}/support`)).statusCode).toBe(401);
    expect((await t.call('DELETE', `/api/v1/requests/${shown}/support`)).statusCode).toBe(401);
    const bad = await t.call('GET', '/api/v1/requests/similar?stationId=x', neighbour);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toHaveLength(2);
    expect((await t.call('POST', '/api/v1/requests/0/support', neighbour)).statusCode).toBe(400);
    const long = `q=${'漏'.repeat(101)}`;
    expect(
      (
        await t.call(
          'GET',
          `/api/v1/requests/similar?stationId=${stationId}&categoryId=${leakId}&${long}`,
          neighbour,
        )
      ).statusCode,
    ).toBe(400);
    const [otherCategory] = (
      await t.call('GET', `/api/v1/stations/${otherStationId}/request-categories`, outsider)
    ).json().items;
    const foreign = await t.call(
      'GET',
      `/api/v1/requests/similar?stationId=${stationId}&categoryId=${otherCategory.id}`,
      neighbour,
    );
    expect(foreign.statusCode).toBe(400);
    const [otherHousehold] = await t.db
      .select()
      .from(households)
      .where(eq(households.stationId, otherStationId))
      .limit(1);
    expect(
      (
        await t.call(
          'GET',
          `/api/v1/requests/similar?stationId=${stationId}&categoryId=${leakId}&householdId=${otherHousehold!.id}`,
          neighbour,
        )
      ).statusCode,
    ).toBe(400);
  });

  it('offer open public requests of the category, own building first, text overlap before that', async () => {
    const similar = (cookie: string, q = '') =>
      t.call('GET', `/api/v1/requests/similar?stationId=${stationId}&categoryId=${leakId}${q}`, cookie);
    const raw = await similar(neighbour);
    expect(raw.statusCode, raw.body).toBe(200);
    const res = raw.json();
    // The neighbour lives in 1幢 like the first request: it comes first though the garage one is newer.
    expect(res.items.map((r: { id: number }) => r.id)).toEqual([shown, garage]);
    expect(Object.keys(res.items[0]).sort()).toEqual(
      [
        'building',
        'categoryName',
        'createdAt',
        'description',
        'id',
        'mine',
        'place',
        'status',
        'supported',
        'supporters',
      ].sort(),
    );
    expect(res.items[0]).toMatchObject({ building: '1幢', supporters: 0, supported: false, mine: false });
    const typed = (await similar(neighbour, `&q=${encodeURIComponent('地下车库 漏水')}`)).json();
    expect(typed.items.map((r: { id: number }) => r.id)).toEqual([garage, shown]);
    const mine = (await similar(resident)).json();
    expect(mine.items.find((r: { id: number }) => r.id === shown).mine).toBe(true);
    // Staff may look too; other compounds' residents and the unverified may not.
    expect((await similar(chair)).statusCode).toBe(200);
    expect((await similar(outsider)).statusCode).toBe(404);
    expect((await similar(stranger)).statusCode).toBe(404);
    for (const id of [hidden, elsewhere, done]) {
      expect(res.items.map((r: { id: number }) => r.id)).not.toContain(id);
    }
  });

  it('count a "+1" once per resident, tell the reporter, and can be taken back', async () => {
    const support = (method: 'POST' | 'DELETE', id = shown, cookie = neighbour) =>
      t.call(method, `/api/v1/requests/${id}/support`, cookie);
    expect((await support('POST')).json()).toEqual({ supporters: 1, supported: true });
    // Idempotent: a second "+1" answers 200 with the same count.
    const again = await support('POST');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ supporters: 1, supported: true });
    const rows = await t.db.select().from(requestSupporters).where(eq(requestSupporters.requestId, shown));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: neighbourUserId, stationId });

    const inbox = (await t.call('GET', '/api/v1/inbox', resident)).json();
    expect(inbox.items[0].title).toBe('有 1 位邻居也反映了此问题');
    const detail = (await t.call('GET', `/api/v1/requests/${shown}`, resident)).json();
    expect(detail.timeline.at(-1)).toMatchObject({ kind: 'support', actor: null });
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, String(shown)), eq(auditEvents.action, 'request.support')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(neighbourUserId);

    const listed = (
      await t.call('GET', `/api/v1/requests/similar?stationId=${stationId}&categoryId=${leakId}`, neighbour)
    ).json();
    expect(listed.items[0]).toMatchObject({ id: shown, supporters: 1, supported: true });

    expect((await support('DELETE')).json()).toEqual({ supporters: 0, supported: false });
    expect((await support('DELETE')).json()).toEqual({ supporters: 0, supported: false });
    expect((await support('POST')).json()).toEqual({ supporters: 1, supported: true });
    const [row] = await t.db.select().from(requests).where(eq(requests.id, shown));
    expect(row!.supporters).toBe(1);
  });

  it('only on open public requests, by verified residents of the compound who did not report it', async () => {
    const support = (id: number, cookie: string) => t.call('POST', `/api/v1/requests/${id}/support`, cookie);
    expect((await support(hidden, neighbour)).statusCode).toBe(404);
    const closed = await support(done, neighbour);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().detail).toBe('诉求已不在办理中，不能再 +1');
    expect((await support(shown, resident)).statusCode).toBe(409);
    expect((await support(shown, outsider)).statusCode).toBe(404);
    expect((await support(shown, stranger)).statusCode).toBe(404);
    expect((await support(shown, chair)).statusCode).toBe(403);
    expect((await support(99999999, neighbour)).statusCode).toBe(404);
    const [row] = await t.db.select().from(requests).where(eq(requests.id, shown));
    expect(row!.supporters).toBe(1);
  });
});

describe('the public view', () => {
  let named: number;
  let anonymous: number;
  let hidden: number;
  let finished: number;

  beforeAll(async () => {
    named = await file(resident, {
      householdId: ownHousehold,
      isAnonymous: false,
      description: '单元门禁坏了',
    });
    anonymous = await file(resident, { householdId: ownHousehold, description: '楼上噪音' });
    hidden = await file(resident, { isPublic: false, description: '私人诉求' });
    finished = await file(resident, { description: '已修好的路灯' });
    await t.db.update(requests).set({ status: 'closed' }).where(eq(requests.id, finished));
  });

  const list = (cookie: string | undefined, query = '') =>
    t.call('GET', `/api/v1/stations/${stationId}/public-requests${query}`, cookie);

  it('requires authentication and rejects bad input', async () => {
    expect((await list(undefined)).statusCode).toBe(401);
    expect((await list(neighbour, '?status=pending')).statusCode).toBe(400);
    expect((await list(neighbour, '?limit=0')).statusCode).toBe(400);
    expect((await list(neighbour, '?cursor=bad')).statusCode).toBe(400);
    expect(
      (await t.call('GET', `/api/v1/stations/${stationId}/public-requests/abc`, neighbour)).statusCode,
    ).toBe(400);
  });

  it('shows residents public requests without the names, phones or rooms of anonymous reporters', async () => {
    const page = (await list(neighbour, '?limit=100')).json();
    const ids = page.items.map((r: { id: number }) => r.id);
    expect(ids).toEqual(expect.arrayContaining([named, anonymous, finished]));
    expect(ids).not.toContain(hidden);
    const anon = page.items.find((r: { id: number }) => r.id === anonymous);
    expect(anon).toMatchObject({
      reporter: null,
      building: '1幢',
      description: '楼上噪音',
      status: 'submitted',
    });
    const text = JSON.stringify(anon);
    for (const secret of ['林阿姨', '13800000010', '1幢1单元101', '单元']) expect(text).not.toContain(secret);
    const shown = page.items.find((r: { id: number }) => r.id === named);
    expect(shown.reporter).toEqual({ name: '林阿姨', home: '1幢1单元' });
    expect(JSON.stringify(page)).not.toContain('13800000010');
    expect(JSON.stringify(page)).not.toContain('私人诉求');
  });

  it('filters open and closed ones and pages by cursor', async () => {
    const open = (await list(neighbour, '?status=open&limit=100'))
      .json()
      .items.map((r: { id: number }) => r.id);
    expect(open).toContain(named);
    expect(open).not.toContain(finished);
    const closed = (await list(neighbour, '?status=closed')).json().items.map((r: { id: number }) => r.id);
    expect(closed).toContain(finished);
    expect(closed).not.toContain(named);
    const first = (await list(neighbour, '?limit=2')).json();
    const second = (await list(neighbour, `?limit=2&cursor=${first.nextCursor}`)).json();
    expect(first.items).toHaveLength(2);
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
  });

  it('shows progress and staff notes, holders only as a role, never names', async () => {
    const [member] = await t.db.select().from(users).where(eq(users.phone, '13800000004'));
    const handlerId = member!.id;
    const move = (payload: object, cookie = chair) =>
      t.call('POST', `/api/v1/requests/${anonymous}/transitions`, cookie, payload);
    expect((await move({ action: 'accept' })).statusCode).toBe(200);
    expect(
      (await move({ action: 'assign', handlerUserId: handlerId, note: '已安排理事上门' })).statusCode,
    ).toBe(200);
    await t.call('POST', `/api/v1/requests/${anonymous}/comments`, chair, { body: '林阿姨您好，明天上门' });
    const one = (cookie: string, id = anonymous, station = stationId) =>
      t.call('GET', `/api/v1/stations/${station}/public-requests/${id}`, cookie);
    const detail = (await one(neighbour)).json();
    expect(detail.holder).toBe('自治站');
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'accept', 'assign']);
    expect(detail.timeline[0]).toMatchObject({ by: 'resident', note: null, toStatus: 'submitted' });
    expect(detail.timeline[2]).toMatchObject({ by: 'staff', note: '已安排理事上门', toStatus: 'assigned' });
    const text = JSON.stringify(detail);
    for (const secret of ['李秀英', '王建国', '林阿姨', '13800000010']) expect(text).not.toContain(secret);
    await move({ action: 'escalate', note: '涉及外墙，需社区协调' });
    expect((await one(neighbour)).json().holder).toBe('社区');

    expect((await one(chair)).statusCode).toBe(200);
    expect((await one(neighbour, hidden)).statusCode).toBe(404);
    expect((await one(outsider)).statusCode).toBe(404);
    expect((await one(stranger)).statusCode).toBe(404);
    expect((await list(stranger)).statusCode).toBe(404);
    expect((await list(outsider)).statusCode).toBe(404);
    // Another station's id through this station's path, and this one's through another's.
    expect((await one(outsider, anonymous, otherStationId)).statusCode).toBe(404);
    expect((await one(neighbour, anonymous, otherStationId)).statusCode).toBe(404);
  });
});

describe('auto-close', () => {
  const settings = (
    method: 'GET' | 'PUT',
    cookie: string | undefined,
    payload?: object,
    station = stationId,
  ) => t.call(method, `/api/v1/stations/${station}/request-settings`, cookie, payload);

  it('settings require authentication, request.configure to change, and valid days', async () => {
    expect((await settings('GET', undefined)).statusCode).toBe(401);
    expect((await settings('GET', chair)).json()).toEqual({ stationId, autoCloseDays: 7 });
    expect((await settings('GET', resident)).statusCode).toBe(404);
    expect((await settings('GET', chair, undefined, otherStationId)).statusCode).toBe(404);
    expect((await settings('PUT', council, { autoCloseDays: 3 })).statusCode).toBe(403);
    expect((await settings('PUT', resident, { autoCloseDays: 3 })).statusCode).toBe(404);
    for (const autoCloseDays of [0, 61, 2.5, 'x', null]) {
      expect((await settings('PUT', chair, { autoCloseDays })).statusCode).toBe(400);
    }
    expect((await settings('GET', chair)).json().autoCloseDays).toBe(7);
    expect((await settings('PUT', chair, { autoCloseDays: 3 })).json()).toEqual({
      stationId,
      autoCloseDays: 3,
    });
    expect((await settings('GET', council)).json().autoCloseDays).toBe(3);
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'requestSettings.update'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toEqual({ autoCloseDays: 3, before: 7 });
  });

  it('closes unrated resolved requests after the station’s days (7 by default), once', async () => {
    const now = new Date();
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const resolved = async (station: number, days: number, rating: number | null = null) => {
      const id = await file(resident, {});
      await t.db
        .update(requests)
        .set({ status: 'resolved', resolvedAt: daysAgo(days), rating, stationId: station })
        .where(eq(requests.id, id));
      return id;
    };
    // 南江绿苑 closes after 3 days (set above); 恒业小区 has no settings: 7 days.
    const old = await resolved(stationId, 3.5);
    const recent = await resolved(stationId, 2);
    const rated = await resolved(stationId, 10, 4);
    const otherOld = await resolved(otherStationId, 8);
    const otherRecent = await resolved(otherStationId, 5);
    expect(await closeUnratedRequests(t.db, now)).toBe(2);
    const status = async (id: number) => (await t.db.select().from(requests).where(eq(requests.id, id)))[0]!;
    expect(await status(old)).toMatchObject({
      status: 'closed',
      closedAt: now,
      updatedAt: now,
      rating: null,
    });
    expect((await status(otherOld)).status).toBe('closed');
    for (const id of [recent, rated, otherRecent]) expect((await status(id)).status).toBe('resolved');
    const [event] = await t.db
      .select()
      .from(requestEvents)
      .where(and(eq(requestEvents.requestId, old), eq(requestEvents.kind, 'autoClose')));
    expect(event).toMatchObject({
      fromStatus: 'resolved',
      toStatus: 'closed',
      actorUserId: null,
      data: { days: 3 },
    });
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, String(old)), eq(auditEvents.action, 'request.autoClose')));
    expect(audit).toMatchObject({ actorUserId: null, userAgent: 'linshe job requests-auto-close' });
    const inbox = (await t.call('GET', '/api/v1/inbox', resident)).json();
    expect(inbox.items.some((n: { title: string }) => n.title === '您的诉求已自动办结')).toBe(true);
    expect(await closeUnratedRequests(t.db, now)).toBe(0);
  });
});
