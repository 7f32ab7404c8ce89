import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fundDrives, fundPayments, fundPledges } from '../../src/modules/fund/crowdfunding.tables.ts';
import { fundAccounts, type IncomeSource } from '../../src/modules/fund/fund.tables.ts';
import { generalAccount, outsideAccount } from '../../src/modules/fund/fund.ts';
import { flowFigureSet } from '../../src/modules/fund/fund-figures.ts';
import { fundModule } from '../../src/modules/fund/index.ts';
import { type NewPosting, writePosting } from '../../src/modules/fund/ledger.ts';
import { crowdfundingFigureSet, projectFigureSet } from '../../src/modules/fund/project-figures.ts';
import type { ProjectStage } from '../../src/modules/fund/projects.tables.ts';
import { fundBudgetLines, fundProjects } from '../../src/modules/fund/projects.tables.ts';
import type { DbOrTx } from '../../src/server/db/client.ts';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';

// The figures of docs/figures-fund.md on two stations whose every answer is worked out by hand below.
// 东社区站 (E) and 西社区站 (W) sit under one street. Period: March 2026 in China Standard Time,
// [2026-03-01T00:00+08:00, 2026-04-01T00:00+08:00): postings count by `occurred_on` 2026-03-01 … 03-31.

let t: TestContext;
let east: number;
let west: number;
let streetPath: string;
let by: number;
const FROM = new Date('2026-03-01T00:00:00+08:00');
const TO = new Date('2026-04-01T00:00:00+08:00');
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const ids: Record<string, number> = {};

interface Accounts {
  general: number;
  spare: number;
  expense: number;
  drives: number[];
}
const accounts: Record<number, Accounts> = {};

async function post(
  station: number,
  name: string,
  p: Omit<NewPosting, 'entries'>,
  entries: [number, bigint][],
) {
  ids[name] = (
    await t.db.transaction((tx) =>
      writePosting(tx, station, by, {
        ...p,
        entries: entries.map(([accountId, amountFen]) => ({ accountId, amountFen })),
      }),
    )
  ).id;
}
const incomeAccount = (station: number, source: IncomeSource) =>
  t.db.transaction((tx) => outsideAccount(tx, station, 'income', source));
async function income(
  station: number,
  name: string,
  source: IncomeSource,
  into: number,
  fen: bigint,
  day: string,
) {
  const from = await incomeAccount(station, source);
  await post(station, name, { kind: 'income', source, memo: name, occurredOn: day }, [
    [into, fen],
    [from, -fen],
  ]);
}
async function expense(
  station: number,
  name: string,
  from: number,
  fen: bigint,
  day: string,
  projectId?: number,
) {
  await post(station, name, { kind: 'expense', memo: name, occurredOn: day, projectId: projectId ?? null }, [
    [from, -fen],
    [accounts[station]!.expense, fen],
  ]);
}
async function transfer(station: number, name: string, from: number, to: number, fen: bigint, day: string) {
  await post(station, name, { kind: 'transfer', memo: name, occurredOn: day }, [
    [from, -fen],
    [to, fen],
  ]);
}
/** The mirror of a posting, on its own day (as reversePosting writes it, source included). */
async function reverse(station: number, name: string, original: string, day: string) {
  const rows = await t.db.execute<{ account_id: number; amount_fen: string; source: IncomeSource | null }>(
    sql`select e.account_id, e.amount_fen::text as amount_fen, p.source from fund_entries e
      join fund_postings p on p.id = e.posting_id where p.id = ${ids[original]!} order by e.seq`,
  );
  await post(
    station,
    name,
    {
      kind: 'reversal',
      source: rows.rows[0]!.source,
      memo: name,
      occurredOn: day,
      reversesId: ids[original]!,
    },
    rows.rows.map((r) => [Number(r.account_id), -BigInt(r.amount_fen)]),
  );
}

