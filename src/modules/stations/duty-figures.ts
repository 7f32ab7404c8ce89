import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type DbOrTx, escapeLike } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { rate } from '../../shared/ratio.ts';
import type { FigureScope, FigureSet } from '../manifest.ts';
import { type ZCoverage, type ZDutyFigures, ZDutyFigures as ZFigures } from './duty.schema.ts';
import { daysOfMonth, dutyClock } from './duty-time.ts';
import { stationFor } from './station-access.ts';

/**
 * Duty coverage and duty log volume. Every formula is written down in docs/figures-stations.md
 * (section "Duty desk"); keep the two in step.
 */

type Counts = z.output<typeof ZCoverage>['totals'];
interface CountRow extends Record<string, unknown> {
  planned: number;
  on_leave: number;
  filled: number;
  checked_in: number;
  missed: number;
  past: number;
}

// A shift's wall-clock times are China Standard Time (as in the field figures: 'Asia/Shanghai').
const START = sql.raw(`(s.on_date + s.starts_at) at time zone 'Asia/Shanghai'`);
const END = sql.raw(`(s.on_date + s.ends_at) at time zone 'Asia/Shanghai'`);

const countsSql = (now: Date) => sql`
  count(*)::int as planned,
  count(*) filter (where s.on_leave_at is not null)::int as on_leave,
  count(*) filter (where s.on_leave_at is null)::int as filled,
  count(*) filter (where s.on_leave_at is null and s.checked_in_at is not null)::int as checked_in,
  count(*) filter (where s.on_leave_at is null and s.checked_in_at is null and ${END} <= ${now.toISOString()})::int as missed,
  count(*) filter (where s.on_leave_at is null and ${END} <= ${now.toISOString()})::int as past`;

const counts = (row: CountRow | undefined): Counts => ({
  planned: Number(row?.planned ?? 0),
  onLeave: Number(row?.on_leave ?? 0),
  filled: Number(row?.filled ?? 0),
  checkedIn: Number(row?.checked_in ?? 0),
  missed: Number(row?.missed ?? 0),
});

/** Rows of a node: a station by station_id; an area by the path of the row's station (shifts) or the row's. */
function shiftsOf(scope: FigureScope): SQL {
  return scope.stationId !== null
    ? sql`s.station_id = ${scope.stationId}`
    : sql`s.station_id in (select id from places_stations where path like ${`${escapeLike(scope.path)}%`})`;
}

async function computeDutyFigures(db: DbOrTx, scope: FigureScope): Promise<z.output<typeof ZDutyFigures>> {
  const now = dutyClock.now();
  const shifts = await db.execute<CountRow>(sql`
    select ${countsSql(now)} from stations_duty_shifts s
    where ${shiftsOf(scope)} and ${START} >= ${scope.from.toISOString()} and ${START} < ${scope.to.toISOString()}`);
  const row = shifts.rows[0];
  const c = counts(row);
  const past = Number(row?.past ?? 0);
  const log = await db.execute<{ total: number; answered: number; request: number; referred: number }>(sql`
    select count(*)::int as total,
      count(*) filter (where outcome = 'answered')::int as answered,
      count(*) filter (where outcome = 'request')::int as request,
      count(*) filter (where outcome = 'referred')::int as referred
    from stations_duty_log l
    where ${scope.stationId !== null ? sql`l.station_id = ${scope.stationId}` : sql`l.path like ${`${escapeLike(scope.path)}%`}`}
      and l.at >= ${scope.from.toISOString()} and l.at < ${scope.to.toISOString()}`);
  const l = log.rows[0];
  const served = past - c.missed;
  return {
    shifts: { ...c, past },
    checkInRate: rate(served, past),
    log: {
      total: Number(l?.total ?? 0),
      answered: Number(l?.answered ?? 0),
      request: Number(l?.request ?? 0),
      referred: Number(l?.referred ?? 0),
    },
  };
}

export const dutyFigureSet: FigureSet<z.output<typeof ZDutyFigures>> = {
  title: { zh: '值班覆盖与值班记录', en: 'Duty coverage and duty log' },
  action: 'station.read',
  docs: 'docs/figures-stations.md',
  schema: ZFigures,
  compute: computeDutyFigures,
};

/** Coverage per member for a month of a station's roster (shifts by their day). */
export async function coverage(ctx: AuthedCtx, stationId: number, month: string) {
  const station = await stationFor(ctx, stationId, 'station.read');
  const days = daysOfMonth(month);
  const now = dutyClock.now();
  const result = await ctx.db.execute<CountRow & { user_id: number; name: string }>(sql`
    select s.user_id, coalesce(p.name, u.display_name) as name, ${countsSql(now)}
    from stations_duty_shifts s
    join accounts_users u on u.id = s.user_id
    left join stations_duty_people p on p.station_id = s.station_id and p.user_id = s.user_id
    where s.station_id = ${station.id} and s.on_date between ${days[0]!} and ${days.at(-1)!}
    group by s.user_id, coalesce(p.name, u.display_name)
    order by s.user_id`);
  const items = result.rows.map((r) => ({ userId: Number(r.user_id), name: r.name, ...counts(r) }));
  const totals = items.reduce(
    (t, i) => ({
      planned: t.planned + i.planned,
      onLeave: t.onLeave + i.onLeave,
      filled: t.filled + i.filled,
      checkedIn: t.checkedIn + i.checkedIn,
      missed: t.missed + i.missed,
    }),
    counts(undefined),
  );
  return { month, items, totals };
}
