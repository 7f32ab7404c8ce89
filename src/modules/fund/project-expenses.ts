import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';
import { yuanText } from '../../shared/money.ts';
import { chinaDate } from '../stations/index.ts';
import { requestApproval } from './approvals.ts';
import { outsideAccount } from './fund.ts';
import { lockChain, writePosting } from './ledger.ts';
import { auditProject, notNow, type ProjectRow, projectFor } from './project-access.ts';
import { allows, lineRoom } from './project-lifecycle.ts';
import { fundBudgetLines, fundReceipts } from './projects.tables.ts';
import { fundApprovalRequests } from './rules.tables.ts';

/**
 * A project's spending: expenses leave the project's own account against one budget line, with their
 * receipts, never beyond the line's amount and the extra an over-budget approval added; the team asks for
 * that extra here (approvals.ts decides it by the fund rules). Every check runs with the project row and
 * the station's chain locked, in that order (the order the approvals take them), so two expenses at once
 * cannot both fit into the same room.
 */

type Line = typeof fundBudgetLines.$inferSelect;

/**
 * What each line has spent: its expenses out of the project's account, less their reversals (a reversal
 * carries no line of its own: it is counted on the line of the expense it undoes).
 */
export async function spentByLine(
  db: DbOrTx,
  project: Pick<ProjectRow, 'id' | 'stationId' | 'accountId'>,
): Promise<Map<number, number>> {
  if (!project.accountId) return new Map();
  const rows = await db.execute<{ line_id: string; spent: string }>(sql`
    select coalesce(p.budget_line_id, o.budget_line_id) as line_id, (-sum(e.amount_fen))::text as spent
    from fund_postings p
      left join fund_postings o on o.id = p.reverses_id
      join fund_entries e on e.posting_id = p.id and e.account_id = ${project.accountId}
    where p.station_id = ${project.stationId}
      and ((p.kind = 'expense' and p.project_id = ${project.id})
        or (p.kind = 'reversal' and o.kind = 'expense' and o.project_id = ${project.id}))
    group by 1`);
  return new Map(rows.rows.map((r) => [Number(r.line_id), Number(r.spent)]));
}

export async function pendingApproval(db: DbOrTx, projectId: number) {
  const [row] = await db
    .select({ id: fundApprovalRequests.id })
    .from(fundApprovalRequests)
    .where(and(eq(fundApprovalRequests.projectId, projectId), eq(fundApprovalRequests.status, 'pending')))
    .limit(1);
  return row !== undefined;
}

async function lineOf(db: DbOrTx, projectId: number, lineId: number): Promise<Line> {
  const [line] = await db
    .select()
    .from(fundBudgetLines)
    .where(and(eq(fundBudgetLines.id, lineId), eq(fundBudgetLines.projectId, projectId)));
  if (!line)
    throw fieldError('budgetLineId', '该项目没有这个预算科目', 'The project has no such budget line');
  return line;
}

/** 超预算: the words to say what the line allows, what it spent, and that an approval must come first. */
function overBudget(line: Line, spent: number, amount: number) {
  const budget = line.amountFen + line.extraFen;
  const extra = line.extraFen > 0 ? `（含已批准追加 ${yuanText(line.extraFen)} 元）` : '';
  const extraEn = line.extraFen > 0 ? ` (with ${yuanText(line.extraFen)} yuan approved beyond it)` : '';
  return new AppError('OVER_BUDGET', {
    detail: {
      zh: `预算科目“${line.name}”预算 ${yuanText(budget)} 元${extra}，已支出 ${yuanText(spent)} 元，本笔 ${yuanText(amount)} 元将超出 ${yuanText(spent + amount - budget)} 元。请先提出超预算申请，经审批同意后再记账。`,
      en: `The budget line “${line.name}” has ${yuanText(budget)} yuan${extraEn}, ${yuanText(spent)} spent: this ${yuanText(amount)} would exceed it by ${yuanText(spent + amount - budget)}. Ask for an over-budget approval first, then post it.`,
    },
  });
}

