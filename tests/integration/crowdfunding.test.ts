import { type SQL, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/modules/fund/index.ts';
import { addDays, chinaDate } from '../../src/modules/stations/duty-time.ts';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';

// Crowdfunding 众筹 against the real database: validation and permissions that change nothing, progress by
// building worked out by hand, cash door to door with receipts, the hand-over confirmed by someone other
// than the collector into one ledger posting (the drive account's balance, the chain still verifying),
// desk payments posted at once, donors masked on the public list, closing, and the deadline.

let t: TestContext;
let station: number;
let westStation: number;
const ids: Record<string, number> = {};
const cookies: Record<string, string> = {};
/** Households of the east compound by label (1幢: 24 households, 2幢: 6). */
const hh: Record<string, number> = {};
let b1: number;
let b2: number;
let westBuilding: number;
let westHousehold: number;
let residentId: number;

type Who = 'chair' | 'secretary' | 'council' | 'leader' | 'resident' | 'neighbour' | 'property' | 'westChair';
const api = (method: 'GET' | 'POST', url: string, who?: Who, body?: object) =>
  t.call(method, `/api/v1${url}`, who ? cookies[who] : undefined, body);
const q = async <T>(query: SQL) => (await t.db.execute(query)).rows as T[];
const today = () => chinaDate();

/** Every row crowdfunding or the ledger writes, to show a refusal wrote nothing. */
async function rowCounts() {
  const [row] = await q<Record<string, number | string>>(sql`select
    (select count(*) from fund_drives)::int as drives, (select count(*) from fund_accounts)::int as accounts,
    (select count(*) from fund_pledges)::int as pledges,
    (select coalesce(string_agg(amount_fen::text || shown::text, ',' order by id), '') from fund_pledges) as pledge_values,
    (select count(*) from fund_payments)::int as payments,
    (select count(*) from fund_payments where handover_id is not null)::int as handed,
    (select count(*) from fund_handovers)::int as handovers, (select count(*) from fund_postings)::int as postings,
    (select coalesce(sum(balance_fen), 0) from fund_accounts)::text as total,
    (select status::text from fund_drives order by id desc limit 1) as status,
    (select count(*) from audit_events where action like 'fund.%')::int as audits`);
  return row!;
}

const driveBody = (extra: object = {}) => ({
  title: '楼道照明改造众筹',
  purpose: '更换 1幢、2幢楼道声控灯',
  targetFen: 500_000,
  suggestedFen: 10_000,
  deadline: addDays(today(), 30),
  buildingIds: [b1, b2],
  ...extra,
});
async function createDrive(extra: object = {}, who: Who = 'chair') {
  const res = await api('POST', `/stations/${station}/crowdfunding`, who, driveBody(extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; accountId: number };
}
const pay = (drive: number, who: Who, body: object) =>
  api('POST', `/crowdfunding/${drive}/payments`, who, { payerName: '王建军', shown: 'masked', ...body });
async function paid(drive: number, who: Who, body: object) {
  const res = await pay(drive, who, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; receiptNo: string; amountFen: number; postingId: number | null };
}
async function detail(drive: number, who: Who = 'chair') {
  const res = await api('GET', `/crowdfunding/${drive}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function balance(accountId: number) {
  const res = await api('GET', `/stations/${station}/fund`, 'chair');
  return (res.json().accounts as { id: number; balanceFen: number }[]).find((a) => a.id === accountId)
    ?.balanceFen;
}

/** A 400 with the field named, in each language, and nothing written. */
async function refused(
  method: 'POST',
  url: string,
  who: Who,
  body: object,
  field: string,
  status = 400,
): Promise<void> {
  for (const lang of ['zh-CN', 'en'] as const) {
    const res = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie: cookies[who]!, 'accept-language': lang },
      payload: body,
    });
    expect(res.statusCode, `${url} ${JSON.stringify(body)}: ${res.body}`).toBe(status);
    expect(res.json().code).toBe('VALIDATION');
    const errors = res.json().errors as { path: string; message: string }[];
    const error = errors.find((e) => e.path.replace(/^body\./, '') === field);
    expect(error, `${JSON.stringify(body)} → ${res.body}`).toBeDefined();
    expect(error!.message).not.toContain(' / ');
    expect(/\p{Script=Han}/u.test(error!.message), error!.message).toBe(lang === 'zh-CN');
  }
}

beforeAll(async () => {
  t = await useTestApp();
  // 30 households a compound: 1幢 has 24 (two units of 12), 2幢 has 6 (2幢1单元101…302).
  const city = await makeCity(t, 30);
  station = city.east.compound.stationId;
  westStation = city.west.compound.stationId;
  for (const r of await q<{ id: number; label: string }>(
    sql`select id, label from places_households where station_id = ${station}`,
  )) {
    hh[r.label] = Number(r.id);
  }
  const bs = await q<{ id: number; name: string; path: string }>(
    sql`select id, name, path from places_buildings where station_id = ${station} order by sort_key, id`,
  );
  b1 = Number(bs.find((b) => b.name === '1幢')!.id);
  b2 = Number(bs.find((b) => b.name === '2幢')!.id);
  const [west] = await q<{ id: number; building_id: number }>(
    sql`select id, building_id from places_households where station_id = ${westStation} order by id limit 1`,
  );
  westHousehold = Number(west!.id);
  westBuilding = Number(west!.building_id);
  const people: [Who, string, Parameters<typeof makeUser>[1]['role'], number | null, string | null][] = [
    ['chair', '13920000001', 'chair', station, null],
    ['secretary', '13920000002', 'secretaryGeneral', station, null],
    ['council', '13920000003', 'councilMember', station, null],
    ['leader', '13920000004', 'buildingLeader', station, bs.find((b) => b.name === '1幢')!.path],
    ['resident', '13920000005', undefined, null, null],
    ['neighbour', '13920000006', undefined, null, null],
    ['property', '13920000007', 'propertyStaff', station, null],
    ['westChair', '13920000008', 'chair', westStation, null],
  ];
  for (const [who, phone, role, stationId, path] of people) {
    ids[who] = await makeUser(t, { phone, name: who === 'leader' ? '张海波' : who, role, stationId, path });
    cookies[who] = await t.login(phone);
  }
  // The resident is the verified owner of 1幢1单元101; the neighbour a verified resident of 2幢1单元101.
  const link = async (userId: number, label: string) => {
    const [r] = await q<{
      id: number;
    }>(sql`update people_residents r set user_id = ${userId}, verified_at = now()
      from people_household_members m where m.resident_id = r.id and m.is_voter and m.household_id = ${hh[label]!}
      returning r.id`);
    return Number(r!.id);
  };
  residentId = await link(ids.resident!, '1幢1单元101');
  await link(ids.neighbour!, '2幢1单元101');
});

describe('crowdfunding drives', () => {
  it('requires authentication', async () => {
    for (const [method, url] of [
      ['GET', `/stations/${station}/crowdfunding`],
      ['POST', `/stations/${station}/crowdfunding`],
      ['GET', '/crowdfunding/1'],
      ['POST', '/crowdfunding/1/close'],
      ['POST', '/crowdfunding/1/pledges'],
      ['POST', '/crowdfunding/1/payments'],
      ['GET', '/crowdfunding/1/payments'],
      ['GET', '/crowdfunding/1/donors'],
      ['GET', '/crowdfunding/1/households'],
      ['GET', '/crowdfunding/1/cash'],
      ['GET', '/crowdfunding/1/handovers'],
      ['POST', '/crowdfunding/1/handovers'],
      ['GET', '/crowdfunding-payments/1/receipt'],
    ] as const) {
      const res = await api(method, url, undefined, method === 'POST' ? {} : undefined);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('rejects a bad drive with a localised field error, and opens nothing', async () => {
    const [westVote] = await q<{ id: number }>(sql`insert into deliberation_votes
      (station_id, title, scope, scope_ids, electorate, method, rule, closes_at, created_by)
      values (${westStation}, '西站表决', 'compounds', '{1}', 'households', 'yesNo', 'simpleMajority', now(), 1)
      returning id`);
    const before = await rowCounts();
    const url = `/stations/${station}/crowdfunding`;
    await refused('POST', url, 'chair', driveBody({ targetFen: -100 }), 'targetFen');
    await refused('POST', url, 'chair', driveBody({ targetFen: 0 }), 'targetFen');
    await refused('POST', url, 'chair', driveBody({ suggestedFen: 99.5 }), 'suggestedFen');
    await refused('POST', url, 'chair', driveBody({ suggestedFen: '100' }), 'suggestedFen');
    await refused('POST', url, 'chair', driveBody({ suggestedFen: 600_000 }), 'suggestedFen');
    await refused('POST', url, 'chair', driveBody({ title: '  ' }), 'title');
    await refused('POST', url, 'chair', driveBody({ deadline: addDays(today(), -1) }), 'deadline');
    await refused('POST', url, 'chair', driveBody({ deadline: '2026-02-30' }), 'deadline');
    await refused('POST', url, 'chair', driveBody({ buildingIds: [b1, westBuilding] }), 'buildingIds');
    await refused('POST', url, 'chair', driveBody({ buildingIds: [999_999] }), 'buildingIds');
    await refused('POST', url, 'chair', driveBody({ voteId: Number(westVote!.id) }), 'voteId');
    await refused('POST', url, 'chair', driveBody({ projectId: 999_999 }), 'projectId');
    expect(await rowCounts()).toEqual(before);
  });

  it('lets only fund.post holders open a drive, and hides a station’s drives from outsiders', async () => {
    const before = await rowCounts();
    const url = `/stations/${station}/crowdfunding`;
    expect((await api('POST', url, 'council', driveBody())).statusCode).toBe(403);
    expect((await api('POST', url, 'leader', driveBody())).statusCode).toBe(403);
    expect((await api('POST', url, 'resident', driveBody())).statusCode).toBe(403);
    expect((await api('POST', url, 'property', driveBody())).statusCode).toBe(404);
    expect((await api('POST', url, 'westChair', driveBody())).statusCode).toBe(404);
    expect((await api('GET', url, 'westChair')).statusCode).toBe(404);
    expect((await api('GET', url, 'property')).statusCode).toBe(404);
    expect((await api('GET', url, 'resident')).statusCode).toBe(200);
    expect((await api('GET', url, 'leader')).statusCode).toBe(200);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('a drive for 1幢 and 2幢', () => {
  let drive: number;
  let account: number;
  const receipts: Record<string, { id: number; receiptNo: string }> = {};

  beforeAll(async () => {
    ({ id: drive, accountId: account } = await createDrive());
  });

  it('opens its own earmarked account, named after it, and shows both buildings', async () => {
    const [row] = await q<{ kind: string; name: string; balance_fen: string }>(
      sql`select kind, name, balance_fen::text from fund_accounts where id = ${account}`,
    );
    expect(row).toEqual({ kind: 'earmarked', name: '众筹：楼道照明改造众筹', balance_fen: '0' });
    const d = await detail(drive);
    expect(d.buildings.map((b: { name: string }) => b.name)).toEqual(['1幢', '2幢']);
    expect(d.taking).toBe(true);
    expect(d.abilities).toEqual({ post: true, read: true, collect: true, pledge: true });
    // The same title again would need a second account of the same name.
    await refused('POST', `/stations/${station}/crowdfunding`, 'chair', driveBody(), 'title');
    const list = await api('GET', `/stations/${station}/crowdfunding`, 'resident');
    expect(list.json().items.map((i: { id: number }) => i.id)).toContain(drive);
    expect(list.json().abilities).toEqual({ create: false });
  });

  it('refuses bad payments and pledges, and changes nothing', async () => {
    const before = await rowCounts();
    const url = `/crowdfunding/${drive}/payments`;
    const cash = { householdId: hh['1幢1单元101']!, amountFen: 10_000, method: 'cash', payerName: '林' };
    await refused('POST', url, 'leader', { ...cash, amountFen: -10_000 }, 'amountFen');
    await refused('POST', url, 'leader', { ...cash, amountFen: 0 }, 'amountFen');
    await refused('POST', url, 'leader', { ...cash, amountFen: 100.5 }, 'amountFen');
    await refused('POST', url, 'leader', { ...cash, method: 'cheque' }, 'method');
    await refused('POST', url, 'leader', { ...cash, payerName: '' }, 'payerName');
    await refused('POST', url, 'leader', { ...cash, householdId: 999_999 }, 'householdId');
    await refused('POST', url, 'leader', { ...cash, householdId: westHousehold }, 'householdId');
    await refused('POST', url, 'chair', { ...cash, method: 'desk', amountFen: 1.25 }, 'amountFen');
    const pledges = `/crowdfunding/${drive}/pledges`;
    await refused(
      'POST',
      pledges,
      'resident',
      { householdId: hh['1幢1单元101'], amountFen: -1 },
      'amountFen',
    );
    await refused(
      'POST',
      pledges,
      'resident',
      { householdId: hh['1幢1单元101'], amountFen: 0.5 },
      'amountFen',
    );
    await refused('POST', pledges, 'chair', { householdId: 999_999, amountFen: 100 }, 'householdId');
    // The chair pledging for a household names who pledges.
    await refused('POST', pledges, 'chair', { householdId: hh['2幢1单元102'], amountFen: 100 }, 'donorName');

    // Not his building: the building leader of 1幢 takes no cash in 2幢; nor may he take it at the desk.
    const outside = await pay(drive, 'leader', { ...cash, householdId: hh['2幢1单元101'] });
    expect(outside.statusCode, outside.body).toBe(403);
    expect(outside.json().detail).toContain('负责楼栋');
    expect((await pay(drive, 'leader', { ...cash, method: 'desk' })).statusCode).toBe(403);
    // Residents and council members record no payments; a resident pledges only for his own household.
    expect((await pay(drive, 'resident', cash)).statusCode).toBe(403);
    expect((await pay(drive, 'council', { ...cash, method: 'desk' })).statusCode).toBe(403);
    const notHis = await api('POST', pledges, 'resident', { householdId: hh['1幢1单元102'], amountFen: 100 });
    expect(notHis.statusCode).toBe(403);
    // Another station's chair and the property company do not see the drive at all.
    expect((await pay(drive, 'westChair', { ...cash, method: 'desk' })).statusCode).toBe(404);
    expect((await api('GET', `/crowdfunding/${drive}`, 'westChair')).statusCode).toBe(404);
    expect((await api('GET', `/crowdfunding/${drive}/donors`, 'property')).statusCode).toBe(404);
    expect((await api('POST', `/crowdfunding/${drive}/close`, 'westChair')).statusCode).toBe(404);
    expect((await api('POST', `/crowdfunding/${drive}/close`, 'council')).statusCode).toBe(403);
    expect((await api('GET', '/crowdfunding/999999', 'chair')).statusCode).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });

  it('takes pledges: the resident for his household, staff for any, a later pledge replacing the first', async () => {
    const pledges = `/crowdfunding/${drive}/pledges`;
    const first = await api('POST', pledges, 'resident', {
      householdId: hh['1幢1单元101'],
      amountFen: 5_000,
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await api('POST', pledges, 'resident', {
      householdId: hh['1幢1单元101'],
      amountFen: 10_000,
      shown: 'full',
    });
    expect(again.statusCode).toBe(201);
    const [row] = await q<{ n: number; amount_fen: number; donor_name: string; shown: string }>(
      sql`select count(*) over ()::int as n, amount_fen, donor_name, shown from fund_pledges
          where drive_id = ${drive} and household_id = ${hh['1幢1单元101']!}`,
    );
    // The resident's own (roster) name, since he gave none.
    expect(row).toMatchObject({ n: 1, amount_fen: 10_000, shown: 'full' });
    expect(row!.donor_name.length).toBeGreaterThan(0);
    // Staff at the desk, acting for the resident: recorded as both people.
    const acting = await t.app.inject({
      method: 'POST',
      url: `/api/v1${pledges}`,
      headers: { cookie: cookies.chair!, 'x-on-behalf-of': String(residentId) },
      payload: { householdId: hh['1幢1单元101'], amountFen: 10_000, shown: 'full' },
    });
    expect(acting.statusCode, acting.body).toBe(201);
    const [audit] = await q<{ actor_user_id: number; on_behalf_of_resident_id: number }>(sql`
      select actor_user_id, on_behalf_of_resident_id from audit_events
      where action = 'fund.crowdfunding.pledge' order by id desc limit 1`);
    expect(audit).toEqual({ actor_user_id: ids.chair, on_behalf_of_resident_id: residentId });
    const forNeighbour = await api('POST', pledges, 'chair', {
      householdId: hh['2幢1单元102'],
      amountFen: 15_000,
      donorName: '赵六',
    });
    expect(forNeighbour.statusCode).toBe(201);
    expect((await detail(drive, 'resident')).myHouseholds).toEqual([
      { householdId: hh['1幢1单元101'], label: '1幢1单元101', pledgeFen: 10_000, shown: 'full', paidFen: 0 },
    ]);
  });

  it('the building leader collects cash in 1幢 with a receipt each; a household may pay twice', async () => {
    const a = await paid(drive, 'leader', {
      householdId: hh['1幢1单元101'],
      amountFen: 10_000,
      method: 'cash',
      payerName: '林秀英',
      shown: 'full',
    });
    const b = await paid(drive, 'leader', {
      householdId: hh['1幢1单元102'],
      amountFen: 20_000,
      method: 'cash',
      payerName: '王建军',
    });
    const c = await paid(drive, 'leader', {
      householdId: hh['1幢1单元101'],
      amountFen: 5_000,
      method: 'cash',
      payerName: '林秀英',
      shown: 'anonymous',
    });
    expect([a.receiptNo, b.receiptNo, c.receiptNo]).toEqual([
      `Z${drive}-000001`,
      `Z${drive}-000002`,
      `Z${drive}-000003`,
    ]);
    // Cash is not in the ledger until it is handed in.
    expect([a.postingId, b.postingId, c.postingId]).toEqual([null, null, null]);
    expect(await balance(account)).toBe(0);
    Object.assign(receipts, { a, b, c });
    // His receipts and his cash in hand; nobody else's.
    const mine = await api('GET', `/crowdfunding/${drive}/payments`, 'leader');
    expect(mine.json().items.map((p: { receiptNo: string }) => p.receiptNo)).toEqual([
      c.receiptNo,
      b.receiptNo,
      a.receiptNo,
    ]);
    const cash = (await api('GET', `/crowdfunding/${drive}/cash`, 'leader')).json();
    expect(cash.canConfirm).toBe(false);
    expect(cash.collectors).toHaveLength(1);
    expect(cash.collectors[0]).toMatchObject({ collectorId: ids.leader, payments: 3, totalFen: 35_000 });
    // The households he may take cash from: 1幢's 24, none of 2幢.
    const households = (await api('GET', `/crowdfunding/${drive}/households?limit=100`, 'leader')).json();
    expect(households.items).toHaveLength(24);
    expect(households.items.every((h: { label: string }) => h.label.startsWith('1幢'))).toBe(true);
    expect(households.items[0]).toMatchObject({ label: '1幢1单元101', pledgeFen: 10_000, paidFen: 15_000 });
    const staffView = (await api('GET', `/crowdfunding/${drive}/households?limit=100`, 'chair')).json();
    expect(staffView.items).toHaveLength(30);
  });

  it('the chair takes a desk payment from a 2幢 household, posted at once', async () => {
    const d = await paid(drive, 'chair', {
      householdId: hh['2幢1单元102'],
      amountFen: 10_000,
      method: 'desk',
      payerName: '赵六',
    });
    expect(d.receiptNo).toBe(`Z${drive}-000004`);
    expect(d.postingId).not.toBeNull();
    expect(await balance(account)).toBe(10_000);
    const [posting] = await q<{ source: string; counterparty: string; memo: string }>(
      sql`select source, counterparty, memo from fund_postings where id = ${d.postingId}`,
    );
    // A payment with its receipt is not undone in the ledger, and a drive's money comes only through the drive.
    const reverse = await api('POST', `/fund-postings/${d.postingId}/reverse`, 'chair', { memo: '错收' });
    expect(reverse.statusCode).toBe(409);
    const direct = await api('POST', `/stations/${station}/fund/income`, 'chair', {
      accountId: account,
      source: 'crowdfunding',
      amountFen: 100,
      memo: '绕过众筹',
      occurredOn: '2026-01-02',
    });
    expect(direct.statusCode).toBe(400);
    expect(direct.json().errors[0].path).toBe('accountId');
    expect(await balance(account)).toBe(10_000);
    // The ledger names the donor as the public list does: masked.
    expect(posting).toEqual({
      source: 'crowdfunding',
      counterparty: '2幢1单元 赵**',
      memo: `众筹「楼道照明改造众筹」值班台收款，收据 ${d.receiptNo}`,
    });
    receipts.d = d;
  });

  it('shows progress by building, as worked out by hand', async () => {
    const { progress } = await detail(drive);
    // 1幢: 24 households asked × 100 yuan = 2,400 yuan expected; one pledged (101: 100 yuan), two paid
    //      (101: 100 + 50, 102: 200) = 350 yuan, none of it in the ledger yet (cash with the leader).
    // 2幢: 6 households × 100 yuan = 600 yuan; one pledged (102: 150), one paid (102: 100 at the desk, posted).
    expect(progress.byBuilding).toEqual([
      {
        buildingId: b1,
        building: '1幢',
        households: 24,
        pledged: 1,
        paid: 2,
        pledgedFen: 10_000,
        paidFen: 35_000,
        postedFen: 0,
        expectedFen: 240_000,
      },
      {
        buildingId: b2,
        building: '2幢',
        households: 6,
        pledged: 1,
        paid: 1,
        pledgedFen: 15_000,
        paidFen: 10_000,
        postedFen: 10_000,
        expectedFen: 60_000,
      },
    ]);
    expect(progress).toMatchObject({
      households: 30,
      pledged: 2,
      paid: 3,
      pledgedFen: 25_000,
      paidFen: 45_000,
      postedFen: 10_000,
      expectedFen: 300_000,
      targetFen: 500_000,
    });
    // Residents see the same figures.
    expect((await detail(drive, 'resident')).progress).toEqual(progress);
  });

  it('shows donors masked unless they agreed, 匿名 when they asked, and never the room or a hidden name', async () => {
    const res = await api('GET', `/crowdfunding/${drive}/donors`, 'neighbour');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { donor: string; amountFen: number }) => [i.donor, i.amountFen])).toEqual(
      [
        ['2幢1单元 赵**', 10_000],
        ['匿名', 5_000],
        ['1幢1单元 王**', 20_000],
        ['1幢1单元 林秀英', 10_000],
      ],
    );
    expect(res.body).not.toContain('王建军');
    expect(res.body).not.toContain('赵六');
    expect(res.body).not.toContain('单元101');
    // Cursor-paged.
    const page = (await api('GET', `/crowdfunding/${drive}/donors?limit=3`, 'neighbour')).json();
    expect(page.items).toHaveLength(3);
    const rest = (
      await api('GET', `/crowdfunding/${drive}/donors?limit=3&cursor=${page.nextCursor}`, 'neighbour')
    ).json();
    expect(rest.items.map((i: { donor: string }) => i.donor)).toEqual(['1幢1单元 林秀英']);
    expect(rest.nextCursor).toBeNull();
    // The payments list with payers' names is for staff and collectors only.
    expect((await api('GET', `/crowdfunding/${drive}/payments`, 'neighbour')).statusCode).toBe(403);
  });

  it('shows a receipt to its collector, the station’s fund staff and the household, and to no one else', async () => {
    const url = `/crowdfunding-payments/${receipts.a!.id}/receipt`;
    const res = await api('GET', url, 'leader');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      receiptNo: receipts.a!.receiptNo,
      amountFen: 10_000,
      method: 'cash',
      posted: false,
      drive: { id: drive, title: '楼道照明改造众筹' },
      household: '1幢1单元101',
      payerName: '林秀英',
      collector: '张海波',
    });
    expect((await api('GET', url, 'resident')).statusCode).toBe(200);
    expect((await api('GET', url, 'council')).statusCode).toBe(200);
    expect((await api('GET', url, 'neighbour')).statusCode).toBe(404);
    expect((await api('GET', url, 'westChair')).statusCode).toBe(404);
    // The desk payment's receipt is not the leader's.
    expect((await api('GET', `/crowdfunding-payments/${receipts.d!.id}/receipt`, 'leader')).statusCode).toBe(
      404,
    );
  });

  it('a hand-over is confirmed by someone else: one posting, the payments linked, the chain intact', async () => {
    const cash = (await api('GET', `/crowdfunding/${drive}/cash`, 'secretary')).json();
    expect(cash.canConfirm).toBe(true);
    const leaderCash = cash.collectors.find((c: { collectorId: number }) => c.collectorId === ids.leader);
    const paymentIds = leaderCash.items.map((i: { id: number }) => i.id);
    const url = `/crowdfunding/${drive}/handovers`;
    // The building leader cannot confirm at all; the chair not his own cash; wrong payments are refused.
    const chairCash = await paid(drive, 'chair', {
      householdId: hh['2幢1单元201']!,
      amountFen: 8_000,
      method: 'cash',
      payerName: '钱七',
    });
    const before = await rowCounts();
    expect((await api('POST', url, 'leader', { collectorId: ids.leader, paymentIds })).statusCode).toBe(403);
    const self = await api('POST', url, 'chair', { collectorId: ids.chair, paymentIds: [chairCash.id] });
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toContain('自己');
    await refused(
      'POST',
      url,
      'secretary',
      { collectorId: ids.leader, paymentIds: [chairCash.id] },
      'paymentIds',
    );
    await refused(
      'POST',
      url,
      'secretary',
      { collectorId: ids.leader, paymentIds: [receipts.d!.id] },
      'paymentIds',
    );
    await refused('POST', url, 'secretary', { collectorId: ids.leader, paymentIds: [] }, 'paymentIds');
    expect((await api('POST', url, 'westChair', { collectorId: ids.leader, paymentIds })).statusCode).toBe(
      404,
    );
    expect(await rowCounts()).toEqual(before);

    const res = await api('POST', url, 'secretary', { collectorId: ids.leader, paymentIds });
    expect(res.statusCode, res.body).toBe(201);
    const handover = res.json();
    expect(handover).toMatchObject({ totalFen: 35_000, payments: 3 });
    // Once: the same cash again is refused.
    const twice = await api('POST', url, 'secretary', { collectorId: ids.leader, paymentIds });
    expect(twice.statusCode).toBe(409);

    expect(await balance(account)).toBe(45_000);
    const entries = await q<{ account_id: number; amount_fen: string }>(
      sql`select account_id, amount_fen::text from fund_entries where posting_id = ${handover.postingId} order by seq`,
    );
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({ account_id: account, amount_fen: '35000' });
    expect(entries[1]!.amount_fen).toBe('-35000');
    const linked = await q<{ handover_id: number; posting_id: number }>(
      sql`select handover_id, posting_id from fund_payments where id = any(${`{${paymentIds.join(',')}}`}::bigint[])`,
    );
    expect(linked).toEqual(
      paymentIds.map(() => ({ handover_id: handover.id, posting_id: handover.postingId })),
    );
    const verification = await verifyLedger(t.db, station);
    expect(verification.ok).toBe(true);
    expect(verification.postings).toBe(2);

    // The leader no longer holds that cash; the chair's 80 yuan waits for someone else to count it.
    const after = (await api('GET', `/crowdfunding/${drive}/cash`, 'leader')).json();
    expect(after.collectors).toEqual([]);
    const hand = (await api('GET', `/crowdfunding/${drive}/handovers`, 'leader')).json();
    expect(hand.items).toHaveLength(1);
    expect(hand.items[0]).toMatchObject({ collector: '张海波', receivedBy: 'secretary', totalFen: 35_000 });
    const { progress } = await detail(drive);
    expect(progress).toMatchObject({ paidFen: 53_000, postedFen: 45_000 });
    // The station's list says the same of this drive (and of no other).
    const list = (await api('GET', `/stations/${station}/crowdfunding`, 'chair')).json();
    expect(list.items.find((d: { id: number }) => d.id === drive)).toMatchObject({ paidFen: 53_000 });
  });

  it('closes with what it raised; then takes no payment or pledge, but the cash in hand is still handed in', async () => {
    const res = await api('POST', `/crowdfunding/${drive}/close`, 'chair');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      status: 'closed',
      paidFen: 53_000,
      postedFen: 45_000,
      pendingFen: 8_000,
      households: 30,
      paidHouseholds: 4,
    });
    const before = await rowCounts();
    const late = await pay(drive, 'leader', {
      householdId: hh['1幢1单元201'],
      amountFen: 10_000,
      method: 'cash',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('INVALID_STATE');
    const desk = await pay(drive, 'chair', {
      householdId: hh['2幢1单元202'],
      amountFen: 10_000,
      method: 'desk',
    });
    expect(desk.statusCode).toBe(409);
    const pledge = await api('POST', `/crowdfunding/${drive}/pledges`, 'resident', {
      householdId: hh['1幢1单元101'],
      amountFen: 1,
    });
    expect(pledge.statusCode).toBe(409);
    expect((await api('POST', `/crowdfunding/${drive}/close`, 'chair')).statusCode).toBe(409);
    expect(await rowCounts()).toEqual(before);
    expect((await detail(drive, 'resident')).abilities.pledge).toBe(false);

    const chairCash = (await api('GET', `/crowdfunding/${drive}/cash`, 'secretary')).json().collectors[0];
    expect(chairCash).toMatchObject({ collectorId: ids.chair, totalFen: 8_000 });
    const handed = await api('POST', `/crowdfunding/${drive}/handovers`, 'secretary', {
      collectorId: ids.chair,
      paymentIds: chairCash.items.map((i: { id: number }) => i.id),
    });
    expect(handed.statusCode).toBe(201);
    expect(await balance(account)).toBe(53_000);
    expect((await verifyLedger(t.db, station)).ok).toBe(true);
  });
});

describe('deadlines and drives for every building', () => {
  it('takes no money after the deadline', async () => {
    const { id } = await createDrive({ title: '过期的众筹', buildingIds: [] });
    await t.db.execute(sql`update fund_drives set deadline = ${addDays(today(), -1)} where id = ${id}`);
    const before = await rowCounts();
    const res = await pay(id, 'leader', { householdId: hh['1幢1单元101'], amountFen: 100, method: 'cash' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('截止');
    expect(await rowCounts()).toEqual(before);
  });

  it('asks every household of the station when it names no building', async () => {
    const { id } = await createDrive({ title: '全小区众筹', buildingIds: [], suggestedFen: 5_000 });
    const { progress, buildings } = await detail(id, 'neighbour');
    expect(buildings.map((b: { name: string }) => b.name)).toEqual(['1幢', '2幢']);
    expect(progress).toMatchObject({ households: 30, expectedFen: 150_000, paid: 0, paidFen: 0 });
    // And a drive for 1幢 only does not ask 2幢.
    const only = await createDrive({ title: '1幢众筹', buildingIds: [b1] });
    const res = await api('POST', `/crowdfunding/${only.id}/pledges`, 'neighbour', {
      householdId: hh['2幢1单元101'],
      amountFen: 100,
    });
    expect(res.statusCode).toBe(400);
    expect((await detail(only.id, 'neighbour')).myHouseholds).toEqual([]);
  });
});
