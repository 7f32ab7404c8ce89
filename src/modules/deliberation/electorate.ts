import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { idList } from '../../server/db/client.ts';
import type { ELECTORATES, VOTE_SCOPES } from './votes.tables.ts';

/**
 * Who may vote, frozen into deliberation_electors when a vote opens (one statement per vote). Heads:
 * - households: one per household in scope, cast by its named voter (is_voter);
 * - owners (民法典 counting): one per owner, however many units they hold in scope, areas summed. A
 *   unit's owner is its named voter if that is an owner, else its first recorded owner; co-owners are
 *   that one head. A unit with no owner on record is a head of its own (h<id>): its area and head still
 *   count in the totals — the law counts every exclusive part — and only a paper ballot can speak for it.
 * - adults: every resident linked to a household in scope who is 18 or older this year (or whose birth
 *   year is unknown);
 * - council: the seats of the term in force today, one head per person (account, else resident, else seat).
 */

export type Scope = (typeof VOTE_SCOPES)[number];
export type Electorate = (typeof ELECTORATES)[number];

function scopeFilter(scope: Scope, ids: readonly number[]) {
  const list = idList(ids);
  switch (scope) {
    case 'compounds':
      return sql`h.compound_id = any(${list})`;
    case 'buildings':
      return sql`h.building_id = any(${list})`;
    case 'units':
      return sql`h.unit_id = any(${list})`;
    case 'households':
      return sql`h.id = any(${list})`;
  }
}

/** The places a scope names that are not the station's (an empty list means every id is its own). */
export async function foreignScopeIds(db: DbOrTx, stationId: number, scope: Scope, ids: readonly number[]) {
  const table = {
    compounds: sql`places_compounds`,
    buildings: sql`places_buildings`,
    units: sql`places_units`,
    households: sql`places_households`,
  }[scope];
  const result = await db.execute<{
    id: string;
  }>(sql`select x.id from unnest(${idList(ids)}) x(id)
    where not exists (select 1 from ${table} p where p.id = x.id and p.station_id = ${stationId})`);
  return result.rows.map((r) => Number(r.id));
}

/** Writes the electorate of a vote (still a draft) and returns its number of heads. */
export async function snapshotElectorate(
  tx: DbOrTx,
  vote: { id: number; stationId: number; scope: Scope; scopeIds: readonly number[]; electorate: Electorate },
  today: string,
): Promise<number> {
  const inScope = sql`select h.id, h.building_id, h.label, h.sort_key, h.area_cm2 from places_households h
    where h.station_id = ${vote.stationId} and ${scopeFilter(vote.scope, vote.scopeIds)}`;
  const head = sql`insert into deliberation_electors
    (station_id, vote_id, key, resident_id, user_id, household_ids, building_ids, label, area_cm2, sort_key)`;
  const fixed = sql`${vote.stationId}::bigint, ${vote.id}::bigint`;
  let statement: ReturnType<typeof sql>;
  switch (vote.electorate) {
    case 'households':
      statement = sql`${head} with hh as (${inScope})
        select ${fixed}, 'h' || hh.id, v.resident_id, null::bigint, array[hh.id], array[hh.building_id], hh.label,
          hh.area_cm2, hh.sort_key
        from hh left join people_household_members v on v.household_id = hh.id and v.is_voter`;
      break;
    case 'owners':
      statement = sql`${head} with hh as (${inScope}),
        ow as (select distinct on (m.household_id) m.household_id, m.resident_id
          from people_household_members m join hh on hh.id = m.household_id
          where m.relation = 'owner' order by m.household_id, m.is_voter desc, m.id)
        select ${fixed}, coalesce('r' || ow.resident_id, 'h' || hh.id), ow.resident_id, null::bigint,
          array_agg(hh.id order by hh.sort_key), array_agg(distinct hh.building_id),
          string_agg(hh.label, '、' order by hh.sort_key), sum(hh.area_cm2), min(hh.sort_key)
        from hh left join ow on ow.household_id = hh.id
        group by coalesce('r' || ow.resident_id, 'h' || hh.id), ow.resident_id`;
      break;
    case 'adults':
      statement = sql`${head} with hh as (${inScope})
        select ${fixed}, 'r' || r.id, r.id, null::bigint, array_agg(hh.id order by hh.sort_key),
          array_agg(distinct hh.building_id), string_agg(hh.label, '、' order by hh.sort_key), 0, min(hh.sort_key)
        from hh join people_household_members m on m.household_id = hh.id
        join people_residents r on r.id = m.resident_id
        where r.birth_year is null or r.birth_year <= ${Number(today.slice(0, 4)) - 18}
        group by r.id`;
      break;
    case 'council':
      statement = sql`${head}
        select distinct on (k.key) ${fixed}, k.key, m.resident_id, coalesce(m.user_id, r.user_id),
          '{}'::bigint[], '{}'::bigint[], m.name, 0, m.name
        from stations_council_members m
        join stations_council_terms t on t.id = m.term_id
        left join people_residents r on r.id = m.resident_id
        cross join lateral (select coalesce('u' || coalesce(m.user_id, r.user_id), 'r' || m.resident_id, 'm' || m.id) as key) k
        where t.station_id = ${vote.stationId} and t.starts_on <= ${today}::date and t.ends_on >= ${today}::date
          and (m.left_on is null or m.left_on > ${today}::date)
        order by k.key, m.id`;
      break;
  }
  const result = await tx.execute(statement);
  return result.rowCount ?? 0;
}
