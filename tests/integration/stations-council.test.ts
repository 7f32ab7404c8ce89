import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { areas, stations } from '../../src/modules/places/places.tables.ts';
import { stationCategories } from '../../src/modules/requests/index.ts';
import { categories, requests } from '../../src/modules/requests/requests.tables.ts';
import {
  councilMembers,
  councilTerms,
  portfolios,
  ruleVersions,
  setupSteps,
  stationProfiles,
} from '../../src/modules/stations/council.tables.ts';
import { seedStationsDemo } from '../../src/modules/stations/demo-stations.ts';
import { setupFigureSet } from '../../src/modules/stations/station-figures.ts';
import { makeCity, stationOf } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';
import { auditCount, dayFromToday, linkResident, residentIdsOf } from '../support/stations-council.ts';

// On the demo's 恒业小区 (汪源社区, 鄞州区), which the demo leaves unset: its own chair, a council member
// with an account, a verified resident, and the chair of 旺源雅苑 next door as the outsider.
let t: TestContext;
let stationId: number;
let otherStationId: number;
let chair: string;
let member: string;
let memberId: number;
let resident: string;
let outsider: string;
let district: string;
let street: string;
let people: number[];

beforeAll(async () => {
  t = await useTestApp({ demo: true });
  stationId = await stationOf(t, '恒业小区');
  otherStationId = await stationOf(t, '旺源雅苑');
  await makeUser(t, { phone: '13900000001', name: '恒业理事长', role: 'chair', stationId });
  memberId = await makeUser(t, { phone: '13900000002', name: '赵理事', role: 'councilMember', stationId });
  const residentUser = await makeUser(t, {
    phone: '13900000004',
    name: '恒业居民',
    role: 'resident',
    stationId,
  });
  await makeUser(t, { phone: '13900000003', role: 'chair', stationId: otherStationId });
  people = await residentIdsOf(t, stationId, 12);
  await linkResident(t, residentUser, people[11]!);
  chair = await t.login('13900000001', 'test-password-1');
  member = await t.login('13900000002', 'test-password-1');
  resident = await t.login('13900000004', 'test-password-1');
  outsider = await t.login('13900000003', 'test-password-1');
  district = await t.login('13800000012', 'linshe123');
  street = await t.login('13800000009', 'linshe123');
});

const api = (path: string) => `/api/v1${path}`;
const at = (path = '') => api(`/stations/${stationId}${path}`);

