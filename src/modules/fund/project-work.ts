import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';
import type { BlobStore } from '../../server/storage/blob-store.ts';
import { photoBytes, storePhoto } from '../requests/index.ts';
import { chinaDate } from '../stations/index.ts';
import { auditProject, notNow, type ProjectRow, projectFor, type Station } from './project-access.ts';
import { allows } from './project-lifecycle.ts';
import { fundInspections, fundMilestones, fundProjectUpdates, type UpdateKind } from './projects.tables.ts';

/**
 * The work on a project while it is carried out: progress updates and before / after photos by the team
 * (or the fund's managers), milestones done, and inspections by the supervision group 监督小组 with their
 * findings and photos, which the team answers. Photos go through the requests' pipeline (checked by
 * content, re-encoded without EXIF, in the blob store) and are listed on their update or inspection.
 */

const MAX_PHOTOS = 9;

export interface ProjectPhoto {
  hash: string;
  width: number;
  height: number;
  by: number;
}

const tooMany = () =>
  fieldError('file', `每条记录最多 ${MAX_PHOTOS} 张照片`, `At most ${MAX_PHOTOS} photos a record`);

export async function addUpdate(
  ctx: AuthedCtx,
  projectId: number,
  input: { kind: UpdateKind; text: string },
) {
  return ctx.db.transaction(async (tx) => {
    const { project, station, who } = await projectFor(ctx, projectId, tx, true);
    if (!(who.post || who.team)) throw new AppError('FORBIDDEN');
    if (!allows(project.stage, 'update')) throw notNow();
    const [row] = await tx
      .insert(fundProjectUpdates)
      .values({ stationId: project.stationId, projectId, ...input, createdBy: ctx.user.userId })
      .returning({ id: fundProjectUpdates.id });
    await auditProject(
      tx,
      ctx,
      { project, station },
      {
        action: 'fund.project.update',
        subjectType: 'fundProjectUpdate',
        subjectId: row!.id,
        summary: { projectId, kind: input.kind },
      },
    );
    return { id: row!.id };
  });
}

/**
 * Stores the photo, then appends it with its audit row in one transaction; in one statement, so two
 * uploads at once both land and the limit holds.
 */
async function appendPhoto(
  ctx: AuthedCtx,
  blobs: BlobStore,
  table: typeof fundProjectUpdates | typeof fundInspections,
  at: { project: ProjectRow; station: Station },
  target: { id: number; action: string; subjectType: string },
  data: Buffer,
) {
  const photo = await storePhoto(blobs, data);
  const entry: ProjectPhoto = {
    hash: photo.hash,
    width: photo.width,
    height: photo.height,
    by: ctx.user.userId,
  };
  return ctx.db.transaction(async (tx) => {
    const [added] = await tx
      .update(table)
      .set({ photos: sql`${table.photos} || ${JSON.stringify([entry])}::jsonb` })
      .where(and(eq(table.id, target.id), sql`jsonb_array_length(${table.photos}) < ${MAX_PHOTOS}`))
      .returning({ id: table.id });
    if (!added) throw tooMany();
    await auditProject(tx, ctx, at, {
      action: target.action,
      subjectType: target.subjectType,
      subjectId: target.id,
      summary: { projectId: at.project.id, hash: photo.hash },
    });
    return { hash: photo.hash, width: photo.width, height: photo.height };
  });
}

/** A photo of an update, by its writer (or a fund manager), while updates are still being written. */
export async function addUpdatePhoto(ctx: AuthedCtx, blobs: BlobStore, updateId: number, data: Buffer) {
  const [update] = await ctx.db.select().from(fundProjectUpdates).where(eq(fundProjectUpdates.id, updateId));
  if (!update) throw new AppError('NOT_FOUND');
  const { project, station, who } = await projectFor(ctx, update.projectId);
  if (!(update.createdBy === ctx.user.userId || who.post)) throw new AppError('FORBIDDEN');
  if (!allows(project.stage, 'update')) throw notNow();
  if ((update.photos as ProjectPhoto[]).length >= MAX_PHOTOS) throw tooMany();
  const target = { id: updateId, action: 'fund.project.update.photo', subjectType: 'fundProjectUpdate' };
  return appendPhoto(ctx, blobs, fundProjectUpdates, { project, station }, target, data);
}

