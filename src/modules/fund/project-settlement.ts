import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { yuanText } from '../../shared/money.ts';
import { chinaDate } from '../stations/index.ts';
import { fundAccounts, fundPostings } from './fund.tables.ts';
import { lockChain, writePosting } from './ledger.ts';
import type { ProjectRow } from './project-access.ts';
import { spentByLine } from './project-expenses.ts';
import { dayAfter, lineRoom } from './project-lifecycle.ts';
import { fundBudgetLines, fundProjects } from './projects.tables.ts';

/**
 * The money side of a project's moves: a budget is only sent for approval when its source accounts can
 * pay it now; the settlement returns what each line did not spend to the line's source account (one
 * transfer posting out of the project's account) and opens the disclosure's objection period.
 */

export async function linesOf(db: DbOrTx, projectId: number) {
  return db
    .select()
    .from(fundBudgetLines)
    .where(eq(fundBudgetLines.projectId, projectId))
    .orderBy(asc(fundBudgetLines.position));
}

/** Refuses a budget its sources cannot pay today (the approval would be refused for it at the end). */
export async function checkSources(db: DbOrTx, project: ProjectRow) {
  const lines = await linesOf(db, project.id);
  const need = new Map<number, number>();
  for (const l of lines) need.set(l.sourceAccountId, (need.get(l.sourceAccountId) ?? 0) + l.amountFen);
  const accounts = await db
    .select({
      id: fundAccounts.id,
      name: fundAccounts.name,
      balance: sql<string>`${fundAccounts.balanceFen}::text`,
    })
    .from(fundAccounts)
    .where(inArray(fundAccounts.id, [...need.keys()]));
  for (const a of accounts) {
    const fen = need.get(a.id)!;
    if (BigInt(a.balance) < BigInt(fen)) {
      throw new AppError('INSUFFICIENT_FUNDS', {
        detail: {
          zh: `账户“${a.name}”现有 ${yuanText(BigInt(a.balance))} 元，不足以支付本项目从中列支的预算 ${yuanText(fen)} 元`,
          en: `The account “${a.name}” holds ${yuanText(BigInt(a.balance))} yuan, less than the ${yuanText(fen)} this budget takes from it`,
        },
      });
    }
  }
  return lines.reduce((s, l) => s + l.amountFen, 0);
}

/**
 * Settles a project (its row locked by the caller): each line's unspent amount goes back to its source
 * account in one transfer posting, and the disclosure opens until `objectionDays` from today. Returns the
 * posting (null when everything was spent) and what went back.
 */
export async function settleMoney(
  tx: DbOrTx,
  ctx: AuthedCtx,
  project: ProjectRow,
  input: { objectionDays: number; note: string },
) {
  await lockChain(tx, project.stationId);
  const lines = await linesOf(tx, project.id);
  const spent = await spentByLine(tx, project);
  const back = new Map<number, bigint>();
  for (const l of lines) {
    const left = lineRoom(l, spent.get(l.id) ?? 0);
    if (left > 0) back.set(l.sourceAccountId, (back.get(l.sourceAccountId) ?? 0n) + BigInt(left));
  }
  const total = [...back.values()].reduce((s, v) => s + v, 0n);
  let postingId: number | null = null;
  if (total > 0n && project.accountId) {
    const written = await writePosting(tx, project.stationId, ctx.user.userId, {
      kind: 'transfer',
      memo: `项目#${project.id}“${project.title}”结算结余退回`.slice(0, 500),
      occurredOn: chinaDate(),
      projectId: project.id,
      entries: [
        { accountId: project.accountId, amountFen: -total },
        ...[...back].map(([accountId, fen]) => ({ accountId, amountFen: fen })),
      ],
    });
    postingId = written.id;
  }
  const objectionsUntil = dayAfter(chinaDate(), input.objectionDays);
  await tx
    .update(fundProjects)
    .set({ stage: 'disclosure', objectionsUntil, settlementNote: input.note, updatedAt: new Date() })
    .where(eq(fundProjects.id, project.id));
  return { postingId, returnedFen: Number(total), objectionsUntil };
}

/** The leftover's return, once settled (the only transfer posted under the project's id). */
export async function settlementPosting(db: DbOrTx, projectId: number) {
  const [row] = await db
    .select({ id: fundPostings.id })
    .from(fundPostings)
    .where(and(eq(fundPostings.projectId, projectId), eq(fundPostings.kind, 'transfer')))
    .limit(1);
  return row?.id ?? null;
}
