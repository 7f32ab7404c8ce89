import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { residents } from '../people/index.ts';
import { type Affiliation, excludes, POSITION_LABELS, type Position } from './composition.ts';
import { councilMembers, councilTerms } from './council.tables.ts';
import { effectivePolicy, policyRows } from './council-state.ts';
import { clearPortfolios } from './portfolios.ts';
import { badField, conflict, lockStation, managedStation } from './station-access.ts';

/**
 * Seats on the council: added within a term, moved to another position (the seat is closed with
 * leftReason 'moved' and a new one points back at it), ceased. Nothing is deleted. A person may not
 * hold two positions the station's policy says exclude each other, nor the same one twice: such an
 * addition or move is refused and changes nothing. Moving or ceasing gives up the seat's portfolios.
 */

type Member = typeof councilMembers.$inferSelect;
type Term = typeof councilTerms.$inferSelect;

interface AddInput {
  termId: number;
  name?: string | undefined;
  residentId?: number | undefined;
  userId?: number | undefined;
  position: Position;
  affiliations: Affiliation[];
  nominatedBy?: string | undefined;
  nominatedOn?: string | undefined;
  joinedOn: string;
}

function within(term: Term, day: string, field: string) {
  if (day < term.startsOn || day > term.endsOn) {
    throw badField(field, {
      zh: `日期须在本届届期内（${term.startsOn} 至 ${term.endsOn}）`,
      en: `The date must fall within the term (${term.startsOn} to ${term.endsOn})`,
    });
  }
}

/** Who the seat is for: the resident (and their account), or an account with a role at the station. */
async function whoIs(tx: DbOrTx, stationId: number, input: AddInput) {
  let { residentId = null, userId = null, name } = input;
  if (residentId !== null) {
    const [r] = await tx
      .select()
      .from(residents)
      .where(and(eq(residents.id, residentId), eq(residents.stationId, stationId)));
    if (!r)
      throw badField('residentId', {
        zh: '该居民不属于本自治站',
        en: 'This resident is not of this station',
      });
    if (userId !== null && r.userId !== null && r.userId !== userId) {
      throw badField('userId', { zh: '账号与该居民不符', en: 'The account is not this resident’s' });
    }
    userId ??= r.userId;
    name ??= r.name;
  } else if (userId !== null) {
    const found = await tx.execute<{ name: string; resident_id: number | null }>(sql`
      select u.display_name as name,
        (select r.id from people_residents r where r.user_id = u.id and r.station_id = ${stationId}) as resident_id
      from accounts_users u where u.id = ${userId} and (
        exists (select 1 from accounts_role_grants g where g.user_id = u.id and g.station_id = ${stationId})
        or exists (select 1 from people_residents r where r.user_id = u.id and r.station_id = ${stationId}))`);
    const account = found.rows[0];
    if (!account) {
      throw badField('userId', {
        zh: '该账号与本自治站无关',
        en: 'This account has no role or household at this station',
      });
    }
    residentId = account.resident_id === null ? null : Number(account.resident_id);
    name ??= account.name;
  }
  if (!name)
    throw badField('name', {
      zh: '请填写姓名，或选择居民/账号',
      en: 'Give a name, or pick a resident or account',
    });
  return { residentId, userId, name };
}

/**
 * Refuses a seat its person may not take next to the seats they hold in the term on or after the day
 * it starts: open ones, and ones closed on a later day (left_on is the first day not held). The
 * person is known by resident or account; a seat for a name alone (neither) is the same person as
 * any seat of that name in the term.
 */
async function refuseConflicts(
  tx: DbOrTx,
  station: { path: string },
  term: Term,
  person: { residentId: number | null; userId: number | null; name: string },
  position: Position,
  from: string,
  except?: number,
) {
  const same =
    person.residentId === null && person.userId === null
      ? eq(councilMembers.name, person.name)
      : or(
          person.residentId !== null ? eq(councilMembers.residentId, person.residentId) : undefined,
          person.userId !== null ? eq(councilMembers.userId, person.userId) : undefined,
        );
  const held = await tx
    .select()
    .from(councilMembers)
    .where(
      and(
        eq(councilMembers.termId, term.id),
        or(isNull(councilMembers.leftOn), gt(councilMembers.leftOn, from)),
        same,
      ),
    );
  const { policy } = effectivePolicy(station.path, await policyRows(tx));
  const label = POSITION_LABELS[position];
  for (const seat of held) {
    if (seat.id === except) continue;
    if (seat.position === position) {
      throw conflict({
        zh: `${person.name}已是本届${label}`,
        en: `${person.name} already holds ${position} in this term`,
      });
    }
    if (excludes(policy, seat.position, position)) {
      throw conflict({
        zh: `${person.name}已任${POSITION_LABELS[seat.position]}，不能兼任${label}`,
        en: `${person.name} holds ${seat.position}, which may not be combined with ${position}`,
      });
    }
  }
}

