import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';

let ctx: TestContext;
let station: number;
let chair: string;
let outsider: string;
const people: string[] = [];
const userIds: number[] = [];

const api = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, body?: object) =>
  ctx.call(method, `/api/v1${url}`, cookie, body);
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

beforeAll(async () => {
  ctx = await useTestApp();
  const city = await makeCity(ctx, 12);
  station = city.east.compound.stationId;
  await makeUser(ctx, { phone: '13700000001', role: 'chair', stationId: station });
  chair = await ctx.login('13700000001');
  await makeUser(ctx, { phone: '13700000003', role: 'chair', stationId: city.west.compound.stationId });
  outsider = await ctx.login('13700000003');
  for (const i of [0, 1, 2]) {
    const id = await makeUser(ctx, { phone: `1360000000${i}` });
    userIds.push(id);
    await ctx.db.execute(
      sql`update people_residents set user_id = ${id}, verified_at = now() where phone = ${`1390700000${i}`}`,
    );
    people.push(await ctx.login(`1360000000${i}`));
  }
});

describe('Open Space', () => {
  it('three participants post topics, join and move between groups, report, dot-vote; an action plan comes out', async () => {
    const id = (
      await api('POST', `/stations/${station}/meetings`, chair, {
        kind: 'openSpace',
        title: '我们的小区花园',
        startsAt: inHours(1),
        endsAt: inHours(4),
        place: '小区广场',
        inviteGroups: ['allHouseholds'],
        dotsPerPerson: 3,
      })
    ).json().id as number;
    expect((await api('GET', `/meetings/${id}/space`)).statusCode).toBe(401);
    expect((await api('GET', `/meetings/${id}/space`, outsider)).statusCode).toBe(404);
    const slot = (
      await api('POST', `/meetings/${id}/space/slots`, chair, { name: '第一轮 14:00–14:45' })
    ).json().id;
    const [a, b] = [
      (await api('POST', `/meetings/${id}/space/places`, chair, { name: 'A 桌' })).json().id,
      (await api('POST', `/meetings/${id}/space/places`, chair, { name: 'B 桌' })).json().id,
    ];
    expect((await api('POST', `/meetings/${id}/space/slots`, people[0], { name: '第二轮' })).statusCode).toBe(
      403,
    );

    const [t1, t2, t3] = await Promise.all(
      ['花园里种什么', '儿童游乐区', '宠物便便怎么办'].map(
        async (title, i) =>
          (await api('POST', `/meetings/${id}/space/topics`, people[i], { title })).json().id as number,
      ),
    );
    expect((await api('POST', `/meetings/${id}/space/topics`, people[0], { title: '' })).statusCode).toBe(
      400,
    );
    expect(
      (await api('PUT', `/space-topics/${t1}/cell`, chair, { slotId: slot, placeId: a })).statusCode,
    ).toBe(200);
    expect(
      (await api('PUT', `/space-topics/${t2}/cell`, chair, { slotId: slot, placeId: b })).statusCode,
    ).toBe(200);
    expect(
      (await api('PUT', `/space-topics/${t3}/cell`, chair, { slotId: slot, placeId: b })).statusCode,
    ).toBe(409);
    expect(
      (await api('PUT', `/space-topics/${t3}/cell`, people[2], { slotId: slot, placeId: a })).statusCode,
    ).toBe(403);
    expect((await api('POST', `/space-topics/${t3}/join`, people[2])).statusCode).toBe(409); // not on the grid

    // Everyone joins the garden group; then the third moves to the playground (the law of two feet).
    for (const p of people) expect((await api('POST', `/space-topics/${t1}/join`, p)).statusCode).toBe(200);
    const moved = await api('POST', `/space-topics/${t2}/join`, people[2]);
    expect(moved.json()).toEqual({ ok: true, movedFrom: t1 });
    expect((await api('POST', `/space-topics/${t1}/recorder`, people[2])).statusCode).toBe(403); // left the group
    expect((await api('POST', `/space-topics/${t1}/recorder`, people[1])).statusCode).toBe(200);
    expect((await api('PUT', `/space-topics/${t1}/report`, people[2], { report: 'x' })).statusCode).toBe(403);
    expect(
      (await api('PUT', `/space-topics/${t1}/report`, people[1], { report: '种月季和桂花，居民认养' }))
        .statusCode,
    ).toBe(200);

    expect(
      (await api('PUT', `/meetings/${id}/space/dots`, people[0], { dots: [{ spaceTopicId: t1, dots: 4 }] }))
        .statusCode,
    ).toBe(400);
    for (const p of people) {
      const res = await api('PUT', `/meetings/${id}/space/dots`, p, {
        dots: [
          { spaceTopicId: t1, dots: 2 },
          { spaceTopicId: t2, dots: 1 },
        ],
      });
      expect(res.statusCode).toBe(200);
    }
    const board = (await api('GET', `/meetings/${id}/space`, people[0])).json();
    const garden = board.topics.find((t: { id: number }) => t.id === t1);
    expect(garden).toMatchObject({
      members: 2,
      dots: 6,
      report: '种月季和桂花，居民认养',
      slotId: slot,
      placeId: a,
      isConvener: true,
    });
    expect(board.topics.find((t: { id: number }) => t.id === t2)).toMatchObject({ members: 1, dots: 3 });
    expect(board.myDots).toBe(3);

    expect(
      (
        await api('POST', `/space-topics/${t1}/plans`, people[1], {
          title: 'x',
          ownerName: 'y',
          dueOn: '2027-03-01',
        })
      ).statusCode,
    ).toBe(403);
    // The convener picks the owner among the room's groups (and the station's officers).
    const picks = await api('GET', `/meetings/${id}/people`, people[0]);
    expect(picks.statusCode, picks.body).toBe(200);
    const inGroups = picks.json().items.filter((p: { why: string[] }) => p.why.includes('group'));
    expect(inGroups.map((p: { userId: number }) => p.userId).sort()).toEqual([...userIds].sort());
    expect((await api('GET', `/meetings/${id}/people`, outsider)).statusCode).toBe(404);
    const plan = await api('POST', `/space-topics/${t1}/plans`, people[0], {
      title: '三月植树日认养花木',
      ownerName: '林阿姨',
      ownerUserId: userIds[1],
      dueOn: '2027-03-12',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    expect(plan.json().ownerUserId).toBe(userIds[1]);
    const after = (await api('GET', `/meetings/${id}/space`, chair)).json();
    expect(after.topics.find((t: { id: number }) => t.id === t1).plans[0]).toMatchObject({
      title: '三月植树日认养花木',
      status: 'open',
    });
    expect((await api('GET', `/meetings/${id}`, people[2])).json().actions).toHaveLength(1);
  });

  it('a cancelled Open Space keeps its board to read and refuses every change', async () => {
    const id = (
      await api('POST', `/stations/${station}/meetings`, chair, {
        kind: 'openSpace',
        title: '取消的开放空间',
        startsAt: inHours(1),
        endsAt: inHours(3),
        place: '小区广场',
        inviteGroups: ['allHouseholds'],
      })
    ).json().id as number;
    const topic = (await api('POST', `/meetings/${id}/space/topics`, people[0], { title: '停车' })).json().id;
    expect((await api('POST', `/meetings/${id}/cancel`, chair, { reason: '暴雨' })).statusCode).toBe(200);
    const board = await api('GET', `/meetings/${id}`, people[1]);
    expect(board.json().status).toBe('cancelled');
    const space = (await api('GET', `/meetings/${id}/space`, people[1])).json();
    expect(space).toMatchObject({ status: 'cancelled', topics: [expect.objectContaining({ id: topic })] });
    const join = await api('POST', `/space-topics/${topic}/join`, people[1]);
    expect(join.statusCode).toBe(409);
    expect(join.json().detail).toContain('会议已取消');
    expect((await api('POST', `/meetings/${id}/space/topics`, people[1], { title: '垃圾' })).statusCode).toBe(
      409,
    );
    expect((await api('POST', `/meetings/${id}/space/slots`, chair, { name: '第一轮' })).statusCode).toBe(
      409,
    );
  });
});
