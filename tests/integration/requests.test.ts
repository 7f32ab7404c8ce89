import { and, desc, eq, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/modules/accounts/accounts.tables.ts';
import { auditEvents } from '../../src/modules/audit/audit.tables.ts';
import { deliveries, notifications } from '../../src/modules/notifications/notifications.tables.ts';
import { households } from '../../src/modules/places/places.tables.ts';
import { flagOverdue } from '../../src/modules/requests/overdue-job.ts';
import { requests } from '../../src/modules/requests/requests.tables.ts';
import { stationOf } from '../support/factories.ts';
import { type TestContext, useTestApp } from '../support/harness.ts';

// On the demo: 林阿姨 (verified, 南江绿苑) files; the chair and council member of 南江绿苑 handle it.
let t: TestContext;
let resident: string;
let chair: string;
let stationId: number;
let otherStationId: number;
let councilId: number;
let categoryId: number;

beforeAll(async () => {
  t = await useTestApp({ demo: true });
  resident = await t.login('13800000010');
  chair = await t.login('13800000003');
  stationId = await stationOf(t, '南江绿苑');
  otherStationId = await stationOf(t, '恒业小区');
  const [council] = await t.db.select().from(users).where(eq(users.phone, '13800000004'));
  councilId = council!.id;
  const cats = (await t.call('GET', `/api/v1/stations/${stationId}/request-categories`, resident)).json()
    .items;
  expect(cats.map((c: { name: string }) => c.name)).toContain('漏水/管道');
  categoryId = cats.find((c: { code: string }) => c.code === 'leak').id;
});

const file = (cookie: string, extra: object = {}) =>
  t.call('POST', '/api/v1/requests', cookie, {
    stationId,
    categoryId,
    description: '3幢楼道顶上漏水，下雨天更严重',
    ...extra,
  });
const move = (id: number, cookie: string, payload: object) =>
  t.call('POST', `/api/v1/requests/${id}/transitions`, cookie, payload);

describe('requests', () => {
  it('require authentication and reject bad input', async () => {
    expect((await t.call('POST', '/api/v1/requests', undefined, {})).statusCode).toBe(401);
    const bad = await t.call('POST', '/api/v1/requests', resident, {
      stationId: 'x',
      categoryId: -1,
      description: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toHaveLength(3);
    const wrongCategory = await file(resident, { categoryId: 999999 });
    expect(wrongCategory.statusCode).toBe(400);
  });

  it('go from filing to resolved, "not fixed", resolved again and closed, each step on the timeline', async () => {
    const filed = await file(resident);
    expect(filed.statusCode).toBe(201);
    const id = filed.json().id;
    const queue = (await t.call('GET', `/api/v1/requests?stationId=${stationId}`, chair)).json();
    expect(queue.items[0]).toMatchObject({
      id,
      status: 'submitted',
      categoryName: '漏水/管道',
      overdue: false,
    });

    expect((await move(id, chair, { action: 'accept' })).json().status).toBe('accepted');
    expect((await move(id, chair, { action: 'assign', handlerUserId: councilId })).json().status).toBe(
      'assigned',
    );
    expect((await move(id, chair, { action: 'start' })).json().status).toBe('inProgress');
    expect((await move(id, chair, { action: 'resolve', note: '已更换楼道顶部水管' })).json().status).toBe(
      'resolved',
    );
    // The resident says it is not fixed: it reopens, counted.
    const mine = (await t.call('GET', `/api/v1/requests/${id}`, resident)).json();
    expect(mine.actions).toEqual(['reopen']);
    expect((await move(id, resident, { action: 'reopen', note: '还在漏' })).json().status).toBe('accepted');
    expect((await move(id, chair, { action: 'resolve' })).json().status).toBe('resolved');
    expect((await move(id, chair, { action: 'close' })).json().status).toBe('closed');

    const detail = (await t.call('GET', `/api/v1/requests/${id}`, resident)).json();
    expect(detail.reopenCount).toBe(1);
    expect(detail.holder).toBe('李秀英');
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'submitted',
      'accept',
      'assign',
      'start',
      'resolve',
      'reopen',
      'resolve',
      'close',
    ]);
    expect(detail.timeline[5]).toMatchObject({ actor: '居民', body: '还在漏' });
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, String(id)));
    expect(audit.filter((a) => a.subjectType === 'request')).toHaveLength(8);
    const inbox = (await t.call('GET', '/api/v1/inbox', resident)).json();
    expect(inbox.items.some((n: { title: string }) => n.title === '您的诉求已办结')).toBe(true);
  });

  it('are rated by the reporter on the five-level scale, or reopened as not fixed', async () => {
    const id = (await file(resident)).json().id;
    await move(id, chair, { action: 'accept' });
    await move(id, chair, { action: 'resolve' });
    const rate = (payload: object, cookie = resident) =>
      t.call('POST', `/api/v1/requests/${id}/rating`, cookie, payload);
    expect((await rate({ fixed: true, level: 9 })).statusCode).toBe(400);
    expect((await rate({ fixed: true, level: 5 }, chair)).statusCode).toBe(403);
    expect((await rate({ fixed: false, comment: '没修好' })).json().status).toBe('accepted');
    await move(id, chair, { action: 'resolve' });
    expect((await rate({ fixed: true, level: 4, comment: '及时' })).json().status).toBe('closed');
    expect((await rate({ fixed: true, level: 5 })).statusCode).toBe(409);
    const [row] = await t.db.select().from(requests).where(eq(requests.id, id));
    expect(row).toMatchObject({ rating: 4, reopenCount: 1, status: 'closed' });
  });

  it('escalate to the community and beyond, keeping the status, and refuse past the top', async () => {
    const id = (await file(resident)).json().id;
    await move(id, chair, { action: 'accept' });
    expect((await move(id, chair, { action: 'escalate', note: '涉及外墙，需社区协调' })).json()).toEqual({
      status: 'accepted',
      level: 'community',
    });
    expect((await move(id, chair, { action: 'escalate' })).json().level).toBe('street');
    expect((await move(id, chair, { action: 'escalate' })).json().level).toBe('district');
    const top = await move(id, chair, { action: 'escalate' });
    expect(top.statusCode).toBe(409);
    const [row] = await t.db.select().from(requests).where(eq(requests.id, id));
    expect(row).toMatchObject({ level: 'district', holder: '区职能部门 / 12345' });
    const detail = (await t.call('GET', `/api/v1/requests/${id}`, chair)).json();
    expect(detail.actions).not.toContain('escalate');
    expect(detail.actions).toContain('handBack');
  });

  it('come back down from the community to the station, to the member who held them', async () => {
    const id = (await file(resident)).json().id;
    await move(id, chair, { action: 'assign', handlerUserId: councilId });
    expect((await t.call('GET', `/api/v1/requests/${id}`, chair)).json().actions).not.toContain('handBack');
    expect((await move(id, chair, { action: 'handBack' })).statusCode).toBe(409);
    await move(id, chair, { action: 'escalate', note: '需社区协调' });
    const social = await t.login('13800000002');
    const back = await move(id, social, { action: 'handBack', note: '社区已协调物业，请站里跟进' });
    expect(back.json()).toEqual({ status: 'assigned', level: 'station' });
    const detail = (await t.call('GET', `/api/v1/requests/${id}`, resident)).json();
    expect(detail.holder).toBe('李秀英');
    expect(detail.timeline.at(-1)).toMatchObject({ kind: 'handBack', body: '社区已协调物业，请站里跟进' });
  });

  it('refuse illegal moves and change nothing', async () => {
    const id = (await file(resident)).json().id;
    const res = await move(id, chair, { action: 'close' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INVALID_STATE');
    expect((await move(id, resident, { action: 'resolve' })).statusCode).toBe(403);
    expect((await move(id, chair, { action: 'reject' })).statusCode).toBe(400);
    const [row] = await t.db.select().from(requests).where(eq(requests.id, id));
    expect(row!.status).toBe('submitted');
    expect((await move(id, resident, { action: 'withdraw' })).json().status).toBe('withdrawn');
  });

  it("hide another station's requests behind 404", async () => {
    const id = (await file(resident)).json().id;
    const stranger = await t.login('13800000011');
    expect((await t.call('GET', `/api/v1/requests/${id}`, stranger)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/requests?stationId=${otherStationId}`, chair)).statusCode).toBe(404);
    expect((await file(stranger)).statusCode).toBe(403);
  });

  it('past their deadlines are flagged once, to the handler and the chair', async () => {
    const id = (await file(resident)).json().id;
    const later = new Date(Date.now() + 1000 * 3600_000);
    expect(await flagOverdue(t.db, later)).toBeGreaterThanOrEqual(1);
    const inbox = (await t.call('GET', '/api/v1/inbox', chair)).json();
    expect(inbox.items.some((n: { title: string }) => n.title === '诉求超时未响应：漏水/管道')).toBe(true);
    const detail = (await t.call('GET', `/api/v1/requests/${id}`, chair)).json();
    expect(detail.timeline.at(-1).kind).toBe('overdue');
    expect(await flagOverdue(t.db, later)).toBe(0);
  });

  it('route to the handler a station sets on the category', async () => {
    const patch = (id: number, payload: object, cookie = chair) =>
      t.call('PATCH', `/api/v1/request-categories/${id}`, cookie, payload);
    expect((await patch(categoryId, { responseHours: 0 })).statusCode).toBe(400);
    expect(
      (await patch(categoryId, { handlerKind: 'member', handlerUserId: councilId }, resident)).statusCode,
    ).toBe(404);
    const updated = await patch(categoryId, {
      handlerKind: 'member',
      handlerUserId: councilId,
      responseHours: 2,
    });
    expect(updated.json()).toMatchObject({ handlerUserId: councilId, responseHours: 2 });
    const id = (await file(resident)).json().id;
    expect((await t.call('GET', `/api/v1/requests/${id}`, chair)).json().holder).toBe('李秀英');
    const council = await t.login('13800000004');
    const inbox = (await t.call('GET', '/api/v1/inbox', council)).json();
    expect(inbox.items[0].title).toBe('新诉求：漏水/管道');
    const addElevator = () =>
      t.call('POST', `/api/v1/stations/${stationId}/request-categories`, chair, {
        code: 'elevator',
        name: '电梯',
        responseHours: 2,
        resolutionHours: 24,
      });
    expect((await addElevator()).statusCode).toBe(201);
    expect((await addElevator()).statusCode).toBe(409);
  });

  it('say where: a building or unit of the station, never another station’s', async () => {
    const places = (await t.call('GET', `/api/v1/stations/${stationId}/request-places`, resident)).json();
    const building = places.buildings[0];
    expect(building.units.length).toBeGreaterThan(0);
    const unit = building.units[0];
    const filed = await file(resident, { unitId: unit.id, placeText: '楼道顶上' });
    expect(filed.statusCode).toBe(201);
    const detail = (await t.call('GET', `/api/v1/requests/${filed.json().id}`, chair)).json();
    expect(detail.place).toBe(`${building.name}${unit.name} 楼道顶上`);
    const other = (await t.call('GET', `/api/v1/stations/${otherStationId}/request-places`, chair)).json();
    expect((await file(resident, { buildingId: other.buildings?.[0]?.id ?? 999999 })).statusCode).toBe(400);
    const stranger = await t.login('13800000011');
    expect((await t.call('GET', `/api/v1/stations/${stationId}/request-places`, stranger)).statusCode).toBe(
      404,
    );
    const neighbours = await t.call('GET', `/api/v1/stations/${stationId}/request-places`);
    expect(neighbours.statusCode).toBe(401);
    // A resident names only their own household.
    const me = (await t.call('GET', '/api/v1/me', resident)).json();
    const own = me.households[0].householdId;
    expect((await file(resident, { householdId: own })).statusCode).toBe(201);
    const [notOwn] = await t.db
      .select({ id: households.id })
      .from(households)
      .where(and(eq(households.stationId, stationId), ne(households.id, own)))
      .limit(1);
    expect((await file(resident, { householdId: notOwn!.id })).statusCode).toBe(400);
  });

  it('fill the staff queue: filter by handler and building, sort by deadline, page by cursor', async () => {
    const places = (await t.call('GET', `/api/v1/stations/${stationId}/request-places`, resident)).json();
    const building = places.buildings[1];
    const inBuilding = (await file(resident, { buildingId: building.id })).json().id;
    const queue = (q: string) => t.call('GET', `/api/v1/requests?stationId=${stationId}&${q}`, chair);
    const byBuilding = (await queue(`buildingId=${building.id}`)).json();
    expect(byBuilding.items.map((r: { id: number }) => r.id)).toContain(inBuilding);
    expect(byBuilding.items.every((r: { place: string }) => r.place.startsWith(building.name))).toBe(true);
    const handlers = (await t.call('GET', `/api/v1/stations/${stationId}/request-handlers`, chair)).json();
    expect(handlers.items.map((h: { id: number }) => h.id)).toContain(councilId);
    expect((await t.call('GET', `/api/v1/stations/${stationId}/request-handlers`, resident)).statusCode).toBe(
      404,
    );
    const mine = (await queue(`handlerUserId=${councilId}`)).json();
    expect(mine.items.every((r: { handlerUserId: number }) => r.handlerUserId === councilId)).toBe(true);

    const first = (await queue('sort=due&limit=3')).json();
    const second = (await queue(`sort=due&limit=3&cursor=${first.nextCursor}`)).json();
    const dues = [...first.items, ...second.items].map((r: { dueResolutionAt: string }) => r.dueResolutionAt);
    expect(dues).toEqual([...dues].sort());
    // Rows come serialised by PostgreSQL; their times read exactly as Date#toISOString writes them.
    for (const time of [...dues, ...first.items.map((r: { createdAt: string }) => r.createdAt)]) {
      expect(new Date(time).toISOString()).toBe(time);
    }
    const detail = (await t.call('GET', `/api/v1/requests/${first.items[0].id}`, chair)).json();
    expect(detail).toMatchObject(first.items[0]);
    const ids = [...first.items, ...second.items].map((r: { id: number }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await queue('sort=sideways')).statusCode).toBe(400);
    expect((await queue(`sort=due&cursor=${encodeURIComponent('bad')}`)).statusCode).toBe(400);
    const notADay = Buffer.from(JSON.stringify(['2026-02-30 10:00:00+00', 5])).toString('base64url');
    expect((await queue(`sort=due&cursor=${notADay}`)).statusCode).toBe(400);
    // Filters by category and a second page are different statements, not one reused for both.
    const byCategory = (await queue(`categoryId=${categoryId}&limit=2`)).json();
    const page2 = (await queue(`limit=2&cursor=${byCategory.nextCursor}`)).json();
    expect(page2.items.every((r: { id: number }) => r.id < byCategory.items[1].id)).toBe(true);
    expect((await queue('buildingId=99999999')).statusCode).toBe(404);

    const reported = (await t.call('GET', '/api/v1/requests/mine?limit=5', resident)).json();
    expect(reported.items).toHaveLength(5);
    expect(reported.items[0].id).toBeGreaterThan(reported.items[4].id);
    expect((await t.call('GET', '/api/v1/requests/mine', chair)).json().items).toEqual([]);
  });

  it('tell the reporter outside the app too (the console channel stands in for SMS/e-mail here)', async () => {
    const id = (await file(resident)).json().id;
    expect((await move(id, chair, { action: 'accept', note: '已受理，明天上门查看' })).statusCode).toBe(200);
    const [notification] = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'request.updated'))
      .orderBy(desc(notifications.id))
      .limit(1);
    expect(notification).toMatchObject({ title: '您的诉求已受理', body: '已受理，明天上门查看' });
    const sent = await t.db.select().from(deliveries).where(eq(deliveries.notificationId, notification!.id));
    expect(sent).toMatchObject([{ channel: 'console', address: '13800000010', status: 'sent' }]);
  });
});