async function project(
  tx: DbOrTx,
  station: number,
  title: string,
  stage: ProjectStage,
  created: string,
  lines: [number, number][],
) {
  const [row] = await tx
    .insert(fundProjects)
    .values({
      stationId: station,
      title,
      summary: title,
      leadName: '项目负责人',
      stage,
      createdBy: by,
      createdAt: at(created),
    })
    .returning({ id: fundProjects.id });
  for (const [i, [amountFen, extraFen]] of lines.entries()) {
    await tx.insert(fundBudgetLines).values({
      stationId: station,
      projectId: row!.id,
      position: i + 1,
      name: `${title}-${i + 1}`,
      amountFen,
      extraFen,
      sourceAccountId: accounts[station]!.general,
    });
  }
  return row!.id;
}

async function drive(
  station: number,
  account: number,
  input: { target: number; status: 'open' | 'closed' | 'cancelled'; created: string; closed?: string },
) {
  const [row] = await t.db
    .insert(fundDrives)
    .values({
      stationId: station,
      accountId: account,
      title: `众筹 ${input.target}`,
      purpose: '测试',
      targetFen: input.target,
      suggestedFen: 50_000,
      deadline: '2026-06-30',
      status: input.status,
      createdBy: by,
      createdAt: at(input.created),
      closedAt: input.closed ? at(input.closed) : null,
    })
    .returning({ id: fundDrives.id });
  return row!.id;
}

let receipt = 0;
async function payment(
  driveId: number,
  station: number,
  household: number,
  fen: number,
  day: string,
  posting?: string,
) {
  receipt += 1;
  await t.db.insert(fundPayments).values({
    stationId: station,
    driveId,
    householdId: household,
    amountFen: fen,
    method: posting ? 'desk' : 'cash',
    receiptNo: `R${receipt}`,
    payerName: '出资人',
    collectedBy: by,
    collectedAt: at(day),
    postingId: posting ? ids[posting]! : null,
  });
}
async function pledge(driveId: number, station: number, household: number, fen: number, day: string) {
  await t.db.insert(fundPledges).values({
    stationId: station,
    driveId,
    householdId: household,
    amountFen: fen,
    donorName: '认捐人',
    enteredBy: by,
    createdAt: at(day),
  });
}

