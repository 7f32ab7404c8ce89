import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type DbOrTx, escapeLike, idList } from '../../server/db/client.ts';
import { fenNumber } from '../../shared/money.ts';
import type { FigureScope, FigureSet } from '../manifest.ts';
import { chinaDate } from '../stations/index.ts';
import { type AccountKind, INCOME_SOURCES, type IncomeSource } from './fund.tables.ts';

/**
 * `fund.flows`: the money that came in by source and went out by project over a node and a period.
 * Every formula is written down in docs/figures-fund.md; keep the two in step.
 */

/** A signed amount in integer fen. */
export const ZFenOut = z.number().int();

/** The rows of a node: a station's by `station_id`, an area's through its stations' paths. */
export const inScope = (scope: FigureScope, stationColumn: SQL) =>
  scope.stationId !== null
    ? sql`${stationColumn} = ${scope.stationId}`
    : sql`${stationColumn} in (select s.id from places_stations s where s.path like ${`${escapeLike(scope.path)}%`})`;

const DAY_MS = 86_400_000;

/** The first China day whose midnight (+08:00) is at or after `at`. */
export function dayFrom(at: Date): string {
  const day = chinaDate(at);
  return Date.parse(`${day}T00:00:00+08:00`) >= at.getTime()
    ? day
    : new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** How many projects `byProject` lists (the largest spending); the rest are in the totals. */
export const TOP_PROJECTS = 20;

export const ZFlowFigures = z.object({
  /** The China days counted: `occurred_on` in [from, to). */
  days: z.object({ from: z.string(), to: z.string() }),
  postings: z.number().int(),
  income: z.object({
    bySource: z.object(
      Object.fromEntries(INCOME_SOURCES.map((s) => [s, ZFenOut])) as Record<IncomeSource, typeof ZFenOut>,
    ),
    totalFen: ZFenOut,
  }),
  spending: z.object({
    projects: z.number().int(),
    projectsFen: ZFenOut,
    unassignedFen: ZFenOut,
    totalFen: ZFenOut,
    byProject: z.array(
      z.object({ projectId: z.number(), stationId: z.number(), title: z.string(), amountFen: ZFenOut }),
    ),
  }),
  transfersFen: ZFenOut,
  netFen: ZFenOut,
});
export type FlowFigures = z.infer<typeof ZFlowFigures>;

async function computeFlows(db: DbOrTx, scope: FigureScope): Promise<FlowFigures> {
  const days = { from: dayFrom(scope.from), to: dayFrom(scope.to) };
  // A reversal counts on its own day, for what its original was (source, project, transfer).
  const scoped = sql`
    select p.id, p.kind = 'reversal' as reversal, coalesce(o.kind, p.kind) as what,
      coalesce(p.project_id, o.project_id) as project_id
    from fund_postings p left join fund_postings o on o.id = p.reverses_id
    where ${inScope(scope, sql`p.station_id`)}
      and p.occurred_on >= ${days.from}::date and p.occurred_on < ${days.to}::date`;
  const rows = await db.execute<{
    kind: AccountKind;
    source: IncomeSource | null;
    project_id: number | null;
    what: string;
    reversal: boolean;
    sum_fen: string;
    moved_fen: string | null;
  }>(sql`
    with scoped as (${scoped})
    select a.kind, a.source, s.project_id, s.what, s.reversal, sum(e.amount_fen)::text as sum_fen,
      sum(e.amount_fen) filter (where e.amount_fen > 0)::text as moved_fen
    from scoped s join fund_entries e on e.posting_id = s.id join fund_accounts a on a.id = e.account_id
    group by a.kind, a.source, s.project_id, s.what, s.reversal`);
  const count = await db.execute<{ n: number }>(
    sql`with scoped as (${scoped}) select count(*)::int as n from scoped`,
  );

  const bySource = Object.fromEntries(INCOME_SOURCES.map((s) => [s, 0n])) as Record<IncomeSource, bigint>;
  const byProject = new Map<number, bigint>();
  let unassigned = 0n;
  let transfers = 0n;
  for (const r of rows.rows) {
    const amount = BigInt(r.sum_fen);
    if (r.kind === 'income' && r.source) bySource[r.source] -= amount;
    if (r.kind === 'expense') {
      if (r.project_id === null) unassigned += amount;
      else byProject.set(Number(r.project_id), (byProject.get(Number(r.project_id)) ?? 0n) + amount);
    }
    if (r.what === 'transfer' && r.moved_fen !== null) {
      transfers += r.reversal ? -BigInt(r.moved_fen) : BigInt(r.moved_fen);
    }
  }
  const income = Object.values(bySource).reduce((s, v) => s + v, 0n);
  const projectsFen = [...byProject.values()].reduce((s, v) => s + v, 0n);
  const top = [...byProject]
    .sort(([a, x], [b, y]) => (y > x ? 1 : y < x ? -1 : a - b))
    .slice(0, TOP_PROJECTS);
  const titles = new Map(
    top.length === 0
      ? []
      : (
          await db.execute<{ id: number; station_id: number; title: string }>(
            sql`select id, station_id, title from fund_projects where id = any(${idList(top.map(([id]) => id))})`,
          )
        ).rows.map((p) => [Number(p.id), p]),
  );
  return {
    days,
    postings: Number(count.rows[0]?.n ?? 0),
    income: {
      bySource: Object.fromEntries(INCOME_SOURCES.map((s) => [s, fenNumber(bySource[s])])) as Record<
        IncomeSource,
        number
      >,
      totalFen: fenNumber(income),
    },
    spending: {
      projects: byProject.size,
      projectsFen: fenNumber(projectsFen),
      unassignedFen: fenNumber(unassigned),
      totalFen: fenNumber(projectsFen + unassigned),
      byProject: top.map(([projectId, amount]) => ({
        projectId,
        stationId: Number(titles.get(projectId)?.station_id ?? 0),
        title: titles.get(projectId)?.title ?? '',
        amountFen: fenNumber(amount),
      })),
    },
    transfersFen: fenNumber(transfers),
    netFen: fenNumber(income - projectsFen - unassigned),
  };
}

export const flowFigureSet: FigureSet<FlowFigures> = {
  title: { zh: '基金收支', en: 'Fund flows' },
  action: 'fund.read',
  docs: 'docs/figures-fund.md',
  schema: ZFlowFigures,
  compute: computeFlows,
};
