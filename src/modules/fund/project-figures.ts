import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../server/db/client.ts';
import { fenNumber } from '../../shared/money.ts';
import { rate, ZRate } from '../../shared/ratio.ts';
import type { FigureScope, FigureSet } from '../manifest.ts';
import { DRIVE_STATUSES, type DriveStatus } from './crowdfunding.tables.ts';
import { inScope, ZFenOut } from './fund-figures.ts';
import { PROJECT_STAGES, type ProjectStage } from './projects.tables.ts';

/**
 * `fund.projects` (projects by stage, budget accuracy of the settled ones) and `fund.crowdfunding`
 * (drives, target, raised, completion). Every formula is written down in docs/figures-fund.md.
 */

const counts = <T extends readonly string[]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<T[number], z.ZodNumber>);
const zeros = <T extends readonly string[]>(keys: T) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<T[number], number>;

/** Settled: past settlement (the actual is final): in disclosure, in evaluation or closed. */
export const SETTLED: readonly ProjectStage[] = ['disclosure', 'evaluation', 'closed'];

export const ZProjectFigures = z.object({
  projects: z.number().int(),
  byStage: counts(PROJECT_STAGES),
  settled: z.object({
    projects: z.number().int(),
    budgetFen: ZFenOut,
    extraFen: ZFenOut,
    actualFen: ZFenOut,
    /** actual / budget, exact as `numerator/denominator` (fen), percent to one decimal. */
    accuracy: ZRate,
    overBudget: z.number().int(),
    withinBudget: z.number().int(),
  }),
});
export type ProjectFigures = z.infer<typeof ZProjectFigures>;

async function computeProjects(db: DbOrTx, scope: FigureScope): Promise<ProjectFigures> {
  const rows = await db.execute<{
    stage: ProjectStage;
    budget_fen: string;
    extra_fen: string;
    actual_fen: string;
  }>(sql`
    select p.stage,
      (select coalesce(sum(l.amount_fen), 0) from fund_budget_lines l where l.project_id = p.id)::text as budget_fen,
      (select coalesce(sum(l.extra_fen), 0) from fund_budget_lines l where l.project_id = p.id)::text as extra_fen,
      (select coalesce(sum(e.amount_fen), 0)
        from fund_postings x
        left join fund_postings o on o.id = x.reverses_id
        join fund_entries e on e.posting_id = x.id
        join fund_accounts a on a.id = e.account_id and a.kind = 'expense'
        where x.station_id = p.station_id and coalesce(x.project_id, o.project_id) = p.id)::text as actual_fen
    from fund_projects p
    where ${inScope(scope, sql`p.station_id`)} and p.created_at < ${scope.to.toISOString()}`);
  const byStage = zeros(PROJECT_STAGES);
  const settled = { projects: 0, budget: 0n, extra: 0n, actual: 0n, over: 0, within: 0 };
  for (const r of rows.rows) {
    byStage[r.stage] += 1;
    if (!SETTLED.includes(r.stage)) continue;
    const budget = BigInt(r.budget_fen);
    const actual = BigInt(r.actual_fen);
    settled.projects += 1;
    settled.budget += budget;
    settled.extra += BigInt(r.extra_fen);
    settled.actual += actual;
    if (actual > budget) settled.over += 1;
    else settled.within += 1;
  }
  return {
    projects: rows.rows.length,
    byStage,
    settled: {
      projects: settled.projects,
      budgetFen: fenNumber(settled.budget),
      extraFen: fenNumber(settled.extra),
      actualFen: fenNumber(settled.actual),
      accuracy: rate(fenNumber(settled.actual), fenNumber(settled.budget)),
      overBudget: settled.over,
      withinBudget: settled.within,
    },
  };
}

export const projectFigureSet: FigureSet<ProjectFigures> = {
  title: { zh: '自治项目', en: 'Projects' },
  action: 'fund.read',
  docs: 'docs/figures-fund.md',
  schema: ZProjectFigures,
  compute: computeProjects,
};

export const ZCrowdfundingFigures = z.object({
  drives: z.number().int(),
  byStatus: counts(DRIVE_STATUSES),
  /** Over the drives not cancelled. */
  targetFen: ZFenOut,
  pledgedFen: ZFenOut,
  raisedFen: ZFenOut,
  completion: ZRate,
  reachedTarget: z.number().int(),
});
export type CrowdfundingFigures = z.infer<typeof ZCrowdfundingFigures>;

async function computeCrowdfunding(db: DbOrTx, scope: FigureScope): Promise<CrowdfundingFigures> {
  const to = scope.to.toISOString();
  const rows = await db.execute<{
    status: DriveStatus;
    target_fen: string;
    pledged_fen: string;
    raised_fen: string;
  }>(
    sql`
    select d.status, d.target_fen::text as target_fen,
      (select coalesce(sum(pl.amount_fen), 0) from fund_pledges pl
        where pl.drive_id = d.id and pl.created_at < ${to})::text as pledged_fen,
      (select coalesce(sum(pay.amount_fen), 0) from fund_payments pay
        where pay.drive_id = d.id and pay.posting_id is not null and pay.collected_at < ${to})::text as raised_fen
    from fund_drives d
    where ${inScope(scope, sql`d.station_id`)} and d.created_at < ${to}
      and (d.closed_at is null or d.closed_at >= ${scope.from.toISOString()})`,
  );
  const byStatus = zeros(DRIVE_STATUSES);
  const sums = { target: 0n, pledged: 0n, raised: 0n, reached: 0 };
  for (const r of rows.rows) {
    byStatus[r.status] += 1;
    if (r.status === 'cancelled') continue;
    const target = BigInt(r.target_fen);
    const raised = BigInt(r.raised_fen);
    sums.target += target;
    sums.pledged += BigInt(r.pledged_fen);
    sums.raised += raised;
    if (raised >= target) sums.reached += 1;
  }
  return {
    drives: rows.rows.length,
    byStatus,
    targetFen: fenNumber(sums.target),
    pledgedFen: fenNumber(sums.pledged),
    raisedFen: fenNumber(sums.raised),
    completion: rate(fenNumber(sums.raised), fenNumber(sums.target)),
    reachedTarget: sums.reached,
  };
}

export const crowdfundingFigureSet: FigureSet<CrowdfundingFigures> = {
  title: { zh: '居民众筹', en: 'Crowdfunding' },
  action: 'fund.read',
  docs: 'docs/figures-fund.md',
  schema: ZCrowdfundingFigures,
  compute: computeCrowdfunding,
};
