import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';

let ctx: TestContext;
let station: number;
let chair: string;
let outsider: string;
let building1Path: string;
const residents: string[] = [];

beforeAll(async () => {
  ctx = await useTestApp();
  const city = await makeCity(ctx, 12);
  station = city.east.compound.stationId;
  building1Path = city.east.compound.building1Path;
  await makeUser(ctx, { phone: '13700000001', role: 'chair', stationId: station });
  chair = await ctx.login('13700000001');
  await makeUser(ctx, { phone: '13700000003', role: 'chair', stationId: city.west.compound.stationId });
  outsider = await ctx.login('13700000003');
  for (const i of [0, 1, 2]) {
    const id = await makeUser(ctx, { phone: `1360000000${i}` });
    await ctx.db.execute(
      sql`update people_residents set user_id = ${id}, verified_at = now() where phone = ${`1390700000${i}`}`,
    );
    residents.push(await ctx.login(`1360000000${i}`));
  }
});

const api = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, body?: object) =>
  ctx.call(method, `/api/v1${url}`, cookie, body);

describe('topics', () => {
  it('requires authentication', async () => {
    expect((await api('GET', `/stations/${station}/topics`)).statusCode).toBe(401);
  });

  it('rejects bad input and foreign stations', async () => {
    expect((await api('POST', `/stations/${station}/topics`, residents[0], { title: '' })).statusCode).toBe(
      400,
    );
    expect(
      (await api('POST', `/stations/${station}/topics`, residents[0], { title: 'a\u0000b' })).statusCode,
    ).toBe(400);
    expect((await api('GET', `/stations/${station}/topics`, outsider)).statusCode).toBe(404);
    const fromRequests = await api('POST', `/stations/${station}/topics`, chair, {
      title: '停车难',
      requestIds: [999999],
    });
    expect(fromRequests.statusCode).toBe(400);
  });

  it('a resident raises a topic; supporters put it on the agenda at the threshold; the chair decides it', async () => {
    expect(
      (await api('PUT', `/stations/${station}/topic-settings`, residents[0], { supportThreshold: 2 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await api('PUT', `/stations/${station}/topic-settings`, chair, { supportThreshold: 2 })).statusCode,
    ).toBe(200);
    const raised = await api('POST', `/stations/${station}/topics`, residents[0], {
      title: '楼道加装扶手',
      body: '老人上下楼不便',
      source: 'council',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const id = raised.json().id as number;
    const topic = (await api('GET', `/topics/${id}`, residents[1])).json();
    expect(topic).toMatchObject({ source: 'resident', status: 'proposed', canSupport: true });

    expect((await api('POST', `/topics/${id}/support`, residents[1])).json()).toEqual({
      supportCount: 1,
      status: 'proposed',
    });
    expect((await api('POST', `/topics/${id}/support`, residents[1])).statusCode).toBe(409);
    expect((await api('POST', `/topics/${id}/support`, residents[2])).json()).toEqual({
      supportCount: 2,
      status: 'onAgenda',
    });
    expect((await api('POST', `/topics/${id}/support`, chair)).statusCode).toBe(403);

    expect((await api('POST', `/topics/${id}/move`, residents[0], { move: 'deliberate' })).statusCode).toBe(
      403,
    );
    expect(
      (await api('POST', `/topics/${id}/move`, chair, { move: 'decide', outcome: 'project' })).statusCode,
    ).toBe(409);
    expect((await api('POST', `/topics/${id}/move`, chair, { move: 'deliberate' })).json().status).toBe(
      'inDeliberation',
    );
    const noOutcome = await api('POST', `/topics/${id}/move`, chair, { move: 'decide' });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().errors[0].path).toBe('outcome');
    const noConvention = await api('POST', `/topics/${id}/move`, chair, {
      move: 'decide',
      outcome: 'convention',
      outcomeId: 999999,
    });
    expect(noConvention.statusCode).toBe(400);
    expect(noConvention.json().errors[0].path).toBe('outcomeId');
    const decided = await api('POST', `/topics/${id}/move`, chair, {
      move: 'decide',
      outcome: 'reply',
      outcomeNote: '由物业在一个月内安装',
    });
    expect(decided.json().status).toBe('decided');
    expect(
      (await api('POST', `/topics/${id}/move`, chair, { move: 'decline', reason: '不' })).statusCode,
    ).toBe(409);
    const list = (await api('GET', `/stations/${station}/topics?status=decided`, residents[2])).json();
    expect(list.items.map((t: { id: number }) => t.id)).toEqual([id]);
    expect(list.items[0].outcomeNote).toBe('由物业在一个月内安装');
  });

  it('says per topic who may support it, and who may export its submission', async () => {
    // A building leader is staff of a building and a resident of the station: they support like any resident.
    const leaderId = await makeUser(ctx, {
      phone: '13700000004',
      role: 'buildingLeader',
      stationId: station,
      path: building1Path,
    });
    await ctx.db.execute(
      sql`update people_residents set user_id = ${leaderId}, verified_at = now() where phone = '13907000003'`,
    );
    const leader = await ctx.login('13700000004');
    await makeUser(ctx, { phone: '13700000005', role: 'councilMember', stationId: station });
    const member = await ctx.login('13700000005');
    const id = (await api('POST', `/stations/${station}/topics`, chair, { title: '增设快递柜' })).json()
      .id as number;
    const itemFor = async (who: string) =>
      (await api('GET', `/stations/${station}/topics`, who))
        .json()
        .items.find((x: { id: number }) => x.id === id);
    expect((await itemFor(leader)).canSupport).toBe(true);
    expect((await itemFor(chair)).canSupport).toBe(false);
    expect((await api('POST', `/topics/${id}/support`, leader)).statusCode).toBe(200);
    expect((await itemFor(leader)).canSupport).toBe(false);
    // Every topic of the list says whether this user supported it: this one, and no other.
    const all = (await api('GET', `/stations/${station}/topics`, leader)).json().items as {
      id: number;
      supportedByMe: boolean;
    }[];
    expect(all.length).toBeGreaterThan(1);
    for (const x of all) expect(x.supportedByMe, `topic ${x.id}`).toBe(x.id === id);

    const detail = async (who: string) => (await api('GET', `/topics/${id}`, who)).json();
    expect(await detail(member)).toMatchObject({ canManage: false, canExport: true });
    expect(await detail(chair)).toMatchObject({ canManage: true, canExport: true });
    expect(await detail(leader)).toMatchObject({ canExport: false });
    expect((await api('GET', `/topics/${id}/submission`, member)).statusCode).toBe(200);
    expect((await api('GET', `/topics/${id}/submission`, leader)).statusCode).toBe(404);
  });

  it('a declined topic says why', async () => {
    const id = (
      await api('POST', `/stations/${station}/topics`, chair, { title: '拆除围墙', source: 'partyBranch' })
    ).json().id as number;
    expect((await api('POST', `/topics/${id}/move`, chair, { move: 'decline' })).statusCode).toBe(400);
    await api('POST', `/topics/${id}/move`, chair, {
      move: 'decline',
      reason: '涉及规划，不属于本站议事范围',
    });
    const topic = (await api('GET', `/topics/${id}`, residents[0])).json();
    expect(topic).toMatchObject({
      status: 'declined',
      source: 'partyBranch',
      declinedReason: '涉及规划，不属于本站议事范围',
    });
  });
});
