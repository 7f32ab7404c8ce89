import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';
import { fenNumber } from '../../shared/money.ts';
import { can } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { stationPlace } from '../places/index.ts';
import { chinaDate } from '../stations/index.ts';
import {
  type AccountKind,
  fundAccounts,
  fundEntries,
  fundPostings,
  type IncomeSource,
} from './fund.tables.ts';
import { lockChain, type NewPosting, writePosting } from './ledger.ts';
import { idPage, newestFirst, type Paging } from './newest-first.ts';
import { allows } from './project-lifecycle.ts';
import type { ProjectStage } from './projects.tables.ts';

/**
 * The fund's use cases: a station's accounts with their balances, and the postings staff record —
 * income by source, expenses, transfers between accounts, reversals. Amounts arrive as integer fen.
 */

/** The names of the accounts the ledger opens by itself (the station's own names are refused). */
const GENERAL = '自治基金';
const EXPENSES = '支出';
const INCOME_PREFIX = '收入：';
export const SOURCE_NAMES: Record<IncomeSource, string> = {
  government: '财政支持',
  street: '街道经费',
  communityBuilding: '社区建设经费',
  venture: '公益创投',
  sponsor: '单位赞助',
  donation: '个人捐赠',
  crowdfunding: '居民众筹',
  other: '其他',
};

/** The station and what the user may do with its fund; 404 unless they may see it. */
export async function fundAccess(ctx: AuthedCtx, stationId: number) {
  const station = await stationPlace(ctx.db, stationId);
  const read = can(ctx.user, 'fund.read', station);
  const post = can(ctx.user, 'fund.post', station);
  if (!read && !post) throw new AppError('NOT_FOUND');
  return { station, read, post };
}

async function postable(ctx: AuthedCtx, stationId: number) {
  const access = await fundAccess(ctx, stationId);
  if (!access.post) throw new AppError('FORBIDDEN');
  return access;
}

/** The station's general fund (opened on first use). */
export const generalAccount = (tx: DbOrTx, stationId: number) =>
  ledgerAccount(tx, stationId, 'general', GENERAL, null);

/** The account on the other side: one per income source, one for expenses (opened on first use). */
export const outsideAccount = (
  tx: DbOrTx,
  stationId: number,
  kind: 'income' | 'expense',
  source: IncomeSource | null,
) =>
  ledgerAccount(
    tx,
    stationId,
    kind,
    kind === 'income' ? `${INCOME_PREFIX}${SOURCE_NAMES[source!]}` : EXPENSES,
    source,
  );

/** One of the accounts the ledger opens by itself: found, or opened the first time (a read otherwise). */
async function ledgerAccount(
  tx: DbOrTx,
  stationId: number,
  kind: 'general' | 'income' | 'expense',
  name: string,
  source: IncomeSource | null,
): Promise<number> {
  const find = async () =>
    (
      await tx
        .select({ id: fundAccounts.id })
        .from(fundAccounts)
        .where(
          and(
            eq(fundAccounts.stationId, stationId),
            eq(fundAccounts.name, name),
            eq(fundAccounts.kind, kind),
          ),
        )
    )[0]?.id;
  const found = await find();
  if (found !== undefined) return found;
  await tx.execute(sql`insert into fund_accounts (station_id, kind, name, source)
    values (${stationId}, ${kind}, ${name}, ${source}) on conflict do nothing`);
  return (await find())!;
}

/** A holding account (general or earmarked) of the station, for the field `path`. */
async function holdingAccount(tx: DbOrTx, stationId: number, accountId: number, path: string) {
  const [row] = await tx
    .select({ id: fundAccounts.id, stationId: fundAccounts.stationId, kind: fundAccounts.kind })
    .from(fundAccounts)
    .where(eq(fundAccounts.id, accountId));
  if (!row || row.stationId !== stationId || (row.kind !== 'general' && row.kind !== 'earmarked')) {
    throw fieldError(path, '找不到本站的该资金账户', 'No such fund account at this station');
  }
  // A project's own account moves only by its approvals, its budget lines' expenses and its settlement.
  if (await isProjectAccount(tx, row.id)) {
    throw fieldError(
      path,
      '项目账户的资金只能在项目中按预算支出或结算退回',
      'A project’s account is spent only against its budget lines, and settled by the project',
    );
  }
  return row;
}

