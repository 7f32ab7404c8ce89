import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { requestApproval } from '../../src/modules/fund/approvals.ts';
import { fundBudgetLines, fundProjects } from '../../src/modules/fund/projects.tables.ts';
import { fundApprovals } from '../../src/modules/fund/rules.tables.ts';
import { verifyLedger } from '../../src/modules/fund/verify.ts';
import type { AuthedCtx } from '../../src/server/http/context.ts';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';

let ctx: TestContext;
let station: number;
let districtId: number;
let chairId: number;
let chair: string;
let secretary: string;
let socialWorker: string;
let officer: string;
let outsider: string;
let general: number;

const api = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, body?: object) =>
  ctx.call(method, `/api/v1${url}`, cookie, body);

/** The chair's context, as a use case gets it, for opening requests the way the projects module does. */
const chairCtx = (): AuthedCtx => ({
  db: ctx.db,
  user: {
    userId: chairId,
    displayName: '理事长',
    phone: '13700000001',
    largeMode: false,
    locale: 'zh-CN',
    grants: [],
    sessionId: 'test',
  },
  ip: '127.0.0.1',
  userAgent: 'test',
  lang: 'zh-CN',
  onBehalfOf: null,
});

async function balances(): Promise<Map<string, number>> {
  const body = (await api('GET', `/stations/${station}/fund`, chair)).json() as {
    accounts: { name: string; balanceFen: number }[];
  };
  return new Map(body.accounts.map((a) => [a.name, a.balanceFen]));
}

/** A project waiting for approval of its lines (fen), with its budget request opened by the chair. */
async function projectAwaiting(title: string, lines: number[]) {
  const [project] = await ctx.db
    .insert(fundProjects)
    .values({
      stationId: station,
      title,
      summary: '测试项目',
      leadName: '理事长',
      stage: 'approval',
      createdBy: chairId,
    })
    .returning();
  await ctx.db.insert(fundBudgetLines).values(
    lines.map((amountFen, i) => ({
      stationId: station,
      projectId: project!.id,
      position: i + 1,
      name: `预算${i + 1}`,
      amountFen,
      sourceAccountId: general,
    })),
  );
  const request = await ctx.db.transaction((tx) =>
    requestApproval(tx, chairCtx(), {
      stationId: station,
      subject: 'projectBudget',
      projectId: project!.id,
      amountFen: lines.reduce((s, l) => s + l, 0),
      reason: `${title}预算`,
    }),
  );
  return { projectId: project!.id, requestId: request.id };
}

async function heldCouncilMeeting(status: 'held' | 'planned' = 'held') {
  const [row] = await ctx.db
    .execute<{ id: string }>(sql`
    insert into deliberation_meetings (station_id, kind, title, starts_at, ends_at, place, status, created_by)
    values (${station}, 'council', '理事会会议', now() - interval '2 hours', now() - interval '1 hour', '议事厅',
      ${status}, ${chairId}) returning id`)
    .then((r) => r.rows);
  return Number(row!.id);
}

beforeAll(async () => {
  ctx = await useTestApp();
  const city = await makeCity(ctx, 6);
  station = city.east.compound.stationId;
  const districtPath = city.east.compound.communityPath.split('/').slice(0, 3).join('/') + '/';
  districtId = Number(districtPath.split('/')[2]);
  chairId = await makeUser(ctx, { phone: '13700000001', role: 'chair', stationId: station });
  chair = await ctx.login('13700000001');
  await makeUser(ctx, { phone: '13700000002', role: 'secretaryGeneral', stationId: station });
  secretary = await ctx.login('13700000002');
  await makeUser(ctx, { phone: '13700000004', role: 'socialWorker', path: city.east.compound.communityPath });
  socialWorker = await ctx.login('13700000004');
  await makeUser(ctx, { phone: '13700000005', role: 'districtOfficer', path: districtPath });
  officer = await ctx.login('13700000005');
  await makeUser(ctx, { phone: '13700000003', role: 'chair', stationId: city.west.compound.stationId });
  outsider = await ctx.login('13700000003');
  const income = await api('POST', `/stations/${station}/fund/income`, chair, {
    source: 'government',
    amountFen: 3_000_000,
    memo: '财政支持',
    occurredOn: '2026-01-05',
  });
  expect(income.statusCode).toBe(201);
  general = (
    (await api('GET', `/stations/${station}/fund`, chair)).json() as {
      accounts: { id: number; kind: string }[];
    }
  ).accounts.find((a) => a.kind === 'general')!.id;
});

