import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../server/db/client.ts';
import { rate, ZRate } from '../../shared/ratio.ts';
import type { FigureScope, FigureSet } from '../manifest.ts';

/**
 * Patrols and visits figures of a node and a period, in one statement. Every formula is written
 * down in docs/figures-stations.md ("Patrols and visits"); keep the two in step. Counts only: the
 * visit list's households never leave this file.
 */

export const ZFieldFigures = z.object({
  patrols: z.object({ planned: z.number(), done: z.number(), doneRate: ZRate }),
  findings: z.object({ recorded: z.number(), turnedIntoRequests: z.number(), requestRate: ZRate }),
  visits: z.object({ made: z.number(), overdueAtEnd: z.number() }),
});
export type FieldFigures = z.infer<typeof ZFieldFigures>;

interface Row extends Record<string, unknown> {
  planned: number;
  done: number;
  findings: number;
  filed: number;
  visits: number;
  overdue: number;
}

async function computeFieldFigures(db: DbOrTx, scope: FigureScope): Promise<FieldFigures> {
  // A day belongs to the period when its start (00:00 China Standard Time) lies in [from, to);
  // the period's end day is the China calendar day of `to`.
  const from = scope.from.toISOString();
  const to = scope.to.toISOString();
  const dayIn = (column: string) => {
    const start = sql.raw(`(${column}::timestamp at time zone 'Asia/Shanghai')`);
    return sql`${start} >= ${from}::timestamptz and ${start} < ${to}::timestamptz`;
  };
  const end = sql`(${to}::timestamptz at time zone 'Asia/Shanghai')::date`;
  const patrolsIn =
    scope.stationId !== null
      ? sql`p.station_id = ${scope.stationId}`
      : sql`exists (select 1 from places_compounds c where c.id = p.compound_id and starts_with(c.path, ${scope.path}))`;
  const targetsIn =
    scope.stationId !== null
      ? sql`t.station_id = ${scope.stationId}`
      : sql`exists (select 1 from places_households h where h.id = t.household_id and starts_with(h.path, ${scope.path}))`;
  const result = await db.execute<Row>(sql`
    select pl.planned, pl.done, fi.findings, fi.filed,
      (select count(*)::int from stations_visit_records r join stations_visit_targets t on t.id = r.target_id
        where ${targetsIn} and ${dayIn('r.visited_on')}) as visits,
      (select count(*)::int from stations_visit_targets t
        where ${targetsIn} and t.active and t.created_at < ${to}::timestamptz and t.since < ${end}
          and coalesce(
            (select max(r.visited_on) from stations_visit_records r where r.target_id = t.id and r.visited_on < ${end}),
            t.since) + t.every_days < ${end}) as overdue
    from
      (select count(*)::int as planned, (count(*) filter (where p.done_at is not null))::int as done
        from stations_patrols p where ${patrolsIn} and ${dayIn('p.planned_on')}) pl,
      (select count(*)::int as findings, (count(*) filter (where f.request_id is not null))::int as filed
        from stations_patrol_findings f join stations_patrols p on p.id = f.patrol_id
        where ${patrolsIn} and f.created_at >= ${from}::timestamptz and f.created_at < ${to}::timestamptz) fi`);
  const row = result.rows[0];
  const n = (k: keyof Row) => Number(row?.[k] ?? 0);
  return {
    patrols: { planned: n('planned'), done: n('done'), doneRate: rate(n('done'), n('planned')) },
    findings: {
      recorded: n('findings'),
      turnedIntoRequests: n('filed'),
      requestRate: rate(n('filed'), n('findings')),
    },
    visits: { made: n('visits'), overdueAtEnd: n('overdue') },
  };
}

export const fieldFigureSet: FigureSet<FieldFigures> = {
  title: { zh: '巡查走访', en: 'Patrols and visits' },
  action: 'station.read',
  docs: 'docs/figures-stations.md',
  schema: ZFieldFigures,
  compute: computeFieldFigures,
};
