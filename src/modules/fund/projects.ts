import { and, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';
import { MAX_FEN } from '../../shared/money.ts';
import { can } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { linkTopicOutcome, meetings, topics, votes } from '../deliberation/index.ts';
import { stationPlace } from '../places/index.ts';
import { residentOfStation } from '../requests/index.ts';
import { fundAccounts } from './fund.tables.ts';
import { fundAccess } from './fund.ts';
import { auditProject, projectFor, stationPeople } from './project-access.ts';
import { allows, RESIDENT_STAGES } from './project-lifecycle.ts';
import type { ProjectInput } from './projects.schema.ts';
import {
  fundBudgetLines,
  fundMilestones,
  fundProjectMembers,
  fundProjects,
  type ProjectRole,
  type ProjectStage,
} from './projects.tables.ts';

/**
 * Projects 自治项目 as applied for: created by the station's fund managers (fund.post) in 'application'
 * with their origin, lead, team, supervision group, partners, budget lines (each from a holding account)
 * and milestones; edited while still an application (by them or the project's team); listed by stage.
 */

/** The origin must be the station's own: a decided topic, a closed vote or a held meeting. */
async function checkOrigin(db: DbOrTx, stationId: number, origin: ProjectInput['origin']) {
  if (!origin) return;
  const refuse = (zh: string, en: string) => fieldError('origin.id', zh, en);
  if (origin.kind === 'topic') {
    const [t] = await db.select().from(topics).where(eq(topics.id, origin.id));
    if (!t || t.stationId !== stationId) throw refuse('找不到本站的该议题', 'No such topic at this station');
    if (t.status !== 'decided') throw refuse('该议题尚未议定', 'That topic has not been decided');
  } else if (origin.kind === 'vote') {
    const [v] = await db.select().from(votes).where(eq(votes.id, origin.id));
    if (!v || v.stationId !== stationId) throw refuse('找不到本站的该表决', 'No such vote at this station');
    if (v.status !== 'closed') throw refuse('该表决尚未结束', 'That vote has not closed');
  } else {
    const [m] = await db.select().from(meetings).where(eq(meetings.id, origin.id));
    if (!m || m.stationId !== stationId)
      throw refuse('找不到本站的该会议', 'No such meeting at this station');
    if (m.status !== 'held') throw refuse('该会议尚未召开', 'That meeting has not been held');
  }
}

/** People, lines and milestones as they will be stored; refuses what does not belong to the station. */
async function resolveInput(db: DbOrTx, stationId: number, input: ProjectInput) {
  await checkOrigin(db, stationId, input.origin);
  const ids = [
    input.lead.userId,
    ...input.team.map((p) => p.userId),
    ...input.supervisors,
    ...input.partners.map((p) => p.userId),
  ].filter((id): id is number => id !== null);
  const people = new Map(
    (await stationPeople(db, stationId, { only: [...new Set(ids)] })).map((p) => [p.userId, p.name]),
  );
  const named = (path: string, p: { userId: number | null; name: string }) => {
    if (p.userId === null) return { userId: null, name: p.name };
    const name = people.get(p.userId);
    if (!name)
      throw fieldError(path, '该人员不是本站的工作人员、理事或认证居民', 'Not someone of this station');
    return { userId: p.userId, name };
  };
  const lead = named('lead', input.lead);
  const members: { role: ProjectRole; userId: number | null; name: string }[] = [
    ...input.team.map((p, i) => ({ role: 'team' as const, ...named(`team.${i}`, p) })),
    ...input.supervisors.map((userId, i) => ({
      role: 'supervisor' as const,
      ...named(`supervisors.${i}`, { userId, name: '' }),
    })),
    ...input.partners.map((p, i) => ({ role: 'partner' as const, ...named(`partners.${i}`, p) })),
  ];
  const runners = new Set([lead.userId, ...members.filter((m) => m.role === 'team').map((m) => m.userId)]);
  input.supervisors.forEach((id, i) => {
    if (runners.has(id)) {
      throw fieldError(
        `supervisors.${i}`,
        '监督小组成员不能同时是项目负责人或项目组成员',
        'A supervisor cannot also lead or work on the project',
      );
    }
  });
  // Sources: the station's holding accounts, never a project's own account.
  const sources = [...new Set(input.lines.map((l) => l.sourceAccountId))];
  const accounts = await db
    .select({ id: fundAccounts.id, kind: fundAccounts.kind })
    .from(fundAccounts)
    .where(and(eq(fundAccounts.stationId, stationId), inArray(fundAccounts.id, sources)));
  const projectAccounts = await db
    .select({ id: fundProjects.accountId })
    .from(fundProjects)
    .where(and(isNotNull(fundProjects.accountId), inArray(fundProjects.accountId, sources)));
  input.lines.forEach((l, i) => {
    const a = accounts.find((x) => x.id === l.sourceAccountId);
    if (
      !a ||
      (a.kind !== 'general' && a.kind !== 'earmarked') ||
      projectAccounts.some((p) => p.id === a.id)
    ) {
      throw fieldError(
        `lines.${i}.sourceAccountId`,
        '资金来源须为本站的基金账户（总账户或专项账户）',
        'The source must be a fund account of this station (general or earmarked)',
      );
    }
  });
  if (input.lines.reduce((s, l) => s + l.amountFen, 0) > MAX_FEN) {
    throw fieldError('lines', '预算合计过大', 'The budget’s total is too large');
  }
  return { lead, members, lines: input.lines, milestones: input.milestones };
}

type Resolved = Awaited<ReturnType<typeof resolveInput>>;

async function writeParts(tx: DbOrTx, stationId: number, projectId: number, r: Resolved) {
  if (r.members.length > 0) {
    await tx.insert(fundProjectMembers).values(r.members.map((m) => ({ stationId, projectId, ...m })));
  }
  await tx.insert(fundBudgetLines).values(
    r.lines.map((l, i) => ({
      stationId,
      projectId,
      position: i + 1,
      name: l.name,
      amountFen: l.amountFen,
      sourceAccountId: l.sourceAccountId,
    })),
  );
  if (r.milestones.length > 0) {
    await tx.insert(fundMilestones).values(r.milestones.map((m) => ({ stationId, projectId, ...m })));
  }
}

const budgetOf = (r: Resolved) => r.lines.reduce((s, l) => s + l.amountFen, 0);

export async function createProject(ctx: AuthedCtx, stationId: number, input: ProjectInput) {
  const { station, post } = await fundAccess(ctx, stationId);
  if (!post) throw new AppError('FORBIDDEN');
  const resolved = await resolveInput(ctx.db, stationId, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fundProjects)
      .values({
        stationId,
        title: input.title,
        summary: input.summary,
        originKind: input.origin?.kind ?? null,
        originId: input.origin?.id ?? null,
        leadUserId: resolved.lead.userId,
        leadName: resolved.lead.name,
        createdBy: ctx.user.userId,
      })
      .returning({ id: fundProjects.id });
    await writeParts(tx, stationId, row!.id, resolved);
    if (input.origin?.kind === 'topic') await linkTopicOutcome(tx, input.origin.id, 'project', row!.id);
    await recordAudit(tx, ctx, {
      action: 'fund.project.create',
      subjectType: 'fundProject',
      subjectId: row!.id,
      stationId,
      path: station.path,
      summary: { title: input.title, origin: input.origin, budgetFen: budgetOf(resolved) },
    });
    return { id: row!.id };
  });
}

