import { asc, eq, sql } from 'drizzle-orm';
import { type DbOrTx, escapeLike } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { rate } from '../../shared/ratio.ts';
import { can } from '../accounts/policy.ts';
import type { FigureScope, FigureSet } from '../manifest.ts';
import { locatePlace } from '../places/find-place.ts';
import { areas, stations } from '../places/places.tables.ts';
import { type RequestFigures, ZRequestFigures } from './insights.schema.ts';

/**
 * Requests figures for one node of the tree and a period, in one aggregate query (FILTER clauses,
 * percentile_disc), optionally with the same figures for each child node through GROUPING SETS.
 * Every formula is written down in docs/figures-requests.md; keep the two in step.
 */

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 731;

// `p` is the population: requests filed in the period, except duplicates (counted on the original)
// and withdrawn ones (the reporter took them back).
const AGGREGATES = `
  count(*)::int as filed,
  count(*) filter (where status = 'duplicate')::int as duplicate,
  count(*) filter (where status = 'withdrawn')::int as withdrawn,
  count(*) filter (where p)::int as population,
  count(*) filter (where p and responded_at is not null)::int as responded,
  count(*) filter (where p and resolved_at is not null)::int as resolved,
  count(*) filter (where p and resolved_at is not null and resolved_at <= due_resolution_at)::int as on_time,
  count(*) filter (where p and resolved_at is not null and rating is not null)::int as rated,
  count(*) filter (where p and resolved_at is not null and rating >= 3)::int as satisfied,
  count(*) filter (where p and resolved_at is not null and rating = 5)::int as r5,
  count(*) filter (where p and resolved_at is not null and rating = 4)::int as r4,
  count(*) filter (where p and resolved_at is not null and rating = 3)::int as r3,
  count(*) filter (where p and resolved_at is not null and rating = 2)::int as r2,
  count(*) filter (where p and resolved_at is not null and rating = 1)::int as r1,
  count(*) filter (where p and (resolved_at is not null or reopen_count > 0))::int as ever_resolved,
  count(*) filter (where p and reopen_count > 0)::int as reopened,
  count(*) filter (where p and escalated_at is not null)::int as escalated,
  round(percentile_disc(0.5) within group (order by respond_s) filter (where p and respond_s is not null))::int8
    as respond_median,
  round(percentile_disc(0.9) within group (order by respond_s) filter (where p and respond_s is not null))::int8
    as respond_p90,
  round(percentile_disc(0.5) within group (order by resolve_s) filter (where p and resolve_s is not null))::int8
    as resolve_median,
  round(percentile_disc(0.9) within group (order by resolve_s) filter (where p and resolve_s is not null))::int8
    as resolve_p90`;

interface Row extends Record<string, unknown> {
  child: string | null;
  filed: number;
  duplicate: number;
  withdrawn: number;
  population: number;
  responded: number;
  resolved: number;
  on_time: number;
  rated: number;
  satisfied: number;
  r5: number;
  r4: number;
  r3: number;
  r2: number;
  r1: number;
  ever_resolved: number;
  reopened: number;
  escalated: number;
  respond_median: number | null;
  respond_p90: number | null;
  resolve_median: number | null;
  resolve_p90: number | null;
}

function present(row: Row | undefined): RequestFigures {
  const n = (k: keyof Row) => Number(row?.[k] ?? 0);
  const s = (k: keyof Row) => (row?.[k] === null || row?.[k] === undefined ? null : Number(row[k]));
  return {
    counts: {
      filed: n('filed'),
      duplicate: n('duplicate'),
      withdrawn: n('withdrawn'),
      population: n('population'),
      responded: n('responded'),
      resolved: n('resolved'),
      onTime: n('on_time'),
      rated: n('rated'),
      satisfied: n('satisfied'),
      everResolved: n('ever_resolved'),
      reopened: n('reopened'),
      escalated: n('escalated'),
    },
    ratings: { '5': n('r5'), '4': n('r4'), '3': n('r3'), '2': n('r2'), '1': n('r1') },
    rates: {
      response: rate(n('responded'), n('population')),
      resolution: rate(n('resolved'), n('population')),
      onTime: rate(n('on_time'), n('resolved')),
      satisfaction: rate(n('satisfied'), n('rated')),
      rating: rate(n('rated'), n('resolved')),
      reopen: rate(n('reopened'), n('ever_resolved')),
      escalation: rate(n('escalated'), n('population')),
    },
    times: {
      toRespond: { count: n('responded'), medianSeconds: s('respond_median'), p90Seconds: s('respond_p90') },
      toResolve: { count: n('resolved'), medianSeconds: s('resolve_median'), p90Seconds: s('resolve_p90') },
    },
  };
}

/**
 * The figures of a node, and with `byChild` also of each child of an area: a sub-area ('a' + id)
 * when the request's path continues with an area id, else the request's station ('s' + id).
 */