describe('stations', () => {
  it('list: requires authentication, rejects bad input, shows the stations the user may see', async () => {
    expect((await t.call('GET', api('/stations'))).statusCode).toBe(401);
    expect((await t.call('GET', api('/stations?stage=done'), street)).statusCode).toBe(400);
    const all = (await t.call('GET', api('/stations'), street)).json();
    expect(all.items.map((s: { name: string }) => s.name)).toEqual([
      '南江绿苑小区自治站',
      '旺源雅苑小区自治站',
      '恒业小区小区自治站',
      '文和阳光雅居小区自治站',
    ]);
    expect(all.items[2]).toMatchObject({
      kind: 'service',
      stage: 'preparing',
      communityName: '汪源社区',
      compounds: [{ name: '恒业小区' }],
      checklist: { done: 0, total: 4 },
      compliance: { termId: null, violations: [] },
    });
    const operating = (await t.call('GET', api('/stations?stage=operating'), street)).json();
    expect(operating.items.map((s: { name: string }) => s.name)).toEqual(['南江绿苑小区自治站']);
    const own = (await t.call('GET', api('/stations'), chair)).json();
    expect(own.items.map((s: { id: number }) => s.id)).toEqual([stationId]);
    expect((await t.call('GET', api('/stations'), resident)).json().items).toEqual([]);
  });

  it('page: 404 for a station the user may not see, abilities for those who may', async () => {
    expect((await t.call('GET', at())).statusCode).toBe(401);
    expect((await t.call('GET', api('/stations/x'), chair)).statusCode).toBe(400);
    expect((await t.call('GET', at(), outsider)).statusCode).toBe(404);
    expect((await t.call('GET', at(), resident)).statusCode).toBe(404);
    const page = (await t.call('GET', at(), chair)).json();
    expect(page).toMatchObject({ stage: 'preparing', nextStages: ['operating'], rooms: [] });
    expect(page.abilities).toContain('station.manage');
    expect((await t.call('GET', at(), member)).json().abilities).not.toContain('station.manage');
  });

  it('profile and rooms: only managers change them; a second room of the same name is refused', async () => {
    expect((await t.call('PATCH', at('/profile'), undefined, { site: 'x' })).statusCode).toBe(401);
    expect((await t.call('PATCH', at('/profile'), chair, { site: 'x'.repeat(300) })).statusCode).toBe(400);
    expect((await t.call('PATCH', at('/profile'), member, { site: '会所' })).statusCode).toBe(403);
    expect((await t.call('PATCH', at('/profile'), outsider, { site: '会所' })).statusCode).toBe(404);
    const page = await t.call('PATCH', at('/profile'), chair, { site: '小区会所二楼', phone: '0574-8888' });
    expect(page.json().profile).toEqual({ site: '小区会所二楼', phone: '0574-8888', note: null });

    const room = await t.call('POST', at('/rooms'), chair, { name: '会客厅', capacity: 12 });
    expect(room.statusCode).toBe(201);
    expect((await t.call('POST', at('/rooms'), chair, { name: '' })).statusCode).toBe(400);
    const twice = await t.call('POST', at('/rooms'), chair, { name: '会客厅' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe('已有名为“会客厅”的房间');
    const roomId = room.json().id;
    await t.call('POST', at('/rooms'), chair, { name: '活动室' });
    const renamed = await t.call('PUT', at(`/rooms/${roomId}`), chair, { name: '议事亭', purpose: '议事' });
    expect(renamed.json()).toMatchObject({ name: '议事亭', purpose: '议事', capacity: 12 });
    expect((await t.call('DELETE', at(`/rooms/${roomId}`), member)).statusCode).toBe(403);
    expect((await t.call('DELETE', at(`/rooms/${roomId}`), chair)).statusCode).toBe(200);
    expect((await t.call('GET', at(), chair)).json().rooms.map((r: { name: string }) => r.name)).toEqual([
      '活动室',
    ]);
  });

  it('stage: operating only with the checklist done; illegal moves refused and nothing changed', async () => {
    const stage = (to: string) => t.call('POST', at('/stage'), chair, { stage: to });
    expect((await t.call('POST', at('/stage'), undefined, { stage: 'operating' })).statusCode).toBe(401);
    expect((await stage('closed')).statusCode).toBe(400);
    const skip = await stage('suspended');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().detail).toBe('自治站不能从“筹建”转为“暂停”');
    const early = await stage('operating');
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('筹建清单尚未完成：场地落实、理事会组建、制度建立、装修布置');

    const mark = (step: string, doneOn: string) =>
      t.call('PUT', at(`/setup-steps/${step}`), chair, { doneOn });
    expect((await mark('site', dayFromToday(3))).json().errors[0].message).toBe('完成日期不能晚于今天');
    expect((await mark('porch', '2025-01-01')).statusCode).toBe(400);
    expect((await mark('site', '2025-02-30')).statusCode).toBe(400);
    for (const step of ['site', 'council', 'rules', 'fitOut']) {
      expect((await mark(step, '2025-03-01')).statusCode).toBe(200);
    }
    const running = await stage('operating');
    expect(running.json()).toMatchObject({
      stage: 'operating',
      checklist: { done: 4 },
      nextStages: ['suspended'],
    });
    expect(running.json().steps[0]).toEqual({ step: 'site', doneOn: '2025-03-01', note: null });
    expect((await stage('preparing')).statusCode).toBe(409);
    const undone = await t.call('DELETE', at('/setup-steps/fitOut'), chair);
    expect(undone.json()).toMatchObject({ stage: 'operating', checklist: { done: 3 } });
    expect((await t.call('DELETE', at('/setup-steps/fitOut'), chair)).statusCode).toBe(409);
    expect((await stage('suspended')).json().stage).toBe('suspended');
    expect((await stage('operating')).statusCode).toBe(409);
    await mark('fitOut', '2025-03-02');
    expect((await stage('operating')).json().stage).toBe('operating');
  });
});

describe('rules and charter', () => {
  const rule = (extra: object = {}) => ({
    kind: 'charter',
    title: '恒业小区自治站章程',
    body: '第一条 ……',
    adoptedBy: '居民议事会',
    adoptedOn: '2025-03-01',
    ...extra,
  });

  it('are versioned per kind; residents read the current ones, staff the history', async () => {
    expect((await t.call('POST', at('/rules'), undefined, rule())).statusCode).toBe(401);
    expect((await t.call('POST', at('/rules'), chair, rule({ kind: 'bylaw' }))).statusCode).toBe(400);
    expect((await t.call('POST', at('/rules'), chair, rule({ body: '' }))).statusCode).toBe(400);
    const future = await t.call('POST', at('/rules'), chair, rule({ adoptedOn: dayFromToday(5) }));
    expect(future.json().errors[0].message).toBe('通过日期不能晚于今天');
    expect((await t.call('POST', at('/rules'), member, rule())).statusCode).toBe(403);
    expect((await t.call('POST', at('/rules'), resident, rule())).statusCode).toBe(404);

    const first = await t.call('POST', at('/rules'), chair, rule());
    expect(first.statusCode).toBe(201);
    expect(first.json().version).toBe(1);
    const older = await t.call('POST', at('/rules'), chair, rule({ adoptedOn: '2025-01-01' }));
    expect(older.json().errors[0].message).toBe('新版本的通过日期不能早于上一版（2025-03-01）');
    const second = await t.call(
      'POST',
      at('/rules'),
      chair,
      rule({ title: '章程（修订）', adoptedOn: '2025-06-01' }),
    );
    expect(second.json().version).toBe(2);
    await t.call('POST', at('/rules'), chair, rule({ kind: 'duty', title: '值班制度' }));

    const staff = (await t.call('GET', at('/rules'), member)).json();
    expect(staff.current.map((r: { title: string; version: number }) => [r.title, r.version])).toEqual([
      ['章程（修订）', 2],
      ['值班制度', 1],
    ]);
    expect(staff.history).toHaveLength(3);
    const forResident = (await t.call('GET', at('/rules'), resident)).json();
    expect(forResident).toMatchObject({ history: null, canManage: false });
    expect(forResident.current).toHaveLength(2);
    expect((await t.call('GET', at('/rules'), outsider)).statusCode).toBe(404);
    expect((await t.call('GET', at('/rules'))).statusCode).toBe(401);
    const versions = await t.db.select().from(ruleVersions).where(eq(ruleVersions.stationId, stationId));
    expect(versions).toHaveLength(3);
  });
});

let termId: number;
const add = (cookie: string, body: object) => t.call('POST', at('/council-members'), cookie, body);
const council = async () => (await t.call('GET', at('/council'), chair)).json();
const codes = (c: { violations: { code: string }[] }) => c.violations.map((v) => v.code);

describe('council', () => {
  it('terms: overlapping ones and ones that end before they start are refused, nothing written', async () => {
    const term = (body: object, cookie = chair) => t.call('POST', at('/council-terms'), cookie, body);
    const span = { startsOn: dayFromToday(-400), endsOn: dayFromToday(700) };
    expect((await t.call('POST', at('/council-terms'), undefined, span)).statusCode).toBe(401);
    expect((await term({ startsOn: 'soon', endsOn: '2027-01-01' })).statusCode).toBe(400);
    expect((await term(span, member)).statusCode).toBe(403);
    const backwards = await term({ startsOn: '2027-01-01', endsOn: '2026-01-01' });
    expect(backwards.json().errors[0]).toEqual({ path: 'endsOn', message: '届期结束日期不能早于开始日期' });
    const first = await term(span);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ number: 1, current: true });
    termId = first.json().id;
    const overlapping = await term({ startsOn: dayFromToday(600), endsOn: dayFromToday(1800) });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().detail).toBe(`与第1届（${span.startsOn} 至 ${span.endsOn}）的届期重叠`);
    const sameNumber = await term({ number: 1, startsOn: dayFromToday(800), endsOn: dayFromToday(1800) });
    expect(sameNumber.json().detail).toBe('已有第1届');
    const terms = await t.db.select().from(councilTerms).where(eq(councilTerms.stationId, stationId));
    expect(terms).toHaveLength(1);
  });

  it('members: 7 standing directors of residents comply; outsiders beyond half are flagged', async () => {
    const joinedOn = dayFromToday(-400);
    expect((await add('', { termId, position: 'chair', joinedOn })).statusCode).toBe(401);
    expect((await add(chair, { termId, position: 'king', joinedOn })).statusCode).toBe(400);
    expect(
      (await add(member, { termId, residentId: people[0], position: 'chair', joinedOn })).statusCode,
    ).toBe(403);
    const outside = await add(chair, {
      termId,
      residentId: people[0],
      position: 'chair',
      joinedOn: '2001-01-01',
    });
    expect(outside.json().errors[0].message).toMatch(/^日期须在本届届期内/);
    const stranger = await add(chair, { termId, residentId: 1, position: 'chair', joinedOn });
    expect(stranger.json().errors[0].message).toBe('该居民不属于本自治站');
    expect((await add(chair, { termId, position: 'director', joinedOn })).json().errors[0].message).toBe(
      '请填写姓名，或选择居民/账号',
    );

    const chairSeat = await add(chair, {
      termId,
      residentId: people[0],
      position: 'chair',
      affiliations: ['ownersCommittee', 'partyMember'],
      nominatedBy: '社区党组织',
      nominatedOn: dayFromToday(-410),
      joinedOn,
    });
    expect(chairSeat.statusCode).toBe(201);
    for (const id of people.slice(1, 6)) {
      await add(chair, { termId, residentId: id, position: 'standingDirector', joinedOn });
    }
    // The seventh standing director is 赵理事, by account (no household here).
    await add(chair, { termId, userId: memberId, position: 'standingDirector', joinedOn });
    let c = await council();
    expect(c.members).toHaveLength(7);
    expect(c.members[0]).toMatchObject({
      position: 'chair',
      livesInCompound: true,
      affiliations: ['ownersCommittee', 'partyMember'],
      nominatedBy: '社区党组织',
    });
    expect(c.members[6]).toMatchObject({ name: '赵理事', livesInCompound: false, userId: memberId });
    expect(c.violations).toEqual([]);

    for (const name of ['物业代表', '辖区单位代表', '社会组织代表', '社工']) {
      await add(chair, { termId, name, position: 'activeResident', affiliations: ['localUnit'], joinedOn });
    }
    c = await council();
    // 6 of 11 live here: still at least half.
    expect(codes(c)).toEqual([]);
    for (const name of ['共建单位代表', '志愿者代表']) {
      await add(chair, { termId, name, position: 'activeResident', joinedOn });
    }
    c = await council();
    expect(codes(c)).toEqual(['residentsUnderShare']);
    expect(c.violations[0].zh).toBe('居住在本小区的成员应不少于成员总数的一半（13名中至少7名），现有6/13');
    const listed = (await t.call('GET', api('/stations'), street)).json().items;
    expect(listed.find((s: { id: number }) => s.id === stationId).compliance).toMatchObject({
      termId,
      members: 13,
      violations: [{ code: 'residentsUnderShare' }],
    });
  });

  it('a person in two positions that exclude each other is refused and nothing changes', async () => {
    const before = await auditCount(t, 'council.member.add');
    const joinedOn = dayFromToday(-10);
    const both = await add(chair, { termId, residentId: people[0], position: 'standingDirector', joinedOn });
    expect(both.statusCode).toBe(409);
    expect(both.json().detail).toMatch(/已任理事长，不能兼任常务理事$/);
    const again = await add(chair, { termId, userId: memberId, position: 'standingDirector', joinedOn });
    expect(again.json().detail).toBe('赵理事已是本届常务理事');
    expect((await council()).members).toHaveLength(13);
    expect(await auditCount(t, 'council.member.add')).toBe(before);
  });

  it('a seat that ends on a later day still counts, and a name alone is the same person', async () => {
    const before = await auditCount(t, 'council.member.add');
    const [seat] = await t.db
      .select()
      .from(councilMembers)
      .where(and(eq(councilMembers.termId, termId), eq(councilMembers.residentId, people[3]!)));
    // Held until five days from now: on today it is still held.
    await t.db
      .update(councilMembers)
      .set({ leftOn: dayFromToday(5) })
      .where(eq(councilMembers.id, seat!.id));
    const twice = await add(chair, {
      termId,
      residentId: people[3],
      position: seat!.position,
      joinedOn: dayFromToday(0),
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/已是本届常务理事$/);
    await t.db.update(councilMembers).set({ leftOn: null }).where(eq(councilMembers.id, seat!.id));
    // 物业代表 sits by name only (no resident, no account): the same name again is the same person.
    const byName = await add(chair, {
      termId,
      name: '物业代表',
      position: 'activeResident',
      joinedOn: dayFromToday(-10),
    });
    expect(byName.statusCode).toBe(409);
    expect(byName.json().detail).toMatch(/^物业代表已是本届/);
    expect(await auditCount(t, 'council.member.add')).toBe(before);
  });

  it('moving keeps the history; ceasing closes the seat; neither deletes anything', async () => {
    const c = await council();
    const seat = c.members.find((m: { residentId: number }) => m.residentId === people[1]);
    const move = (body: object, cookie = chair) =>
      t.call('POST', api(`/council-members/${seat.id}/move`), cookie, body);
    expect((await move({ position: 'viceChair' }, '')).statusCode).toBe(401);
    expect((await move({ position: 'viceChair' })).statusCode).toBe(400);
    expect((await move({ position: 'standingDirector', on: dayFromToday(0) })).json().errors[0].path).toBe(
      'position',
    );
    expect((await move({ position: 'viceChair', on: '2001-01-01' })).json().errors[0].path).toBe('on');
    const moved = await move({ position: 'viceChair', on: dayFromToday(0) });
    expect(moved.statusCode).toBe(201);
    expect((await move({ position: 'director', on: dayFromToday(0) })).statusCode).toBe(409);
    const after = await council();
    const old = after.members.find((m: { id: number }) => m.id === seat.id);
    expect(old).toMatchObject({ position: 'standingDirector', leftOn: dayFromToday(0), leftReason: 'moved' });
    expect(after.members.at(-1)).toMatchObject({ position: 'viceChair', previousId: seat.id, leftOn: null });

    const leaving = after.members.find((m: { residentId: number }) => m.residentId === people[2]);
    const cease = (body: object) => t.call('POST', api(`/council-members/${leaving.id}/cease`), chair, body);
    expect((await cease({ leftOn: dayFromToday(0) })).statusCode).toBe(400);
    expect((await cease({ leftOn: dayFromToday(0), reason: '搬离小区' })).statusCode).toBe(200);
    expect((await cease({ leftOn: dayFromToday(0), reason: '搬离小区' })).statusCode).toBe(409);
    // Ceased today: off the council from today on (left_on is the first day off), so 6 standing remain.
    expect(codes(await council())).toEqual(['standingDirectorsTooFew', 'residentsUnderShare']);
    const rows = await t.db.select().from(councilMembers).where(eq(councilMembers.termId, termId));
    expect(rows).toHaveLength(14);
    expect(rows.find((r) => r.id === leaving.id)).toMatchObject({ leftReason: '搬离小区' });
    expect((await t.call('POST', api(`/council-members/${leaving.id}/cease`), outsider, {})).statusCode).toBe(
      400,
    );
    expect(
      (
        await t.call('POST', api(`/council-members/${leaving.id}/cease`), outsider, {
          leftOn: dayFromToday(0),
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('composition policy', () => {
  it('a district override changes the verdict; bad values are refused with a reason', async () => {
    const [yinzhou] = await t.db.select().from(areas).where(eq(areas.name, '鄞州区'));
    const url = api(`/areas/${yinzhou!.id}/composition-policy`);
    expect((await t.call('PUT', url, undefined, {})).statusCode).toBe(401);
    expect((await t.call('PUT', url, district, { chairs: 'one' })).statusCode).toBe(400);
    expect((await t.call('PUT', url, district, { mayor: 1 })).statusCode).toBe(400);
    const bad = await t.call('PUT', url, district, { standingDirectors: { min: 9, max: 5 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toBe('常务理事人数下限（9）不能大于上限（5）');
    // The street officer sees their street, not the district above it, and may not set policy on either.
    expect((await t.call('PUT', url, street, { chairs: 1 })).statusCode).toBe(404);
    const [shiqi] = await t.db.select().from(areas).where(eq(areas.name, '石碶街道'));
    const streetUrl = api(`/areas/${shiqi!.id}/composition-policy`);
    expect((await t.call('PUT', streetUrl, street, { chairs: 1 })).statusCode).toBe(403);
    expect((await t.call('GET', streetUrl, street)).json().canSet).toBe(false);
    expect((await t.call('PUT', url, chair, { chairs: 1 })).statusCode).toBe(404);
    expect((await t.call('PUT', at('/composition-policy'), chair, { chairs: 1 })).statusCode).toBe(403);

    expect(codes(await council())).toEqual(['standingDirectorsTooFew', 'residentsUnderShare']);
    const set = await t.call('PUT', url, district, {
      standingDirectors: { min: 5, max: 9 },
      residentShareMin: { num: 1, den: 3 },
    });
    expect(set.statusCode).toBe(200);
    expect(codes(await council())).toEqual([]);
    const effective = (await t.call('GET', at('/composition-policy'), chair)).json();
    expect(effective.policy.residentShareMin).toEqual({ num: 1, den: 3 });
    expect(effective.sources.residentShareMin).toEqual({
      level: 'area',
      name: '鄞州区',
      areaId: yinzhou!.id,
    });
    expect(effective.sources.chairs.level).toBe('default');
    // A station's own override on top, by the district officer; {} removes it again.
    const own = await t.call('PUT', at('/composition-policy'), district, {
      standingDirectors: { min: 9, max: 9 },
    });
    expect(own.json().sources.standingDirectors.level).toBe('station');
    expect(codes(await council())).toEqual(['standingDirectorsTooFew']);
    await t.call('PUT', at('/composition-policy'), district, {});
    await t.call('PUT', url, district, {});
    expect(codes(await council())).toEqual(['standingDirectorsTooFew', 'residentsUnderShare']);
  });
});

describe('portfolios', () => {
  it('route a held category to the member: a request filed in it lands in their queue', async () => {
    expect((await t.call('GET', at('/portfolios'))).statusCode).toBe(401);
    expect((await t.call('GET', at('/portfolios'), outsider)).statusCode).toBe(404);
    const list = (await t.call('GET', at('/portfolios'), chair)).json();
    expect(list.gaps).toBe(10);
    expect(list.eligible.map((e: { name: string }) => e.name)).toEqual(['赵理事']);
    const leak = list.items.find((i: { name: string }) => i.name === '漏水/管道');
    const c = await council();
    const zhao = c.members.find((m: { userId: number | null }) => m.userId === memberId);
    const noAccount = c.members.find((m: { name: string }) => m.name === '物业代表');
    const give = (memberIdOf: unknown, cookie = chair) =>
      t.call('PUT', at(`/portfolios/${leak.categoryId}`), cookie, { memberId: memberIdOf });
    expect((await give('x')).statusCode).toBe(400);
    expect((await give(zhao.id, member)).statusCode).toBe(403);
    const refused = await give(noAccount.id);
    expect(refused.json().errors[0].message).toBe('只能分管给本届在任、且有可处理诉求账号的理事会成员');
    expect((await t.call('PUT', at('/portfolios/999999'), chair, { memberId: zhao.id })).statusCode).toBe(
      404,
    );

    const held = (await give(zhao.id)).json();
    expect(held.gaps).toBe(9);
    expect(held.items.find((i: { categoryId: number }) => i.categoryId === leak.categoryId)).toMatchObject({
      holder: { name: '赵理事', userId: memberId },
      handlerKind: 'member',
      gap: false,
    });
    const filed = await t.call('POST', api('/requests'), chair, {
      stationId,
      categoryId: leak.categoryId,
      description: '5幢地下室水管漏水',
      channel: 'desk',
    });
    expect(filed.statusCode).toBe(201);
    const queue = (
      await t.call('GET', api(`/requests?stationId=${stationId}&handlerUserId=${memberId}`), member)
    ).json();
    expect(queue.items.map((r: { id: number }) => r.id)).toEqual([filed.json().id]);
    expect(queue.items[0]).toMatchObject({ holder: '赵理事', handlerUserId: memberId });
    expect((await council()).members.find((m: { id: number }) => m.id === zhao.id).portfolios).toEqual([
      '漏水/管道',
    ]);

    // Moving gives the portfolio up: the category routes to nobody again.
    await t.call('POST', api(`/council-members/${zhao.id}/move`), chair, {
      position: 'director',
      on: dayFromToday(0),
    });
    const [category] = await t.db.select().from(categories).where(eq(categories.id, leak.categoryId));
    expect(category).toMatchObject({ handlerKind: 'none', handlerUserId: null });
    const after = (await t.call('GET', at('/portfolios'), chair)).json();
    expect(after.gaps).toBe(10);
    expect((await t.call('DELETE', at(`/portfolios/${leak.categoryId}`), chair)).statusCode).toBe(409);
    const [request] = await t.db.select().from(requests).where(eq(requests.id, filed.json().id));
    expect(request!.handlerUserId).toBe(memberId);
  });

  it('a holder is taken off with DELETE', async () => {
    const c = await council();
    const zhao = c.members.find(
      (m: { userId: number | null; leftOn: string | null }) => m.userId === memberId && !m.leftOn,
    );
    const list = (await t.call('GET', at('/portfolios'), chair)).json();
    const green = list.items.find((i: { name: string }) => i.name === '绿化');
    expect(
      (await t.call('PUT', at(`/portfolios/${green.categoryId}`), chair, { memberId: zhao.id })).statusCode,
    ).toBe(200);
    const removed = (await t.call('DELETE', at(`/portfolios/${green.categoryId}`), chair)).json();
    expect(
      removed.items.find((i: { categoryId: number }) => i.categoryId === green.categoryId).holder,
    ).toBeNull();
  });

  it('a holder whose category was routed elsewhere is a gap; taking them off keeps that routing', async () => {
    const c = await council();
    const zhao = c.members.find(
      (m: { userId: number | null; leftOn: string | null }) => m.userId === memberId && !m.leftOn,
    );
    const green = (await t.call('GET', at('/portfolios'), chair))
      .json()
      .items.find((i: { name: string }) => i.name === '绿化');
    const held = (
      await t.call('PUT', at(`/portfolios/${green.categoryId}`), chair, { memberId: zhao.id })
    ).json();
    // Someone gives the category to the property manager in the request settings.
    await t.db
      .update(categories)
      .set({ handlerKind: 'property', handlerUserId: null })
      .where(eq(categories.id, green.categoryId));
    const drift = (await t.call('GET', at('/portfolios'), chair)).json();
    expect(drift.items.find((i: { categoryId: number }) => i.categoryId === green.categoryId)).toMatchObject({
      holder: { userId: memberId },
      handlerKind: 'property',
      gap: true,
    });
    expect(drift.gaps).toBe(held.gaps + 1);
    // The dashboard counts it the same way.
    const figures = await setupFigureSet.compute(t.db, {
      stationId,
      path: '/',
      from: new Date(0),
      to: new Date(Date.now() + 86_400_000),
    });
    expect(figures).toMatchObject({ portfolios: { gaps: drift.gaps } });
    const removed = await t.call('DELETE', at(`/portfolios/${green.categoryId}`), chair);
    expect(removed.statusCode).toBe(200);
    expect(
      removed.json().items.find((i: { categoryId: number }) => i.categoryId === green.categoryId),
    ).toMatchObject({ holder: null, handlerKind: 'property', gap: false });
    const [category] = await t.db.select().from(categories).where(eq(categories.id, green.categoryId));
    expect(category).toMatchObject({ handlerKind: 'property', handlerUserId: null });
    await t.db
      .update(categories)
      .set({ handlerKind: 'none', handlerUserId: null })
      .where(eq(categories.id, green.categoryId));
  });
});

describe('figures', () => {
  it('stations.setup on a hand-worked city', async () => {
    const city = await makeCity(t, 24);
    const [east, west] = [city.east.compound.stationId, city.west.compound.stationId];
    await t.db.update(stations).set({ stage: 'operating' }).where(eq(stations.id, east));
    await t.db.update(stations).set({ kind: 'mutualAid' }).where(eq(stations.id, west));
    const step = (stationId: number, step: 'site' | 'council' | 'rules' | 'fitOut', doneOn: string) => ({
      stationId,
      step,
      doneOn,
    });
    await t.db.insert(setupSteps).values([
      ...(['site', 'council', 'rules', 'fitOut'] as const).map((s) => step(east, s, '2025-01-01')),
      step(west, 'site', '2025-01-01'),
      // Done after the period's last day: not counted.
      step(west, 'council', dayFromToday(1)),
    ]);
    const term = async (stationId: number) => {
      const [row] = await t.db
        .insert(councilTerms)
        .values({ stationId, number: 1, startsOn: dayFromToday(-30), endsOn: dayFromToday(1000) })
        .returning();
      return row!.id;
    };
    const eastTerm = await term(east);
    const eastPeople = await residentIdsOf(t, east, 7);
    const seats = await t.db
      .insert(councilMembers)
      .values(
        eastPeople.map((residentId, i) => ({
          stationId: east,
          termId: eastTerm,
          residentId,
          name: `东${i}`,
          position: i === 0 ? ('chair' as const) : ('standingDirector' as const),
          joinedOn: dayFromToday(-30),
        })),
      )
      .returning();
    const [westPerson] = await residentIdsOf(t, west, 1);
    await t.db.insert(councilMembers).values({
      stationId: west,
      termId: await term(west),
      residentId: westPerson!,
      name: '西0',
      position: 'chair',
      joinedOn: dayFromToday(-30),
    });
    const [eastCats, westCats] = [await stationCategories(t.db, east), await stationCategories(t.db, west)];
    await t.db
      .insert(portfolios)
      .values({ stationId: east, memberId: seats[0]!.id, categoryId: eastCats[0]!.id });
    await t.db.update(categories).set({ handlerKind: 'property' }).where(eq(categories.id, westCats[0]!.id));

    const now = new Date();
    const scope = {
      stationId: null,
      path: city.streetPath,
      from: new Date(now.getTime() - 86_400_000),
      to: now,
    };
    expect(await setupFigureSet.compute(t.db, scope)).toEqual({
      asOf: dayFromToday(0),
      stations: 2,
      byStage: { preparing: 1, operating: 1, suspended: 0 },
      byKind: { service: 1, mutualAid: 1, team: 0 },
      checklist: {
        byStep: { site: 2, council: 1, rules: 1, fitOut: 1 },
        stepsDone: 5,
        complete: { numerator: 1, denominator: 2, percent: 50 },
      },
      compliance: { withTerm: 2, compliant: { numerator: 1, denominator: 2, percent: 50 }, violations: 1 },
      portfolios: { categories: 20, held: 1, gaps: 18, stationsWithGaps: 2 },
    });
    // One station, and a period that ended before any of it.
    const westOnly = await setupFigureSet.compute(t.db, {
      ...scope,
      stationId: west,
      path: city.west.compound.stationPath,
    });
    expect(westOnly).toMatchObject({
      stations: 1,
      checklist: { stepsDone: 1 },
      compliance: { violations: 1 },
    });
    const past = await setupFigureSet.compute(t.db, { ...scope, to: new Date('2024-12-01T00:00:00+08:00') });
    expect(past).toMatchObject({
      asOf: '2024-11-30',
      checklist: { stepsDone: 0 },
      compliance: { withTerm: 0 },
    });
  });
});

describe('demo', () => {
  it('seedStationsDemo sets the demo station up with a compliant council and 李秀英 in charge of 设施维修', async () => {
    const demo = await stationOf(t, '南江绿苑');
    // Once the demo seed runs it, the demo has it already.
    const seeded = await t.db.select().from(stationProfiles).where(eq(stationProfiles.stationId, demo));
    if (seeded.length === 0) await t.db.transaction((tx) => seedStationsDemo(tx, { stationId: demo }));
    const chairOfDemo = await t.login('13800000003', 'linshe123');
    const page = (await t.call('GET', api(`/stations/${demo}`), chairOfDemo)).json();
    expect(page).toMatchObject({ checklist: { done: 4 }, profile: { site: '南江绿苑小区会所二楼' } });
    expect(page.rooms).toHaveLength(2);
    const c = (await t.call('GET', api(`/stations/${demo}/council`), chairOfDemo)).json();
    expect(c.members).toHaveLength(10);
    expect(c.members[0]).toMatchObject({ name: '王建国', position: 'chair' });
    expect(c.violations).toEqual([]);
    const rules = (await t.call('GET', api(`/stations/${demo}/rules`), chairOfDemo)).json();
    expect(rules.current.map((r: { kind: string }) => r.kind)).toEqual(['charter', 'duty']);
    const held = (await t.call('GET', api(`/stations/${demo}/portfolios`), chairOfDemo)).json();
    expect(
      held.items
        .filter((i: { holder: { name: string } | null }) => i.holder?.name === '李秀英')
        .map((i: { name: string }) => i.name),
    ).toEqual(['绿化', '设施维修']);
  });
});