describe('fund rules: approval levels by amount, per district and station', () => {
  it('requires authentication and rejects bad input', async () => {
    expect((await api('GET', `/stations/${station}/fund/rules`)).statusCode).toBe(401);
    for (const bands of [
      { chairMaxFen: -1, councilMaxFen: 10 },
      { chairMaxFen: 1.5, councilMaxFen: 10 },
      { chairMaxFen: '100', councilMaxFen: 10 },
      { chairMaxFen: 300, councilMaxFen: 200 },
    ]) {
      const res = await api('PUT', `/areas/${districtId}/fund/rules`, officer, { bands });
      expect(res.statusCode, JSON.stringify(bands)).toBe(400);
      expect(res.json().errors[0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await api('GET', `/areas/${districtId}/fund/rules`, officer)).json().own).toBeNull();
  });

  it('takes the defaults, then the district, then a stricter station', async () => {
    const start = (await api('GET', `/stations/${station}/fund/rules`, chair)).json();
    expect(start).toMatchObject({
      bands: { chairMaxFen: 200_000, councilMaxFen: 2_000_000 },
      sources: { chairMaxFen: 'default', councilMaxFen: 'default' },
      own: null,
      canSet: true,
    });
    expect((await api('PUT', `/areas/${districtId}/fund/rules`, chair, { bands: null })).statusCode).toBe(
      404,
    );
    const set = await api('PUT', `/areas/${districtId}/fund/rules`, officer, {
      bands: { chairMaxFen: 100_000, councilMaxFen: 1_000_000 },
    });
    expect(set.statusCode).toBe(200);
    const after = (await api('GET', `/stations/${station}/fund/rules`, chair)).json();
    expect(after.bands).toEqual({ chairMaxFen: 100_000, councilMaxFen: 1_000_000 });
    expect(after.sources).toEqual({ chairMaxFen: 'above', councilMaxFen: 'above' });
    // A station may be stricter than its district, never looser.
    const looser = await api('PUT', `/stations/${station}/fund/rules`, chair, {
      bands: { chairMaxFen: 100_000, councilMaxFen: 3_000_000 },
    });
    expect(looser.statusCode).toBe(400);
    expect(looser.json().errors[0].path).toBe('councilMaxFen');
    const stricter = await api('PUT', `/stations/${station}/fund/rules`, chair, {
      bands: { chairMaxFen: 50_000, councilMaxFen: 1_000_000 },
    });
    expect(stricter.json()).toMatchObject({
      bands: { chairMaxFen: 50_000 },
      sources: { chairMaxFen: 'own', councilMaxFen: 'above' },
    });
    expect(
      (await api('PUT', `/stations/${station}/fund/rules`, chair, { bands: null })).json().own,
    ).toBeNull();
    expect((await api('GET', `/stations/${station}/fund/rules`, outsider)).statusCode).toBe(404);
  });
});

describe('approvals', () => {
  it('needs every level the amount reaches, in order, never by the requester, and funds the project', async () => {
    // 25,000 yuan under the district's bands (1,000 / 10,000 yuan): chair, council meeting, community.
    const { projectId, requestId } = await projectAwaiting('楼道改造', [1_500_000, 1_000_000]);
    const before = await balances();
    const first = (await api('GET', `/fund-approvals/${requestId}`, secretary)).json();
    expect(first).toMatchObject({
      levels: ['chair', 'council', 'community'],
      next: 'chair',
      status: 'pending',
    });
    expect(first.abilities.decide).toBe(true);
    expect((await api('GET', `/fund-approvals/${requestId}`, chair)).json().abilities).toEqual({
      decide: false,
      withdraw: true,
    });

    const self = await api('POST', `/fund-approvals/${requestId}/decide`, chair, { decision: 'approve' });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('SELF_APPROVAL');
    expect(
      (await api('POST', `/fund-approvals/${requestId}/decide`, outsider, { decision: 'approve' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await api('POST', `/fund-approvals/${requestId}/decide`, secretary, { decision: 'maybe' })).statusCode,
    ).toBe(400);

    const chairLevel = await api('POST', `/fund-approvals/${requestId}/decide`, secretary, {
      decision: 'approve',
      note: '同意',
    });
    expect(chairLevel.json()).toMatchObject({
      next: 'council',
      decisions: [{ level: 'chair', decision: 'approve' }],
    });

    // The council level names a council meeting of this station that was held.
    const noMeeting = await api('POST', `/fund-approvals/${requestId}/decide`, secretary, {
      decision: 'approve',
    });
    expect(noMeeting.statusCode).toBe(400);
    expect(noMeeting.json().errors[0].path).toBe('meetingId');
    const planned = await heldCouncilMeeting('planned');
    expect(
      (
        await api('POST', `/fund-approvals/${requestId}/decide`, secretary, {
          decision: 'approve',
          meetingId: planned,
        })
      ).statusCode,
    ).toBe(400);
    const meetingId = await heldCouncilMeeting();
    const council = await api('POST', `/fund-approvals/${requestId}/decide`, secretary, {
      decision: 'approve',
      meetingId,
    });
    expect(council.json()).toMatchObject({ next: 'community', status: 'pending' });
    // The community's social worker is told it is their turn.
    const told = await ctx.db.execute<{ n: string }>(sql`
      select count(*) as n from notifications_inbox i join accounts_users u on u.id = i.user_id
      where u.phone = '13700000004' and i.kind = 'fund.approval'`);
    expect(Number(told.rows[0]!.n)).toBe(1);

    // The community level: not the station's own staff.
    expect(
      (await api('POST', `/fund-approvals/${requestId}/decide`, secretary, { decision: 'approve' }))
        .statusCode,
    ).toBe(403);
    const community = await api('POST', `/fund-approvals/${requestId}/decide`, socialWorker, {
      decision: 'approve',
      note: '社区同意',
    });
    expect(community.statusCode).toBe(200);
    expect(community.json()).toMatchObject({ status: 'approved', next: null });

    const [project] = await ctx.db.select().from(fundProjects).where(eq(fundProjects.id, projectId));
    expect(project!.stage).toBe('implementation');
    const after = await balances();
    const general0 = [...before].find(([name]) => name === '自治基金')![1];
    expect(after.get('自治基金')).toBe(general0 - 2_500_000);
    expect(after.get(`项目#${projectId} 楼道改造`)).toBe(2_500_000);
    expect(
      (await api('POST', `/fund-approvals/${requestId}/decide`, socialWorker, { decision: 'approve' }))
        .statusCode,
    ).toBe(409);
    expect((await verifyLedger(ctx.db, station)).ok).toBe(true);

    // Spending beyond a line: approved at the chair level, the line grows and the extra moves in.
    const over = await ctx.db.transaction(async (tx) => {
      const [line] = await tx.select().from(fundBudgetLines).where(eq(fundBudgetLines.projectId, projectId));
      return requestApproval(tx, chairCtx(), {
        stationId: station,
        subject: 'overBudget',
        projectId,
        budgetLineId: line!.id,
        amountFen: 50_000,
        reason: '材料涨价',
      });
    });
    expect(
      (await api('POST', `/fund-approvals/${over.id}/decide`, secretary, { decision: 'approve' })).json()
        .status,
    ).toBe('approved');
    const lines = await ctx.db.select().from(fundBudgetLines).where(eq(fundBudgetLines.projectId, projectId));
    expect(lines.map((l) => l.extraFen).sort()).toEqual([0, 50_000]);
    expect((await balances()).get(`项目#${projectId} 楼道改造`)).toBe(2_550_000);
    const audit = await ctx.db.execute<{ n: string }>(
      sql`select count(*) as n from audit_events where action = 'fund.approval.approve' and station_id = ${station}`,
    );
    expect(Number(audit.rows[0]!.n)).toBe(4);
  });

  it('refuses the final approval when the source cannot pay, recording nothing', async () => {
    const { requestId } = await projectAwaiting('太大的项目', [40_000]);
    const general0 = (await balances()).get('自治基金')!;
    await ctx.db
      .update(fundBudgetLines)
      .set({ amountFen: general0 + 1 })
      .where(eq(fundBudgetLines.amountFen, 40_000));
    const res = await api('POST', `/fund-approvals/${requestId}/decide`, secretary, { decision: 'approve' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INSUFFICIENT_FUNDS');
    expect(await ctx.db.select().from(fundApprovals).where(eq(fundApprovals.requestId, requestId))).toEqual(
      [],
    );
    expect((await api('GET', `/fund-approvals/${requestId}`, chair)).json().status).toBe('pending');
  });

  it('the community level is independent of the station’s, and those who run a project do not approve it', async () => {
    // The social worker may decide the chair's level (a station admin) but then not the community's too.
    await api('POST', `/stations/${station}/fund/income`, chair, {
      source: 'street',
      amountFen: 2_100_000,
      memo: '街道经费',
      occurredOn: '2026-01-06',
    });
    const { requestId } = await projectAwaiting('社区独立审批', [2_100_000]);
    await api('POST', `/fund-approvals/${requestId}/decide`, socialWorker, { decision: 'approve' });
    const meetingId = await heldCouncilMeeting();
    await api('POST', `/fund-approvals/${requestId}/decide`, secretary, { decision: 'approve', meetingId });
    expect((await api('GET', `/fund-approvals/${requestId}`, socialWorker)).json().abilities.decide).toBe(
      false,
    );
    const twice = await api('POST', `/fund-approvals/${requestId}/decide`, socialWorker, {
      decision: 'approve',
    });
    expect(twice.statusCode).toBe(403);
    expect((await api('GET', `/fund-approvals/${requestId}`, chair)).json().decisions).toHaveLength(2);
    expect(
      (await api('POST', `/fund-approvals/${requestId}/decide`, officer, { decision: 'approve' })).json()
        .status,
    ).toBe('approved');

    // The project's lead (here the secretary-general) does not approve its budget.
    const led = await projectAwaiting('秘书长负责的项目', [10_000]);
    const [secretaryRow] = await ctx.db
      .execute<{ id: string }>(sql`select id from accounts_users where phone = '13700000002'`)
      .then((r) => r.rows);
    await ctx.db
      .update(fundProjects)
      .set({ leadUserId: Number(secretaryRow!.id) })
      .where(eq(fundProjects.id, led.projectId));
    expect((await api('GET', `/fund-approvals/${led.requestId}`, secretary)).json().abilities.decide).toBe(
      false,
    );
    const own = await api('POST', `/fund-approvals/${led.requestId}/decide`, secretary, {
      decision: 'approve',
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('SELF_APPROVAL');
  });

  it('a rejection or a withdrawal sends the project back to its application', async () => {
    const rejected = await projectAwaiting('被否决的项目', [10_000]);
    const res = await api('POST', `/fund-approvals/${rejected.requestId}/decide`, secretary, {
      decision: 'reject',
      note: '预算依据不足',
    });
    expect(res.json()).toMatchObject({ status: 'rejected', decisions: [{ note: '预算依据不足' }] });
    const withdrawn = await projectAwaiting('撤回的项目', [10_000]);
    expect((await api('POST', `/fund-approvals/${withdrawn.requestId}/withdraw`, secretary)).statusCode).toBe(
      403,
    );
    expect((await api('POST', `/fund-approvals/${withdrawn.requestId}/withdraw`, chair)).json().status).toBe(
      'withdrawn',
    );
    const stages = await ctx.db
      .select({ stage: fundProjects.stage })
      .from(fundProjects)
      .where(sql`${fundProjects.id} in (${rejected.projectId}, ${withdrawn.projectId})`);
    expect(stages.map((s) => s.stage)).toEqual(['application', 'application']);
    const list = (await api('GET', `/stations/${station}/fund/approvals?status=pending`, chair)).json();
    expect(list.items.every((i: { status: string }) => i.status === 'pending')).toBe(true);
  });
});