async function aggregate(db: DbOrTx, scope: FigureScope, byChild: boolean) {
  const where =
    scope.stationId !== null
      ? sql`r.station_id = ${scope.stationId}`
      : sql`r.path like ${`${escapeLike(scope.path)}%`}`;
  const grouped = byChild && scope.stationId === null;
  const next = sql`split_part(substr(r.path, ${scope.path.length + 1}::int), '/', 1)`;
  const child = grouped
    ? sql`case when ${next} ~ '^[0-9]+$' then 'a' || ${next} else 's' || r.station_id end`
    : sql`null::text`;
  const result = await db.execute<Row>(sql`
    with scoped as (
      select r.status, r.responded_at, r.resolved_at, r.due_resolution_at, r.rating, r.reopen_count, r.escalated_at,
        r.status not in ('duplicate', 'withdrawn') as p,
        extract(epoch from (r.responded_at - r.created_at)) as respond_s,
        extract(epoch from (r.resolved_at - r.created_at)) as resolve_s,
        ${child} as child
      from requests_requests r
      where ${where} and r.created_at >= ${scope.from.toISOString()} and r.created_at < ${scope.to.toISOString()}
    )
    select ${grouped ? sql`child` : sql`null::text as child`}, ${sql.raw(AGGREGATES)}
    from scoped ${grouped ? sql`group by grouping sets ((), (child))` : sql``}`);
  return result.rows;
}

/** The figures of one node and period (the manifest's compute). */
async function computeRequestFigures(db: DbOrTx, scope: FigureScope): Promise<RequestFigures> {
  const rows = await aggregate(db, scope, false);
  return present(rows[0]);
}

export const requestFigureSet: FigureSet<RequestFigures> = {
  title: { zh: '诉求办理', en: 'Request handling' },
  action: 'request.read',
  docs: 'docs/figures-requests.md',
  schema: ZRequestFigures,
  compute: computeRequestFigures,
};

function parseWhen(value: string): Date {
  // A date alone is the start of that day in China Standard Time.
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value);
}

function periodError(path: 'from' | 'to', zh: string, en: string) {
  return new AppError('VALIDATION', { errors: [{ path, message: { zh, en } }] });
}

/** [from, to): by default the 30 days before now; to after from; at most 731 days. */
function period(query: { from?: string | undefined; to?: string | undefined }, now = new Date()) {
  const to = query.to ? parseWhen(query.to) : now;
  const from = query.from ? parseWhen(query.from) : new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
  if (Number.isNaN(from.getTime())) throw periodError('from', '开始时间无效', 'from is not a valid date');
  if (Number.isNaN(to.getTime())) throw periodError('to', '结束时间无效', 'to is not a valid date');
  if (to.getTime() <= from.getTime()) {
    throw periodError('to', '结束时间须晚于开始时间', 'to must be after from');
  }
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) {
    throw periodError(
      'to',
      '统计区间不能超过两年（731 天）',
      'The period can be at most two years (731 days)',
    );
  }
  return { from, to };
}

/**
 * The requests figures of a station or an area for a period, and of each of its children (the
 * sub-areas of an area; the stations of a community). 404 unless the user holds request.read there.
 */
export async function requestFiguresAt(
  ctx: AuthedCtx,
  query: { kind: 'area' | 'station'; id: number; from?: string | undefined; to?: string | undefined },
) {
  const place = await locatePlace(ctx.db, query.kind, query.id);
  if (!place || !can(ctx.user, 'request.read', place)) throw new AppError('NOT_FOUND');
  const { from, to } = period(query);
  const scope = { stationId: query.kind === 'station' ? place.id : null, path: place.path, from, to };
  const rows = await aggregate(ctx.db, scope, query.kind === 'area');
  const byChild = new Map(rows.filter((r) => r.child !== null).map((r) => [r.child, r]));
  const children =
    query.kind === 'area'
      ? [
          ...(
            await ctx.db
              .select({ id: areas.id, name: areas.name, level: areas.level })
              .from(areas)
              .where(eq(areas.parentId, place.id))
              .orderBy(asc(areas.id))
          ).map((a) => ({ kind: 'area' as const, ...a, figures: present(byChild.get(`a${a.id}`)) })),
          ...(
            await ctx.db
              .select({ id: stations.id, name: stations.name })
              .from(stations)
              .where(eq(stations.areaId, place.id))
              .orderBy(asc(stations.id))
          ).map((s) => ({
            kind: 'station' as const,
            ...s,
            level: null,
            figures: present(byChild.get(`s${s.id}`)),
          })),
        ]
      : [];
  return {
    node: { kind: query.kind, id: place.id, name: place.name, level: place.level },
    from: from.toISOString(),
    to: to.toISOString(),
    figures: present(rows.find((r) => r.child === null)),
    children,
  };
}
