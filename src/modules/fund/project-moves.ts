import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';
import { chinaDate } from '../stations/index.ts';
import { requestApproval } from './approvals.ts';
import { auditProject, notNow, type ProjectRow, projectFor } from './project-access.ts';
import { pendingApproval } from './project-expenses.ts';
import {
  acceptanceCarried,
  type ProjectFacts,
  type ProjectMove,
  type ProjectRelation,
  projectMove,
} from './project-lifecycle.ts';
import { checkSources, settleMoney } from './project-settlement.ts';
import type { MoveInput } from './projects.schema.ts';
import {
  fundAcceptances,
  fundMilestones,
  fundObjections,
  fundProjects,
  fundProjectUpdates,
} from './projects.tables.ts';

/**
 * A project's moves from stage to stage (project-lifecycle.ts says which), each with its own condition:
 * submitting asks for the budget's approval by the fund rules; acceptance needs every milestone done or a
 * reason; the settlement needs the residents' acceptance and returns the leftover; evaluation waits for the
 * end of the objection period and an answer to every objection.
 */

/** What the abilities depend on besides the user: read in the caller's transaction. */
export async function projectFacts(db: DbOrTx, project: ProjectRow): Promise<ProjectFacts> {
  const [counts] = await db
    .select({
      accept: sql<number>`count(*) filter (where ${fundAcceptances.accepted} = 'accept')::int`,
      reject: sql<number>`count(*) filter (where ${fundAcceptances.accepted} = 'reject')::int`,
    })
    .from(fundAcceptances)
    .where(eq(fundAcceptances.projectId, project.id));
  const [open] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(fundObjections)
    .where(and(eq(fundObjections.projectId, project.id), isNull(fundObjections.answer)));
  return {
    stage: project.stage,
    today: chinaDate(),
    objectionsUntil: project.objectionsUntil,
    pendingApproval: await pendingApproval(db, project.id),
    tally: { accept: counts?.accept ?? 0, reject: counts?.reject ?? 0 },
    unansweredObjections: open?.n ?? 0,
  };
}

/** Who may make each move (the stage and the facts are checked after). */
const MOVERS: Record<ProjectMove, (who: ProjectRelation) => boolean> = {
  submit: (w) => w.post || w.team,
  withdraw: (w) => w.post || w.team,
  toAcceptance: (w) => w.post || w.team,
  rework: (w) => w.post,
  toSettlement: (w) => w.post,
  settle: (w) => w.post,
  toEvaluation: (w) => w.post,
  close: (w) => w.post,
};

const waiting = () =>
  notNow({
    zh: '该项目还有一项待审批的申请，请等审批完成',
    en: 'A request of this project is still waiting for its approval',
  });

export async function moveProject(ctx: AuthedCtx, projectId: number, input: MoveInput) {
  return ctx.db.transaction(async (tx) => {
    const { project, station, who } = await projectFor(ctx, projectId, tx, true);
    if (!MOVERS[input.move](who)) throw new AppError('FORBIDDEN');
    const next = projectMove(project.stage, input.move);
    if (!next) throw notNow();
    const facts = await projectFacts(tx, project);
    const summary: Record<string, unknown> = { from: project.stage, to: next };
    const note = async (text: string) => {
      await tx.insert(fundProjectUpdates).values({
        stationId: project.stationId,
        projectId,
        kind: 'progress',
        text,
        createdBy: ctx.user.userId,
      });
    };
    switch (input.move) {
      case 'submit': {
        const amountFen = await checkSources(tx, project);
        const request = await requestApproval(tx, ctx, {
          stationId: project.stationId,
          subject: 'projectBudget',
          projectId,
          amountFen,
          reason: `自治项目立项：${project.title}`.slice(0, 1000),
        });
        summary.requestId = request.id;
        summary.amountFen = amountFen;
        break;
      }
      case 'withdraw':
        break;
      case 'toAcceptance': {
        if (facts.pendingApproval) throw waiting();
        const [open] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(fundMilestones)
          .where(and(eq(fundMilestones.projectId, projectId), isNull(fundMilestones.doneOn)));
        if ((open?.n ?? 0) > 0 && !input.reason) {
          throw fieldError(
            'reason',
            `还有 ${open!.n} 个节点未完成，请说明为何现在申请验收`,
            `${open!.n} milestones are not done: say why it is ready for acceptance`,
          );
        }
        if (input.reason) await note(input.reason);
        summary.openMilestones = open?.n ?? 0;
        break;
      }
      case 'rework':
        await note(input.reason);
        break;
      case 'toSettlement':
        if (!acceptanceCarried(facts.tally)) {
          const { accept, reject } = facts.tally;
          throw notNow({
            zh: `居民验收尚未通过（同意 ${accept} 人，不同意 ${reject} 人）：须至少一人同意，且同意多于不同意`,
            en: `The residents have not accepted it (${accept} accept, ${reject} reject): it needs at least one accept and more accepts than rejects`,
          });
        }
        summary.tally = facts.tally;
        break;
      case 'settle': {
        if (facts.pendingApproval) throw waiting();
        const settled = await settleMoney(tx, ctx, project, input);
        await auditProject(
          tx,
          ctx,
          { project, station },
          {
            action: 'fund.project.settle',
            subjectType: 'fundProject',
            subjectId: projectId,
            summary: { ...summary, ...settled },
          },
        );
        return { stage: next };
      }
      case 'toEvaluation':
        if (!facts.objectionsUntil || facts.today <= facts.objectionsUntil) {
          throw notNow({
            zh: `公示期至 ${facts.objectionsUntil} 止，期满后才能进入评价`,
            en: `The disclosure runs until ${facts.objectionsUntil}: evaluation opens after it`,
          });
        }
        if (facts.unansweredObjections > 0) {
          throw notNow({
            zh: `还有 ${facts.unansweredObjections} 条异议未答复，请先在公示页答复`,
            en: `${facts.unansweredObjections} objections still wait for an answer`,
          });
        }
        break;
      case 'close':
        break;
    }
    await tx
      .update(fundProjects)
      .set({ stage: next, updatedAt: new Date() })
      .where(eq(fundProjects.id, projectId));
    await auditProject(
      tx,
      ctx,
      { project, station },
      {
        action: `fund.project.${input.move}`,
        subjectType: 'fundProject',
        subjectId: projectId,
        summary,
      },
    );
    return { stage: next };
  });
}
