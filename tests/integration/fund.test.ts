import { type SQL, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { entryHash, GENESIS } from '../../src/modules/fund/chain.ts';
import { insertStation } from '../../src/modules/places/create-places.ts';
import { chinaDate } from '../../src/modules/stations/index.ts';
import { loadConfig } from '../../src/server/config.ts';
import { fundVerify, runTool } from '../../src/server/tools.ts';
import { MAX_FEN } from '../../src/shared/money.ts';
import { makeCity } from '../support/factories.ts';
import { makeUser, type TestContext, useTestApp } from '../support/harness.ts';

// The fund's bars against the real database: validation, permissions, postings and their balances,
// reversals, no account below zero under 50 concurrent withdrawals, the database's own guards, and the
// hash chain catching tampering (GET …/fund/verify and `linshe fund verify`).

let t: TestContext;
let station: number;
let westStation: number;
/** A station of its own for the tampering tests, whose ledger they break and mend. */
let tamperStation: number;
const ids: Record<string, number> = {};
const cookies: Record<string, string> = {};
const today = () => chinaDate();
const tomorrow = () => chinaDate(new Date(Date.now() + 86_400_000));

type Who = 'chair' | 'council' | 'resident' | 'property' | 'officer' | 'westChair' | 'tamperChair';
const api = (method: 'GET' | 'POST', url: string, who?: Who, body?: object) =>
  t.call(method, `/api/v1${url}`, who ? cookies[who] : undefined, body);
const q = async <T>(query: SQL) => (await t.db.execute(query)).rows as T[];

interface Account {
  id: number;
  kind: string;
  name: string;
  balanceFen: number;
}
async function fund(stationId = station, who: Who = 'chair') {
  const res = await api('GET', `/stations/${stationId}/fund`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    accounts: Account[];
    chain: { entries: number; head: string | null };
    abilities: { post: boolean };
  };
}
const balanceOf = (f: { accounts: Account[] }, name: string) =>
  f.accounts.find((a) => a.name === name)?.balanceFen;
async function generalId(stationId = station, who: Who = 'chair') {
  return (await fund(stationId, who)).accounts.find((a) => a.kind === 'general')!.id;
}
async function openAccount(name: string, stationId = station, who: Who = 'chair') {
  const res = await api('POST', `/stations/${stationId}/fund/accounts`, who, { name, purpose: '测试' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}
async function post(
  kind: 'income' | 'expenses' | 'transfers',
  body: object,
  stationId = station,
  who: Who = 'chair',
) {
  return api('POST', `/stations/${stationId}/fund/${kind}`, who, {
    memo: '测试',
    occurredOn: today(),
    ...body,
  });
}
async function posted(
  kind: 'income' | 'expenses' | 'transfers',
  body: object,
  stationId = station,
  who: Who = 'chair',
) {
  const res = await post(kind, body, stationId, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { postingId: number; head: string };
}
const reverse = (postingId: number, who: Who = 'chair', memo = '冲销') =>
  api('POST', `/fund-postings/${postingId}/reverse`, who, { memo });
async function verify(stationId = station, who: Who = 'chair') {
  const res = await api('GET', `/stations/${stationId}/fund/verify`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
/** Rows of the ledger and fund audit rows, to show a refusal wrote nothing. */
async function rowCounts() {
  const [row] = await q<{ postings: number; entries: number; total: string; audits: number }>(sql`select
    (select count(*) from fund_postings)::int as postings, (select count(*) from fund_entries)::int as entries,
    (select coalesce(sum(balance_fen), 0) from fund_accounts)::text as total,
    (select count(*) from audit_events where action like 'fund.%')::int as audits`);
  return row!;
}

beforeAll(async () => {
  t = await useTestApp();
  const city = await makeCity(t, 4);
  station = city.east.compound.stationId;
  westStation = city.west.compound.stationId;
  tamperStation = await insertStation(t.db, {
    areaId: city.east.id,
    areaPath: city.east.path,
    name: '核验站',
    kind: 'service',
  });
  const people: [Who, string, Parameters<typeof makeUser>[1]['role'], number | null, string | null][] = [
    ['chair', '13910000001', 'chair', station, null],
    ['council', '13910000002', 'councilMember', station, null],
    ['resident', '13910000003', 'resident', station, null],
    ['property', '13910000004', 'propertyStaff', station, null],
    ['officer', '13910000005', 'streetOfficer', null, city.streetPath],
    ['westChair', '13910000006', 'chair', westStation, null],
    ['tamperChair', '13910000007', 'chair', tamperStation, null],
  ];
  for (const [who, phone, role, stationId, path] of people) {
    ids[who] = await makeUser(t, { phone, name: who, role, stationId, path });
    cookies[who] = await t.login(phone);
  }
});

describe('fund', () => {
  it('requires authentication', async () => {
    for (const [method, url] of [
      ['GET', `/stations/${station}/fund`],
      ['GET', `/stations/${station}/fund/postings`],
      ['GET', `/stations/${station}/fund/verify`],
      ['POST', `/stations/${station}/fund/accounts`],
      ['POST', `/stations/${station}/fund/income`],
      ['POST', `/stations/${station}/fund/expenses`],
      ['POST', `/stations/${station}/fund/transfers`],
      ['POST', '/fund-postings/1/reverse'],
    ] as const) {
      const res = await api(method, url, undefined, method === 'POST' ? {} : undefined);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('rejects bad input with a localised field error, and posts nothing', async () => {
    const general = await generalId();
    const westGeneral = await generalId(westStation, 'westChair');
    await posted('income', { source: 'street', amountFen: 10_000 }); // something to spend and to point at
    const [incomeAccount] = await q<{ id: number }>(
      sql`select id from fund_accounts where station_id = ${station} and kind = 'income'`,
    );
    const before = await rowCounts();
    const bad = async (kind: 'income' | 'expenses' | 'transfers', body: object, field: string) => {
      for (const lang of ['zh-CN', 'en'] as const) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/v1/stations/${station}/fund/${kind}`,
          headers: { cookie: cookies.chair!, 'accept-language': lang },
          payload: { memo: '测试', occurredOn: today(), ...body },
        });
        expect(res.statusCode, `${kind} ${JSON.stringify(body)}: ${res.body}`).toBe(400);
        expect(res.json().code).toBe('VALIDATION');
        const errors = res.json().errors as { path: string; message: string }[];
        const error = errors.find((e) => e.path.replace(/^body\./, '') === field);
        expect(error, `${JSON.stringify(body)} → ${res.body}`).toBeDefined();
        // Told in the caller's language only: never both halves of a 'zh / en' message.
        expect(error!.message).not.toContain(' / ');
        expect(/\p{Script=Han}/u.test(error!.message), error!.message).toBe(lang === 'zh-CN');
      }
    };
    const income = { source: 'donation', amountFen: 100 };
    await bad('income', { ...income, amountFen: -100 }, 'amountFen');
    await bad('income', { ...income, amountFen: 0 }, 'amountFen');
    await bad('income', { ...income, amountFen: 12.5 }, 'amountFen');
    await bad('income', { ...income, amountFen: '100' }, 'amountFen');
    await bad('income', { ...income, amountFen: MAX_FEN + 1 }, 'amountFen');
    await bad('income', { ...income, amountFen: Number.MAX_SAFE_INTEGER + 2 }, 'amountFen');
    await bad('income', { ...income, source: 'lottery' }, 'source');
    await bad('income', { ...income, occurredOn: tomorrow() }, 'occurredOn');
    await bad('income', { ...income, occurredOn: '2026-02-30' }, 'occurredOn');
    await bad('income', { ...income, memo: '' }, 'memo');
    await bad('income', { ...income, memo: '   ' }, 'memo');
    await bad('income', { ...income, accountId: 999_999 }, 'accountId');
    await bad('income', { ...income, accountId: westGeneral }, 'accountId');
    await bad('income', { ...income, accountId: incomeAccount!.id }, 'accountId'); // not a holding account
    await bad('expenses', { accountId: general, amountFen: -1 }, 'amountFen');
    await bad('expenses', { accountId: general, amountFen: 1.5 }, 'amountFen');
    await bad('expenses', { accountId: 999_999, amountFen: 100 }, 'accountId');
    await bad('expenses', { accountId: westGeneral, amountFen: 100 }, 'accountId');
    await bad('expenses', { accountId: general, amountFen: 100, occurredOn: tomorrow() }, 'occurredOn');
    await bad('expenses', { accountId: general, amountFen: 100, memo: '' }, 'memo');
    const transfer = { fromAccountId: general, toAccountId: general, amountFen: 100 };
    await bad('transfers', transfer, 'toAccountId');
    await bad('transfers', { ...transfer, toAccountId: westGeneral }, 'toAccountId');
    await bad('transfers', { ...transfer, toAccountId: 999_999 }, 'toAccountId');
    await bad('transfers', { ...transfer, toAccountId: incomeAccount!.id }, 'toAccountId');
    await bad('transfers', { ...transfer, amountFen: 0 }, 'amountFen');
    const reversal = await reverse(1, 'chair', '');
    expect(reversal.statusCode).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers 404 to those who may not see the fund and 403 to those who may only read it', async () => {
    const { postingId } = await posted('income', { source: 'government', amountFen: 5_000 });
    const before = await rowCounts();
    const general = await generalId();
    const attempts = async (who: Who) => ({
      read: (await api('GET', `/stations/${station}/fund`, who)).statusCode,
      postings: (await api('GET', `/stations/${station}/fund/postings`, who)).statusCode,
      verify: (await api('GET', `/stations/${station}/fund/verify`, who)).statusCode,
      income: (await post('income', { source: 'street', amountFen: 100 }, station, who)).statusCode,
      expense: (await post('expenses', { accountId: general, amountFen: 100 }, station, who)).statusCode,
      open: (await api('POST', `/stations/${station}/fund/accounts`, who, { name: `${who}的账户` }))
        .statusCode,
      reverse: (await reverse(postingId, who)).statusCode,
    });
    const hidden = {
      read: 404,
      postings: 404,
      verify: 404,
      income: 404,
      expense: 404,
      open: 404,
      reverse: 404,
    };
    const readOnly = {
      read: 200,
      postings: 200,
      verify: 200,
      income: 403,
      expense: 403,
      open: 403,
      reverse: 403,
    };
    // Residents and the property company never see the station's books; another station's chair neither.
    expect(await attempts('resident')).toEqual(hidden);
    expect(await attempts('property')).toEqual(hidden);
    expect(await attempts('westChair')).toEqual(hidden);
    // Council members and the street's officers read them; only the chair (and secretary general) post.
    expect(await attempts('council')).toEqual(readOnly);
    expect(await attempts('officer')).toEqual(readOnly);
    expect((await fund(station, 'council')).abilities).toEqual({ post: false });
    expect((await fund(station, 'chair')).abilities).toEqual({ post: true });
    expect((await api('GET', '/stations/999999/fund', 'chair')).statusCode).toBe(404);
    expect((await reverse(999_999)).statusCode).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });

  it('income, expense, transfer and reversal move the balances; a posting is reversed once, a reversal never', async () => {
    const f0 = await fund();
    const general = f0.accounts.find((a) => a.kind === 'general')!;
    const start = general.balanceFen;
    const income = await posted('income', {
      source: 'venture',
      amountFen: 100_000,
      counterparty: '鄞州区公益创投',
      memo: '楼道微改造项目资助',
    });
    const expense = await posted('expenses', {
      accountId: general.id,
      amountFen: 30_050,
      counterparty: '五金店',
      memo: '楼道灯具',
    });
    const lights = await openAccount('楼道灯改造');
    const transfer = await posted('transfers', {
      fromAccountId: general.id,
      toAccountId: lights,
      amountFen: 20_000,
      memo: '拨付楼道灯改造',
    });
    let f = await fund();
    expect(balanceOf(f, '自治基金')).toBe(start + 100_000 - 30_050 - 20_000);
    expect(balanceOf(f, '楼道灯改造')).toBe(20_000);
    expect(balanceOf(f, '收入：公益创投')).toBe(100_000); // income accounts are shown as what came in
    const spentBefore = f0.accounts.find((a) => a.kind === 'expense')?.balanceFen ?? 0;
    expect(balanceOf(f, '支出')).toBe(spentBefore + 30_050);
    expect(f.chain.head).toBe(transfer.head);

    const reversal = await reverse(expense.postingId, 'chair', '重复录入');
    expect(reversal.statusCode, reversal.body).toBe(201);
    f = await fund();
    expect(balanceOf(f, '自治基金')).toBe(start + 100_000 - 20_000);
    expect(balanceOf(f, '支出')).toBe(spentBefore);

    const before = await rowCounts();
    const again = await reverse(expense.postingId);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    const ofReversal = await reverse(reversal.json().postingId);
    expect(ofReversal.statusCode).toBe(409);
    expect(ofReversal.json().code).toBe('INVALID_STATE');
    // Undoing the income would take the general fund below zero once its money moved on: refused.
    const spentIncome = await posted('transfers', {
      fromAccountId: general.id,
      toAccountId: lights,
      amountFen: start + 80_000 - 1,
      memo: '拨付',
    });
    const mid = await rowCounts();
    const undoIncome = await reverse(income.postingId);
    expect(undoIncome.statusCode, undoIncome.body).toBe(409);
    expect(undoIncome.json().code).toBe('INSUFFICIENT_FUNDS');
    expect(await rowCounts()).toEqual(mid);
    expect(mid.postings).toBe(before.postings + 1);

    const list = await api('GET', `/stations/${station}/fund/postings?limit=5`, 'council');
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as {
      id: number;
      kind: string;
      reversesId: number | null;
      reversedBy: number | null;
      memo: string;
      createdBy: string;
      entries: { account: string; amountFen: number; seq: number }[];
    }[];
    expect(items.map((p) => p.kind)).toEqual(['transfer', 'reversal', 'transfer', 'expense', 'income']);
    expect(items.map((p) => p.id)).toEqual([
      spentIncome.postingId,
      reversal.json().postingId,
      transfer.postingId,
      expense.postingId,
      income.postingId,
    ]);
    const [, rev, , exp, inc] = items;
    expect(exp!.reversedBy).toBe(rev!.id);
    expect(rev!.reversesId).toBe(exp!.id);
    expect(inc!.reversedBy).toBeNull();
    expect(exp!.entries.map((e) => [e.account, e.amountFen])).toEqual([
      ['自治基金', -30_050],
      ['支出', 30_050],
    ]);
    expect(rev!.entries.map((e) => [e.account, e.amountFen])).toEqual([
      ['自治基金', 30_050],
      ['支出', -30_050],
    ]);
    expect(inc!.entries.map((e) => [e.account, e.amountFen])).toEqual([
      ['自治基金', 100_000],
      ['收入：公益创投', -100_000],
    ]);
    expect(items[0]!.createdBy).toBe('chair');
    // Entries are numbered without gaps, newest highest, and each posting sums to zero.
    const seqs = items.flatMap((p) => p.entries.map((e) => e.seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    for (const p of items) expect(p.entries.reduce((s, e) => s + e.amountFen, 0)).toBe(0);
    // The next page continues where this one stopped.
    const page2 = await api(
      'GET',
      `/stations/${station}/fund/postings?limit=5&cursor=${list.json().nextCursor}`,
      'chair',
    );
    expect(page2.json().items[0].id).toBeLessThan(income.postingId);

    // Every posting has its audit row, in its transaction, naming the chair; refusals have none.
    const audits = await q<{
      action: string;
      subject_id: string;
      actor_user_id: number;
      summary: { amountFen?: number };
    }>(
      sql`select action, subject_id, actor_user_id, summary from audit_events
          where station_id = ${station} and subject_id in (${sql.join(
            items.map((p) => sql`${String(p.id)}`),
            sql`, `,
          )}) and subject_type = 'fundPosting' order by id`,
    );
    expect(audits.map((a) => [a.action, Number(a.subject_id), a.actor_user_id, a.summary.amountFen])).toEqual(
      [
        ['fund.income', income.postingId, ids.chair, 100_000],
        ['fund.expense', expense.postingId, ids.chair, 30_050],
        ['fund.transfer', transfer.postingId, ids.chair, 20_000],
        ['fund.reversal', reversal.json().postingId, ids.chair, 30_050],
        ['fund.transfer', spentIncome.postingId, ids.chair, start + 80_000 - 1],
      ],
    );
    const [opened] = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'fund.account.open' and subject_id = ${String(lights)}`,
    );
    expect(opened!.n).toBe(1);

    // The untouched ledger verifies, and its head is the one GET /fund shows.
    const checked = await verify(station, 'council');
    f = await fund();
    expect(checked).toMatchObject({ ok: true, broken: null, head: f.chain.head, entries: f.chain.entries });
  });

  it('refuses an expense larger than the balance with 409 INSUFFICIENT_FUNDS and posts nothing', async () => {
    const account = await openAccount('小额账户');
    await posted('transfers', { fromAccountId: await generalId(), toAccountId: account, amountFen: 1 });
    await posted('income', { accountId: account, source: 'donation', amountFen: 999 });
    const before = await rowCounts();
    for (const lang of ['zh-CN', 'en']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/stations/${station}/fund/expenses`,
        headers: { cookie: cookies.chair!, 'accept-language': lang },
        payload: { accountId: account, amountFen: 1_001, memo: '超支', occurredOn: today() },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('INSUFFICIENT_FUNDS');
      expect(res.json().detail).toContain('10.00'); // what the account holds, in yuan
    }
    expect(await rowCounts()).toEqual(before);
    expect(balanceOf(await fund(), '小额账户')).toBe(1_000);
    expect((await post('expenses', { accountId: account, amountFen: 1_000 })).statusCode).toBe(201);
    expect(balanceOf(await fund(), '小额账户')).toBe(0);
  });

  it('50 concurrent withdrawals from an account that can pay 10 of them leave exactly 10 posted and 0', async () => {
    const account = await openAccount('并发账户');
    await posted('income', { accountId: account, source: 'crowdfunding', amountFen: 10_000 });
    const before = await rowCounts();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post('expenses', { accountId: account, amountFen: 1_000, memo: `第 ${i + 1} 笔` }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    expect(
      results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'INSUFFICIENT_FUNDS'),
    ).toBe(true);
    expect(balanceOf(await fund(), '并发账户')).toBe(0);
    const after = await rowCounts();
    expect(after.postings - before.postings).toBe(10);
    expect(after.entries - before.entries).toBe(20);
    expect(after.audits - before.audits).toBe(10);
    const [row] = await q<{ balance: string; sum: string }>(sql`select a.balance_fen::text as balance,
        (select sum(amount_fen) from fund_entries e where e.account_id = a.id)::text as sum
      from fund_accounts a where a.id = ${account}`);
    expect(row).toEqual({ balance: '0', sum: '0' });
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('10 concurrent reversals of one posting post one; the others are told it was reversed already', async () => {
    const { postingId } = await posted('income', { source: 'sponsor', amountFen: 2_000 });
    const before = await rowCounts();
    const results = await Promise.all(Array.from({ length: 10 }, () => reverse(postingId)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(
      Array(9).fill('INVALID_STATE'),
    );
    expect((await rowCounts()).postings).toBe(before.postings + 1);
  });

  it('the database refuses to change or remove postings and entries (LF001) and a holding account below zero (LF002)', async () => {
    const [general] = await q<{ id: number }>(
      sql`select id from fund_accounts where station_id = ${station} and kind = 'general'`,
    );
    const refused = (statement: SQL, code: string) =>
      expect(t.db.execute(statement)).rejects.toMatchObject({ cause: { code } });
    await refused(
      sql`update fund_entries set amount_fen = amount_fen + 1 where station_id = ${station}`,
      'LF001',
    );
    await refused(sql`delete from fund_entries where station_id = ${station}`, 'LF001');
    await refused(sql`update fund_postings set memo = '改过' where station_id = ${station}`, 'LF001');
    await refused(sql`delete from fund_postings where station_id = ${station}`, 'LF001');
    await refused(sql`truncate fund_entries`, 'LF001');
    await refused(sql`truncate fund_postings cascade`, 'LF001');
    await refused(sql`update fund_accounts set balance_fen = -1 where id = ${general!.id}`, 'LF002');
    await refused(
      sql`update fund_accounts set kind = 'income', source = 'other' where id = ${general!.id}`,
      'LF001',
    );
    await refused(
      sql`insert into fund_accounts (station_id, kind, name, balance_fen) values (${station}, 'earmarked', '负数', -5)`,
      'LF002',
    );
    expect(await verify()).toMatchObject({ ok: true });
  });
});

describe('the hash chain', () => {
  /** Runs one statement with a table's append-only trigger switched off, as someone with the database's keys could. */
  async function tamper(table: 'fund_entries' | 'fund_postings', statement: SQL) {
    await t.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`alter table ${table} disable trigger ${table}_append_only`));
      await tx.execute(statement);
      await tx.execute(sql.raw(`alter table ${table} enable trigger ${table}_append_only`));
    });
  }
  let entries: { id: number; seq: number; posting_id: number; account_id: number }[];
  let published: string;
  const broken = async () => (await verify(tamperStation, 'tamperChair')).broken;

  beforeAll(async () => {
    const s = tamperStation;
    await posted('income', { source: 'donation', amountFen: 50_000, memo: '捐赠' }, s, 'tamperChair');
    const general = await generalId(s, 'tamperChair');
    await posted('expenses', { accountId: general, amountFen: 10_000, memo: '花木' }, s, 'tamperChair');
    published = (await fund(s, 'tamperChair')).chain.head!; // the head a statement printed now carries
    await posted('income', { source: 'other', amountFen: 7_000, memo: '义卖' }, s, 'tamperChair');
    entries = await q(
      sql`select id, seq, posting_id, account_id from fund_entries where station_id = ${s} order by seq`,
    );
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  afterEach(async () => {
    // Each test mends what it broke: the ledger verifies again, head as GET /fund shows it.
    const f = await fund(tamperStation, 'tamperChair');
    expect(await verify(tamperStation, 'tamperChair')).toEqual({
      ok: true,
      entries: 6,
      postings: 3,
      head: f.chain.head,
      broken: null,
    });
  });

  it('names the entry whose amount was changed', async () => {
    const e = entries[2]!; // the expense's first entry
    await tamper(
      'fund_entries',
      sql`update fund_entries set amount_fen = amount_fen - 100 where id = ${e.id}`,
    );
    expect(await broken()).toEqual({
      reason: 'hash',
      seq: 3,
      entryId: e.id,
      postingId: e.posting_id,
      accountId: null,
    });
    await tamper(
      'fund_entries',
      sql`update fund_entries set amount_fen = amount_fen + 100 where id = ${e.id}`,
    );
  });

  it('names the first entry of the posting whose memo was changed', async () => {
    const e = entries[4]!; // the second income's first entry
    await tamper(
      'fund_postings',
      sql`update fund_postings set memo = '义卖（改）' where id = ${e.posting_id}`,
    );
    expect(await broken()).toEqual({
      reason: 'hash',
      seq: 5,
      entryId: e.id,
      postingId: e.posting_id,
      accountId: null,
    });
    await tamper('fund_postings', sql`update fund_postings set memo = '义卖' where id = ${e.posting_id}`);
  });

  it('catches a posting moved to another station', async () => {
    const e = entries[0]!;
    await tamper(
      'fund_postings',
      sql`update fund_postings set station_id = ${westStation} where id = ${e.posting_id}`,
    );
    expect(await broken()).toMatchObject({ reason: 'hash', seq: 1, entryId: e.id });
    await tamper(
      'fund_postings',
      sql`update fund_postings set station_id = ${tamperStation} where id = ${e.posting_id}`,
    );
  });

  it('catches an entry re-hashed after its change: the next one no longer links', async () => {
    const e = entries[2]!;
    const [p] = await q<{
      id: number;
      kind: string;
      source: string | null;
      counterparty: string;
      memo: string;
      occurred_on: string;
      reverses_id: number | null;
      created_by: number | null;
      created_at: string;
      prev_hash: string;
      hash: string;
    }>(sql`select p.id, p.kind, p.source, p.counterparty, p.memo, p.occurred_on::text as occurred_on, p.reverses_id,
        p.created_by, to_json(p.created_at) #>> '{}' as created_at, e.prev_hash, e.hash
      from fund_postings p join fund_entries e on e.posting_id = p.id where e.id = ${e.id}`);
    const forged = entryHash(
      {
        id: p!.id,
        stationId: tamperStation,
        kind: p!.kind,
        source: p!.source,
        counterparty: p!.counterparty,
        memo: p!.memo,
        occurredOn: p!.occurred_on,
        reversesId: p!.reverses_id,
        projectId: null,
        budgetLineId: null,
        createdBy: p!.created_by,
        createdAt: new Date(p!.created_at),
      },
      { seq: 3, accountId: e.account_id, amountFen: -9_000n },
      p!.prev_hash,
    );
    await tamper(
      'fund_entries',
      sql`update fund_entries set amount_fen = -9000, hash = ${forged} where id = ${e.id}`,
    );
    expect(await broken()).toEqual({
      reason: 'link',
      seq: 4,
      entryId: entries[3]!.id,
      postingId: entries[3]!.posting_id,
      accountId: null,
    });
    await tamper(
      'fund_entries',
      sql`update fund_entries set amount_fen = -10000, hash = ${p!.hash} where id = ${e.id}`,
    );
  });

  it('catches a removed entry as a gap at the entry after it', async () => {
    const e = entries[3]!;
    const [row] = await q<Record<string, unknown>>(sql`select * from fund_entries where id = ${e.id}`);
    await tamper('fund_entries', sql`delete from fund_entries where id = ${e.id}`);
    expect(await broken()).toEqual({
      reason: 'gap',
      seq: 5,
      entryId: entries[4]!.id,
      postingId: entries[4]!.posting_id,
      accountId: null,
    });
    await t.db.execute(sql`insert into fund_entries overriding system value
      select * from json_populate_record(null::fund_entries, ${JSON.stringify(row)}::json)`);
  });

  it("catches a kept balance that differs from the sum of the account's entries, and a changed head", async () => {
    const e = entries[0]!; // the general fund's first entry
    // Raising a balance breaks no trigger (it stays ≥ 0), only the books.
    await t.db.execute(
      sql`update fund_accounts set balance_fen = balance_fen + 1 where id = ${e.account_id}`,
    );
    expect(await broken()).toEqual({
      reason: 'balance',
      seq: null,
      entryId: null,
      postingId: null,
      accountId: e.account_id,
    });
    await t.db.execute(
      sql`update fund_accounts set balance_fen = balance_fen - 1 where id = ${e.account_id}`,
    );
    const [{ head }] = (await q<{ head: string }>(
      sql`select head from fund_chains where station_id = ${tamperStation}`,
    )) as [{ head: string }];
    await t.db.execute(sql`update fund_chains set head = ${GENESIS} where station_id = ${tamperStation}`);
    expect(await broken()).toMatchObject({ reason: 'head' });
    await t.db.execute(sql`update fund_chains set head = ${head} where station_id = ${tamperStation}`);
  });

  it('`linshe fund verify` prints the result as JSON, exits 1 with the broken link, and finds a published head', async () => {
    const config = loadConfig({ DATABASE_URL: t.url, DATA_DIR: inject('testDataDir'), DB_POOL_SIZE: '1' });
    const run = async (...args: string[]) => {
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      const exitCode = process.exitCode;
      try {
        await runTool('fund-verify', args, config);
        return { code: process.exitCode, out: JSON.parse(String(log.mock.calls.at(-1)![0])) };
      } finally {
        process.exitCode = exitCode;
        log.mockRestore();
      }
    };
    const ok = await run(String(tamperStation));
    expect(ok.code).toBe(0);
    expect(ok.out).toMatchObject({ stationId: tamperStation, ok: true, entries: 6, broken: null });
    // The head of the statement printed after the second posting is entry 4's: everything up to it holds.
    expect((await run(String(tamperStation), '--head', published)).out).toMatchObject({
      ok: true,
      published: { head: published, seq: 4 },
    });
    const unknown = await run(String(tamperStation), '--head', 'f'.repeat(64));
    expect(unknown).toMatchObject({ code: 1, out: { ok: false, published: { seq: null } } });

    const e = entries[1]!;
    await tamper('fund_entries', sql`update fund_entries set amount_fen = amount_fen - 1 where id = ${e.id}`);
    try {
      const bad = await run(String(tamperStation), '--head', published);
      expect(bad.code).toBe(1);
      expect(bad.out).toMatchObject({ ok: false, broken: { reason: 'hash', seq: 2, entryId: e.id } });
      expect((await fundVerify(t.db, tamperStation)).broken).toMatchObject({ seq: 2 });
    } finally {
      await tamper(
        'fund_entries',
        sql`update fund_entries set amount_fen = amount_fen + 1 where id = ${e.id}`,
      );
    }
    await expect(fundVerify(t.db, 999_999)).rejects.toThrow(/no station/);
    await expect(runTool('fund-verify', ['x'], config)).rejects.toThrow(/usage/);
  });
});