export async function completeMilestone(
  ctx: AuthedCtx,
  milestoneId: number,
  input: { doneOn?: string | undefined },
) {
  const [milestone] = await ctx.db.select().from(fundMilestones).where(eq(fundMilestones.id, milestoneId));
  if (!milestone) throw new AppError('NOT_FOUND');
  const doneOn = input.doneOn ?? chinaDate();
  if (doneOn > chinaDate()) throw fieldError('doneOn', '日期不能晚于今天', 'The day cannot be in the future');
  return ctx.db.transaction(async (tx) => {
    const { project, station, who } = await projectFor(ctx, milestone.projectId, tx, true);
    if (!(who.post || who.team)) throw new AppError('FORBIDDEN');
    if (!allows(project.stage, 'milestone')) throw notNow();
    const [row] = await tx
      .update(fundMilestones)
      .set({ doneOn })
      .where(and(eq(fundMilestones.id, milestoneId), isNull(fundMilestones.doneOn)))
      .returning({ id: fundMilestones.id });
    if (!row) throw notNow({ zh: '该节点已完成', en: 'That milestone is done already' });
    await auditProject(
      tx,
      ctx,
      { project, station },
      {
        action: 'fund.project.milestone',
        subjectType: 'fundMilestone',
        subjectId: milestoneId,
        summary: { projectId: project.id, doneOn },
      },
    );
    return { ok: true as const };
  });
}

/** An inspection by a member of the supervision group (no one else), passed or with issues found. */
export async function addInspection(
  ctx: AuthedCtx,
  projectId: number,
  input: { result: 'passed' | 'issues'; findings: string },
) {
  return ctx.db.transaction(async (tx) => {
    const { project, station, who } = await projectFor(ctx, projectId, tx, true);
    if (!who.supervisor) {
      throw new AppError('FORBIDDEN', {
        detail: { zh: '只有监督小组成员可以检查', en: 'Only the supervision group inspects' },
      });
    }
    if (!allows(project.stage, 'inspect')) throw notNow();
    const [row] = await tx
      .insert(fundInspections)
      .values({
        stationId: project.stationId,
        projectId,
        inspectorId: ctx.user.userId,
        passed: input.result,
        findings: input.findings,
      })
      .returning({ id: fundInspections.id });
    await auditProject(
      tx,
      ctx,
      { project, station },
      {
        action: 'fund.project.inspect',
        subjectType: 'fundInspection',
        subjectId: row!.id,
        summary: { projectId, result: input.result },
      },
    );
    return { id: row!.id };
  });
}

export async function addInspectionPhoto(
  ctx: AuthedCtx,
  blobs: BlobStore,
  inspectionId: number,
  data: Buffer,
) {
  const [inspection] = await ctx.db
    .select()
    .from(fundInspections)
    .where(eq(fundInspections.id, inspectionId));
  if (!inspection) throw new AppError('NOT_FOUND');
  const { project, station } = await projectFor(ctx, inspection.projectId);
  if (inspection.inspectorId !== ctx.user.userId) throw new AppError('FORBIDDEN');
  if (!allows(project.stage, 'inspect')) throw notNow();
  if ((inspection.photos as ProjectPhoto[]).length >= MAX_PHOTOS) throw tooMany();
  const target = { id: inspectionId, action: 'fund.project.inspect.photo', subjectType: 'fundInspection' };
  return appendPhoto(ctx, blobs, fundInspections, { project, station }, target, data);
}

/** The team's answer to the issues an inspection found. */
export async function respondToInspection(ctx: AuthedCtx, inspectionId: number, response: string) {
  const [inspection] = await ctx.db
    .select()
    .from(fundInspections)
    .where(eq(fundInspections.id, inspectionId));
  if (!inspection) throw new AppError('NOT_FOUND');
  return ctx.db.transaction(async (tx) => {
    const { project, station, who } = await projectFor(ctx, inspection.projectId, tx, true);
    if (!(who.post || who.team)) throw new AppError('FORBIDDEN');
    if (!allows(project.stage, 'respond')) throw notNow();
    if (inspection.passed !== 'issues') {
      throw notNow({ zh: '该次检查已通过，无需答复', en: 'That inspection passed: nothing to answer' });
    }
    await tx.update(fundInspections).set({ response }).where(eq(fundInspections.id, inspectionId));
    await auditProject(
      tx,
      ctx,
      { project, station },
      {
        action: 'fund.project.inspect.respond',
        subjectType: 'fundInspection',
        subjectId: inspectionId,
        summary: { projectId: project.id },
      },
    );
    return { ok: true as const };
  });
}

/** A photo of one of the project's updates or inspections, for those who see the project. */
export async function readProjectPhoto(
  ctx: AuthedCtx,
  blobs: BlobStore,
  input: { id: number; hash: string; size: 'full' | 'thumb' },
) {
  await projectFor(ctx, input.id);
  const hit = JSON.stringify([{ hash: input.hash }]);
  const found = await ctx.db.execute(sql`select 1 from fund_project_updates
      where project_id = ${input.id} and photos @> ${hit}::jsonb
    union all select 1 from fund_inspections where project_id = ${input.id} and photos @> ${hit}::jsonb
    limit 1`);
  if (found.rows.length === 0) throw new AppError('NOT_FOUND');
  return photoBytes(blobs, input.hash, input.size);
}
