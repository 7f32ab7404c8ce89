import { sql } from 'drizzle-orm';
import { type DbOrTx, idList } from '../../server/db/client.ts';
import {
  type Affiliation,
  type CompositionPolicy,
  type CouncilMemberView,
  checkComposition,
  DEFAULT_POLICY,
  type Position,
  resolvePolicy,
  type ViolationCode,
} from './composition.ts';

/**
 * What the station list, the council page and the figures share: a station's effective composition
 * policy (from the overrides along its path) and the verdict on the council in force on a day.
 */

export interface PolicyRow {
  path: string;
  areaId: number | null;
  stationId: number | null;
  areaName: string | null;
  overrides: Partial<CompositionPolicy>;
}

export interface PolicySource {
  level: 'default' | 'area' | 'station';
  name: string | null;
  areaId: number | null;
}

/** Every override (there are a few per district at most), with its area's name. */
export async function policyRows(db: DbOrTx): Promise<PolicyRow[]> {
  const result = await db.execute<{
    path: string;
    area_id: number | null;
    station_id: number | null;
    area_name: string | null;
    overrides: Partial<CompositionPolicy>;
  }>(sql`select p.path, p.area_id, p.station_id, a.name as area_name, p.overrides
    from stations_composition_policies p left join places_areas a on a.id = p.area_id
    order by length(p.path)`);
  return result.rows.map((r) => ({
    path: r.path,
    areaId: r.area_id === null ? null : Number(r.area_id),
    stationId: r.station_id === null ? null : Number(r.station_id),
    areaName: r.area_name,
    overrides: r.overrides,
  }));
}

/**
 * The policy at a node (a station's or an area's path): the defaults, then every override on the
 * path from the city down (a station's own last). An override that would make the merged policy
 * invalid (a district and a station each valid, together not) is skipped rather than failing the page;
 * the PUT that stores overrides refuses such combinations at the node it writes.
 */
export function effectivePolicy(path: string, rows: readonly PolicyRow[]) {
  const accepted: Partial<CompositionPolicy>[] = [];
  const sources: Record<string, PolicySource> = Object.fromEntries(
    Object.keys(DEFAULT_POLICY).map((k) => [k, { level: 'default', name: null, areaId: null }]),
  );
  let policy: CompositionPolicy = DEFAULT_POLICY;
  for (const row of rows
    .filter((r) => path.startsWith(r.path))
    .sort((a, b) => a.path.length - b.path.length)) {
    try {
      policy = resolvePolicy([...accepted, row.overrides]);
    } catch {
      continue;
    }
    accepted.push(row.overrides);
    for (const key of Object.keys(row.overrides)) {
      sources[key] =
        row.stationId !== null
          ? { level: 'station', name: null, areaId: null }
          : { level: 'area', name: row.areaName, areaId: row.areaId };
    }
  }
  return { policy, sources };
}

export interface Seat extends CouncilMemberView {
  id: number;
  stationId: number;
  termId: number;
  residentId: number | null;
  userId: number | null;
}

/**
 * "Lives in the compound", derived: the member's resident record (or the resident record of the
 * member's account) is linked to a household of the station. Never stored.
 */
export const LIVES_IN = sql`exists (select 1 from people_household_members hm
  join people_residents r on r.id = hm.resident_id
  where hm.station_id = m.station_id
    and (r.id = m.resident_id or (m.user_id is not null and r.user_id = m.user_id)))`;

/** The seat's person: its resident, else its account, else the seat itself (a name only). */
export function personKey(m: { id: number; residentId: number | null; userId: number | null }): string {
  if (m.residentId !== null) return `r${m.residentId}`;
  if (m.userId !== null) return `u${m.userId}`;
  return `m${m.id}`;
}

interface SeatRow extends Record<string, unknown> {
  id: number;
  station_id: number;
  term_id: number;
  resident_id: number | null;
  user_id: number | null;
  name: string;
  position: Position;
  affiliations: Affiliation[] | string;
  lives_in: boolean;
}

/** Postgres enum arrays may come back as their text form '{a,b}'. */
export function enumArray<T extends string>(value: T[] | string): T[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : (inner.split(',') as T[]);
}

export function toSeat(r: SeatRow): Seat {
  const ids = {
    id: Number(r.id),
    residentId: r.resident_id === null ? null : Number(r.resident_id),
    userId: r.user_id === null ? null : Number(r.user_id),
  };
  return {
    ...ids,
    stationId: Number(r.station_id),
    termId: Number(r.term_id),
    personKey: personKey(ids),
    name: r.name,
    position: r.position,
    affiliations: enumArray(r.affiliations),
    livesInCompound: r.lives_in,
  };
}

/** A seat counts on day d when it was taken on or before d and not yet left (left_on is the first day off). */
export const SEATED_ON = (day: string) =>
  sql`m.joined_on <= ${day}::date and (m.left_on is null or m.left_on > ${day}::date)`;

export interface Compliance {
  termId: number | null;
  termNumber: number | null;
  members: number;
  violations: { code: ViolationCode; zh: string; en: string }[];
}

/**
 * The council in force on `day` at each station (the term covering that day and the seats held
 * that day), checked against the station's effective policy. A station with no such term has no
 * verdict (no violations, termId null).
 */
export async function complianceOn(
  db: DbOrTx,
  list: readonly { id: number; path: string }[],
  day: string,
): Promise<Map<number, Compliance>> {
  const out = new Map<number, Compliance>();
  if (list.length === 0) return out;
  const ids = idList(list.map((s) => s.id));
  const [policies, terms, seats] = await Promise.all([
    policyRows(db),
    db.execute<{ id: number; station_id: number; number: number }>(sql`
      select t.id, t.station_id, t.number from stations_council_terms t
      where t.station_id = any(${ids})
        and t.starts_on <= ${day}::date and t.ends_on >= ${day}::date`),
    db.execute<SeatRow>(sql`
      select m.id, m.station_id, m.term_id, m.resident_id, m.user_id, m.name, m.position, m.affiliations,
        ${LIVES_IN} as lives_in
      from stations_council_members m
      join stations_council_terms t on t.id = m.term_id
      where t.station_id = any(${ids})
        and t.starts_on <= ${day}::date and t.ends_on >= ${day}::date and ${SEATED_ON(day)}
      order by m.id`),
  ]);
  const byStation = new Map<number, Seat[]>();
  for (const s of seats.rows.map(toSeat)) {
    const held = byStation.get(s.stationId);
    if (held) held.push(s);
    else byStation.set(s.stationId, [s]);
  }
  const termOf = new Map(terms.rows.map((t) => [Number(t.station_id), t]));
  for (const station of list) {
    const term = termOf.get(station.id);
    const members = byStation.get(station.id) ?? [];
    const { policy } = effectivePolicy(station.path, policies);
    out.set(station.id, {
      termId: term ? Number(term.id) : null,
      termNumber: term ? Number(term.number) : null,
      members: new Set(members.map((m) => m.personKey)).size,
      violations: term
        ? checkComposition(members, policy).map((v) => ({ code: v.code, zh: v.zh, en: v.en }))
        : [],
    });
  }
  return out;
}