beforeAll(async () => {
  t = await useTestApp();
  const city = await makeCity(t, 6);
  east = city.east.compound.stationId;
  west = city.west.compound.stationId;
  streetPath = city.streetPath;
  by = await makeUser(t, { phone: '13930000001', role: 'chair', stationId: east });
  for (const station of [east, west]) {
    await t.db.transaction(async (tx) => {
      const general = await generalAccount(tx, station);
      const expenseAccount = await outsideAccount(tx, station, 'expense', null);
      const earmarked = await tx
        .insert(fundAccounts)
        .values(
          ['专户', '众筹一', '众筹二'].map((name) => ({
            stationId: station,
            kind: 'earmarked' as const,
            name,
          })),
        )
        .returning({ id: fundAccounts.id });
      accounts[station] = {
        general,
        spare: earmarked[0]!.id,
        expense: expenseAccount,
        drives: [earmarked[1]!.id, earmarked[2]!.id],
      };
    });
  }
  const E = accounts[east]!;
  const W = accounts[west]!;
  const projects = await t.db.transaction(async (tx) => ({
    A: await project(tx, east, '东-A 已结项', 'closed', '2026-01-10', [
      [150_000, 0],
      [50_000, 0],
    ]),
    C: await project(tx, east, '东-C 实施中', 'implementation', '2026-02-01', [[50_000, 0]]),
    D: await project(tx, east, '东-D 申请中', 'application', '2026-03-15', [[10_000, 0]]),
    F: await project(tx, east, '东-F 期末后创建', 'closed', '2026-04-10', [[10_000, 0]]),
    B: await project(tx, west, '西-B 评估中', 'evaluation', '2026-01-05', [[90_000, 10_000]]),
    R: await project(tx, west, '西-R 未通过', 'rejected', '2026-02-01', [[30_000, 0]]),
  }));
  ids.A = projects.A;
  ids.B = projects.B;

  // 东社区站, in the order written (the chain's); each one's day decides its period.
  await income(east, 'e1', 'government', E.general, 500_000n, '2026-02-28'); // before
  await income(east, 'e2', 'street', E.general, 200_000n, '2026-03-01'); // first day
  await income(east, 'e3', 'donation', E.general, 10_000n, '2026-03-15');
  await expense(east, 'e4', E.general, 150_000n, '2026-03-20', projects.A);
  await expense(east, 'e5', E.general, 5_000n, '2026-03-31'); // last day, no project
  await income(east, 'e6', 'sponsor', E.general, 7_000n, '2026-04-01'); // after
  await reverse(east, 'e7', 'e3', '2026-03-25'); // the donation returned
  await transfer(east, 'e8', E.general, E.spare, 60_000n, '2026-03-10');
  await reverse(east, 'e9', 'e5', '2026-04-02'); // in April: March keeps the expense
  await expense(east, 'e10', E.spare, 30_000n, '2026-03-22', projects.A);
  await income(east, 'e11', 'crowdfunding', E.drives[0]!, 50_000n, '2026-03-02');
  await income(east, 'e12', 'crowdfunding', E.drives[0]!, 50_000n, '2026-04-05'); // after
  await income(east, 'e13', 'crowdfunding', E.drives[0]!, 50_000n, '2026-03-03');
  await income(east, 'e14', 'crowdfunding', E.drives[1]!, 100_000n, '2026-01-20'); // before
  // 西社区站.
  await income(west, 'w1', 'venture', W.general, 400_000n, '2026-03-05');
  await expense(west, 'w2', W.general, 100_000n, '2026-03-06', projects.B);
  await transfer(west, 'w3', W.general, W.spare, 20_000n, '2026-03-07');
  await reverse(west, 'w4', 'w3', '2026-03-08');
  await income(west, 'w5', 'crowdfunding', W.drives[0]!, 60_000n, '2026-03-10');
  await income(west, 'w6', 'crowdfunding', W.drives[1]!, 10_000n, '2026-03-01');

  // Crowdfunding drives.
  const eh = city.east.compound.householdIds;
  const wh = city.west.compound.householdIds;
  const d1 = await drive(east, E.drives[0]!, { target: 300_000, status: 'open', created: '2026-02-01' });
  for (const h of eh.slice(0, 4)) await pledge(d1, east, h, 50_000, '2026-02-10');
  await pledge(d1, east, eh[4]!, 50_000, '2026-04-02'); // after
  await payment(d1, east, eh[0]!, 50_000, '2026-03-02', 'e11');
  await payment(d1, east, eh[1]!, 50_000, '2026-03-03', 'e13');
  await payment(d1, east, eh[2]!, 50_000, '2026-03-04'); // cash still with the collector
  await payment(d1, east, eh[3]!, 50_000, '2026-04-05', 'e12'); // after
  const d2 = await drive(east, E.drives[1]!, {
    target: 100_000,
    status: 'closed',
    created: '2026-01-01',
    closed: '2026-02-15',
  });
  await payment(d2, east, eh[0]!, 100_000, '2026-01-20', 'e14');
  const d3 = await drive(west, W.drives[0]!, {
    target: 50_000,
    status: 'closed',
    created: '2026-02-01',
    closed: '2026-03-20',
  });
  await pledge(d3, west, wh[0]!, 60_000, '2026-02-05');
  await payment(d3, west, wh[0]!, 60_000, '2026-03-10', 'w5');
  const d4 = await drive(west, W.drives[1]!, {
    target: 200_000,
    status: 'cancelled',
    created: '2026-02-20',
    closed: '2026-03-05',
  });
  await pledge(d4, west, wh[1]!, 10_000, '2026-02-21');
  await payment(d4, west, wh[1]!, 10_000, '2026-03-01', 'w6');
});

