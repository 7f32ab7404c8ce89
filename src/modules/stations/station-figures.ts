import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type DbOrTx, escapeLike, idList } from '../../server/db/client.ts';
import { rate, ZRate } from '../../shared/ratio.ts';
import type { FigureScope, FigureSet } from '../manifest.ts';
import { SETUP_STEPS, STAGES, STATION_KINDS } from './council.schema.ts';
import { complianceOn, enumArray } from './council-state.ts';
import { chinaDate } from './duty-time.ts';

/**
 * `stations.setup`: how a node's stations are set up, as of the last day of the period. Every
 * formula is written down in docs/figures-stations.md ("Setup and council"); keep the two in step.
 */

const counts = <T extends readonly string[]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<T[number], z.ZodNumber>);

export const ZSetupFigures = z.object({
  asOf: z.string(),
  stations: z.number().int(),
  byStage: counts(STAGES),
  byKind: counts(STATION_KINDS),
  checklist: z.object({
    byStep: counts(SETUP_STEPS),
    stepsDone: z.number().int(),
    complete: ZRate,
  }),
  compliance: z.object({ withTerm: z.number().int(), compliant: ZRate, violations: z.number().int() }),
  portfolios: z.object({
    categories: z.number().int(),
    held: z.number().int(),
    gaps: z.number().int(),
    stationsWithGaps: z.number().int(),
  }),
});
export type SetupFigures = z.infer<typeof ZSetupFigures>;

const zeros = <T extends readonly string[]>(keys: T) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<T[number], number>;

async function computeSetup(db: DbOrTx, scope: FigureScope): Promise<SetupFigures> {
  // The period's last day in China Standard Time: `to` is exclusive.
  const asOf = chinaDate(new Date(scope.to.getTime() - 1));
  const where =
    scope.stationId !== null
      ? sql`s.id = ${scope.stationId}`
      : sql`s.path like ${`${escapeLike(scope.path)}%`}`;
  const list = (
    await db.execute<{
      id: number;
      path: string;
      kind: string;
      stage: string;
      steps: string[] | string | null;
    }>(sql`
      select s.id, s.path, s.kind, s.stage,
        (select array_agg(st.step::text) from stations_setup_steps st
          where st.station_id = s.id and st.done_on <= ${asOf}::date) as steps
      from places_stations s where ${where} order by s.id`)
  ).rows.map((r) => ({
    ...r,
    id: Number(r.id),
    steps: r.steps === null ? [] : enumArray(r.steps),
  }));
  const byStage = zeros(STAGES);
  const byKind = zeros(STATION_KINDS);
  const byStep = zeros(SETUP_STEPS);
  let complete = 0;
  for (const s of list) {
    byStage[s.stage as keyof typeof byStage] += 1;
    byKind[s.kind as keyof typeof byKind] += 1;
    for (const step of s.steps) byStep[step as keyof typeof byStep] += 1;
    if (SETUP_STEPS.every((step) => s.steps.includes(step))) complete += 1;
  }
  const verdicts = [...(await complianceOn(db, list, asOf)).values()].filter((v) => v.termId !== null);
  const ids = idList(list.map((s) => s.id));
  const [cats] = (
    await db.execute<{ categories: number; held: number; gaps: number; stations_with_gaps: number }>(sql`
      with c as (
        select c.station_id,
          m.id is not null as held,
          -- Held, but the request settings have routed it elsewhere since (as the portfolios page shows it).
          m.id is not null and c.handler_user_id is distinct from m.user_id as drift,
          c.handler_user_id is null and c.handler_kind not in ('property', 'team') as unrouted
        from requests_categories c
        left join stations_portfolios p on p.category_id = c.id
        left join stations_council_members m on m.id = p.member_id
        where c.station_id = any(${ids}) and c.active
      ), g as (select *, (not held and unrouted) or drift as gap from c)
      select count(*)::int as categories, count(*) filter (where held and not drift)::int as held,
        count(*) filter (where gap)::int as gaps,
        count(distinct station_id) filter (where gap)::int as stations_with_gaps
      from g`)
  ).rows;
  return {
    asOf,
    stations: list.length,
    byStage,
    byKind,
    checklist: {
      byStep,
      stepsDone: Object.values(byStep).reduce((a, b) => a + b, 0),
      complete: rate(complete, list.length),
    },
    compliance: {
      withTerm: verdicts.length,
      compliant: rate(verdicts.filter((v) => v.violations.length === 0).length, verdicts.length),
      violations: verdicts.reduce((n, v) => n + v.violations.length, 0),
    },
    portfolios: {
      categories: Number(cats?.categories ?? 0),
      held: Number(cats?.held ?? 0),
      gaps: Number(cats?.gaps ?? 0),
      stationsWithGaps: Number(cats?.stations_with_gaps ?? 0),
    },
  };
}

export const setupFigureSet: FigureSet<SetupFigures> = {
  title: { zh: '自治站建设与理事会', en: 'Station setup and council' },
  action: 'station.read',
  docs: 'docs/figures-stations.md',
  schema: ZSetupFigures,
  compute: computeSetup,
};
