import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { users } from '../accounts/index.ts';
import { meetings, topics, votes } from '../deliberation/index.ts';
import { levelsOf } from './approvals.ts';
import { fundAccounts } from './fund.tables.ts';
import { type ProjectRow, projectFor } from './project-access.ts';
import { spentByLine } from './project-expenses.ts';
import { acceptanceCarried, projectAbilities, seesReceipts } from './project-lifecycle.ts';
import { projectFacts } from './project-moves.ts';
import { linesOf, settlementPosting } from './project-settlement.ts';
import type { ProjectPhoto } from './project-work.ts';
import type { ZProject } from './projects.schema.ts';
import {
  fundAcceptances,
  fundEvaluations,
  fundInspections,
  fundMilestones,
  fundObjections,
  fundProjectMembers,
  fundProjectUpdates,
} from './projects.tables.ts';
import { fundApprovalRequests, fundApprovals } from './rules.tables.ts';

/**
 * One project as its page shows it: the budget against what each line spent, the work, the expenses
 * with their receipts (once residents may see them), the residents' acceptance, objections and ratings
 * (who said what only to the one who said it), the approvals for staff, and what the user may do now.
 */

type Project = z.output<typeof ZProject>;

async function originOf(db: DbOrTx, p: ProjectRow): Promise<Project['origin']> {
  if (!p.originKind || !p.originId) return null;
  const table = { topic: topics, vote: votes, meeting: meetings }[p.originKind];
  const [row] = await db.select({ title: table.title }).from(table).where(eq(table.id, p.originId));
  return { kind: p.originKind, id: p.originId, title: row?.title ?? '' };
}