export interface ExpenseInput {
  budgetLineId: number;
  amountFen: number;
  counterparty: string;
  memo: string;
  occurredOn: string;
  receiptIds: number[];
}

/** An expense of the project against a line, paid from its account, with the receipts uploaded for it. */
export async function addExpense(ctx: AuthedCtx, projectId: number, input: ExpenseInput) {
  const { who } = await projectFor(ctx, projectId);
  if (!who.post) throw new AppError('FORBIDDEN');
  if (input.occurredOn > chinaDate()) {
    throw fieldError('occurredOn', '日期不能晚于今天', 'The day cannot be in the future');
  }
  return ctx.db.transaction(async (tx) => {
    const { project, station } = await projectFor(ctx, projectId, tx, true);
    if (!allows(project.stage, 'expense') || !project.accountId) throw notNow();
    await lockChain(tx, project.stationId);
    const line = await lineOf(tx, projectId, input.budgetLineId);
    const spent = (await spentByLine(tx, project)).get(line.id) ?? 0;
    if (input.amountFen > lineRoom(line, spent)) throw overBudget(line, spent, input.amountFen);
    const amount = BigInt(input.amountFen);
    const written = await writePosting(tx, project.stationId, ctx.user.userId, {
      kind: 'expense',
      counterparty: input.counterparty,
      memo: input.memo,
      occurredOn: input.occurredOn,
      projectId,
      budgetLineId: line.id,
      entries: [
        { accountId: project.accountId, amountFen: -amount },
        { accountId: await outsideAccount(tx, project.stationId, 'expense', null), amountFen: amount },
      ],
    });
    const ids = [...new Set(input.receiptIds)];
    const attached = await tx
      .update(fundReceipts)
      .set({ postingId: written.id })
      .where(
        and(
          inArray(fundReceipts.id, ids),
          eq(fundReceipts.uploadedBy, ctx.user.userId),
          eq(fundReceipts.stationId, project.stationId),
          isNull(fundReceipts.postingId),
        ),
      )
      .returning({ id: fundReceipts.id });
    if (attached.length !== ids.length) {
      throw fieldError(
        'receiptIds',
        '票据无效或已被使用，请重新上传',
        'A receipt is not valid or already used; upload it again',
      );
    }
    await auditProject(
      tx,
      ctx,
      { project, station },
      {
        action: 'fund.project.expense',
        subjectType: 'fundPosting',
        subjectId: written.id,
        summary: { projectId, budgetLineId: line.id, amountFen: input.amountFen, receipts: ids.length },
      },
    );
    return { postingId: written.id, head: written.head };
  });
}

/** The team asks to spend beyond a line; the fund rules' levels decide it (approvals.ts). */
export async function requestOverBudget(
  ctx: AuthedCtx,
  projectId: number,
  input: { budgetLineId: number; amountFen: number; reason: string },
) {
  const { who } = await projectFor(ctx, projectId);
  if (!(who.post || who.team)) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const { project, station } = await projectFor(ctx, projectId, tx, true);
    if (!allows(project.stage, 'overBudget')) throw notNow();
    if (await pendingApproval(tx, projectId)) {
      throw notNow({
        zh: '该项目已有一项待审批的申请，请等审批完成后再提出',
        en: 'A request of this project is still waiting for its approval',
      });
    }
    const line = await lineOf(tx, projectId, input.budgetLineId);
    const request = await requestApproval(tx, ctx, {
      stationId: project.stationId,
      subject: 'overBudget',
      projectId,
      budgetLineId: line.id,
      amountFen: input.amountFen,
      reason: input.reason,
    });
    await auditProject(
      tx,
      ctx,
      { project, station },
      {
        action: 'fund.project.overBudget',
        subjectType: 'fundProject',
        subjectId: projectId,
        summary: { requestId: request.id, budgetLineId: line.id, amountFen: input.amountFen },
      },
    );
    return { id: request.id };
  });
}
