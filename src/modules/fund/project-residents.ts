import { and, eq, isNull } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { chinaDate } from '../stations/index.ts';
import { auditProject, notNow, projectFor } from './project-access.ts';
import { allows, objectionsOpen } from './project-lifecycle.ts';
import { fundAcceptances, fundEvaluations, fundObjections } from './projects.tables.ts';

/**
 * What residents do with a project on their phones: accept or reject the finished work (one verdict each,
 * changed at will until the acceptance is closed), raise objections during the disclosure period (answered
 * on the page by the fund's managers), and rate it 1–5 during the evaluation. Only verified residents of
 * the station take part.
 */

const residentsOnly = () =>
  new AppError('FORBIDDEN', {
    detail: { zh: '只有本小区的认证居民可以参与', en: 'Only verified residents of the compound take part' },
  });

export async function giveAcceptance(
  ctx: AuthedCtx,
  projectId: number,
  input: { verdict: 'accept' | 'reject'; comment: string },
) {
  return ctx.db.transaction(async (tx) => {
    const { project, station, who } = await projectFor(ctx, projectId, tx, true);
    if (!who.resident) throw residentsOnly();
    if (!allows(project.stage, 'accept')) throw notNow();
    const values = { accepted: input.verdict, comment: input.comment, createdAt: new Date() };
    await tx
      .insert(fundAcceptances)
      .values({ stationId: project.stationId, projectId, userId: ctx.user.userId, ...values })
      .onConflictDoUpdate({ target: [fundAcceptances.projectId, fundAcceptances.userId], set: values });
    await auditProject(
      tx,
      ctx,
      { project, station },
      {
        action: 'fund.project.acceptance',
        subjectType: 'fundProject',
        subjectId: projectId,
        summary: { verdict: input.verdict },
      },
    );
    return { ok: true as const };
  });
}

export async function raiseObjection(ctx: AuthedCtx, projectId: number, text: string) {
  return ctx.db.transaction(async (tx) => {
    const { project, station, who } = await projectFor(ctx, projectId, tx, true);
    if (!who.resident) throw residentsOnly();
    if (!allows(project.stage, 'object') || !objectionsOpen(project.objectionsUntil, chinaDate())) {
      throw notNow({ zh: '公示期已结束，不能再提出异议', en: 'The objection period is over' });
    }
    const [row] = await tx
      .insert(fundObjections)
      .values({ stationId: project.stationId, projectId, userId: ctx.user.userId, text })
      .returning({ id: fundObjections.id });
    await auditProject(
      tx,
      ctx,
      { project, station },
      {
        action: 'fund.project.objection',
        subjectType: 'fundObjection',
        subjectId: row!.id,
        summary: { projectId, length: text.length },
      },
    );
    return { id: row!.id };
  });
}

/** The fund's managers answer an objection on the disclosure page (once). */
export async function answerObjection(ctx: AuthedCtx, objectionId: number, answer: string) {
  const [objection] = await ctx.db.select().from(fundObjections).where(eq(fundObjections.id, objectionId));
  if (!objection) throw new AppError('NOT_FOUND');
  return ctx.db.transaction(async (tx) => {
    const { project, station, who } = await projectFor(ctx, objection.projectId, tx, true);
    if (!who.post) throw new AppError('FORBIDDEN');
    if (!allows(project.stage, 'answer')) throw notNow();
    const [row] = await tx
      .update(fundObjections)
      .set({ answer, answeredBy: ctx.user.userId, answeredAt: new Date() })
      .where(and(eq(fundObjections.id, objectionId), isNull(fundObjections.answer)))
      .returning({ id: fundObjections.id });
    if (!row) throw notNow({ zh: '该异议已答复', en: 'That objection has its answer already' });
    await auditProject(
      tx,
      ctx,
      { project, station },
      {
        action: 'fund.project.answer',
        subjectType: 'fundObjection',
        subjectId: objectionId,
        summary: { projectId: project.id },
      },
    );
    return { ok: true as const };
  });
}

export async function evaluateProject(
  ctx: AuthedCtx,
  projectId: number,
  input: { rating: number; comment: string },
) {
  return ctx.db.transaction(async (tx) => {
    const { project, station, who } = await projectFor(ctx, projectId, tx, true);
    if (!who.resident) throw residentsOnly();
    if (!allows(project.stage, 'evaluate')) throw notNow();
    const values = { rating: input.rating, comment: input.comment, createdAt: new Date() };
    await tx
      .insert(fundEvaluations)
      .values({ stationId: project.stationId, projectId, userId: ctx.user.userId, ...values })
      .onConflictDoUpdate({ target: [fundEvaluations.projectId, fundEvaluations.userId], set: values });
    await auditProject(
      tx,
      ctx,
      { project, station },
      {
        action: 'fund.project.evaluate',
        subjectType: 'fundProject',
        subjectId: projectId,
        summary: { rating: input.rating },
      },
    );
    return { ok: true as const };
  });
}