/** Replaces an application's text, people, lines and milestones (nothing refers to them yet). */
export async function editProject(ctx: AuthedCtx, projectId: number, input: ProjectInput) {
  const found = await projectFor(ctx, projectId);
  const resolved = await resolveInput(ctx.db, found.project.stationId, input);
  return ctx.db.transaction(async (tx) => {
    const { project, station, who } = await projectFor(ctx, projectId, tx, true);
    if (!(who.post || who.team)) throw new AppError('FORBIDDEN');
    if (!allows(project.stage, 'edit')) {
      throw new AppError('INVALID_STATE', {
        detail: { zh: '只有申请阶段的项目可以修改', en: 'Only an application can be edited' },
      });
    }
    await tx.delete(fundProjectMembers).where(eq(fundProjectMembers.projectId, projectId));
    await tx.delete(fundBudgetLines).where(eq(fundBudgetLines.projectId, projectId));
    await tx.delete(fundMilestones).where(eq(fundMilestones.projectId, projectId));
    await tx
      .update(fundProjects)
      .set({
        title: input.title,
        summary: input.summary,
        originKind: input.origin?.kind ?? null,
        originId: input.origin?.id ?? null,
        leadUserId: resolved.lead.userId,
        leadName: resolved.lead.name,
        updatedAt: new Date(),
      })
      .where(eq(fundProjects.id, projectId));
    await writeParts(tx, project.stationId, projectId, resolved);
    await auditProject(
      tx,
      ctx,
      { project, station },
      {
        action: 'fund.project.edit',
        subjectType: 'fundProject',
        subjectId: projectId,
        summary: { title: input.title, budgetFen: budgetOf(resolved) },
      },
    );
    return { id: projectId };
  });
}

