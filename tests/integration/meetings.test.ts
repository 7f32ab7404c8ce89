import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';

let ctx: TestContext;
let station: number;
let chair: string;
let member: string;
let outsider: string;
let resident: string;
let neighbour: string;
let residentIds: number[];
let building1: number;
let building1Path: string;
let residentUser: number;
let outsiderUser: number;

const api = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, body?: object) =>
  ctx.call(method, `/api/v1${url}`, cookie, body);
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

beforeAll(async () => {
  ctx = await useTestApp();
  const city = await makeCity(ctx, 30);
  station = city.east.compound.stationId;
  building1 = city.east.compound.building1Id;
  building1Path = city.east.compound.building1Path;
  await makeUser(ctx, { phone: '13700000001', role: 'chair', stationId: station });
  chair = await ctx.login('13700000001');
  await makeUser(ctx, { phone: '13700000002', role: 'councilMember', stationId: station });
  member = await ctx.login('13700000002');
  outsiderUser = await makeUser(ctx, {
    phone: '13700000003',
    role: 'chair',
    stationId: city.west.compound.stationId,
  });
  outsider = await ctx.login('13700000003');
  // Household 1 (building 1) and household 25 (building 2) each get a verified resident with an account.
  for (const [phone, roster] of [
    ['13600000001', '13907000000'],
    ['13600000002', '13907000024'],
  ] as const) {
    const id = await makeUser(ctx, { phone });
    if (phone === '13600000001') residentUser = id;
    await ctx.db.execute(
      sql`update people_residents set user_id = ${id}, verified_at = now() where phone = ${roster}`,
    );
  }
  resident = await ctx.login('13600000001');
  neighbour = await ctx.login('13600000002');
  const rows = await ctx.db.execute<{ id: string }>(
    sql`select id from people_residents where station_id = ${station} order by id limit 5`,
  );
  residentIds = rows.rows.map((r) => Number(r.id));
});

const meeting = (patch: object = {}) => ({
  kind: 'residents',
  title: '1幢加装电梯议事会',
  purpose: '听取意见，确定方案',
  startsAt: inHours(24),
  endsAt: inHours(26),
  place: '会客厅',
  capacity: 1,
  inviteBuildingIds: [building1],
  ...patch,
});

