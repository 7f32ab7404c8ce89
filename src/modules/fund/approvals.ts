import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type DbOrTx, idList } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';
import { can, roleGrants } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { meetings } from '../deliberation/index.ts';
import { notifyUser } from '../notifications/index.ts';
import { stationPlace } from '../places/index.ts';
import { requiredLevels } from './approval-levels.ts';
import { fundAccess } from './fund.ts';
import { stationBands } from './fund-rules.ts';
import { onApproved, onRejected } from './project-funding.ts';
import {
  APPROVAL_LEVELS,
  type ApprovalLevel,
  type ApprovalSubject,
  fundApprovalRequests,
  fundApprovals,
} from './rules.tables.ts';

/**
 * Approvals by the fund rules: a request for an amount needs the levels its amount reaches (chair, then a
 * council meeting, then the community), each decided once, in order, by someone who did not make the
 * request; every decision is recorded with its level. The last approval funds what was asked for
 * (project-funding.ts) in the same transaction; a rejection at any level ends the request.
 */

export type ApprovalRequestRow = typeof fundApprovalRequests.$inferSelect;

/** The levels a request needs, lowest first (its stored `level` is the highest). */
export const levelsOf = (top: ApprovalLevel): ApprovalLevel[] =>
  APPROVAL_LEVELS.slice(0, APPROVAL_LEVELS.indexOf(top) + 1);

