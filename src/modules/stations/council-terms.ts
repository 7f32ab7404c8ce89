import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { escapeLike } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { maskPhone } from '../people/index.ts';
import { checkComposition, type Position } from './composition.ts';
import { councilTerms } from './council.tables.ts';
import { effectivePolicy, LIVES_IN, policyRows, SEATED_ON, toSeat } from './council-state.ts';
import { chinaDate } from './duty-time.ts';
import { badField, conflict, lockStation, managedStation, readableStation } from './station-access.ts';

/** Council terms 届 of a station and the council page: a term's seats, their history and the verdict. */

type Term = typeof councilTerms.$inferSelect;

const presentTerm = (t: Term, day: string) => ({
  id: t.id,
  number: t.number,
  startsOn: t.startsOn,
  endsOn: t.endsOn,
  current: t.startsOn <= day && day <= t.endsOn,
});

/** The day a term is checked on: today, or its first day when it has not begun, its last when over. */
export function checkDay(term: { startsOn: string; endsOn: string }, day = chinaDate()): string {
  if (day < term.startsOn) return term.startsOn;
  if (day > term.endsOn) return term.endsOn;
  return day;
}

interface MemberRow extends Record<string, unknown> {
  id: number;
  station_id: number;
  term_id: number;
  resident_id: number | null;
  user_id: number | null;
  name: string;
  position: Position;
  affiliations: string;
  lives_in: boolean;
  nominated_by: string | null;
  nominated_on: string | null;
  joined_on: string;
  left_on: string | null;
  left_reason: string | null;
  previous_id: number | null;
  seated: boolean;
  portfolios: string[] | null;
}

export async function getCouncil(ctx: AuthedCtx, stationId: number, termId?: number) {
  const station = await readableStation(ctx, stationId);
  const day = chinaDate();
  const terms = await ctx.db
    .select()
    .from(councilTerms)
    .where(eq(councilTerms.stationId, station.id))
    .orderBy(asc(councilTerms.number));
  const term =
    termId !== undefined
      ? terms.find((t) => t.id === termId)
      : (terms.find((t) => t.startsOn <= day && day <= t.endsOn) ?? terms.at(-1));
  if (termId !== undefined && !term) throw new AppError('NOT_FOUND');
  if (!term) return { terms: [], term: null, members: [], violations: [] };
  const on = checkDay(term, day);
  const result = await ctx.db.execute<MemberRow>(sql`
    select m.id, m.station_id, m.term_id, m.resident_id, m.user_id, m.name, m.position, m.affiliations::text,
      ${LIVES_IN} as lives_in, m.nominated_by, m.nominated_on::text, m.joined_on::text, m.left_on::text,
      m.left_reason, m.previous_id, ${SEATED_ON(on)} as seated,
      (select array_agg(c.name order by c.sort_key, c.id) from stations_portfolios p
        join requests_categories c on c.id = p.category_id where p.member_id = m.id) as portfolios
    from stations_council_members m where m.term_id = ${term.id} order by m.id`);
  const seats = result.rows.map((r) => ({ row: r, seat: toSeat(r) }));
  const { policy } = effectivePolicy(station.path, await policyRows(ctx.db));
  return {
    terms: terms.map((t) => presentTerm(t, day)),
    term: presentTerm(term, day),
    members: seats.map(({ row: r, seat }) => ({
      id: seat.id,
      termId: seat.termId,
      name: seat.name,
      residentId: seat.residentId,
      userId: seat.userId,
      position: seat.position,
      affiliations: seat.affiliations,
      livesInCompound: seat.livesInCompound,
      nominatedBy: r.nominated_by,
      nominatedOn: r.nominated_on,
      joinedOn: r.joined_on,
      leftOn: r.left_on,
      leftReason: r.left_reason,
      previousId: r.previous_id === null ? null : Number(r.previous_id),
      portfolios: r.portfolios ?? [],
    })),
    violations: checkComposition(
      seats.filter((s) => s.row.seated).map((s) => s.seat),
      policy,
    ).map((v) => ({ code: v.code, zh: v.zh, en: v.en })),
  };
}