async function isProjectAccount(tx: DbOrTx, accountId: number): Promise<boolean> {
  const found = await tx.execute(sql`select 1 from fund_projects where account_id = ${accountId} limit 1`);
  return found.rows.length > 0;
}

function notFuture(day: string) {
  if (day > chinaDate())
    throw fieldError('occurredOn', '日期不能晚于今天', 'The day cannot be in the future');
}

export async function listAccounts(ctx: AuthedCtx, stationId: number) {
  const access = await fundAccess(ctx, stationId);
  await generalAccount(ctx.db, stationId);
  // One snapshot: the balances shown are the ones the chain head shown covers.
  const [rows, chain] = await ctx.db.transaction(
    async (tx) => [
      await tx
        .select({
          id: fundAccounts.id,
          kind: fundAccounts.kind,
          name: fundAccounts.name,
          source: fundAccounts.source,
          purpose: fundAccounts.purpose,
          balanceFen: sql<string>`${fundAccounts.balanceFen}::text`,
        })
        .from(fundAccounts)
        .where(eq(fundAccounts.stationId, stationId))
        .orderBy(asc(fundAccounts.id)),
      await tx.execute<{ seq: number; head: string }>(
        sql`select seq, head from fund_chains where station_id = ${stationId}`,
      ),
    ],
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return {
    accounts: rows.map((a) => ({
      id: a.id,
      kind: a.kind,
      name: a.name,
      source: a.source,
      purpose: a.purpose,
      // Income accounts are credited: shown as what came in (positive).
      balanceFen: fenNumber(a.kind === 'income' ? -BigInt(a.balanceFen) : BigInt(a.balanceFen)),
    })),
    chain: { entries: Number(chain.rows[0]?.seq ?? 0), head: chain.rows[0]?.head ?? null },
    abilities: { post: access.post },
  };
}

/** An earmarked account (e.g. one crowdfunding drive's). */
export async function openAccount(
  ctx: AuthedCtx,
  stationId: number,
  input: { name: string; purpose: string },
) {
  const { station } = await postable(ctx, stationId);
  if (
    input.name === GENERAL ||
    input.name === EXPENSES ||
    [INCOME_PREFIX, '项目#', '众筹：'].some((prefix) => input.name.startsWith(prefix))
  ) {
    throw fieldError('name', '该名称留给系统账户', 'That name is kept for the ledger’s own accounts');
  }
  return ctx.db.transaction(async (tx) => {
    await generalAccount(tx, stationId);
    const [row] = await tx
      .insert(fundAccounts)
      .values({
        stationId,
        kind: 'earmarked',
        name: input.name,
        purpose: input.purpose,
        createdBy: ctx.user.userId,
      })
      .onConflictDoNothing()
      .returning({ id: fundAccounts.id });
    if (!row) throw fieldError('name', '本站已有同名账户', 'The station has an account of that name');
    await recordAudit(tx, ctx, {
      action: 'fund.account.open',
      subjectType: 'fundAccount',
      subjectId: row.id,
      stationId,
      path: station.path,
      summary: { name: input.name },
    });
    return { id: row.id };
  });
}

type Recorded = { postingId: number; head: string };

async function record(
  ctx: AuthedCtx,
  stationId: number,
  build: (tx: DbOrTx) => Promise<NewPosting>,
  /** Rows to lock before the chain, in the order other writers take them (a project before the chain). */
  lockFirst?: (tx: DbOrTx) => Promise<void>,
): Promise<Recorded> {
  const { station } = await postable(ctx, stationId);
  return ctx.db.transaction(async (tx) => {
    await lockFirst?.(tx);
    // The chain next: the checks below then see every posting written before this one.
    await lockChain(tx, stationId);
    const posting = await build(tx);
    notFuture(posting.occurredOn);
    const written = await writePosting(tx, stationId, ctx.user.userId, posting);
    await recordAudit(tx, ctx, {
      action: `fund.${posting.kind}`,
      subjectType: 'fundPosting',
      subjectId: written.id,
      stationId,
      path: station.path,
      summary: {
        amountFen: fenNumber(
          posting.entries.filter((e) => e.amountFen > 0n).reduce((s, e) => s + e.amountFen, 0n),
        ),
        ...(posting.reversesId ? { reverses: posting.reversesId } : {}),
      },
    });
    return { postingId: written.id, head: written.head };
  });
}

export interface MoneyIn {
  accountId: number | null;
  source: IncomeSource;
  amountFen: number;
  counterparty: string;
  memo: string;
  occurredOn: string;
}

/** Money received: into an account (the general fund when none is named) from a source. */
export function recordIncome(ctx: AuthedCtx, stationId: number, input: MoneyIn) {
  return record(ctx, stationId, async (tx) => {
    const into = input.accountId
      ? (await holdingAccount(tx, stationId, input.accountId, 'accountId')).id
      : await generalAccount(tx, stationId);
    // A drive's money comes in through the drive, each payment with its receipt.
    const drive = await tx.execute(sql`select 1 from fund_drives where account_id = ${into} limit 1`);
    if (drive.rows.length > 0) {
      throw fieldError(
        'accountId',
        '众筹款请在众筹页面收款，每笔开具收据',
        'A drive’s money is taken on the drive’s page, each payment with its receipt',
      );
    }
    const from = await outsideAccount(tx, stationId, 'income', input.source);
    const amount = BigInt(input.amountFen);
    return {
      kind: 'income',
      source: input.source,
      counterparty: input.counterparty,
      memo: input.memo,
      occurredOn: input.occurredOn,
      entries: [
        { accountId: into, amountFen: amount },
        { accountId: from, amountFen: -amount },
      ],
    };
  });
}

/** Money paid out of a holding account. */
export function recordExpense(
  ctx: AuthedCtx,
  stationId: number,
  input: Omit<MoneyIn, 'source' | 'accountId'> & { accountId: number },
) {
  return record(ctx, stationId, async (tx) => {
    const from = (await holdingAccount(tx, stationId, input.accountId, 'accountId')).id;
    const to = await outsideAccount(tx, stationId, 'expense', null);
    const amount = BigInt(input.amountFen);
    return {
      kind: 'expense',
      counterparty: input.counterparty,
      memo: input.memo,
      occurredOn: input.occurredOn,
      entries: [
        { accountId: from, amountFen: -amount },
        { accountId: to, amountFen: amount },
      ],
    };
  });
}

/** Money moved between two holding accounts of the station. */
export function recordTransfer(
  ctx: AuthedCtx,
  stationId: number,
  input: { fromAccountId: number; toAccountId: number; amountFen: number; memo: string; occurredOn: string },
) {
  return record(ctx, stationId, async (tx) => {
    if (input.fromAccountId === input.toAccountId) {
      throw fieldError('toAccountId', '转入和转出不能是同一账户', 'Choose two different accounts');
    }
    const from = await holdingAccount(tx, stationId, input.fromAccountId, 'fromAccountId');
    const to = await holdingAccount(tx, stationId, input.toAccountId, 'toAccountId');
    const amount = BigInt(input.amountFen);
    return {
      kind: 'transfer',
      memo: input.memo,
      occurredOn: input.occurredOn,
      entries: [
        { accountId: from.id, amountFen: -amount },
        { accountId: to.id, amountFen: amount },
      ],
    };
  });
}

/** Undoes a posting by its mirror image (never an edit): once, and not a reversal itself. */
export async function reversePosting(ctx: AuthedCtx, postingId: number, memo: string) {
  const [original] = await ctx.db.select().from(fundPostings).where(eq(fundPostings.id, postingId));
  if (!original) throw new AppError('NOT_FOUND');
  return record(
    ctx,
    original.stationId,
    async (tx) => {
      if (original.kind === 'reversal') {
        throw new AppError('INVALID_STATE', {
          detail: { zh: '冲销记录不能再冲销', en: 'A reversal cannot itself be reversed' },
        });
      }
      const [done] = await tx
        .select({ id: fundPostings.id })
        .from(fundPostings)
        .where(eq(fundPostings.reversesId, postingId));
      if (done) {
        throw new AppError('INVALID_STATE', {
          detail: { zh: '该笔记录已冲销', en: 'It was reversed already' },
        });
      }
      const lines = await tx
        .select({ accountId: fundEntries.accountId, amountFen: sql<string>`${fundEntries.amountFen}::text` })
        .from(fundEntries)
        .where(eq(fundEntries.postingId, postingId))
        .orderBy(asc(fundEntries.seq));
      // Crowdfunding money is tied to its payments' receipts: a payment posted is never undone here.
      const paid = await tx.execute(sql`select 1 from fund_payments where posting_id = ${postingId} limit 1`);
      if (paid.rows.length > 0) {
        throw new AppError('INVALID_STATE', {
          detail: {
            zh: '众筹收款已开具收据，不能在账本中冲销',
            en: 'Crowdfunding payments carry receipts: they are not reversed in the ledger',
          },
        });
      }
      // A project's budget transfer or leftover return is undone by the project's own steps, never here.
      if (original.kind === 'transfer') {
        for (const l of lines) {
          if (await isProjectAccount(tx, l.accountId)) {
            throw new AppError('INVALID_STATE', {
              detail: {
                zh: '项目的预算拨付和结余退回不能冲销',
                en: 'A project’s budget transfer or leftover return cannot be reversed',
              },
            });
          }
        }
      }
      return {
        kind: 'reversal',
        source: original.source,
        counterparty: original.counterparty,
        memo,
        occurredOn: chinaDate(),
        reversesId: postingId,
        projectId: original.projectId,
        budgetLineId: original.budgetLineId,
        entries: lines.map((l) => ({ accountId: l.accountId, amountFen: -BigInt(l.amountFen) })),
      };
    },
    (tx) => lockExpenseProject(tx, original.projectId),
  );
}

/**
 * A project's expense is undone only while the project still spends (its row locked first, as its expenses
 * take it): after settlement the money would be stranded in the project's account.
 */
async function lockExpenseProject(tx: DbOrTx, projectId: number | null) {
  if (projectId === null) return;
  const found = await tx.execute<{ stage: ProjectStage }>(
    sql`select stage from fund_projects where id = ${projectId} for update`,
  );
  const stage = found.rows[0]?.stage;
  if (!stage || !allows(stage, 'expense')) {
    throw new AppError('INVALID_STATE', {
      detail: {
        zh: '项目已不在实施或结算阶段，这笔支出不能再冲销',
        en: 'The project no longer spends: this expense cannot be reversed now',
      },
    });
  }
}

/** The ledger, newest first, with each posting's entries (account names) and whether it was reversed. */
export async function listPostings(ctx: AuthedCtx, stationId: number, query: Paging) {
  await fundAccess(ctx, stationId);
  const rows = await ctx.db.execute<{
    id: string;
    kind: string;
    source: string | null;
    counterparty: string;
    memo: string;
    occurred_on: string;
    reverses_id: string | null;
    reversed_by: string | null;
    created_at: Date;
    created_by_name: string | null;
    lines: {
      accountId: number;
      name: string;
      kind: AccountKind;
      amountFen: string;
      seq: number;
      hash: string;
    }[];
  }>(sql`
    select p.id, p.kind, p.source, p.counterparty, p.memo, p.occurred_on::text as occurred_on, p.reverses_id,
      (select r.id from fund_postings r where r.reverses_id = p.id) as reversed_by, p.created_at,
      (select u.display_name from accounts_users u where u.id = p.created_by) as created_by_name,
      (select json_agg(json_build_object('accountId', e.account_id, 'name', a.name, 'kind', a.kind,
         'amountFen', e.amount_fen::text, 'seq', e.seq, 'hash', e.hash) order by e.seq)
       from fund_entries e join fund_accounts a on a.id = e.account_id where e.posting_id = p.id) as lines
    from fund_postings p
    where p.station_id = ${stationId} ${newestFirst(sql`p.id`, query)}`);
  return idPage(rows.rows, query, (r) => ({
    id: Number(r.id),
    kind: r.kind as NewPosting['kind'],
    source: r.source as IncomeSource | null,
    counterparty: r.counterparty,
    memo: r.memo,
    occurredOn: r.occurred_on,
    reversesId: r.reverses_id === null ? null : Number(r.reverses_id),
    reversedBy: r.reversed_by === null ? null : Number(r.reversed_by),
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by_name,
    entries: r.lines.map((l) => ({
      accountId: l.accountId,
      account: l.name,
      accountKind: l.kind,
      amountFen: fenNumber(BigInt(l.amountFen)),
      seq: l.seq,
      hash: l.hash,
    })),
  }));
}