describe('meetings', () => {
  it('requires authentication', async () => {
    expect((await api('GET', `/stations/${station}/meetings`)).statusCode).toBe(401);
  });

  it('rejects bad input and changes nothing', async () => {
    const bad = async (patch: object, path: string) => {
      const res = await api('POST', `/stations/${station}/meetings`, chair, meeting(patch));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path.replace(/^body\./, ''))).toContain(path);
    };
    await bad({ endsAt: inHours(23) }, 'endsAt');
    await bad({ kind: 'party' }, 'kind');
    await bad({ agenda: [{ title: '电梯', topicId: 999999 }] }, 'agenda');
    await bad({ capacity: 0 }, 'capacity');
    expect((await api('POST', `/stations/${station}/meetings`, member, meeting())).statusCode).toBe(403);
    expect((await api('POST', `/stations/${station}/meetings`, outsider, meeting())).statusCode).toBe(404);
    const n = await ctx.db.execute<{ n: string }>(sql`select count(*) as n from deliberation_meetings`);
    expect(Number(n.rows[0]!.n)).toBe(0);
  });

  it('a meeting from call to followed-up action: agenda topic, registration, sign-in with a proxy, minutes, resolution, action done', async () => {
    const topic = (await api('POST', `/stations/${station}/topics`, resident, { title: '加装电梯' })).json()
      .id as number;
    const created = await api(
      'POST',
      `/stations/${station}/meetings`,
      chair,
      meeting({ agenda: [{ title: '加装电梯方案', topicId: topic }] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    expect((await api('GET', `/topics/${topic}`, chair)).json().status).toBe('onAgenda');

    // Invited by building: the building 1 resident sees it, the building 2 neighbour does not.
    expect((await api('GET', `/meetings/${id}`, resident)).statusCode).toBe(200);
    expect((await api('GET', `/meetings/${id}`, neighbour)).statusCode).toBe(404);
    expect((await api('GET', `/stations/${station}/meetings`, neighbour)).json().items).toEqual([]);

    expect((await api('POST', `/meetings/${id}/registrations`, resident)).statusCode).toBe(200);
    const full = await api('POST', `/meetings/${id}/registrations`, chair);
    expect(full.statusCode).toBe(409); // capacity 1

    const proxyless = await api('POST', `/meetings/${id}/sign-ins`, member, {
      name: '王小明',
      forResidentId: residentIds[1],
    });
    expect(proxyless.statusCode).toBe(400);
    expect(proxyless.json().errors[0].path).toBe('proxyAuthorisation');
    expect(
      (await api('POST', `/meetings/${id}/sign-ins`, resident, { residentId: residentIds[0] })).statusCode,
    ).toBe(403);
    expect(
      (await api('POST', `/meetings/${id}/sign-ins`, member, { residentId: residentIds[0] })).statusCode,
    ).toBe(201);
    expect(
      (await api('POST', `/meetings/${id}/sign-ins`, member, { residentId: residentIds[0] })).statusCode,
    ).toBe(409);
    const proxy = await api('POST', `/meetings/${id}/sign-ins`, member, {
      name: '王小明',
      forResidentId: residentIds[1],
      proxyAuthorisation: '委托书（2026-11-20 签字），见附件',
    });
    expect(proxy.statusCode, proxy.body).toBe(201);
    expect(
      (await api('POST', `/meetings/${id}/sign-ins`, member, { name: '物业赵经理', organisation: '物业' }))
        .statusCode,
    ).toBe(201);

    expect(
      (await api('PUT', `/meetings/${id}/minutes`, chair, { minutes: '到会12户，同意加装。' })).statusCode,
    ).toBe(200);
    const resolution = (
      await api('POST', `/meetings/${id}/resolutions`, chair, { text: '同意1幢加装电梯，下月表决' })
    ).json().id;
    const action = await api('POST', `/meetings/${id}/actions`, chair, {
      title: '联系电梯厂家报价',
      ownerName: '王建国',
      ownerUserId: null,
      dueOn: '2026-12-31',
      topicId: topic,
      resolutionId: resolution,
    });
    expect(action.statusCode, action.body).toBe(201);
    const badDue = await api('POST', `/meetings/${id}/actions`, chair, {
      title: 'x',
      ownerName: 'y',
      dueOn: '2026-02-30',
    });
    expect(badDue.statusCode).toBe(400);

    // The owner picker: the station's officers and those who took part, never someone from elsewhere.
    const people = await api('GET', `/meetings/${id}/people`, chair);
    expect(people.statusCode, people.body).toBe(200);
    const picked = people.json().items as { userId: number; name: string; why: string[] }[];
    expect(picked.find((p) => p.userId === residentUser)?.why).toContain('registered');
    expect(picked.some((p) => p.why.includes('staff'))).toBe(true);
    expect(picked.some((p) => p.userId === outsiderUser)).toBe(false);
    expect((await api('GET', `/meetings/${id}/people`, resident)).statusCode).toBe(403);
    expect((await api('GET', `/meetings/${id}/people`, outsider)).statusCode).toBe(404);
    const elsewhere = await api('POST', `/meetings/${id}/actions`, chair, {
      title: '外站人员',
      ownerName: '外站理事长',
      ownerUserId: outsiderUser,
      dueOn: '2026-12-31',
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors[0].path).toBe('ownerUserId');
    const owned = await api('POST', `/meetings/${id}/actions`, chair, {
      title: '收集1幢住户意见',
      ownerName: '随便写的名字',
      ownerUserId: residentUser,
      dueOn: '2026-12-31',
    });
    expect(owned.statusCode, owned.body).toBe(201);
    expect(owned.json().ownerName).toBe(picked.find((p) => p.userId === residentUser)?.name);
    // Its owner, a resident, marks it done themselves.
    const doneByOwner = await api('POST', `/actions/${owned.json().id}/done`, resident, { note: '已收齐' });
    expect(doneByOwner.json()).toMatchObject({ status: 'done', doneNote: '已收齐' });

    const seenByStaff = (await api('GET', `/meetings/${id}`, chair)).json();
    expect(seenByStaff).toMatchObject({
      status: 'held',
      attended: 3,
      registered: 1,
      minutes: '到会12户，同意加装。',
    });
    expect(seenByStaff.attendance[1]).toMatchObject({
      name: '王小明',
      forResidentId: residentIds[1],
      forResidentName: expect.any(String),
      proxyAuthorisation: '委托书（2026-11-20 签字），见附件',
    });
    expect((await api('GET', `/meetings/${id}`, resident)).json().attendance).toBeNull();

    const actionId = action.json().id as number;
    expect((await api('POST', `/actions/${actionId}/done`, resident, { note: '' })).statusCode).toBe(403);
    const done = await api('POST', `/actions/${actionId}/done`, chair, { note: '已收到三家报价' });
    expect(done.json()).toMatchObject({ status: 'done', doneNote: '已收到三家报价' });
    expect((await api('POST', `/actions/${actionId}/done`, chair, { note: '' })).statusCode).toBe(409);
    const onTopic = (await api('GET', `/topics/${topic}`, resident)).json();
    expect(onTopic.actions).toHaveLength(1);
    expect(onTopic.meetings).toEqual([
      expect.objectContaining({ id, title: '1幢加装电梯议事会', kind: 'residents' }),
    ]);
    expect(onTopic.supportThreshold).toBe(10);
    expect(onTopic.actions[0].status).toBe('done');

    // The formal submission for a higher channel gathers it all; residents cannot export it.
    expect((await api('GET', `/topics/${topic}/submission`, resident)).statusCode).toBe(404);
    const submission = (await api('GET', `/topics/${topic}/submission`, chair)).json();
    expect(submission.topic).toMatchObject({ title: '加装电梯', source: 'resident' });
    expect(submission.meetings).toEqual([
      expect.objectContaining({ attended: 3, proxies: 1, minutes: '到会12户，同意加装。', resolutions: [] }),
    ]);
    expect(submission.actions[0]).toMatchObject({ title: '联系电梯厂家报价', status: 'done' });
  });

  it('a planned meeting is called off with its reason; nothing more happens to it', async () => {
    const id = (
      await api('POST', `/stations/${station}/meetings`, chair, meeting({ title: '雨天取消的议事会' }))
    ).json().id as number;
    const cancel = (who: string, body: object) => api('POST', `/meetings/${id}/cancel`, who, body);
    expect((await cancel(member, { reason: '下雨' })).statusCode).toBe(403);
    expect((await cancel(outsider, { reason: '下雨' })).statusCode).toBe(404);
    const blank = await cancel(chair, { reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect((await api('GET', `/meetings/${id}`, chair)).json().status).toBe('planned');
    expect((await cancel(chair, { reason: '台风预警，改期另行通知' })).statusCode).toBe(200);
    const seen = (await api('GET', `/meetings/${id}`, resident)).json();
    expect(seen).toMatchObject({ status: 'cancelled', cancelReason: '台风预警，改期另行通知' });
    expect(seen.abilities.register).toBe(false);
    expect((await api('POST', `/meetings/${id}/registrations`, resident)).statusCode).toBe(409);
    const again = await cancel(chair, { reason: '再取消' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('尚未召开');
    expect((await api('PUT', `/meetings/${id}/minutes`, chair, { minutes: 'x' })).statusCode).toBe(409);
    expect(
      (await api('POST', `/meetings/${id}/resolutions`, chair, { text: '取消后的决议' })).statusCode,
    ).toBe(409);
    const lateAction = await api('POST', `/meetings/${id}/actions`, chair, {
      title: '取消后的事项',
      ownerName: '王建国',
      dueOn: '2026-12-31',
    });
    expect(lateAction.statusCode).toBe(409);
    const kept = await ctx.db.execute<{ n: string }>(sql`select
      (select count(*) from deliberation_resolutions where meeting_id = ${id})
      + (select count(*) from deliberation_action_items where meeting_id = ${id}) as n`);
    expect(Number(kept.rows[0]!.n)).toBe(0);
  });

  it('invitations by role reach those holding the role at the station, and only them', async () => {
    await makeUser(ctx, {
      phone: '13700000011',
      role: 'buildingLeader',
      stationId: station,
      path: building1Path,
    });
    await makeUser(ctx, { phone: '13700000012', role: 'ownersCommittee', stationId: station });
    await makeUser(ctx, { phone: '13700000013', role: 'propertyStaff', stationId: station });
    const [leaderCookie, committee, property] = await Promise.all(
      ['13700000011', '13700000012', '13700000013'].map((p) => ctx.login(p)),
    );
    const id = (
      await api(
        'POST',
        `/stations/${station}/meetings`,
        chair,
        meeting({
          kind: 'joint',
          title: '业委会与物业联席会议',
          capacity: null,
          inviteGroups: ['ownersCommittee', 'buildingLeaders'],
          inviteBuildingIds: [],
        }),
      )
    ).json().id as number;
    for (const who of [committee!, leaderCookie!]) {
      expect((await api('GET', `/meetings/${id}`, who)).statusCode).toBe(200);
      const list = await api('GET', `/stations/${station}/meetings`, who);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items.map((m: { id: number }) => m.id)).toContain(id);
      expect((await api('POST', `/meetings/${id}/registrations`, who)).statusCode).toBe(200);
    }
    // Not invited: the property company (not in the groups), residents, another station's chair.
    expect((await api('GET', `/meetings/${id}`, property!)).statusCode).toBe(404);
    expect((await api('GET', `/stations/${station}/meetings`, property!)).json().items).toEqual([]);
    expect((await api('POST', `/meetings/${id}/registrations`, property!)).statusCode).toBe(404);
    expect((await api('GET', `/meetings/${id}`, resident)).statusCode).toBe(404);
    expect((await api('GET', `/meetings/${id}`, outsider)).statusCode).toBe(404);

    // Every household: residents of any building see it; the property company still only by its group.
    const all = (
      await api(
        'POST',
        `/stations/${station}/meetings`,
        chair,
        meeting({
          title: '全体居民议事会',
          inviteGroups: ['allHouseholds', 'propertyStaff'],
          inviteBuildingIds: [],
        }),
      )
    ).json().id as number;
    for (const who of [resident, neighbour, property!]) {
      expect((await api('GET', `/meetings/${all}`, who)).statusCode).toBe(200);
    }
    expect((await api('GET', `/meetings/${all}`, committee!)).statusCode).toBe(404);
  });
});
