import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fundAccounts, type IncomeSource } from '../../src/modules/fund/fund.tables.ts';
import { generalAccount, outsideAccount } from '../../src/modules/fund/fund.ts';
import { publishedHeadSeq, verifyLedger } from '../../src/modules/fund/index.ts';
import { type NewPosting, writePosting } from '../../src/modules/fund/ledger.ts';
import { fundBudgetLines, fundProjects } from '../../src/modules/fund/projects.tables.ts';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';

// The public disclosure 公示 of docs/fund-disclosure.md on a ledger whose every statement is worked out
// by hand below: income, expenses (one of a project), a transfer and reversals over December 2025 and
// January–February 2026, written in an order that differs from their days (a January reversal last).

let t: TestContext;
let station: number;
let projectId: number;
let chair: number;
const acc = { general: 0, doors: 0, expense: 0 } as Record<string, number>;
const postings: Record<string, number> = {};
/** Names of people who must never appear on a public page: donors, residents, staff, the project's lead. */
const PEOPLE = ['张三丰', '李四娘', '王五', '赵六', '钱理事长', '3幢1单元'];

const url = (path: string) => `/api/v1/public/stations/${station}/fund${path}`;
const get = (path: string) => t.call('GET', url(path));

async function post(
  name: string,
  posting: Omit<NewPosting, 'entries'>,
  entries: [number, bigint][],
  by: number,
) {
  const written = await t.db.transaction((tx) =>
    writePosting(tx, station, by, {
      ...posting,
      entries: entries.map(([accountId, amountFen]) => ({ accountId, amountFen })),
    }),
  );
  postings[name] = written.id;
}

const income = async (tx: Parameters<typeof outsideAccount>[0], source: IncomeSource) =>
  outsideAccount(tx, station, 'income', source);

