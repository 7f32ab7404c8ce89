import { type SQL, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDueEvaluations } from '../../src/modules/fund/project-jobs.ts';
import { verifyLedger } from '../../src/modules/fund/verify.ts';
import { chinaDate } from '../../src/modules/stations/index.ts';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';
import { multipart } from '../support/multipart.ts';

// Self-governance projects 自治项目 through the API: the whole lifecycle from a decided topic to closed,
// with the approvals by the fund rules, the money in the ledger (budget out of its sources, expenses
// against lines with receipts, the leftover back to its sources to the fen), and the bad inputs refused
// with nothing changed.

let t: TestContext;
let station: number;
let westStation: number;
const ids: Record<string, number> = {};
const cookies: Record<string, string> = {};
let general = 0;
let earmarked = 0;
let topicId = 0;
let meetingId = 0;
let projectId = 0;
const lines: { a: number; b: number } = { a: 0, b: 0 };

type Who = 'chair' | 'secretary' | 'social' | 'council' | 'westChair' | 'r0' | 'r1' | 'r2' | 'stranger';
const api = (method: 'GET' | 'POST' | 'PUT', url: string, who?: Who, body?: object) =>
  t.call(method, `/api/v1${url}`, who ? cookies[who] : undefined, body);
const q = async <T>(query: SQL) => (await t.db.execute(query)).rows as T[];
const ok = async (method: 'GET' | 'POST' | 'PUT', url: string, who: Who, body?: object, status = 200) => {
  const res = await api(method, url, who, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
};
const detail = (who: Who = 'chair') => ok('GET', `/fund-projects/${projectId}`, who);
const move = (body: object, who: Who = 'chair') => api('POST', `/fund-projects/${projectId}/move`, who, body);

async function balances(): Promise<Map<number, number>> {
  const body = await ok('GET', `/stations/${station}/fund`, 'chair');
  return new Map((body.accounts as { id: number; balanceFen: number }[]).map((a) => [a.id, a.balanceFen]));
}
/** Rows the project's use cases write, to show a refusal changed nothing. */
async function counts() {
  const [row] = await q<Record<string, number>>(sql`select
    (select count(*) from fund_projects)::int as projects, (select count(*) from fund_postings)::int as postings,
    (select count(*) from fund_receipts)::int as receipts, (select count(*) from fund_approvals)::int as approvals,
    (select count(*) from fund_approval_requests)::int as requests,
    (select count(*) from fund_acceptances)::int as acceptances,
    (select coalesce(sum(extra_fen), 0)::int from fund_budget_lines) as extra,
    (select count(*) from audit_events where action like 'fund.%')::int as audits`);
  return row!;
}

const jpeg = () =>
  sharp({ create: { width: 400, height: 300, channels: 3, background: '#6a8f5a' } })
    .jpeg()
    .toBuffer();
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

async function upload(url: string, who: Who, file: { name: string; data: Buffer; type?: string }) {
  const body = multipart({}, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { cookie: cookies[who]!, 'content-type': body.contentType },
    payload: body.payload,
  });
}
async function receipt(file: { name: string; data: Buffer }) {
  const res = await upload(`/fund-projects/${projectId}/receipts`, 'chair', file);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

const application = () => ({
  title: '小区健身角改造',
  summary: '更换老旧器械，铺设塑胶地面。',
  origin: { kind: 'topic', id: topicId },
  lead: { userId: ids.chair },
  team: [{ name: '物业赵经理' }],
  supervisors: [ids.council],
  partners: [{ name: '宁波某体育设施公司' }],
  lines: [
    { name: '健身器械', amountFen: 1_500_000, sourceAccountId: general },
    { name: '塑胶地面', amountFen: 1_000_000, sourceAccountId: earmarked },
  ],
  milestones: [
    { title: '器械进场', dueOn: '2026-06-01' },
    { title: '地面完工', dueOn: '2026-06-20' },
  ],
});

beforeAll(async () => {
  t = await useTestApp();
  const city = await makeCity(t, 8);
  station = city.east.compound.stationId;
  westStation = city.west.compound.stationId;
  const people: [Who, string, Parameters<typeof makeUser>[1]][] = [
    ['chair', '13710000001', { phone: '', name: '王理事长', role: 'chair', stationId: station }],
    [
      'secretary',
      '13710000002',
      { phone: '', name: '许秘书长', role: 'secretaryGeneral', stationId: station },
    ],
    ['social', '13710000003', { phone: '', name: '陈社工', role: 'socialWorker', path: city.east.path }],
    ['council', '13710000004', { phone: '', name: '李理事', role: 'councilMember', stationId: station }],
    ['westChair', '13710000005', { phone: '', name: '西站理事长', role: 'chair', stationId: westStation }],
    ['stranger', '13710000006', { phone: '', name: '路人' }],
  ];
  for (const [who, phone, input] of people) {
    ids[who] = await makeUser(t, { ...input, phone });
    cookies[who] = await t.login(phone);
  }
  for (const i of [0, 1, 2] as const) {
    const id = await makeUser(t, { phone: `1361000000${i}`, name: `居民${i}` });
    await t.db.execute(
      sql`update people_residents set user_id = ${id}, verified_at = now() where phone = ${`1390700000${i}`}`,
    );
    ids[`r${i}`] = id;
    cookies[`r${i}`] = await t.login(`1361000000${i}`);
  }
  // Money: 30,000 yuan in the general fund, 12,000 in an earmarked account.
  await ok(
    'POST',
    `/stations/${station}/fund/income`,
    'chair',
    {
      source: 'street',
      amountFen: 3_000_000,
      memo: '街道经费',
      occurredOn: chinaDate(),
    },
    201,
  );
  earmarked = (
    await ok('POST', `/stations/${station}/fund/accounts`, 'chair', { name: '健身角专项', purpose: '' }, 201)
  ).id;
  await ok(
    'POST',
    `/stations/${station}/fund/income`,
    'chair',
    {
      accountId: earmarked,
      source: 'sponsor',
      amountFen: 1_200_000,
      memo: '单位赞助',
      occurredOn: chinaDate(),
    },
    201,
  );
  general = (await ok('GET', `/stations/${station}/fund`, 'chair')).accounts.find(
    (a: { kind: string }) => a.kind === 'general',
  ).id;
  // A decided topic (the usual origin) and a held council meeting (the council level's decision).
  topicId = (await ok('POST', `/stations/${station}/topics`, 'chair', { title: '健身角器械老化' }, 201)).id;
  await ok('POST', `/topics/${topicId}/move`, 'chair', { move: 'deliberate' });
  await ok('POST', `/topics/${topicId}/move`, 'chair', { move: 'decide', outcome: 'project' });
  const [meeting] = await q<{ id: string }>(sql`insert into deliberation_meetings
      (station_id, kind, title, starts_at, ends_at, place, status, created_by)
    values (${station}, 'council', '理事会第三次会议', now() - interval '2 hours', now() - interval '1 hour',
      '议事厅', 'held', ${ids.chair}) returning id`);
  meetingId = Number(meeting!.id);
});

describe('self-governance projects 自治项目', () => {
  it('requires authentication', async () => {
    for (const [method, url] of [
      ['GET', `/stations/${station}/fund-projects`],
      ['POST', `/stations/${station}/fund-projects`],
      ['GET', `/stations/${station}/fund-project-people`],
      ['GET', '/fund-projects/1'],
      ['PUT', '/fund-projects/1'],
      ['POST', '/fund-projects/1/move'],
      ['POST', '/fund-projects/1/expenses'],
      ['POST', '/fund-projects/1/receipts'],
      ['POST', '/fund-projects/1/acceptance'],
      ['POST', '/fund-projects/1/objections'],
      ['POST', '/fund-projects/1/evaluation'],
      ['POST', '/fund-projects/1/updates'],
      ['POST', '/fund-projects/1/inspections'],
      ['GET', '/fund-receipts/1'],
    ] as const) {
      const res = await api(method, url, undefined, method === 'GET' ? undefined : {});
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('rejects bad input with a field error, and creates nothing', async () => {
    const before = await counts();
    const [westGeneral] = await q<{ id: string }>(sql`insert into fund_accounts (station_id, kind, name)
      values (${westStation}, 'general', '自治基金') returning id`);
    const [undecided] = await q<{ id: string }>(sql`insert into deliberation_topics
      (station_id, title, source, raised_by) values (${station}, '尚在讨论', 'council', ${ids.chair}) returning id`);
    const bad = async (change: (a: ReturnType<typeof application>) => object, field: string) => {
      for (const lang of ['zh-CN', 'en'] as const) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/v1/stations/${station}/fund-projects`,
          headers: { cookie: cookies.chair!, 'accept-language': lang },
          payload: change(application()),
        });
        expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
        const errors = res.json().errors as { path: string; message: string }[];
        expect(
          errors.some((e) => e.path.replace(/^body\./, '') === field),
          `${field}: ${res.body}`,
        ).toBe(true);
        expect(errors.every((e) => /\p{Script=Han}/u.test(e.message) === (lang === 'zh-CN'))).toBe(true);
      }
    };
    const line = (amountFen: unknown, sourceAccountId: unknown = general) => ({
      lines: [{ name: '器械', amountFen, sourceAccountId }],
    });
    await bad((a) => ({ ...a, ...line(-100) }), 'lines.0.amountFen');
    await bad((a) => ({ ...a, ...line(0) }), 'lines.0.amountFen');
    await bad((a) => ({ ...a, ...line(1234.5) }), 'lines.0.amountFen');
    await bad((a) => ({ ...a, ...line('100') }), 'lines.0.amountFen');
    await bad((a) => ({ ...a, lines: [] }), 'lines');
    await bad((a) => ({ ...a, title: '  ' }), 'title');
    await bad((a) => ({ ...a, ...line(100, Number(westGeneral!.id)) }), 'lines.0.sourceAccountId');
    await bad((a) => ({ ...a, origin: { kind: 'topic', id: Number(undecided!.id) } }), 'origin.id');
    await bad((a) => ({ ...a, origin: { kind: 'meeting', id: 999_999 } }), 'origin.id');
    await bad((a) => ({ ...a, supervisors: [ids.chair] }), 'supervisors.0');
    await bad((a) => ({ ...a, supervisors: [ids.westChair] }), 'supervisors.0');
    await bad((a) => ({ ...a, lead: { userId: ids.stranger } }), 'lead');
    await bad((a) => ({ ...a, lead: { userId: null, name: '' } }), 'lead.name');
    await bad((a) => ({ ...a, milestones: [{ title: '完工', dueOn: '2026-02-30' }] }), 'milestones.0.dueOn');
    // Only the fund's managers apply: 403 to a reader of the fund, 404 to a resident or another station.
    expect(
      (await api('POST', `/stations/${station}/fund-projects`, 'council', application())).statusCode,
    ).toBe(403);
    expect((await api('POST', `/stations/${station}/fund-projects`, 'r0', application())).statusCode).toBe(
      404,
    );
    expect(
      (await api('POST', `/stations/${station}/fund-projects`, 'westChair', application())).statusCode,
    ).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('names the station’s people, for the fund’s managers only', async () => {
    const people = await ok('GET', `/stations/${station}/fund-project-people?q=理事`, 'chair');
    expect(people.items.map((p: { name: string }) => p.name).sort()).toEqual(['李理事', '王理事长']);
    const residents = await ok('GET', `/stations/${station}/fund-project-people?q=居民`, 'chair');
    expect(residents.items).toHaveLength(3);
    expect(residents.items[0].why).toEqual(['resident']);
    expect((await api('GET', `/stations/${station}/fund-project-people`, 'council')).statusCode).toBe(403);
  });

  it('is applied for from a decided topic, edited, and seen only by staff and its people until approved', async () => {
    projectId = (await ok('POST', `/stations/${station}/fund-projects`, 'chair', application(), 201)).id;
    let p = await detail();
    expect(p).toMatchObject({
      stage: 'application',
      origin: { kind: 'topic', id: topicId, title: '健身角器械老化' },
      lead: { userId: ids.chair, name: '王理事长' },
      totals: { budgetFen: 2_500_000, extraFen: 0, spentFen: 0, leftFen: 2_500_000 },
    });
    expect(p.members.map((m: { role: string; name: string }) => `${m.role}:${m.name}`)).toEqual([
      'team:物业赵经理',
      'supervisor:李理事',
      'partner:宁波某体育设施公司',
    ]);
    expect(p.abilities).toMatchObject({ edit: true, submit: true, expense: false, accept: false });
    [lines.a, lines.b] = p.lines.map((l: { id: number }) => l.id);
    await ok('PUT', `/fund-projects/${projectId}`, 'chair', {
      ...application(),
      title: '小区健身角改造工程',
    });
    p = await detail();
    expect(p.title).toBe('小区健身角改造工程');
    [lines.a, lines.b] = p.lines.map((l: { id: number }) => l.id);
    expect((await detail('council')).me).toMatchObject({ staff: true, supervisor: true, team: false });
    expect((await api('GET', `/fund-projects/${projectId}`, 'r0')).statusCode).toBe(404);
    expect((await ok('GET', `/stations/${station}/fund-projects`, 'r0')).items).toEqual([]);
    const list = await ok('GET', `/stations/${station}/fund-projects?stage=application`, 'chair');
    expect(list).toMatchObject({ canCreate: true, items: [{ id: projectId, budgetFen: 2_500_000 }] });
  });

  it('goes through every level of the fund rules; nobody approves their own request', async () => {
    await ok('POST', `/fund-projects/${projectId}/move`, 'chair', { move: 'submit' });
    expect((await detail()).stage).toBe('approval');
    expect((await api('PUT', `/fund-projects/${projectId}`, 'chair', application())).statusCode).toBe(409);
    const { items } = await ok('GET', `/stations/${station}/fund/approvals?projectId=${projectId}`, 'chair');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      subject: 'projectBudget',
      amountFen: 2_500_000,
      levels: ['chair', 'council', 'community'],
    });
    const request = items[0].id as number;
    const before = await counts();
    const self = await api('POST', `/fund-approvals/${request}/decide`, 'chair', { decision: 'approve' });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('SELF_APPROVAL');
    expect(await counts()).toEqual(before);
    await ok('POST', `/fund-approvals/${request}/decide`, 'secretary', { decision: 'approve', note: '同意' });
    const noMeeting = await api('POST', `/fund-approvals/${request}/decide`, 'secretary', {
      decision: 'approve',
    });
    expect(noMeeting.statusCode).toBe(400);
    await ok('POST', `/fund-approvals/${request}/decide`, 'secretary', { decision: 'approve', meetingId });
    const money = await balances();
    await ok('POST', `/fund-approvals/${request}/decide`, 'social', {
      decision: 'approve',
      note: '社区同意',
    });
    const p = await detail();
    expect(p.stage).toBe('implementation');
    expect(
      p.approvals[0].decisions.map((d: { level: string; approver: string; meeting: string | null }) => [
        d.level,
        d.approver,
        d.meeting,
      ]),
    ).toEqual([
      ['chair', '许秘书长', null],
      ['council', '许秘书长', '理事会第三次会议'],
      ['community', '陈社工', null],
    ]);
    const after = await balances();
    expect(after.get(general)).toBe(money.get(general)! - 1_500_000);
    expect(after.get(earmarked)).toBe(money.get(earmarked)! - 1_000_000);
    expect(after.get(p.accountId)).toBe(2_500_000);
    // Now its residents see it.
    expect((await detail('r0')).abilities).toMatchObject({ accept: false, expense: false });
  });

  it('takes updates from the team, inspections from the supervision group only, and answers to issues', async () => {
    const update = await ok(
      'POST',
      `/fund-projects/${projectId}/updates`,
      'chair',
      { kind: 'before', text: '改造前：器械锈蚀' },
      201,
    );
    const photo = await upload(`/fund-project-updates/${update.id}/photos`, 'chair', {
      name: 'before.jpg',
      data: await jpeg(),
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const notPhoto = await upload(`/fund-project-updates/${update.id}/photos`, 'chair', {
      name: 'x.jpg',
      data: PDF,
    });
    expect(notPhoto.statusCode).toBe(415);
    expect(
      (
        await api('POST', `/fund-projects/${projectId}/updates`, 'council', {
          kind: 'progress',
          text: '进展',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await api('POST', `/fund-projects/${projectId}/updates`, 'chair', { kind: 'during', text: '进展' }))
        .statusCode,
    ).toBe(400);
    const denied = await api('POST', `/fund-projects/${projectId}/inspections`, 'chair', {
      result: 'passed',
      findings: '好',
    });
    expect(denied.statusCode).toBe(403);
    const inspection = await ok(
      'POST',
      `/fund-projects/${projectId}/inspections`,
      'council',
      { result: 'issues', findings: '地面有积水' },
      201,
    );
    expect(
      (
        await upload(`/fund-inspections/${inspection.id}/photos`, 'council', {
          name: 'water.jpg',
          data: await jpeg(),
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await upload(`/fund-inspections/${inspection.id}/photos`, 'chair', {
          name: 'water.jpg',
          data: await jpeg(),
        })
      ).statusCode,
    ).toBe(403);
    await ok('POST', `/fund-inspections/${inspection.id}/response`, 'chair', { response: '已加设排水口' });
    const p = await detail('r0');
    expect(p.updates[0]).toMatchObject({
      kind: 'before',
      by: '王理事长',
      photos: [{ hash: photo.json().hash }],
    });
    expect(p.inspections[0]).toMatchObject({
      result: 'issues',
      inspector: '李理事',
      response: '已加设排水口',
    });
    const img = await api('GET', `/fund-projects/${projectId}/photos/${photo.json().hash}?size=thumb`, 'r0');
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    expect((await api('GET', `/fund-projects/${projectId}/photos/${'0'.repeat(64)}`, 'r0')).statusCode).toBe(
      404,
    );
    expect(
      (await api('GET', `/fund-projects/${projectId}/photos/${photo.json().hash}`, 'westChair')).statusCode,
    ).toBe(404);
  });

  it('refuses a receipt that is not an image or a PDF, or whose name says another type', async () => {
    const before = await counts();
    for (const file of [
      { name: '发票.jpg', data: PDF },
      { name: '发票.pdf', data: Buffer.from('发票 金额 3000 元\n') },
      { name: '发票.png', data: await jpeg().then((b) => b.subarray(0, 2)) },
    ]) {
      const res = await upload(`/fund-projects/${projectId}/receipts`, 'chair', file);
      expect(res.statusCode, file.name).toBe(415);
      expect(res.json().detail).toMatch(/票据|文件名/);
    }
    expect(
      (await upload(`/fund-projects/${projectId}/receipts`, 'council', { name: 'a.pdf', data: PDF }))
        .statusCode,
    ).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('spends against a line with receipts, and refuses more than the line until an over-budget approval', async () => {
    const expense = (body: object, who: Who = 'chair') =>
      api('POST', `/fund-projects/${projectId}/expenses`, who, {
        counterparty: '宁波某体育设施公司',
        memo: '器械款',
        occurredOn: chinaDate(),
        ...body,
      });
    const photoReceipt = await receipt({ name: '发票.jpg', data: await jpeg() });
    const first = await expense({ budgetLineId: lines.a, amountFen: 1_200_000, receiptIds: [photoReceipt] });
    expect(first.statusCode, first.body).toBe(201);
    // Bad input: nothing posted.
    const before = await counts();
    const pdfReceipt = await receipt({ name: '发票.pdf', data: PDF });
    const afterUpload = await counts();
    expect(afterUpload.receipts).toBe(before.receipts! + 1);
    for (const [body, status] of [
      [{ budgetLineId: lines.a, amountFen: -100, receiptIds: [pdfReceipt] }, 400],
      [{ budgetLineId: lines.a, amountFen: 99.5, receiptIds: [pdfReceipt] }, 400],
      [{ budgetLineId: lines.a, amountFen: 100, receiptIds: [] }, 400],
      [{ budgetLineId: lines.a, amountFen: 100, receiptIds: [photoReceipt] }, 400], // used already
      [{ budgetLineId: 999_999, amountFen: 100, receiptIds: [pdfReceipt] }, 400],
    ] as const) {
      const res = await expense(body);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(status);
    }
    const over = await expense({ budgetLineId: lines.a, amountFen: 400_000, receiptIds: [pdfReceipt] });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('OVER_BUDGET');
    expect(over.json().detail).toContain('超出 1,000.00 元');
    expect(over.json().detail).toContain('超预算申请');
    expect(
      (await expense({ budgetLineId: lines.a, amountFen: 100, receiptIds: [pdfReceipt] }, 'council'))
        .statusCode,
    ).toBe(403);
    expect(await counts()).toEqual(afterUpload);
    // The over-budget request, decided by the chair level (the requester may not).
    const asked = await ok(
      'POST',
      `/fund-projects/${projectId}/over-budget`,
      'chair',
      { budgetLineId: lines.a, amountFen: 100_000, reason: '器械涨价' },
      201,
    );
    expect(
      (
        await api('POST', `/fund-projects/${projectId}/over-budget`, 'chair', {
          budgetLineId: lines.a,
          amountFen: 1,
          reason: '再加',
        })
      ).statusCode,
    ).toBe(409);
    expect((await move({ move: 'toAcceptance', reason: '提前' })).statusCode).toBe(409);
    expect(
      (await api('POST', `/fund-approvals/${asked.id}/decide`, 'chair', { decision: 'approve' })).json().code,
    ).toBe('SELF_APPROVAL');
    await ok('POST', `/fund-approvals/${asked.id}/decide`, 'secretary', { decision: 'approve' });
    const p = await detail();
    expect(p.lines[0]).toMatchObject({
      amountFen: 1_500_000,
      extraFen: 100_000,
      spentFen: 1_200_000,
      leftFen: 400_000,
    });
    const second = await expense({ budgetLineId: lines.a, amountFen: 350_000, receiptIds: [pdfReceipt] });
    expect(second.statusCode, second.body).toBe(201);
    const third = await expense({
      budgetLineId: lines.b,
      amountFen: 700_000,
      memo: '地面款',
      receiptIds: [
        await receipt({
          name: '地面发票.png',
          data: await sharp(await jpeg())
            .png()
            .toBuffer(),
        }),
      ],
    });
    expect(third.statusCode, third.body).toBe(201);
    // Two expenses at once that only fit one at a time: one is posted, the other refused.
    const receipts = [
      await receipt({ name: 'a.pdf', data: PDF }),
      await receipt({ name: 'b.pdf', data: PDF }),
    ];
    const racing = await Promise.all(
      receipts.map((id) =>
        expense({ budgetLineId: lines.b, amountFen: 200_000, memo: '地面补料', receiptIds: [id] }),
      ),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(racing.find((r) => r.statusCode === 409)!.json().code).toBe('OVER_BUDGET');
    const spent = await detail();
    expect(spent.totals).toEqual({
      budgetFen: 2_500_000,
      extraFen: 100_000,
      spentFen: 2_450_000,
      leftFen: 150_000,
    });
    expect(
      spent.expenses.map((e: { amountFen: number; receipts: unknown[] }) => [e.amountFen, e.receipts.length]),
    ).toEqual([
      [1_200_000, 1],
      [350_000, 1],
      [700_000, 1],
      [200_000, 1],
    ]);
  });

  it('moves to acceptance with every milestone done or a reason', async () => {
    const p = await detail();
    await ok('POST', `/fund-milestones/${p.milestones[0].id}/done`, 'chair', {});
    expect((await api('POST', `/fund-milestones/${p.milestones[0].id}/done`, 'chair', {})).statusCode).toBe(
      409,
    );
    const noReason = await move({ move: 'toAcceptance' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    await ok('POST', `/fund-projects/${projectId}/move`, 'chair', {
      move: 'toAcceptance',
      reason: '地面已完工，待补记节点',
    });
    expect((await detail()).stage).toBe('acceptance');
  });

  it('is accepted by the residents: one verdict each, changeable, carried by more accepts than rejects', async () => {
    const accept = (who: Who, body: object) =>
      api('POST', `/fund-projects/${projectId}/acceptance`, who, body);
    expect((await accept('chair', { verdict: 'accept' })).statusCode).toBe(403);
    expect((await accept('r1', { verdict: 'reject' })).statusCode).toBe(400); // a reason is needed
    expect((await accept('r0', { verdict: 'maybe' })).statusCode).toBe(400);
    expect((await accept('r0', { verdict: 'accept', comment: '很好' })).statusCode).toBe(200);
    expect((await accept('r1', { verdict: 'reject', comment: '积水还在' })).statusCode).toBe(200);
    const tied = await move({ move: 'toSettlement' });
    expect(tied.statusCode).toBe(409);
    expect(tied.json().detail).toContain('同意 1 人，不同意 1 人');
    expect((await accept('r1', { verdict: 'accept', comment: '已修好' })).statusCode).toBe(200);
    expect((await accept('r2', { verdict: 'reject', comment: '颜色不好看' })).statusCode).toBe(200);
    const p = await detail('r1');
    expect(p.acceptance).toMatchObject({
      accept: 2,
      reject: 1,
      carried: true,
      mine: { verdict: 'accept' },
      comments: [],
    });
    expect((await detail()).acceptance.comments).toHaveLength(3);
    expect((await move({ move: 'toSettlement' }, 'council')).statusCode).toBe(403);
    await ok('POST', `/fund-projects/${projectId}/move`, 'chair', { move: 'toSettlement' });
    expect((await accept('r2', { verdict: 'accept' })).statusCode).toBe(409);
  });

  it('settles: the leftover of each line goes back to its source to the fen, then the disclosure opens', async () => {
    expect((await move({ move: 'settle', objectionDays: 2 })).statusCode).toBe(400);
    expect((await move({ move: 'settle', objectionDays: 31 })).statusCode).toBe(400);
    const before = await balances();
    const account = (await detail()).accountId as number;
    await ok('POST', `/fund-projects/${projectId}/move`, 'chair', {
      move: 'settle',
      objectionDays: 5,
      note: '结余退回',
    });
    const after = await balances();
    // Line A: 15,000 + 1,000 extra − 15,500 spent = 500 back to the general fund;
    // line B: 10,000 − 7,000 − 2,000 = 1,000 back to the earmarked account.
    expect(after.get(general)).toBe(before.get(general)! + 50_000);
    expect(after.get(earmarked)).toBe(before.get(earmarked)! + 100_000);
    expect(after.get(account)).toBe(0);
    const p = await detail('r0');
    expect(p).toMatchObject({
      stage: 'disclosure',
      settlementNote: '结余退回',
      objectionsUntil: expect.any(String),
    });
    expect(p.settlementPostingId).toEqual(expect.any(Number));
    expect(p.objectionsUntil > chinaDate()).toBe(true);
    // Residents see the invoices now.
    const file = p.expenses[1].receipts[0];
    expect(file.mime).toBe('application/pdf');
    const pdf = await api('GET', `/fund-receipts/${file.id}`, 'r0');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await api('GET', `/fund-receipts/${file.id}`, 'westChair')).statusCode).toBe(404);
    // Settled: an expense is no longer undone in the ledger (its money would be stuck in the project's account).
    const late = await api('POST', `/fund-postings/${p.expenses[0].postingId}/reverse`, 'chair', {
      memo: '结算后冲销',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('INVALID_STATE');
  });

  it('takes objections during the period, answered on the page; evaluation after it; then closed', async () => {
    const objection = await ok(
      'POST',
      `/fund-projects/${projectId}/objections`,
      'r2',
      { text: '地面颜色为何这样选？' },
      201,
    );
    expect(
      (await api('POST', `/fund-projects/${projectId}/objections`, 'chair', { text: '自己提' })).statusCode,
    ).toBe(403);
    expect((await move({ move: 'toEvaluation' })).statusCode).toBe(409);
    // The hourly job leaves a project whose period ended with an objection unanswered.
    const until = (await detail()).objectionsUntil as string;
    await t.db.execute(sql`update fund_projects set objections_until = ${chinaDate(new Date(Date.now() - 86_400_000))}
      where id = ${projectId}`);
    expect(await openDueEvaluations(t.db)).toBe(0);
    await t.db.execute(sql`update fund_projects set objections_until = ${until} where id = ${projectId}`);
    expect(
      (await api('POST', `/fund-objections/${objection.id}/answer`, 'r0', { answer: '不知道' })).statusCode,
    ).toBe(403);
    await ok('POST', `/fund-objections/${objection.id}/answer`, 'chair', { answer: '经居民议事会选定' });
    expect(
      (await api('POST', `/fund-objections/${objection.id}/answer`, 'chair', { answer: '再答' })).statusCode,
    ).toBe(409);
    const seen = await detail('r2');
    expect(seen.objections).toEqual([expect.objectContaining({ mine: true, answer: '经居民议事会选定' })]);
    expect((await detail('r0')).objections[0].mine).toBe(false);
    // The period ends.
    await t.db.execute(sql`update fund_projects set objections_until = ${chinaDate(new Date(Date.now() - 86_400_000))}
      where id = ${projectId}`);
    expect(
      (await api('POST', `/fund-projects/${projectId}/objections`, 'r0', { text: '晚了' })).statusCode,
    ).toBe(409);
    // All answered and the period over: the hourly job opens the evaluation (staff could by hand too).
    expect(await openDueEvaluations(t.db)).toBe(1);
    expect((await detail()).stage).toBe('evaluation');
    expect(await openDueEvaluations(t.db)).toBe(0);
    const [byJob] = await q<{ user_agent: string }>(
      sql`select user_agent from audit_events where action = 'fund.project.toEvaluation' and subject_id = ${projectId}`,
    );
    expect(byJob?.user_agent).toBe('linshe job fund-open-evaluations');
    const rate = (who: Who, body: object) => api('POST', `/fund-projects/${projectId}/evaluation`, who, body);
    expect((await rate('r0', { rating: 6 })).statusCode).toBe(400);
    expect((await rate('r0', { rating: 4.5 })).statusCode).toBe(400);
    expect((await rate('chair', { rating: 5 })).statusCode).toBe(403);
    expect((await rate('r0', { rating: 3 })).statusCode).toBe(200);
    expect((await rate('r0', { rating: 5, comment: '满意' })).statusCode).toBe(200);
    expect((await rate('r1', { rating: 4 })).statusCode).toBe(200);
    expect((await detail('r0')).evaluation).toMatchObject({ count: 2, ratingSum: 9, mine: { rating: 5 } });
    await ok('POST', `/fund-projects/${projectId}/move`, 'chair', { move: 'close' });
    expect((await detail('r0')).stage).toBe('closed');
    expect((await rate('r2', { rating: 5 })).statusCode).toBe(409);
  });

  it('keeps another station’s project out of sight: 404 for every route', async () => {
    for (const [method, url, body] of [
      ['GET', `/fund-projects/${projectId}`, undefined],
      ['PUT', `/fund-projects/${projectId}`, application()],
      ['POST', `/fund-projects/${projectId}/move`, { move: 'close' }],
      [
        'POST',
        `/fund-projects/${projectId}/expenses`,
        { budgetLineId: lines.a, amountFen: 1, memo: 'x', occurredOn: chinaDate(), receiptIds: [1] },
      ],
      ['POST', `/fund-projects/${projectId}/updates`, { kind: 'progress', text: 'x' }],
      ['POST', `/fund-projects/${projectId}/acceptance`, { verdict: 'accept' }],
      ['POST', `/fund-projects/${projectId}/evaluation`, { rating: 1 }],
    ] as const) {
      expect((await api(method, url, 'westChair', body)).statusCode, url).toBe(404);
      expect((await api(method, url, 'stranger', body)).statusCode, url).toBe(404);
    }
    expect((await ok('GET', `/stations/${station}/fund-projects`, 'westChair')).items).toEqual([]);
  });

  it('sends a refused budget back to the application, withdraws it, and leaves a ledger that verifies', async () => {
    const second = (
      await ok(
        'POST',
        `/stations/${station}/fund-projects`,
        'chair',
        {
          ...application(),
          title: '楼道灯更换',
          origin: null,
          lines: [{ name: '灯具', amountFen: 50_000, sourceAccountId: general }],
        },
        201,
      )
    ).id;
    await ok('POST', `/fund-projects/${second}/move`, 'chair', { move: 'submit' });
    const { items } = await ok('GET', `/stations/${station}/fund/approvals?projectId=${second}`, 'chair');
    await ok('POST', `/fund-approvals/${items[0].id}/decide`, 'secretary', {
      decision: 'reject',
      note: '先做健身角',
    });
    expect((await ok('GET', `/fund-projects/${second}`, 'chair')).stage).toBe('application');
    await ok('POST', `/fund-projects/${second}/move`, 'chair', { move: 'withdraw' });
    expect((await ok('GET', `/fund-projects/${second}`, 'chair')).stage).toBe('withdrawn');
    expect((await api('POST', `/fund-projects/${second}/move`, 'chair', { move: 'submit' })).statusCode).toBe(
      409,
    );
    const verification = await verifyLedger(t.db, station);
    expect(verification.ok).toBe(true);
    const audits = await q<{ action: string }>(
      sql`select distinct action from audit_events where action like 'fund.project.%'`,
    );
    expect(audits.map((a) => a.action).sort()).toEqual(
      expect.arrayContaining([
        'fund.project.create',
        'fund.project.edit',
        'fund.project.submit',
        'fund.project.expense',
        'fund.project.overBudget',
        'fund.project.settle',
        'fund.project.acceptance',
        'fund.project.objection',
        'fund.project.answer',
        'fund.project.evaluate',
        'fund.project.close',
        'fund.project.withdraw',
      ]),
    );
  });
});