/** Opens a request in the caller's transaction; the station's managers are told in their inbox. */
export async function requestApproval(
  tx: DbOrTx,
  ctx: AuthedCtx,
  input: {
    stationId: number;
    subject: ApprovalSubject;
    projectId: number;
    budgetLineId?: number | null;
    amountFen: number;
    reason: string;
  },
): Promise<ApprovalRequestRow> {
  const bands = await stationBands(tx, input.stationId);
  const levels = requiredLevels(input.amountFen, bands);
  const [row] = await tx
    .insert(fundApprovalRequests)
    .values({
      stationId: input.stationId,
      subject: input.subject,
      projectId: input.projectId,
      budgetLineId: input.budgetLineId ?? null,
      amountFen: input.amountFen,
      reason: input.reason,
      level: levels.at(-1)!,
      requestedBy: ctx.user.userId,
    })
    .returning();
  const managers = await tx
    .selectDistinct({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(
      and(eq(roleGrants.stationId, input.stationId), inArray(roleGrants.role, ['chair', 'secretaryGeneral'])),
    );
  for (const m of managers.filter((m) => m.userId !== ctx.user.userId)) {
    await notifyUser(tx, {
      userId: m.userId,
      stationId: input.stationId,
      kind: 'fund.approval',
      title: '有一笔自治基金用款待审批',
      body: input.reason.slice(0, 200),
      data: { requestId: row!.id, projectId: input.projectId },
    });
  }
  return row!;
}

/** Of these projects, the ones the user leads or works on (the team). */
async function projectsRunBy(db: DbOrTx, userId: number, projectIds: number[]): Promise<Set<number>> {
  const ids = idList([...new Set(projectIds)]);
  const rows = await db.execute<{ id: string }>(sql`
    select id from fund_projects where id = any(${ids}) and lead_user_id = ${userId}
    union
    select project_id from fund_project_members
      where project_id = any(${ids}) and role = 'team' and user_id = ${userId}`);
  return new Set(rows.rows.map((r) => Number(r.id)));
}

/** Who may decide a level at a station (the requester never may: checked apart, SELF_APPROVAL). */
function mayDecide(ctx: AuthedCtx, level: ApprovalLevel, station: Awaited<ReturnType<typeof stationPlace>>) {
  return level === 'community' ? can(ctx.user, 'fund.approve', station) : can(ctx.user, 'fund.post', station);
}

/** Records one level's decision on a pending request; the last approval funds it. */
export async function decideApproval(
  ctx: AuthedCtx,
  requestId: number,
  input: { decision: 'approve' | 'reject'; note: string; meetingId?: number | null | undefined },
) {
  const [found] = await ctx.db
    .select({ stationId: fundApprovalRequests.stationId })
    .from(fundApprovalRequests)
    .where(eq(fundApprovalRequests.id, requestId));
  if (!found) throw new AppError('NOT_FOUND');
  const { station } = await fundAccess(ctx, found.stationId);
  await ctx.db.transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(fundApprovalRequests)
      .where(eq(fundApprovalRequests.id, requestId))
      .for('update');
    if (request!.status !== 'pending') {
      throw new AppError('INVALID_STATE', {
        detail: { zh: '该申请已经处理完毕', en: 'This request has already been decided' },
      });
    }
    const done = await tx
      .select({ level: fundApprovals.level, approverId: fundApprovals.approverId })
      .from(fundApprovals)
      .where(eq(fundApprovals.requestId, requestId));
    const levels = levelsOf(request!.level);
    const level = levels.find((l) => !done.some((d) => d.level === l))!;
    if (!mayDecide(ctx, level, station)) throw new AppError('FORBIDDEN');
    if (request!.requestedBy === ctx.user.userId) throw new AppError('SELF_APPROVAL');
    // Those who run the project are not its approvers either.
    if ((await projectsRunBy(tx, ctx.user.userId, [request!.projectId])).size > 0) {
      throw new AppError('SELF_APPROVAL', {
        detail: {
          zh: '项目负责人和项目组成员不能审批本项目的用款',
          en: 'Those who lead or work on the project do not approve its spending',
        },
      });
    }
    // The community's check is independent: not by someone who decided a level of the station's.
    if (level === 'community' && done.some((d) => d.approverId === ctx.user.userId)) {
      throw new AppError('FORBIDDEN', {
        detail: {
          zh: '社区审批须由未参与本申请前几级审批的人作出',
          en: 'The community level is decided by someone who did not decide an earlier level',
        },
      });
    }
    if (level === 'council') {
      if (!input.meetingId) {
        throw fieldError(
          'meetingId',
          '请选择作出决定的理事会会议',
          'Name the council meeting that decided it',
        );
      }
      const [meeting] = await tx
        .select({ kind: meetings.kind, status: meetings.status, stationId: meetings.stationId })
        .from(meetings)
        .where(eq(meetings.id, input.meetingId));
      if (
        !meeting ||
        meeting.stationId !== request!.stationId ||
        !(meeting.kind === 'council' || meeting.kind === 'joint') ||
        meeting.status !== 'held'
      ) {
        throw fieldError(
          'meetingId',
          '须为本站已召开的理事会会议或联席会议',
          'It must be a council or joint meeting of this station that has been held',
        );
      }
    }
    await tx.insert(fundApprovals).values({
      stationId: request!.stationId,
      requestId,
      level,
      approverId: ctx.user.userId,
      decision: input.decision,
      note: input.note,
      meetingId: level === 'council' ? input.meetingId! : null,
    });
    const last = level === levels.at(-1);
    if (input.decision === 'reject' || last) {
      const status = input.decision === 'reject' ? 'rejected' : 'approved';
      await tx
        .update(fundApprovalRequests)
        .set({ status, decidedAt: new Date() })
        .where(eq(fundApprovalRequests.id, requestId));
      if (status === 'approved') await onApproved(tx, ctx, request!);
      else await onRejected(tx, ctx, request!, input.note);
      await notifyUser(tx, {
        userId: request!.requestedBy,
        stationId: request!.stationId,
        kind: 'fund.approval',
        title: status === 'approved' ? '您的用款申请已获批准' : '您的用款申请未获批准',
        body: (input.note || request!.reason).slice(0, 200),
        data: { requestId, projectId: request!.projectId },
      });
    } else if (levels[levels.indexOf(level) + 1] === 'community') {
      // The community's turn: its social workers and the street's officers over the station are told.
      const approvers = await tx
        .selectDistinct({ userId: roleGrants.userId })
        .from(roleGrants)
        .where(
          and(
            inArray(roleGrants.role, ['socialWorker', 'streetOfficer']),
            sql`${station.path} like ${roleGrants.path} || '%'`,
          ),
        );
      for (const a of approvers) {
        await notifyUser(tx, {
          userId: a.userId,
          stationId: request!.stationId,
          kind: 'fund.approval',
          title: '有一笔自治基金用款待社区审批',
          body: request!.reason.slice(0, 200),
          data: { requestId, projectId: request!.projectId },
        });
      }
    }
    await recordAudit(tx, ctx, {
      action: `fund.approval.${input.decision}`,
      subjectType: 'fundApprovalRequest',
      subjectId: requestId,
      stationId: request!.stationId,
      path: station.path,
      summary: { level, amountFen: request!.amountFen, ...(last ? { final: true } : {}) },
    });
  });
  return getApproval(ctx, requestId);
}

