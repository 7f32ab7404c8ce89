import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/modules/audit/audit.tables.ts';
import { households } from '../../src/modules/places/places.tables.ts';
import { type TestContext, useTestApp } from '../support/harness.ts';

// Runs on the demo install: 汪源社区's social worker, 南江绿苑's chair, the two demo residents.
let t: TestContext;
let worker: string;
let chair: string;
let newcomer: string;
let verified: string;
let householdId: number;

const call = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  cookie?: string,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...headers },
    ...(payload ? { payload } : {}),
  });

beforeAll(async () => {
  t = await useTestApp({ demo: true });
  worker = await t.login('13800000002');
  chair = await t.login('13800000003');
  newcomer = await t.login('13800000011');
  verified = await t.login('13800000010');
  const [h] = await t.db.select().from(households).where(eq(households.label, '3幢2单元502'));
  householdId = h!.id;
});

describe('verification claims', () => {
  it('requires authentication and rejects bad input', async () => {
    expect((await call('POST', '/api/v1/verification-claims', undefined, {})).statusCode).toBe(401);
    const bad = await call('POST', '/api/v1/verification-claims', newcomer, {
      householdId: -1,
      claimedName: '',
      relation: 'landlord',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toHaveLength(3);
  });

  it('goes from claim to the queue to verified, and the resident then sees the household', async () => {
    const claim = await call('POST', '/api/v1/verification-claims', newcomer, {
      householdId,
      claimedName: '马小明',
      relation: 'tenant',
    });
    expect(claim.statusCode).toBe(201);
    expect(claim.json().status).toBe('pending');
    const dup = await call('POST', '/api/v1/verification-claims', newcomer, {
      householdId,
      claimedName: '马小明',
      relation: 'tenant',
    });
    expect(dup.statusCode).toBe(409);

    const queue = (await call('GET', '/api/v1/verification-claims?status=pending', worker)).json();
    const item = queue.items.find((c: { id: number }) => c.id === claim.json().id);
    expect(item).toMatchObject({ householdLabel: '3幢2单元502', claimedName: '马小明', rosterMatch: false });
    expect((await call('GET', '/api/v1/verification-claims', newcomer)).statusCode).toBe(403);

    const decided = await call('POST', `/api/v1/verification-claims/${item.id}/decide`, worker, {
      decision: 'verify',
    });
    expect(decided.json()).toEqual({ status: 'verified' });
    const again = await call('POST', `/api/v1/verification-claims/${item.id}/decide`, worker, {
      decision: 'verify',
    });
    expect(again.statusCode).toBe(409);

    const me = (await call('GET', '/api/v1/me', newcomer)).json();
    expect(me.households).toEqual([
      expect.objectContaining({ label: '3幢2单元502', compoundName: '南江绿苑', relation: 'tenant' }),
    ]);
    const inbox = (await call('GET', '/api/v1/inbox', newcomer)).json();
    expect(inbox.items[0].title).toBe('房屋认证已通过');
  });

  it('links a second household to the same resident', async () => {
    const claim = await call('POST', '/api/v1/verification-claims', newcomer, {
      householdId: householdId + 2,
      claimedName: '马小明',
      relation: 'member',
    });
    const decided = await call('POST', `/api/v1/verification-claims/${claim.json().id}/decide`, worker, {
      decision: 'verify',
    });
    expect(decided.statusCode).toBe(200);
    const me = (await call('GET', '/api/v1/me', newcomer)).json();
    expect(me.households).toHaveLength(2);
  });

  it('verifies at once when the roster lists the claimant by name and phone', async () => {
    // The demo roster lists 林阿姨 (13800000010) at 1幢1单元101; a second account claim with her phone is the same person.
    const [h] = await t.db.select().from(households).where(eq(households.label, '1幢1单元101'));
    const res = await call('POST', '/api/v1/verification-claims', verified, {
      householdId: h!.id,
      claimedName: '林阿姨',
      relation: 'owner',
    });
    expect(res.json().status).toBe('verified');
  });

  it('a reject needs a reason', async () => {
    const claim = await call('POST', '/api/v1/verification-claims', newcomer, {
      householdId: householdId + 1,
      claimedName: '马小明',
      relation: 'owner',
    });
    const noReason = await call('POST', `/api/v1/verification-claims/${claim.json().id}/decide`, chair, {
      decision: 'reject',
    });
    expect(noReason.statusCode).toBe(400);
    const ok = await call('POST', `/api/v1/verification-claims/${claim.json().id}/decide`, chair, {
      decision: 'reject',
      reason: '房屋信息不符',
    });
    expect(ok.json().status).toBe('rejected');
  });
});

describe('acting for a resident', () => {
  it('records both people when staff act for a resident, and refuses others', async () => {
    const [h] = await t.db.select().from(households).where(eq(households.label, '1幢1单元102'));
    const detail = (await call('GET', `/api/v1/households/${h!.id}`, worker)).json();
    const residentId = detail.members[0].residentId;
    const council = await t.login('13800000004');
    const res = await call(
      'PATCH',
      `/api/v1/residents/${residentId}`,
      council,
      { tags: ['独居老人'] },
      { 'x-on-behalf-of': String(residentId) },
    );
    expect(res.statusCode).toBe(200);
    const [row] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'resident.update'), eq(auditEvents.subjectId, String(residentId))));
    expect(row!.onBehalfOfResidentId).toBe(residentId);
    expect(row!.actorUserId).not.toBeNull();
    // The newcomer is no proxy of theirs.
    const refused = await call(
      'PATCH',
      `/api/v1/residents/${residentId}`,
      newcomer,
      { tags: [] },
      { 'x-on-behalf-of': String(residentId) },
    );
    expect(refused.statusCode).toBe(403);
    // Once registered as a proxy, they may.
    expect(
      (
        await call('POST', `/api/v1/residents/${residentId}/proxies`, chair, {
          phone: '13800000011',
          note: '女儿',
        })
      ).statusCode,
    ).toBe(201);
    // The same proxy twice is a conflict, not a second row.
    expect(
      (await call('POST', `/api/v1/residents/${residentId}/proxies`, chair, { phone: '13800000011' }))
        .statusCode,
    ).toBe(409);
    const allowed = await call(
      'PATCH',
      `/api/v1/residents/${residentId}`,
      newcomer,
      { birthYear: 1941 },
      { 'x-on-behalf-of': String(residentId) },
    );
    expect(allowed.statusCode).toBe(200);
    const nameChange = await call(
      'PATCH',
      `/api/v1/residents/${residentId}`,
      newcomer,
      { name: '改名' },
      { 'x-on-behalf-of': String(residentId) },
    );
    expect(nameChange.statusCode).toBe(403);
  });
});

describe('GET /audit', () => {
  it('requires authentication', async () => {
    expect((await call('GET', '/api/v1/audit')).statusCode).toBe(401);
  });

  it('shows an admin everything below their node and nothing else', async () => {
    const mine = (await call('GET', '/api/v1/audit?limit=100', chair)).json().items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e: { stationId: number | null }) => e.stationId === mine[0].stationId)).toBe(true);
    const platform = (await call('GET', '/api/v1/audit?limit=100', await t.login('13800000001'))).json()
      .items;
    expect(platform.some((e: { action: string }) => e.action === 'demo.seed')).toBe(true);
    expect((await call('GET', '/api/v1/audit', newcomer)).statusCode).toBe(403);
  });
});