export async function addMember(ctx: AuthedCtx, stationId: number, input: AddInput) {
  const station = await managedStation(ctx, stationId);
  return ctx.db.transaction(async (tx) => {
    await lockStation(tx, station.id);
    const [term] = await tx
      .select()
      .from(councilTerms)
      .where(and(eq(councilTerms.id, input.termId), eq(councilTerms.stationId, station.id)));
    if (!term) throw badField('termId', { zh: '本站没有这一届', en: 'No such term at this station' });
    within(term, input.joinedOn, 'joinedOn');
    if (input.nominatedOn && input.nominatedOn > input.joinedOn) {
      throw badField('nominatedOn', {
        zh: '提名日期不能晚于就任日期',
        en: 'Nomination cannot come after joining',
      });
    }
    const person = await whoIs(tx, station.id, input);
    await refuseConflicts(tx, station, term, person, input.position, input.joinedOn);
    const [row] = await tx
      .insert(councilMembers)
      .values({
        stationId: station.id,
        termId: term.id,
        ...person,
        position: input.position,
        affiliations: input.affiliations,
        nominatedBy: input.nominatedBy ?? null,
        nominatedOn: input.nominatedOn ?? null,
        joinedOn: input.joinedOn,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'council.member.add',
      subjectType: 'councilMember',
      subjectId: row!.id,
      stationId: station.id,
      path: station.path,
      summary: {
        termId: term.id,
        position: input.position,
        residentId: person.residentId,
        userId: person.userId,
      },
    });
    return { id: row!.id };
  });
}

/** The open seat and its term and station, for one who manages the station; 404 when not visible. */
async function openSeat(ctx: AuthedCtx, tx: DbOrTx, memberId: number) {
  const [found] = await ctx.db.select().from(councilMembers).where(eq(councilMembers.id, memberId));
  if (!found) throw new AppError('NOT_FOUND');
  const station = await managedStation(ctx, found.stationId);
  await lockStation(tx, station.id);
  const [seat] = await tx.select().from(councilMembers).where(eq(councilMembers.id, memberId));
  const [term] = await tx.select().from(councilTerms).where(eq(councilTerms.id, seat!.termId));
  if (seat!.leftOn !== null) {
    throw new AppError('INVALID_STATE', {
      detail: { zh: `${seat!.name}的这一任职已结束`, en: `${seat!.name} no longer holds this seat` },
    });
  }
  return { station, seat: seat as Member, term: term! };
}

function closeable(seat: Member, term: Term, day: string, field: string) {
  within(term, day, field);
  if (day < seat.joinedOn) {
    throw badField(field, {
      zh: `日期不能早于就任日期（${seat.joinedOn}）`,
      en: `The date cannot precede joining (${seat.joinedOn})`,
    });
  }
}

export async function moveMember(
  ctx: AuthedCtx,
  memberId: number,
  input: { position: Position; on: string; affiliations?: Affiliation[] | undefined },
) {
  return ctx.db.transaction(async (tx) => {
    const { station, seat, term } = await openSeat(ctx, tx, memberId);
    closeable(seat, term, input.on, 'on');
    if (seat.position === input.position) {
      throw badField('position', { zh: '新职务与现任职务相同', en: 'The new position is the one held now' });
    }
    await refuseConflicts(tx, station, term, seat, input.position, input.on, seat.id);
    await tx
      .update(councilMembers)
      .set({ leftOn: input.on, leftReason: 'moved' })
      .where(eq(councilMembers.id, seat.id));
    const { id: _id, createdAt: _at, leftOn: _l, leftReason: _r, previousId: _p, ...kept } = seat;
    const [row] = await tx
      .insert(councilMembers)
      .values({
        ...kept,
        position: input.position,
        affiliations: input.affiliations ?? seat.affiliations,
        joinedOn: input.on,
        previousId: seat.id,
      })
      .returning();
    const cleared = await clearPortfolios(tx, ctx, station, seat.id);
    await recordAudit(tx, ctx, {
      action: 'council.member.move',
      subjectType: 'councilMember',
      subjectId: row!.id,
      stationId: station.id,
      path: station.path,
      summary: { previousId: seat.id, from: seat.position, to: input.position, on: input.on, cleared },
    });
    return { id: row!.id };
  });
}

export async function ceaseMember(
  ctx: AuthedCtx,
  memberId: number,
  input: { leftOn: string; reason: string },
) {
  return ctx.db.transaction(async (tx) => {
    const { station, seat, term } = await openSeat(ctx, tx, memberId);
    closeable(seat, term, input.leftOn, 'leftOn');
    await tx
      .update(councilMembers)
      .set({ leftOn: input.leftOn, leftReason: input.reason })
      .where(eq(councilMembers.id, seat.id));
    const cleared = await clearPortfolios(tx, ctx, station, seat.id);
    await recordAudit(tx, ctx, {
      action: 'council.member.cease',
      subjectType: 'councilMember',
      subjectId: seat.id,
      stationId: station.id,
      path: station.path,
      summary: { leftOn: input.leftOn, cleared },
    });
    return { id: seat.id };
  });
}