/** The requester withdraws a request still pending. */
export async function withdrawApproval(ctx: AuthedCtx, requestId: number) {
  const [request] = await ctx.db
    .select()
    .from(fundApprovalRequests)
    .where(eq(fundApprovalRequests.id, requestId));
  if (!request) throw new AppError('NOT_FOUND');
  const { station } = await fundAccess(ctx, request.stationId);
  if (request.requestedBy !== ctx.user.userId) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(fundApprovalRequests)
      .set({ status: 'withdrawn', decidedAt: new Date() })
      .where(and(eq(fundApprovalRequests.id, requestId), eq(fundApprovalRequests.status, 'pending')))
      .returning({ id: fundApprovalRequests.id });
    if (!row) {
      throw new AppError('INVALID_STATE', {
        detail: { zh: '该申请已经处理完毕', en: 'This request has already been decided' },
      });
    }
    await onRejected(tx, ctx, request, '');
    await recordAudit(tx, ctx, {
      action: 'fund.approval.withdraw',
      subjectType: 'fundApprovalRequest',
      subjectId: requestId,
      stationId: request.stationId,
      path: station.path,
      summary: {},
    });
  });
  return getApproval(ctx, requestId);
}

async function present(ctx: AuthedCtx, db: DbOrTx, rows: ApprovalRequestRow[]) {
  if (rows.length === 0) return [];
  const decisions = await db
    .select()
    .from(fundApprovals)
    .where(
      inArray(
        fundApprovals.requestId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(fundApprovals.id));
  const station = await stationPlace(db, rows[0]!.stationId);
  const running = await projectsRunBy(
    db,
    ctx.user.userId,
    rows.map((r) => r.projectId),
  );
  return rows.map((r) => {
    const mine = decisions.filter((d) => d.requestId === r.id);
    const levels = levelsOf(r.level);
    const next =
      r.status === 'pending' ? (levels.find((l) => !mine.some((d) => d.level === l)) ?? null) : null;
    const decide =
      next !== null &&
      r.requestedBy !== ctx.user.userId &&
      !running.has(r.projectId) &&
      !(next === 'community' && mine.some((d) => d.approverId === ctx.user.userId)) &&
      mayDecide(ctx, next, station);
    return {
      id: r.id,
      stationId: r.stationId,
      subject: r.subject,
      projectId: r.projectId,
      budgetLineId: r.budgetLineId,
      amountFen: r.amountFen,
      reason: r.reason,
      levels,
      status: r.status,
      requestedBy: r.requestedBy,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      next,
      decisions: mine.map((d) => ({
        level: d.level,
        decision: d.decision,
        approverId: d.approverId,
        note: d.note,
        meetingId: d.meetingId,
        at: d.createdAt.toISOString(),
      })),
      abilities: {
        decide,
        withdraw: r.status === 'pending' && r.requestedBy === ctx.user.userId,
      },
    };
  });
}

export async function getApproval(ctx: AuthedCtx, requestId: number) {
  const [row] = await ctx.db
    .select()
    .from(fundApprovalRequests)
    .where(eq(fundApprovalRequests.id, requestId));
  if (!row) throw new AppError('NOT_FOUND');
  await fundAccess(ctx, row.stationId);
  return (await present(ctx, ctx.db, [row]))[0]!;
}

/** A station's requests, newest first; or one project's. */
export async function listApprovals(
  ctx: AuthedCtx,
  stationId: number,
  query: { status?: ApprovalRequestRow['status'] | undefined; projectId?: number | undefined },
) {
  await fundAccess(ctx, stationId);
  const rows = await ctx.db
    .select()
    .from(fundApprovalRequests)
    .where(
      and(
        eq(fundApprovalRequests.stationId, stationId),
        query.status ? eq(fundApprovalRequests.status, query.status) : undefined,
        query.projectId ? eq(fundApprovalRequests.projectId, query.projectId) : undefined,
      ),
    )
    .orderBy(desc(fundApprovalRequests.id))
    .limit(200);
  return { items: await present(ctx, ctx.db, rows) };
}
