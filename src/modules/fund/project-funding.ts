import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { fenNumber } from '../../shared/money.ts';
import { recordAudit } from '../audit/index.ts';
import { stationPlace } from '../places/index.ts';
import { chinaDate } from '../stations/index.ts';
import { fundAccounts } from './fund.tables.ts';
import { type NewPosting, writePosting } from './ledger.ts';
import { fundBudgetLines, fundProjects } from './projects.tables.ts';
import type { fundApprovalRequests } from './rules.tables.ts';

/**
 * What an approval does to the money, in the approving transaction: an approved budget opens the
 * project's own earmarked account and moves each line's amount into it from the line's source account
 * (one transfer posting); approved spending beyond a line raises the line and moves the extra. A source
 * that cannot pay refuses the approval (INSUFFICIENT_FUNDS): nothing is recorded.
 */

type Request = typeof fundApprovalRequests.$inferSelect;

async function lockedProject(tx: DbOrTx, projectId: number) {
  const [project] = await tx.select().from(fundProjects).where(eq(fundProjects.id, projectId)).for('update');
  if (!project) throw new AppError('NOT_FOUND');
  return project;
}

const notInStage = () =>
  new AppError('INVALID_STATE', {
    detail: { zh: '项目当前阶段不能办理此事项', en: 'The project is not at a stage for this' },
  });

/** The project's earmarked account, named after it (opened once). */
async function projectAccount(tx: DbOrTx, project: typeof fundProjects.$inferSelect, by: number) {
  if (project.accountId) return project.accountId;
  const [account] = await tx
    .insert(fundAccounts)
    .values({
      stationId: project.stationId,
      kind: 'earmarked',
      name: `项目#${project.id} ${project.title}`.slice(0, 100),
      purpose: `自治项目“${project.title}”的预算资金`.slice(0, 500),
      createdBy: by,
    })
    .returning({ id: fundAccounts.id });
  await tx.update(fundProjects).set({ accountId: account!.id }).where(eq(fundProjects.id, project.id));
  return account!.id;
}

/** A transfer the approval makes, with its own audit row as every posting has. */
async function transferAudited(
  tx: DbOrTx,
  ctx: AuthedCtx,
  project: typeof fundProjects.$inferSelect,
  amount: bigint,
  posting: NewPosting,
) {
  const written = await writePosting(tx, project.stationId, ctx.user.userId, posting);
  await recordAudit(tx, ctx, {
    action: 'fund.transfer',
    subjectType: 'fundPosting',
    subjectId: written.id,
    stationId: project.stationId,
    path: (await stationPlace(tx, project.stationId)).path,
    summary: { amountFen: fenNumber(amount), projectId: project.id },
  });
}

export async function onApproved(tx: DbOrTx, ctx: AuthedCtx, request: Request): Promise<void> {
  const project = await lockedProject(tx, request.projectId);
  const by = ctx.user.userId;
  if (request.subject === 'projectBudget') {
    if (project.stage !== 'approval') throw notInStage();
    const lines = await tx
      .select()
      .from(fundBudgetLines)
      .where(eq(fundBudgetLines.projectId, project.id))
      .orderBy(asc(fundBudgetLines.position));
    const account = await projectAccount(tx, project, by);
    const bySource = new Map<number, bigint>();
    for (const l of lines)
      bySource.set(l.sourceAccountId, (bySource.get(l.sourceAccountId) ?? 0n) + BigInt(l.amountFen));
    const total = [...bySource.values()].reduce((s, v) => s + v, 0n);
    await transferAudited(tx, ctx, project, total, {
      kind: 'transfer',
      memo: `项目#${project.id}“${project.title}”预算拨付`.slice(0, 500),
      occurredOn: chinaDate(),
      entries: [
        ...[...bySource].map(([accountId, fen]) => ({ accountId, amountFen: -fen })),
        { accountId: account, amountFen: total },
      ],
    });
    await tx
      .update(fundProjects)
      .set({ stage: 'implementation', updatedAt: new Date() })
      .where(eq(fundProjects.id, project.id));
    return;
  }
  // overBudget: the line grows by the approved amount, funded from its source.
  if (project.stage !== 'implementation' && project.stage !== 'settlement') throw notInStage();
  const [line] = await tx.select().from(fundBudgetLines).where(eq(fundBudgetLines.id, request.budgetLineId!));
  if (!line || line.projectId !== project.id) throw new AppError('NOT_FOUND');
  const account = await projectAccount(tx, project, by);
  const fen = BigInt(request.amountFen);
  await transferAudited(tx, ctx, project, fen, {
    kind: 'transfer',
    memo: `项目#${project.id}“${line.name}”超预算追加`.slice(0, 500),
    occurredOn: chinaDate(),
    entries: [
      { accountId: line.sourceAccountId, amountFen: -fen },
      { accountId: account, amountFen: fen },
    ],
  });
  await tx
    .update(fundBudgetLines)
    .set({ extraFen: sql`${fundBudgetLines.extraFen} + ${request.amountFen}` })
    .where(eq(fundBudgetLines.id, line.id));
}

/** A budget refused or withdrawn goes back to the application, to be revised and sent again. */
export async function onRejected(
  tx: DbOrTx,
  _ctx: AuthedCtx,
  request: Request,
  _note: string,
): Promise<void> {
  if (request.subject !== 'projectBudget') return;
  const project = await lockedProject(tx, request.projectId);
  if (project.stage === 'approval') {
    await tx
      .update(fundProjects)
      .set({ stage: 'application', updatedAt: new Date() })
      .where(eq(fundProjects.id, project.id));
  }
}
