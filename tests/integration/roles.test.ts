import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { roleGrants, users } from '../../src/modules/accounts/accounts.tables.ts';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';

let t: TestContext;
let city: Awaited<ReturnType<typeof makeCity>>;
let worker: string;
let chair: string;

beforeAll(async () => {
  t = await useTestApp();
  city = await makeCity(t, 24);
  await makeUser(t, { phone: '13900000080', role: 'socialWorker', path: city.east.path });
  await makeUser(t, { phone: '13900000081', role: 'chair', stationId: city.east.compound.stationId });
  await makeUser(t, { phone: '13900000082' });
  worker = await t.login('13900000080');
  chair = await t.login('13900000081');
});

const post = (cookie: string | undefined, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/role-grants', headers: cookie ? { cookie } : {}, payload });

describe('POST /role-grants and DELETE /role-grants/:id', () => {
  it('requires authentication and rejects bad input', async () => {
    expect((await post(undefined, {})).statusCode).toBe(401);
    const bad = await post(worker, { phone: '13900000082', role: 'chair', stationId: 1, areaId: 2 });
    expect(bad.statusCode).toBe(400);
    expect((await post(worker, { phone: '13900000082', role: 'chair', areaId: 1 })).statusCode).toBe(400);
  });

  it('grants a role below the granter’s node, which then reaches what lies below it', async () => {
    const res = await post(worker, {
      phone: '13900000082',
      role: 'buildingLeader',
      buildingId: city.east.compound.building1Id,
    });
    expect(res.statusCode).toBe(201);
    const leader = await t.login('13900000082');
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/households?buildingId=${city.east.compound.building1Id}`,
      headers: { cookie: leader },
    });
    expect(list.statusCode).toBe(200);
    expect(
      (
        await post(worker, {
          phone: '13900000082',
          role: 'buildingLeader',
          buildingId: city.east.compound.building1Id,
        })
      ).statusCode,
    ).toBe(409);

    const [user] = await t.db.select().from(users).where(eq(users.phone, '13900000082'));
    const [grant] = await t.db.select().from(roleGrants).where(eq(roleGrants.userId, user!.id));
    // The chair of the other station cannot see or revoke it; the worker can.
    const westChair = await makeUser(t, {
      phone: '13900000083',
      role: 'chair',
      stationId: city.west.compound.stationId,
    });
    void westChair;
    const west = await t.login('13900000083');
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/role-grants/${grant!.id}`,
          headers: { cookie: west },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/role-grants/${grant!.id}`,
          headers: { cookie: worker },
        })
      ).statusCode,
    ).toBe(200);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/households?buildingId=${city.east.compound.building1Id}`,
      headers: { cookie: leader },
    });
    expect(after.statusCode).toBe(404);
  });

  it('refuses granting outside one’s node, and to a phone without an account', async () => {
    expect(
      (await post(chair, { phone: '13900000082', role: 'chair', stationId: city.west.compound.stationId }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await post(chair, {
          phone: '13900009999',
          role: 'councilMember',
          stationId: city.east.compound.stationId,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await post(chair, {
          phone: '13900000082',
          role: 'councilMember',
          stationId: city.east.compound.stationId,
        })
      ).statusCode,
    ).toBe(201);
  });
});