async function namesOf(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const photosOf = (photos: unknown) =>
  (photos as ProjectPhoto[]).map((p) => ({ hash: p.hash, width: p.width, height: p.height }));

async function expensesOf(db: DbOrTx, p: ProjectRow, withReceipts: boolean) {
  const rows = await db.execute<{
    id: string;
    budget_line_id: string;
    amount: string;
    counterparty: string;
    memo: string;
    occurred_on: string;
    reversed_by: string | null;
    receipts: { id: number; name: string; mime: string; bytes: number }[] | null;
  }>(sql`
    select p.id, p.budget_line_id, p.counterparty, p.memo, p.occurred_on::text as occurred_on,
      (select sum(e.amount_fen) from fund_entries e where e.posting_id = p.id and e.amount_fen > 0)::text as amount,
      (select r.id from fund_postings r where r.reverses_id = p.id) as reversed_by,
      (select json_agg(json_build_object('id', f.id, 'name', f.name, 'mime', f.mime, 'bytes', f.bytes) order by f.id)
        from fund_receipts f where f.posting_id = p.id) as receipts
    from fund_postings p
    where p.station_id = ${p.stationId} and p.project_id = ${p.id} and p.kind = 'expense'
    order by p.id`);
  return rows.rows.map((r) => ({
    postingId: Number(r.id),
    budgetLineId: Number(r.budget_line_id),
    amountFen: Number(r.amount),
    counterparty: r.counterparty,
    memo: r.memo,
    occurredOn: r.occurred_on,
    reversedBy: r.reversed_by === null ? null : Number(r.reversed_by),
    receipts: withReceipts ? (r.receipts ?? []) : [],
  }));
}

async function approvalsOf(db: DbOrTx, projectId: number): Promise<Project['approvals']> {
  const requests = await db
    .select()
    .from(fundApprovalRequests)
    .where(eq(fundApprovalRequests.projectId, projectId))
    .orderBy(asc(fundApprovalRequests.id));
  if (requests.length === 0) return [];
  const decisions = await db
    .select({ d: fundApprovals, meeting: meetings.title })
    .from(fundApprovals)
    .leftJoin(meetings, eq(meetings.id, fundApprovals.meetingId))
    .where(
      inArray(
        fundApprovals.requestId,
        requests.map((r) => r.id),
      ),
    )
    .orderBy(asc(fundApprovals.id));
  const names = await namesOf(db, [
    ...requests.map((r) => r.requestedBy),
    ...decisions.map((d) => d.d.approverId),
  ]);
  return requests.map((r) => ({
    id: r.id,
    subject: r.subject,
    budgetLineId: r.budgetLineId,
    amountFen: r.amountFen,
    reason: r.reason,
    status: r.status,
    levels: levelsOf(r.level),
    requestedBy: names.get(r.requestedBy) ?? '',
    decisions: decisions
      .filter((d) => d.d.requestId === r.id)
      .map(({ d, meeting }) => ({
        level: d.level,
        decision: d.decision,
        approver: names.get(d.approverId) ?? '',
        note: d.note,
        meeting,
        at: d.createdAt.toISOString(),
      })),
  }));
}

export async function getProject(ctx: AuthedCtx, projectId: number): Promise<Project> {
  const { project: p, who } = await projectFor(ctx, projectId);
  const db = ctx.db;
  const me = ctx.user.userId;
  const [
    members,
    lines,
    spent,
    milestones,
    updates,
    inspections,
    acceptances,
    objections,
    evaluations,
    facts,
  ] = await Promise.all([
    db
      .select()
      .from(fundProjectMembers)
      .where(eq(fundProjectMembers.projectId, p.id))
      .orderBy(asc(fundProjectMembers.id)),
    linesOf(db, p.id),
    spentByLine(db, p),
    db
      .select()
      .from(fundMilestones)
      .where(eq(fundMilestones.projectId, p.id))
      .orderBy(asc(fundMilestones.dueOn), asc(fundMilestones.id)),
    db
      .select()
      .from(fundProjectUpdates)
      .where(eq(fundProjectUpdates.projectId, p.id))
      .orderBy(desc(fundProjectUpdates.id)),
    db
      .select()
      .from(fundInspections)
      .where(eq(fundInspections.projectId, p.id))
      .orderBy(desc(fundInspections.id)),
    db
      .select()
      .from(fundAcceptances)
      .where(eq(fundAcceptances.projectId, p.id))
      .orderBy(asc(fundAcceptances.id)),
    db
      .select()
      .from(fundObjections)
      .where(eq(fundObjections.projectId, p.id))
      .orderBy(asc(fundObjections.id)),
    db
      .select()
      .from(fundEvaluations)
      .where(eq(fundEvaluations.projectId, p.id))
      .orderBy(asc(fundEvaluations.id)),
    projectFacts(db, p),
  ]);
  const sources = await db
    .select({ id: fundAccounts.id, name: fundAccounts.name })
    .from(fundAccounts)
    .where(inArray(fundAccounts.id, [0, ...lines.map((l) => l.sourceAccountId)]));
  const names = await namesOf(db, [
    ...updates.map((u) => u.createdBy),
    ...inspections.map((i) => i.inspectorId),
  ]);
  const shownLines = lines.map((l) => {
    const spentFen = spent.get(l.id) ?? 0;
    return {
      id: l.id,
      position: l.position,
      name: l.name,
      amountFen: l.amountFen,
      extraFen: l.extraFen,
      sourceAccountId: l.sourceAccountId,
      sourceAccount: sources.find((s) => s.id === l.sourceAccountId)?.name ?? '',
      spentFen,
      leftFen: l.amountFen + l.extraFen - spentFen,
    };
  });
  const sum = (f: (l: (typeof shownLines)[number]) => number) => shownLines.reduce((s, l) => s + f(l), 0);
  const mineAcceptance = acceptances.find((a) => a.userId === me);
  const mineRating = evaluations.find((e) => e.userId === me);
  const rated = evaluations.length;
  return {
    id: p.id,
    stationId: p.stationId,
    title: p.title,
    summary: p.summary,
    origin: await originOf(db, p),
    lead: { userId: p.leadUserId, name: p.leadName },
    stage: p.stage,
    accountId: p.accountId,
    objectionsUntil: p.objectionsUntil,
    settlementNote: p.settlementNote,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    members: members.map((m) => ({ id: m.id, role: m.role, userId: m.userId, name: m.name })),
    lines: shownLines,
    totals: {
      budgetFen: sum((l) => l.amountFen),
      extraFen: sum((l) => l.extraFen),
      spentFen: sum((l) => l.spentFen),
      leftFen: sum((l) => l.leftFen),
    },
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneOn: m.doneOn })),
    updates: updates.map((u) => ({
      id: u.id,
      kind: u.kind,
      text: u.text,
      photos: photosOf(u.photos),
      by: names.get(u.createdBy) ?? '',
      mine: u.createdBy === me,
      createdAt: u.createdAt.toISOString(),
    })),
    inspections: inspections.map((i) => ({
      id: i.id,
      inspector: names.get(i.inspectorId) ?? '',
      result: i.passed,
      findings: i.findings,
      photos: photosOf(i.photos),
      response: i.response,
      mine: i.inspectorId === me,
      createdAt: i.createdAt.toISOString(),
    })),
    expenses: await expensesOf(db, p, seesReceipts(who, p.stage)),
    settlementPostingId: await settlementPosting(db, p.id),
    acceptance: {
      ...facts.tally,
      carried: acceptanceCarried(facts.tally),
      mine: mineAcceptance ? { verdict: mineAcceptance.accepted, comment: mineAcceptance.comment } : null,
      comments: who.staff
        ? acceptances.filter((a) => a.comment).map((a) => ({ verdict: a.accepted, comment: a.comment }))
        : [],
    },
    objections: objections.map((o) => ({
      id: o.id,
      text: o.text,
      answer: o.answer,
      answeredAt: o.answeredAt?.toISOString() ?? null,
      mine: o.userId === me,
      createdAt: o.createdAt.toISOString(),
    })),
    evaluation: {
      count: rated,
      ratingSum: evaluations.reduce((s, e) => s + e.rating, 0),
      mine: mineRating ? { rating: mineRating.rating, comment: mineRating.comment } : null,
      comments: who.staff
        ? evaluations.filter((e) => e.comment).map((e) => ({ rating: e.rating, comment: e.comment }))
        : [],
    },
    approvals: who.staff ? await approvalsOf(db, p.id) : [],
    me: { staff: who.staff, team: who.team, supervisor: who.supervisor, resident: who.resident },
    abilities: projectAbilities(who, facts),
  };
}