/** Adds a term; its dates may not overlap another term of the station. The number defaults to the next. */
export async function addTerm(
  ctx: AuthedCtx,
  stationId: number,
  input: { number?: number | undefined; startsOn: string; endsOn: string },
) {
  const station = await managedStation(ctx, stationId);
  if (input.endsOn < input.startsOn) {
    throw badField('endsOn', {
      zh: '届期结束日期不能早于开始日期',
      en: 'A term cannot end before it starts',
    });
  }
  return ctx.db.transaction(async (tx) => {
    await lockStation(tx, station.id);
    const [overlap] = await tx
      .select()
      .from(councilTerms)
      .where(
        and(
          eq(councilTerms.stationId, station.id),
          lte(councilTerms.startsOn, input.endsOn),
          gte(councilTerms.endsOn, input.startsOn),
        ),
      )
      .limit(1);
    if (overlap) {
      throw conflict({
        zh: `与第${overlap.number}届（${overlap.startsOn} 至 ${overlap.endsOn}）的届期重叠`,
        en: `The dates overlap term ${overlap.number} (${overlap.startsOn} to ${overlap.endsOn})`,
      });
    }
    const [last] = await tx
      .select({ number: councilTerms.number })
      .from(councilTerms)
      .where(eq(councilTerms.stationId, station.id))
      .orderBy(desc(councilTerms.number))
      .limit(1);
    const number = input.number ?? (last?.number ?? 0) + 1;
    const [same] = await tx
      .select({ id: councilTerms.id })
      .from(councilTerms)
      .where(and(eq(councilTerms.stationId, station.id), eq(councilTerms.number, number)));
    if (same) throw conflict({ zh: `已有第${number}届`, en: `There is already a term number ${number}` });
    const [row] = await tx
      .insert(councilTerms)
      .values({ stationId: station.id, number, startsOn: input.startsOn, endsOn: input.endsOn })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'council.term.add',
      subjectType: 'councilTerm',
      subjectId: row!.id,
      stationId: station.id,
      path: station.path,
      summary: { number, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return presentTerm(row!, chinaDate());
  });
}

/**
 * People who may take a seat, by name or phone: the station's residents (with the household that
 * makes them live in the compound), and accounts holding a role at the station.
 */
export async function councilCandidates(ctx: AuthedCtx, stationId: number, q: string) {
  const station = await managedStation(ctx, stationId);
  const pattern = `%${escapeLike(q)}%`;
  const people = await ctx.db.execute<{
    resident_id: number;
    user_id: number | null;
    name: string;
    phone: string | null;
    label: string | null;
  }>(sql`select r.id as resident_id, r.user_id, r.name, r.phone,
      (select min(h.label) from people_household_members hm join places_households h on h.id = hm.household_id
        where hm.resident_id = r.id) as label
    from people_residents r
    where r.station_id = ${station.id} and (r.name like ${pattern} or r.phone like ${pattern})
    order by r.id limit 10`);
  const accounts = await ctx.db.execute<{ id: number; name: string; phone: string }>(sql`
    select distinct u.id, u.display_name as name, u.phone from accounts_users u
    join accounts_role_grants g on g.user_id = u.id
    where g.station_id = ${station.id} and u.disabled_at is null
      and (u.display_name like ${pattern} or u.phone like ${pattern})
    order by u.id limit 10`);
  const linked = new Set(people.rows.map((p) => (p.user_id === null ? null : Number(p.user_id))));
  return {
    items: [
      ...people.rows.map((p) => ({
        residentId: Number(p.resident_id),
        userId: p.user_id === null ? null : Number(p.user_id),
        name: p.name,
        hint: [maskPhone(p.phone) ?? '', p.label ?? ''].filter(Boolean).join(' · '),
        livesInCompound: p.label !== null,
      })),
      ...accounts.rows
        .filter((a) => !linked.has(Number(a.id)))
        .map((a) => ({
          residentId: null,
          userId: Number(a.id),
          name: a.name,
          hint: `${maskPhone(a.phone) ?? ''} · ${ctx.lang === 'en' ? 'account' : '账号'}`,
          livesInCompound: false,
        })),
    ],
  };
}
