import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client.ts';
import type { Ctx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { fenNumber } from '../../shared/money.ts';
import { parsePeriod, quarterOf, type StatementPeriod } from '../../shared/statement-period.ts';
import { stationPlace } from '../places/index.ts';
import { GENESIS } from './chain.ts';
import type { PublicFund, Statement } from './disclosure.schema.ts';
import { publicWords } from './disclosure-text.ts';
import { type AccountKind, INCOME_SOURCES, type IncomeSource, type PostingKind } from './fund.tables.ts';
import type { ProjectStage } from './projects.tables.ts';

/**
 * The fund's public disclosure 公示 (DESIGN §3.5, docs/fund-disclosure.md): a station's balances, income
 * by source, spending per project and its statements per month and quarter, for anyone, without signing
 * in. Everything is read in one snapshot and cut at one place of the hash chain (`head`): only whole
 * postings whose entries sit at or before that seq count, so a printed statement can be made again
 * (`upTo`) and checked with `linshe fund verify STATION --head HASH`.
 */

/** The stages from approval on: the budget is approved. */
const APPROVED: readonly ProjectStage[] = [
  'implementation',
  'acceptance',
  'settlement',
  'disclosure',
  'evaluation',
  'closed',
];
const holding = (kind: AccountKind): kind is 'general' | 'earmarked' =>
  kind === 'general' || kind === 'earmarked';
const fen = (text: string | null | undefined) => BigInt(text ?? '0');

function snapshot<T>(db: Db, read: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(read, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

/**
 * Where the statement is cut: the chain head now, or the end of the last whole posting at or before
 * `upTo` (a published head's seq). 404 for a seq the chain has not reached.
 */
async function cutAt(tx: DbOrTx, stationId: number, upTo: number | undefined) {
  const chain = (
    await tx.execute<{ seq: number; head: string }>(
      sql`select seq, head from fund_chains where station_id = ${stationId}`,
    )
  ).rows[0];
  const now = { seq: Number(chain?.seq ?? 0), hash: chain?.head ?? GENESIS };
  if (upTo === undefined || upTo === now.seq) return now;
  if (upTo > now.seq) throw new AppError('NOT_FOUND');
  const [row] = (
    await tx.execute<{ seq: number | null; hash: string | null }>(sql`
      select c.seq, (select e.hash from fund_entries e where e.station_id = ${stationId} and e.seq = c.seq) as hash
      from (select max(last) as seq from (select max(seq) as last from fund_entries
        where station_id = ${stationId} group by posting_id) p where last <= ${upTo}) c`)
  ).rows;
  return row?.seq ? { seq: Number(row.seq), hash: row.hash! } : { seq: 0, hash: GENESIS };
}

interface AccountSums {
  name: string;
  kind: AccountKind;
  source: IncomeSource | null;
  before: bigint;
  during: bigint;
  /** Whether any entry counted touches it. */
  used: boolean;
}

/**
 * The sums of the entries up to `cut` by account, before `from` and in [from, to) by the postings'
 * `occurred_on`, and what the expense account took per project (a reversal counts for its original's
 * project). `from` null: everything before `to` is "during"; `to` null: no end.
 */
async function sumsOf(tx: DbOrTx, stationId: number, cut: number, from: string | null, to: string | null) {
  const accounts = new Map<number, AccountSums>();
  const rows = await tx.execute<{ id: number; kind: AccountKind; name: string; source: IncomeSource | null }>(
    sql`select id, kind, name, source from fund_accounts where station_id = ${stationId} order by id`,
  );
  for (const a of rows.rows) {
    accounts.set(Number(a.id), {
      name: a.name,
      kind: a.kind,
      source: a.source,
      before: 0n,
      during: 0n,
      used: false,
    });
  }
  const sums = await tx.execute<{
    account_id: number;
    before: boolean;
    project_id: number | null;
    sum_fen: string;
  }>(sql`
    select e.account_id, ${from === null ? sql`false` : sql`p.occurred_on < ${from}::date`} as before,
      case when a.kind = 'expense' then coalesce(p.project_id, o.project_id) end as project_id,
      sum(e.amount_fen)::text as sum_fen
    from fund_entries e
    join fund_postings p on p.id = e.posting_id
    left join fund_postings o on o.id = p.reverses_id
    join fund_accounts a on a.id = e.account_id
    where e.station_id = ${stationId} and e.seq <= ${cut} ${to === null ? sql`` : sql`and p.occurred_on < ${to}::date`}
    group by 1, 2, 3`);
  const projects = new Map<number | null, bigint>();
  for (const r of sums.rows) {
    const account = accounts.get(Number(r.account_id))!;
    const amount = fen(r.sum_fen);
    account.used = true;
    if (r.before) {
      account.before += amount;
      continue;
    }
    account.during += amount;
    if (account.kind === 'expense') {
      const project = r.project_id === null ? null : Number(r.project_id);
      projects.set(project, (projects.get(project) ?? 0n) + amount);
    }
  }
  return { accounts: [...accounts.values()], projects };
}

/** Income by source over "during": what came in (income accounts are credited, so negated). */
function incomeOf(accounts: readonly AccountSums[]) {
  const bySource = INCOME_SOURCES.flatMap((source) => {
    const a = accounts.find((x) => x.kind === 'income' && x.source === source);
    return a && a.during !== 0n ? [{ source, amountFen: fenNumber(-a.during) }] : [];
  });
  const total = accounts.filter((a) => a.kind === 'income').reduce((s, a) => s - a.during, 0n);
  return { bySource, totalFen: fenNumber(total) };
}

async function projectTitles(tx: DbOrTx, stationId: number) {
  const rows = await tx.execute<{
    id: number;
    title: string;
    stage: ProjectStage;
    budget_fen: string | null;
  }>(sql`
    select p.id, p.title, p.stage,
      (select sum(l.amount_fen + l.extra_fen) from fund_budget_lines l where l.project_id = p.id)::text as budget_fen
    from fund_projects p where p.station_id = ${stationId} order by p.id`);
  return rows.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** The station's fund as the public sees it now. */
export async function publicFund(ctx: Ctx, stationId: number): Promise<PublicFund> {
  const station = await stationPlace(ctx.db, stationId);
  return snapshot(ctx.db, async (tx) => {
    const head = await cutAt(tx, stationId, undefined);
    const { accounts, projects } = await sumsOf(tx, stationId, head.seq, null, null);
    const held = accounts.filter((a) => holding(a.kind));
    const spent = (id: number) => projects.get(id) ?? 0n;
    const byProject = (await projectTitles(tx, stationId))
      .filter((p) => spent(p.id) !== 0n || APPROVED.includes(p.stage))
      .map((p) => ({
        projectId: p.id,
        title: p.title,
        stage: p.stage,
        budgetFen: APPROVED.includes(p.stage) ? fenNumber(fen(p.budget_fen)) : null,
        spentFen: fenNumber(spent(p.id)),
      }));
    const months = await tx.execute<{ month: string }>(sql`
      select distinct to_char(occurred_on, 'YYYY-MM') as month from fund_postings
      where station_id = ${stationId} order by 1 desc`);
    const monthKeys = months.rows.map((r) => r.month);
    return {
      station: { id: station.id, name: station.name },
      head,
      accounts: held.flatMap((a) =>
        holding(a.kind) ? [{ name: a.name, kind: a.kind, balanceFen: fenNumber(a.during) }] : [],
      ),
      balanceFen: fenNumber(held.reduce((s, a) => s + a.during, 0n)),
      income: incomeOf(accounts),
      spending: {
        byProject,
        unassignedFen: fenNumber(projects.get(null) ?? 0n),
        totalFen: fenNumber([...projects.values()].reduce((s, v) => s + v, 0n)),
      },
      statements: { months: monthKeys, quarters: [...new Set(monthKeys.map(quarterOf))] },
    };
  });
}

export function periodOf(key: string): StatementPeriod {
  const period = parsePeriod(key);
  if (!period)
    throw new AppError('VALIDATION', {
      errors: [{ path: 'period', message: { zh: '公示期间无效', en: 'Not a period' } }],
    });
  return period;
}

interface LineRow extends Record<string, unknown> {
  id: number;
  kind: PostingKind;
  source: IncomeSource | null;
  counterparty: string;
  memo: string;
  occurred_on: string;
  reverses_id: number | null;
  reverses_kind: PostingKind | null;
  project_id: number | null;
  project: string | null;
  entries: { seq: number; hash: string; account: string; kind: AccountKind; amountFen: string }[];
}

/** The postings of the period up to the cut, oldest first, each with its entries. */
async function linesOf(tx: DbOrTx, stationId: number, cut: number, period: StatementPeriod) {
  const rows = await tx.execute<LineRow>(sql`
    select p.id, p.kind, coalesce(p.source, o.source) as source, p.counterparty, p.memo,
      p.occurred_on::text as occurred_on, p.reverses_id, o.kind as reverses_kind,
      coalesce(p.project_id, o.project_id) as project_id, pr.title as project,
      json_agg(json_build_object('seq', e.seq, 'hash', e.hash, 'account', a.name, 'kind', a.kind,
        'amountFen', e.amount_fen::text) order by e.seq) as entries
    from fund_postings p
    join fund_entries e on e.posting_id = p.id
    join fund_accounts a on a.id = e.account_id
    left join fund_postings o on o.id = p.reverses_id
    left join fund_projects pr on pr.id = coalesce(p.project_id, o.project_id)
    where p.station_id = ${stationId} and p.occurred_on >= ${period.from}::date
      and p.occurred_on < ${period.to}::date and e.seq <= ${cut}
    group by p.id, o.kind, o.source, o.project_id, pr.title
    order by p.occurred_on, min(e.seq)`);
  return rows.rows.map((r) => {
    const entries = r.entries.map((e) => ({ ...e, amount: fen(e.amountFen) }));
    const moved = entries.filter((e) => e.amount > 0n).reduce((s, e) => s + e.amount, 0n);
    const held = entries.filter((e) => holding(e.kind)).reduce((s, e) => s + e.amount, 0n);
    return {
      postingId: Number(r.id),
      occurredOn: r.occurred_on,
      kind: r.kind,
      reversesId: r.reverses_id === null ? null : Number(r.reverses_id),
      reversesKind: r.reverses_kind,
      source: r.source,
      projectId: r.project_id === null ? null : Number(r.project_id),
      project: r.project,
      ...publicWords(r),
      amountFen: fenNumber(moved),
      heldFen: fenNumber(held),
      entries: entries.map((e) => ({
        seq: Number(e.seq),
        hash: e.hash,
        account: e.account,
        amountFen: fenNumber(e.amount),
      })),
    };
  });
}

/**
 * A statement of a month or quarter: opening and closing balances of the holding accounts, income by
 * source, spending by project, transfers, every posting of the period, and the chain head it was cut at.
 */
export async function statementOf(
  ctx: Ctx,
  { stationId, period: key, upTo }: { stationId: number; period: string; upTo?: number | undefined },
): Promise<Statement> {
  const station = await stationPlace(ctx.db, stationId);
  const period = periodOf(key);
  return snapshot(ctx.db, async (tx) => {
    const head = await cutAt(tx, stationId, upTo);
    const { accounts, projects } = await sumsOf(tx, stationId, head.seq, period.from, period.to);
    const lines = await linesOf(tx, stationId, head.seq, period);
    const titles = new Map(lines.map((l) => [l.projectId, l.project]));
    const held = accounts.filter((a) => holding(a.kind) && a.used);
    const opening = held.reduce((s, a) => s + a.before, 0n);
    const transfers = lines.filter((l) => (l.reversesKind ?? l.kind) === 'transfer');
    const byProject = [...projects].flatMap(([projectId, amount]) =>
      projectId === null
        ? []
        : [{ projectId, title: titles.get(projectId) ?? '', amountFen: fenNumber(amount) }],
    );
    return {
      station: { id: station.id, name: station.name },
      period: {
        key: period.key,
        kind: period.kind,
        from: period.from,
        through: period.through,
      },
      madeAt: new Date().toISOString(),
      head,
      accounts: held.flatMap((a) =>
        holding(a.kind)
          ? [
              {
                name: a.name,
                kind: a.kind,
                openingFen: fenNumber(a.before),
                closingFen: fenNumber(a.before + a.during),
              },
            ]
          : [],
      ),
      openingFen: fenNumber(opening),
      income: incomeOf(accounts),
      spending: {
        byProject: byProject.sort((a, b) => a.projectId - b.projectId),
        unassignedFen: fenNumber(projects.get(null) ?? 0n),
        totalFen: fenNumber([...projects.values()].reduce((s, v) => s + v, 0n)),
      },
      transfers: {
        count: transfers.length,
        amountFen: fenNumber(
          transfers.reduce(
            (s, l) => s + (l.kind === 'reversal' ? -BigInt(l.amountFen) : BigInt(l.amountFen)),
            0n,
          ),
        ),
      },
      closingFen: fenNumber(held.reduce((s, a) => s + a.before + a.during, 0n)),
      lines,
    };
  });
}