/**
 * A station's projects, newest first: every stage for its fund's staff; for its residents those from the
 * approved budget on; and anyone's own projects (as lead or member).
 */
export async function listProjects(
  ctx: AuthedCtx,
  stationId: number,
  query: { stage?: ProjectStage | undefined; cursor?: string | undefined; limit: number },
) {
  const station = await stationPlace(ctx.db, stationId);
  const post = can(ctx.user, 'fund.post', station);
  const staff = post || can(ctx.user, 'fund.read', station);
  const resident = !staff && (await residentOfStation(ctx.db, ctx.user.userId, stationId)) !== null;
  const after = decodeCursor<[number]>(query.cursor, ['number']);
  const me = ctx.user.userId;
  const own = sql`(${fundProjects.leadUserId} = ${me} or exists (select 1 from fund_project_members m
    where m.project_id = fund_projects.id and m.user_id = ${me}))`;
  const visible = staff
    ? undefined
    : resident
      ? sql`(${inArray(fundProjects.stage, [...RESIDENT_STAGES])} or ${own})`
      : own;
  const rows = await ctx.db
    .select({
      id: fundProjects.id,
      stationId: fundProjects.stationId,
      title: fundProjects.title,
      stage: fundProjects.stage,
      leadName: fundProjects.leadName,
      objectionsUntil: fundProjects.objectionsUntil,
      createdAt: fundProjects.createdAt,
      budgetFen: sql<string>`(select coalesce(sum(l.amount_fen + l.extra_fen), 0)::text
        from fund_budget_lines l where l.project_id = fund_projects.id)`,
    })
    .from(fundProjects)
    .where(
      and(
        eq(fundProjects.stationId, stationId),
        query.stage ? eq(fundProjects.stage, query.stage) : undefined,
        after ? lt(fundProjects.id, after[0]) : undefined,
        visible,
      ),
    )
    .orderBy(desc(fundProjects.id))
    .limit(query.limit + 1);
  return {
    ...toPage(
      rows,
      query.limit,
      (r) => r.id,
      (r) => ({ ...r, budgetFen: Number(r.budgetFen), createdAt: r.createdAt.toISOString() }),
    ),
    canCreate: post,
  };
}

/** Whom a fund manager may name as lead, team member, supervisor or partner (by name, at most 50). */
export async function projectPeople(ctx: AuthedCtx, stationId: number, q: string) {
  const { post } = await fundAccess(ctx, stationId);
  if (!post) throw new AppError('FORBIDDEN');
  return { items: await stationPeople(ctx.db, stationId, { q }) };
}