interface StatementBody {
  head: { seq: number; hash: string };
  accounts: { name: string; openingFen: number; closingFen: number }[];
  openingFen: number;
  income: { bySource: { source: string; amountFen: number }[]; totalFen: number };
  spending: {
    byProject: { projectId: number; title: string; amountFen: number }[];
    unassignedFen: number;
    totalFen: number;
  };
  transfers: { count: number; amountFen: number };
  closingFen: number;
  lines: {
    postingId: number;
    kind: string;
    counterparty: string | null;
    memo: string;
    heldFen: number;
    entries: { seq: number; hash: string; amountFen: number }[];
  }[];
}
async function statement(period: string, query = ''): Promise<StatementBody> {
  const res = await get(`/statements/${period}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  for (const name of PEOPLE) expect(res.body).not.toContain(name);
  return res.json();
}
const bySource = (s: StatementBody) =>
  Object.fromEntries(s.income.bySource.map((r) => [r.source, r.amountFen]));

beforeAll(async () => {
  t = await useTestApp();
  const city = await makeCity(t, 4);
  station = city.east.compound.stationId;
  chair = await makeUser(t, { phone: '13920000001', name: '钱理事长', role: 'chair', stationId: station });
  const names = await t.db.execute<{ name: string }>(sql`select name from people_residents limit 5`);
  PEOPLE.push(...names.rows.map((r) => r.name));

  await t.db.transaction(async (tx) => {
    acc.general = await generalAccount(tx, station);
    acc.expense = await outsideAccount(tx, station, 'expense', null);
    const [doors] = await tx
      .insert(fundAccounts)
      .values({ stationId: station, kind: 'earmarked', name: '楼道门专户', createdBy: chair })
      .returning({ id: fundAccounts.id });
    acc.doors = doors!.id;
    for (const source of ['street', 'donation', 'crowdfunding', 'venture', 'other'] as const) {
      acc[source] = await income(tx, source);
    }
    const [project] = await tx
      .insert(fundProjects)
      .values({
        stationId: station,
        title: '楼道灯改造',
        summary: '更换楼道灯',
        leadName: '赵六',
        stage: 'implementation',
        createdBy: chair,
      })
      .returning({ id: fundProjects.id });
    projectId = project!.id;
    await tx.insert(fundBudgetLines).values({
      stationId: station,
      projectId,
      position: 1,
      name: '灯具',
      amountFen: 100_000,
      extraFen: 0,
      sourceAccountId: acc.general,
    });
  });
  const G = acc.general!;
  const E = acc.doors!;
  const X = acc.expense!;
  // Written in this order (the chain's); the days say which statement each belongs to.
  await post(
    'p1',
    {
      kind: 'income',
      source: 'street',
      counterparty: '石碶街道办事处',
      memo: '运行经费',
      occurredOn: '2025-12-15',
    },
    [
      [G, 1_000_000n],
      [acc.street!, -1_000_000n],
    ],
    chair,
  );
  await post(
    'p2',
    {
      kind: 'income',
      source: 'donation',
      counterparty: '张三丰',
      memo: '张三丰捐赠',
      occurredOn: '2026-01-05',
    },
    [
      [G, 50_000n],
      [acc.donation!, -50_000n],
    ],
    chair,
  );
  await post(
    'p3',
    {
      kind: 'income',
      source: 'crowdfunding',
      counterparty: '3幢1单元 李**',
      memo: '李四娘出资',
      occurredOn: '2026-01-08',
    },
    [
      [E, 30_000n],
      [acc.crowdfunding!, -30_000n],
    ],
    chair,
  );
  await post(
    'p4',
    { kind: 'expense', counterparty: '宁波光明灯具', memo: '楼道灯具', occurredOn: '2026-01-10', projectId },
    [
      [G, -120_000n],
      [X, 120_000n],
    ],
    chair,
  );
  await post(
    'p5',
    { kind: 'transfer', memo: '拨入楼道门专户', occurredOn: '2026-01-20' },
    [
      [G, -200_000n],
      [E, 200_000n],
    ],
    chair,
  );
  await post(
    'p6',
    { kind: 'expense', counterparty: '文具店', memo: '办公用品', occurredOn: '2026-01-25' },
    [
      [G, -8_000n],
      [X, 8_000n],
    ],
    chair,
  );
  // A reversal carries no project of its own: it counts for its original's.
  await post(
    'p7',
    {
      kind: 'reversal',
      counterparty: '宁波光明灯具',
      memo: '退货',
      occurredOn: '2026-02-03',
      reversesId: postings.p4!,
    },
    [
      [G, 120_000n],
      [X, -120_000n],
    ],
    chair,
  );
  await post(
    'p8',
    {
      kind: 'expense',
      counterparty: '宁波光明灯具',
      memo: '重新采购灯具',
      occurredOn: '2026-02-10',
      projectId,
    },
    [
      [E, -45_000n],
      [X, 45_000n],
    ],
    chair,
  );
  await post(
    'p9',
    {
      kind: 'income',
      source: 'venture',
      counterparty: '鄞州区社区公益创投',
      memo: '项目资助',
      occurredOn: '2026-02-14',
    },
    [
      [G, 300_000n],
      [acc.venture!, -300_000n],
    ],
    chair,
  );
  await post(
    'p10',
    {
      kind: 'reversal',
      source: 'donation',
      counterparty: '张三丰',
      memo: '冲销张三丰的捐赠（退回）',
      occurredOn: '2026-02-20',
      reversesId: postings.p2!,
    },
    [
      [G, -50_000n],
      [acc.donation!, 50_000n],
    ],
    chair,
  );
  await post(
    'p11',
    { kind: 'expense', counterparty: '宁波绿景园艺', memo: '补种', occurredOn: '2026-02-27' },
    [
      [G, -20_000n],
      [X, 20_000n],
    ],
    chair,
  );
  await post(
    'p12',
    {
      kind: 'reversal',
      counterparty: '文具店',
      memo: '重复录入',
      occurredOn: '2026-01-28',
      reversesId: postings.p6!,
    },
    [
      [G, 8_000n],
      [X, -8_000n],
    ],
    chair,
  );
});

// Worked out by hand (fen). Holding accounts: G (自治基金), E (楼道门专户).
//   2025-12: street +1,000,000 → G 1,000,000
//   2026-01: donation +50,000 (G), crowdfunding +30,000 (E), project expense −120,000 (G), transfer G→E 200,000,
//            expense −8,000 (G) and its reversal +8,000 (G)
//            → G 730,000, E 230,000: closing 960,000 = 1,000,000 + income 80,000 − spending 120,000
//   2026-02: reversal of the project expense +120,000 (G), project expense −45,000 (E), venture +300,000 (G),
//            reversal of the donation −50,000 (G), expense −20,000 (G)
//            → G 1,080,000, E 185,000: closing 1,265,000 = 960,000 + income 250,000 − spending (−55,000)
//   2026-Q1: income crowdfunding 30,000 + venture 300,000 (donation nets to 0) = 330,000;
//            spending project 45,000 + unassigned 20,000 = 65,000; closing 1,000,000 + 330,000 − 65,000
describe('the public statements', () => {
  it('needs no sign-in and shows the fund: balances, income by source, spending per project, the periods', async () => {
    const res = await get('');
    expect(res.statusCode, res.body).toBe(200);
    for (const name of PEOPLE) expect(res.body).not.toContain(name);
    const body = res.json();
    expect(body.accounts).toEqual([
      { name: '自治基金', kind: 'general', balanceFen: 1_080_000 },
      { name: '楼道门专户', kind: 'earmarked', balanceFen: 185_000 },
    ]);
    expect(body.balanceFen).toBe(1_265_000);
    expect(body.income).toEqual({
      bySource: [
        { source: 'street', amountFen: 1_000_000 },
        { source: 'venture', amountFen: 300_000 },
        { source: 'crowdfunding', amountFen: 30_000 },
      ],
      totalFen: 1_330_000,
    });
    expect(body.spending).toEqual({
      byProject: [
        { projectId, title: '楼道灯改造', stage: 'implementation', budgetFen: 100_000, spentFen: 45_000 },
      ],
      unassignedFen: 20_000,
      totalFen: 65_000,
    });
    expect(body.statements).toEqual({
      months: ['2026-02', '2026-01', '2025-12'],
      quarters: ['2026-Q1', '2025-Q4'],
    });
    const chain = await verifyLedger(t.db, station);
    expect(chain.ok).toBe(true);
    expect(body.head).toEqual({ seq: 24, hash: chain.head });
  });

  it('answers 404 for a station that does not exist and 400 for what is not a period', async () => {
    for (const path of [
      '/api/v1/public/stations/999999/fund',
      '/api/v1/public/stations/999999/fund/statements/2026-01',
      '/api/v1/public/stations/999999/fund/statements/2026-01.xlsx',
    ]) {
      expect((await t.call('GET', path)).statusCode, path).toBe(404);
    }
    for (const bad of ['2026-13', '2026-Q5', '2026-3', 'abc', '2026-01-01', '1899-12', '2026-q1']) {
      expect((await get(`/statements/${bad}`)).statusCode, bad).toBe(400);
      expect((await get(`/statements/${bad}.xlsx`)).statusCode, bad).toBe(400);
    }
    expect((await t.call('GET', '/api/v1/public/stations/abc/fund')).statusCode).toBe(400);
  });

  it('makes the month statements as worked out by hand', async () => {
    const jan = await statement('2026-01');
    expect(jan.openingFen).toBe(1_000_000);
    expect(jan.accounts).toEqual([
      { name: '自治基金', kind: 'general', openingFen: 1_000_000, closingFen: 730_000 },
      { name: '楼道门专户', kind: 'earmarked', openingFen: 0, closingFen: 230_000 },
    ]);
    expect(bySource(jan)).toEqual({ donation: 50_000, crowdfunding: 30_000 });
    expect(jan.income.totalFen).toBe(80_000);
    expect(jan.spending).toEqual({
      byProject: [{ projectId, title: '楼道灯改造', amountFen: 120_000 }],
      unassignedFen: 0,
      totalFen: 120_000,
    });
    expect(jan.transfers).toEqual({ count: 1, amountFen: 200_000 });
    expect(jan.closingFen).toBe(960_000);
    // Postings by day; the reversal written last sits on its own day in January.
    expect(jan.lines.map((l) => l.postingId)).toEqual(
      ['p2', 'p3', 'p4', 'p5', 'p6', 'p12'].map((p) => postings[p]),
    );
    expect(jan.lines.map((l) => l.heldFen)).toEqual([50_000, 30_000, -120_000, 0, -8_000, 8_000]);
    // Money from people shows neither who nor the memo; organisations and suppliers show.
    expect(jan.lines[0]).toMatchObject({ counterparty: null, memo: '个人捐赠' });
    expect(jan.lines[1]).toMatchObject({ counterparty: null, memo: '居民众筹' });
    expect(jan.lines[2]).toMatchObject({ counterparty: '宁波光明灯具', memo: '楼道灯具' });

    const feb = await statement('2026-02');
    expect(feb.openingFen).toBe(960_000);
    expect(bySource(feb)).toEqual({ venture: 300_000, donation: -50_000 });
    expect(feb.income.totalFen).toBe(250_000);
    expect(feb.spending).toEqual({
      byProject: [{ projectId, title: '楼道灯改造', amountFen: -75_000 }],
      unassignedFen: 20_000,
      totalFen: -55_000,
    });
    expect(feb.transfers).toEqual({ count: 0, amountFen: 0 });
    expect(feb.closingFen).toBe(1_265_000);
    // The donation's reversal is masked like the donation.
    const reversal = feb.lines.find((l) => l.postingId === postings.p10)!;
    expect(reversal).toMatchObject({
      kind: 'reversal',
      counterparty: null,
      memo: '个人捐赠',
      heldFen: -50_000,
    });

    const dec = await statement('2025-12');
    expect(dec).toMatchObject({ openingFen: 0, closingFen: 1_000_000, income: { totalFen: 1_000_000 } });
    const march = await statement('2026-03');
    expect(march).toMatchObject({ openingFen: 1_265_000, closingFen: 1_265_000, lines: [] });
  });

  it('makes a quarter the sum of its months', async () => {
    const q1 = await statement('2026-Q1');
    const months = [await statement('2026-01'), await statement('2026-02'), await statement('2026-03')];
    expect(q1.openingFen).toBe(months[0]!.openingFen);
    expect(q1.closingFen).toBe(months[2]!.closingFen);
    expect(q1.income.totalFen).toBe(months.reduce((s, m) => s + m.income.totalFen, 0));
    expect(q1.spending.totalFen).toBe(months.reduce((s, m) => s + m.spending.totalFen, 0));
    expect(q1.spending.unassignedFen).toBe(months.reduce((s, m) => s + m.spending.unassignedFen, 0));
    expect(q1.transfers.amountFen).toBe(months.reduce((s, m) => s + m.transfers.amountFen, 0));
    for (const source of ['donation', 'crowdfunding', 'venture']) {
      expect(bySource(q1)[source] ?? 0).toBe(months.reduce((s, m) => s + (bySource(m)[source] ?? 0), 0));
    }
    expect(q1.lines.map((l) => l.postingId)).toEqual(months.flatMap((m) => m.lines.map((l) => l.postingId)));
    expect(q1).toMatchObject({
      openingFen: 1_000_000,
      income: { totalFen: 330_000 },
      spending: { byProject: [{ projectId, amountFen: 45_000 }], unassignedFen: 20_000, totalFen: 65_000 },
      closingFen: 1_265_000,
    });
    expect(bySource(q1)).toEqual({ crowdfunding: 30_000, venture: 300_000 });
  });

  it('carries the chain head: verifyLedger’s when nothing was posted since, found by `linshe fund verify --head`', async () => {
    const chain = await verifyLedger(t.db, station);
    const jan = await statement('2026-01');
    expect(jan.head).toEqual({ seq: chain.entries, hash: chain.head });
    expect(await publishedHeadSeq(t.db, station, jan.head.hash)).toBe(24);
    // Every entry of the statement's postings, with its seq and hash as the ledger holds them.
    const stored = await t.db.execute<{ seq: number; hash: string }>(
      sql`select seq, hash from fund_entries where posting_id = ${postings.p4} order by seq`,
    );
    expect(jan.lines[2]!.entries.map((e) => ({ seq: e.seq, hash: e.hash }))).toEqual(
      stored.rows.map((r) => ({ seq: Number(r.seq), hash: r.hash })),
    );
  });

  it('makes a published statement again with upTo, cut at the end of a whole posting', async () => {
    const before = await statement('2026-01', '?upTo=22');
    // p12 (seq 23–24) is not in it yet: the January expense stands.
    expect(before.head.seq).toBe(22);
    expect(before.spending.unassignedFen).toBe(8_000);
    expect(before.closingFen).toBe(952_000);
    // upTo in the middle of a posting: cut at the end of the last whole one before it.
    expect((await statement('2026-01', '?upTo=23')).head).toEqual(before.head);
    expect((await statement('2026-01', '?upTo=0')).head.seq).toBe(0);
    expect((await get('/statements/2026-01?upTo=25')).statusCode).toBe(404);
    expect((await get('/statements/2026-01?upTo=-1')).statusCode).toBe(400);
  });

  it('exports the statement as Excel with the same totals, every entry with its seq and hash', async () => {
    const json = await statement('2026-01');
    const res = await get('/statements/2026-01.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="fund-${station}-2026-01-24.xlsx"`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '收入', '支出', '分录']);
    // Rows and cells from column A (exceljs counts from 1 and leaves holes for empty rows).
    const rows = (name: string) =>
      Array.from(book.getWorksheet(name)!.getSheetValues().slice(1), (r) =>
        Array.isArray(r) ? r.slice(1) : [],
      );
    const line = (name: string, label: string) =>
      rows(name)
        .find((r) => r[0] === label)!
        .slice(1);
    expect(line('汇总', '期初余额')).toEqual(['10,000.00', json.openingFen]);
    expect(line('汇总', '本期收入')).toEqual(['800.00', json.income.totalFen]);
    expect(line('汇总', '本期支出')).toEqual(['1,200.00', json.spending.totalFen]);
    expect(line('汇总', '期末余额')).toEqual(['9,600.00', json.closingFen]);
    expect(line('汇总', '账本链头哈希')).toEqual([json.head.hash]);
    expect(line('汇总', '核验命令')).toEqual([`linshe fund verify ${station} --head ${json.head.hash}`]);
    expect(line('收入', '个人捐赠')).toEqual(['500.00', 50_000]);
    expect(line('收入', '合计')).toEqual(['800.00', 80_000]);
    expect(line('支出', '楼道灯改造')).toEqual(['1,200.00', 120_000]);
    expect(line('支出', '合计')).toEqual(['1,200.00', 120_000]);
    const entries = rows('分录').slice(1);
    expect(entries.map((r) => [r[0], r[1]])).toEqual(
      json.lines.flatMap((l) => l.entries.map((e) => [e.seq, e.hash])),
    );
    // Entries of every posting sum to zero, in fen.
    expect(entries.reduce((s, r) => s + (r[7] as number), 0)).toBe(0);
    const text = JSON.stringify(book.worksheets.map((w) => w.getSheetValues()));
    for (const name of PEOPLE) expect(text).not.toContain(name);
  });

  it('shows a backdated posting in its period, with a new head; the old head still finds its place', async () => {
    const old = await statement('2026-01');
    const other = await t.db.transaction((tx) => outsideAccount(tx, station, 'income', 'other'));
    await post(
      'p13',
      { kind: 'income', source: 'other', counterparty: '王五', memo: '废品回收款', occurredOn: '2026-01-31' },
      [
        [acc.general!, 1_000n],
        [other, -1_000n],
      ],
      chair,
    );
    const now = await statement('2026-01');
    expect(now.head.seq).toBe(26);
    expect(bySource(now).other).toBe(1_000);
    expect(now.closingFen).toBe(961_000);
    expect(now.lines.at(-1)).toMatchObject({ counterparty: null, memo: '废品回收款' });
    const again = await statement('2026-01', `?upTo=${old.head.seq}`);
    expect({ ...again, madeAt: null }).toEqual({ ...old, madeAt: null });
    expect(await publishedHeadSeq(t.db, station, old.head.hash)).toBe(24);
    expect((await verifyLedger(t.db, station)).head).toBe(now.head.hash);
  });
});