const stationScope = (stationId: number, from = FROM) => ({ stationId, path: '', from, to: TO });
const streetScope = () => ({ stationId: null, path: streetPath, from: FROM, to: TO });
const sources = (over: Partial<Record<IncomeSource, number>>) => ({
  government: 0,
  street: 0,
  communityBuilding: 0,
  venture: 0,
  sponsor: 0,
  donation: 0,
  crowdfunding: 0,
  other: 0,
  ...over,
});

describe('fund figures', () => {
  it('are published through the manifest with their formulas', () => {
    expect(Object.keys(fundModule.figures ?? {})).toEqual(['flows', 'projects', 'crowdfunding']);
    for (const set of Object.values(fundModule.figures ?? {})) {
      expect(set).toMatchObject({ action: 'fund.read', docs: 'docs/figures-fund.md' });
    }
  });

  // East in March: e2 e3 e4 e5 e7 e8 e10 e11 e13 (9 postings).
  //   income: street 200,000; donation 10,000 − 10,000 (e7) = 0; crowdfunding 50,000 + 50,000 = 100,000 → 300,000
  //   spending: A 150,000 + 30,000 = 180,000; unassigned 5,000 (its reversal e9 is in April) → 185,000
  //   transfers 60,000; net 300,000 − 185,000 = 115,000
  // West in March: w1–w6 (6). income venture 400,000 + crowdfunding 70,000 = 470,000; spending B 100,000;
  //   transfers 20,000 − 20,000 (w4) = 0; net 370,000
  // Street: 15 postings; income 770,000; spending 285,000 (A 180,000, B 100,000, unassigned 5,000);
  //   transfers 60,000; net 485,000
  it('fund.flows: income by source and spending by project over a station and an area', async () => {
    const e = await flowFigureSet.compute(t.db, stationScope(east));
    expect(e).toEqual({
      days: { from: '2026-03-01', to: '2026-04-01' },
      postings: 9,
      income: { bySource: sources({ street: 200_000, crowdfunding: 100_000 }), totalFen: 300_000 },
      spending: {
        projects: 1,
        projectsFen: 180_000,
        unassignedFen: 5_000,
        totalFen: 185_000,
        byProject: [{ projectId: ids.A, stationId: east, title: '东-A 已结项', amountFen: 180_000 }],
      },
      transfersFen: 60_000,
      netFen: 115_000,
    });
    const w = await flowFigureSet.compute(t.db, stationScope(west));
    expect(w).toMatchObject({
      postings: 6,
      income: { bySource: sources({ venture: 400_000, crowdfunding: 70_000 }), totalFen: 470_000 },
      spending: { projectsFen: 100_000, unassignedFen: 0, totalFen: 100_000 },
      transfersFen: 0,
      netFen: 370_000,
    });
    const street = await flowFigureSet.compute(t.db, streetScope());
    expect(street).toEqual({
      days: { from: '2026-03-01', to: '2026-04-01' },
      postings: 15,
      income: {
        bySource: sources({ street: 200_000, venture: 400_000, crowdfunding: 170_000 }),
        totalFen: 770_000,
      },
      spending: {
        projects: 2,
        projectsFen: 280_000,
        unassignedFen: 5_000,
        totalFen: 285_000,
        byProject: [
          { projectId: ids.A, stationId: east, title: '东-A 已结项', amountFen: 180_000 },
          { projectId: ids.B, stationId: west, title: '西-B 评估中', amountFen: 100_000 },
        ],
      },
      transfersFen: 60_000,
      netFen: 485_000,
    });
    expect(flowFigureSet.schema.parse(street)).toEqual(street);
  });

  it('fund.flows counts a day whose China midnight falls in the period', async () => {
    // One second after midnight: 1 March is out (e2's 200,000 from the street), 2 March on is in.
    const late = await flowFigureSet.compute(t.db, stationScope(east, new Date('2026-03-01T00:00:01+08:00')));
    expect(late.days).toEqual({ from: '2026-03-02', to: '2026-04-01' });
    expect(late.income).toEqual({ bySource: sources({ crowdfunding: 100_000 }), totalFen: 100_000 });
    expect(late.postings).toBe(8);
  });

  // Projects created before 1 April: E has A (closed), C (implementation), D (application); F was created after.
  // W has B (evaluation), R (rejected). Settled (disclosure, evaluation, closed): A and B.
  //   A: budget 150,000 + 50,000 = 200,000; actual e4 + e10 = 180,000 (within)
  //   B: budget 90,000 (+ 10,000 added later); actual w2 = 100,000 (over the budget of 90,000)
  //   street: budget 290,000, extra 10,000, actual 280,000 → 280,000 / 290,000 = 96.55… → 96.6 %
  //   east: 180,000 / 200,000 = 90.0 %
  it('fund.projects: projects by stage and the budget accuracy of settled ones', async () => {
    const zero = {
      application: 0,
      approval: 0,
      implementation: 0,
      acceptance: 0,
      settlement: 0,
      disclosure: 0,
      evaluation: 0,
      closed: 0,
      rejected: 0,
      withdrawn: 0,
    };
    expect(await projectFigureSet.compute(t.db, streetScope())).toEqual({
      projects: 5,
      byStage: { ...zero, application: 1, implementation: 1, evaluation: 1, closed: 1, rejected: 1 },
      settled: {
        projects: 2,
        budgetFen: 290_000,
        extraFen: 10_000,
        actualFen: 280_000,
        accuracy: { numerator: 280_000, denominator: 290_000, percent: 96.6 },
        overBudget: 1,
        withinBudget: 1,
      },
    });
    expect(await projectFigureSet.compute(t.db, stationScope(east))).toEqual({
      projects: 3,
      byStage: { ...zero, application: 1, implementation: 1, closed: 1 },
      settled: {
        projects: 1,
        budgetFen: 200_000,
        extraFen: 0,
        actualFen: 180_000,
        accuracy: { numerator: 180_000, denominator: 200_000, percent: 90 },
        overBudget: 0,
        withinBudget: 1,
      },
    });
  });

  // Drives open at some time in March (created before 1 April, not closed before 1 March): D1 (E, open),
  // D3 (W, closed 20 March), D4 (W, cancelled 5 March); D2 closed in February. Cancelled: counted, not summed.
  //   D1: target 300,000; pledged 4 × 50,000 before April = 200,000; raised: posted payments collected before
  //       April = 50,000 + 50,000 = 100,000 (one in cash not yet handed over, one collected in April)
  //   D3: target 50,000; pledged 60,000; raised 60,000 (reached)
  //   street: target 350,000, pledged 260,000, raised 160,000 → 160,000 / 350,000 = 45.71… → 45.7 %
  it('fund.crowdfunding: drives, target, raised and completion', async () => {
    expect(await crowdfundingFigureSet.compute(t.db, streetScope())).toEqual({
      drives: 3,
      byStatus: { open: 1, closed: 1, cancelled: 1 },
      targetFen: 350_000,
      pledgedFen: 260_000,
      raisedFen: 160_000,
      completion: { numerator: 160_000, denominator: 350_000, percent: 45.7 },
      reachedTarget: 1,
    });
    expect(await crowdfundingFigureSet.compute(t.db, stationScope(east))).toEqual({
      drives: 1,
      byStatus: { open: 1, closed: 0, cancelled: 0 },
      targetFen: 300_000,
      pledgedFen: 200_000,
      raisedFen: 100_000,
      completion: { numerator: 100_000, denominator: 300_000, percent: 33.3 },
      reachedTarget: 0,
    });
  });
});
