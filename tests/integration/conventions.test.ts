import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';

let ctx: TestContext;
let station: number;
let compound: number;
let chair: string;
let resident: string;
let outsider: string;

const api = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, body?: object) =>
  ctx.call(method, `/api/v1${url}`, cookie, body);

beforeAll(async () => {
  ctx = await useTestApp();
  const city = await makeCity(ctx, 6);
  station = city.east.compound.stationId;
  compound = city.east.compound.compoundId;
  await makeUser(ctx, { phone: '13700000001', role: 'chair', stationId: station });
  chair = await ctx.login('13700000001');
  await makeUser(ctx, { phone: '13700000003', role: 'chair', stationId: city.west.compound.stationId });
  outsider = await ctx.login('13700000003');
  const id = await makeUser(ctx, { phone: '13600000001' });
  await ctx.db.execute(
    sql`update people_residents set user_id = ${id}, verified_at = now() where phone = '13907000000'`,
  );
  resident = await ctx.login('13600000001');
});

/** A yes / no vote among households, by simple majority, that the resident carries alone. */
async function vote(choice: 'yes' | 'no', close = true) {
  const id = (
    await api('POST', `/stations/${station}/votes`, chair, {
      title: '通过《文明养犬公约》',
      scope: 'compounds',
      scopeIds: [compound],
      electorate: 'households',
      method: 'yesNo',
      rule: 'simpleMajority',
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
    })
  ).json().id as number;
  await api('POST', `/votes/${id}/open`, chair);
  expect((await api('POST', `/votes/${id}/ballots`, resident, { choices: [choice] })).statusCode).toBe(201);
  if (close) await api('POST', `/votes/${id}/close`, chair);
  return id;
}

describe('conventions', () => {
  it('requires authentication and rejects bad input', async () => {
    expect((await api('GET', `/stations/${station}/conventions`)).statusCode).toBe(401);
    expect(
      (await api('POST', `/stations/${station}/conventions`, chair, { title: '', body: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (await api('POST', `/stations/${station}/conventions`, resident, { title: '公约', body: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await api('GET', `/stations/${station}/conventions`, outsider)).statusCode).toBe(404);
  });

  it('drafted, adopted by a passed vote, published, versioned; breaches recorded and referred', async () => {
    const id = (
      await api('POST', `/stations/${station}/conventions`, chair, {
        title: '文明养犬公约',
        body: '第一条 出门拴绳。',
      })
    ).json().id as number;
    expect((await api('GET', `/stations/${station}/conventions`, resident)).json().items).toEqual([]);
    expect((await api('GET', `/conventions/${id}`, resident)).statusCode).toBe(404);

    expect((await api('POST', `/conventions/${id}/versions/1/publish`, chair)).statusCode).toBe(409); // no vote yet
    const open = await vote('yes', false);
    expect((await api('PUT', `/conventions/${id}/versions/1/vote`, chair, { voteId: open })).statusCode).toBe(
      200,
    );
    expect((await api('POST', `/conventions/${id}/versions/1/publish`, chair)).statusCode).toBe(409); // still open
    await api('POST', `/votes/${open}/close`, chair);
    expect((await api('POST', `/conventions/${id}/versions/1/publish`, chair)).statusCode).toBe(200);
    expect((await api('POST', `/conventions/${id}/versions/1/publish`, chair)).statusCode).toBe(409);

    const seen = (await api('GET', `/conventions/${id}`, resident)).json();
    expect(seen.versions).toEqual([
      expect.objectContaining({ version: 1, status: 'published', body: '第一条 出门拴绳。' }),
    ]);
    expect(seen.breaches).toBeNull();

    // Version 2 fails its vote: version 1 stays in force.
    expect(
      (
        await api('POST', `/conventions/${id}/versions`, chair, {
          body: '第一条 出门拴绳，牵绳不超过1.5米。',
        })
      ).json().version,
    ).toBe(2);
    expect((await api('POST', `/conventions/${id}/versions`, chair, { body: '另一稿' })).statusCode).toBe(
      409,
    );
    // The vote that adopted version 1 cannot adopt version 2 too.
    const reused = await api('PUT', `/conventions/${id}/versions/2/vote`, chair, { voteId: open });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().errors[0].path).toBe('voteId');
    await api('PUT', `/conventions/${id}/versions/2/vote`, chair, { voteId: await vote('no') });
    expect((await api('POST', `/conventions/${id}/versions/2/publish`, chair)).statusCode).toBe(409);
    expect((await api('GET', `/stations/${station}/conventions`, resident)).json().items[0]).toMatchObject({
      inForce: 1,
      draft: null, // residents do not learn a draft exists
    });
    expect((await api('GET', `/stations/${station}/conventions`, chair)).json().items[0]).toMatchObject({
      inForce: 1,
      draft: 2,
    });

    const future = await api('POST', `/conventions/${id}/breaches`, chair, {
      occurredOn: '2099-01-01',
      place: '3幢',
      description: '未拴绳',
    });
    expect(future.statusCode).toBe(400);
    expect(
      (
        await api('POST', `/conventions/${id}/breaches`, resident, {
          occurredOn: '2026-11-01',
          place: '3幢',
          description: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const breach = (
      await api('POST', `/conventions/${id}/breaches`, chair, {
        occurredOn: '2026-11-01',
        place: '3幢门口',
        description: '大型犬未拴绳，惊吓儿童',
      })
    ).json().id as number;
    // Breaches are the staff's record: a resident does not see them at all.
    expect((await api('POST', `/breaches/${breach}/resolve`, resident, { note: '' })).statusCode).toBe(404);
    expect((await api('POST', `/breaches/${breach}/refer`, chair, { department: '' })).statusCode).toBe(400);
    expect(
      (
        await api('POST', `/breaches/${breach}/refer`, chair, {
          department: '街道综合行政执法队',
          note: '多次劝导无效',
        })
      ).statusCode,
    ).toBe(200);
    expect((await api('POST', `/breaches/${breach}/refer`, chair, { department: '派出所' })).statusCode).toBe(
      409,
    );
    expect((await api('POST', `/breaches/${breach}/resolve`, chair, { note: '已处罚教育' })).statusCode).toBe(
      200,
    );
    const staff = (await api('GET', `/conventions/${id}`, chair)).json();
    expect(staff.breaches[0]).toMatchObject({
      version: 1,
      status: 'resolved',
      referredTo: '街道综合行政执法队',
      note: '多次劝导无效',
      resolutionNote: '已处罚教育',
    });
  });
});
