import { and, asc, eq, exists, gte, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { roleGrants, users } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { residents } from '../people/index.ts';
import { stationPlace } from '../places/index.ts';
import { dutyPeople, dutyUnavailable } from './duty.tables.ts';

import { chinaDate, daysOfMonth, dutyClock } from './duty-time.ts';
import { badField, stationFor } from './station-access.ts';

/** The rota pool 值班人员: council members and volunteers with an account, and the days they cannot serve. */

export async function listPeople(ctx: AuthedCtx, stationId: number) {
  const station = await stationFor(ctx, stationId, 'station.read');
  const monthStart = `${chinaDate(dutyClock.now()).slice(0, 7)}-01`;
  const people = await ctx.db
    .select()
    .from(dutyPeople)
    .where(eq(dutyPeople.stationId, station.id))
    .orderBy(asc(dutyPeople.id));
  const away = await ctx.db
    .select({ userId: dutyUnavailable.userId, onDate: dutyUnavailable.onDate })
    .from(dutyUnavailable)
    .where(and(eq(dutyUnavailable.stationId, station.id), gte(dutyUnavailable.onDate, monthStart)))
    .orderBy(asc(dutyUnavailable.onDate));
  return {
    items: people.map((p) => ({
      userId: p.userId,
      name: p.name,
      active: p.active,
      unavailable: away.filter((a) => a.userId === p.userId).map((a) => a.onDate),
    })),
  };
}

/**
 * Adds an account to the pool by its phone number (or makes a retired one active again). Only an account
 * of this station is found: one holding a role there (at the station, or on an area or building path
 * covering it or within it) or a resident of it; any other answers as if there were none, so the phone
 * number of someone elsewhere in the city reveals no name.
 */
export async function addPerson(ctx: AuthedCtx, stationId: number, input: { phone: string }) {
  const station = await stationFor(ctx, stationId, 'station.manage');
  const [user] = await ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.phone, input.phone),
        or(
          exists(
            ctx.db
              .select({ one: sql`1` })
              .from(roleGrants)
              .where(
                and(
                  eq(roleGrants.userId, users.id),
                  or(
                    eq(roleGrants.stationId, station.id),
                    and(
                      isNotNull(roleGrants.path),
                      or(
                        sql`starts_with(${station.path}, ${roleGrants.path})`,
                        sql`starts_with(${roleGrants.path}, ${station.path})`,
                      ),
                    ),
                  ),
                ),
              ),
          ),
          exists(
            ctx.db
              .select({ one: sql`1` })
              .from(residents)
              .where(and(eq(residents.userId, users.id), eq(residents.stationId, station.id))),
          ),
        ),
      ),
    );
  if (!user) {
    throw new AppError('NOT_FOUND', {
      detail: { zh: '找不到本站的这个账号', en: 'No account of this station has this phone number' },
    });
  }
  return ctx.db.transaction(async (tx) => {
    await tx
      .insert(dutyPeople)
      .values({ stationId: station.id, userId: user.id, name: user.name })
      .onConflictDoUpdate({ target: [dutyPeople.stationId, dutyPeople.userId], set: { active: true } });
    await recordAudit(tx, ctx, {
      action: 'duty.person.add',
      subjectType: 'user',
      subjectId: user.id,
      stationId: station.id,
      path: station.path,
    });
    return { userId: user.id, name: user.name, active: true, unavailable: [] };
  });
}

async function poolMember(ctx: AuthedCtx, stationId: number, userId: number) {
  const [person] = await ctx.db
    .select()
    .from(dutyPeople)
    .where(and(eq(dutyPeople.stationId, stationId), eq(dutyPeople.userId, userId)));
  if (!person) throw new AppError('NOT_FOUND');
  return person;
}

/** Takes a person off the rota (kept for the figures) or back on. */
export async function updatePerson(
  ctx: AuthedCtx,
  stationId: number,
  userId: number,
  input: { active: boolean },
) {
  const station = await stationFor(ctx, stationId, 'station.manage');
  const person = await poolMember(ctx, station.id, userId);
  return ctx.db.transaction(async (tx) => {
    await tx.update(dutyPeople).set({ active: input.active }).where(eq(dutyPeople.id, person.id));
    await recordAudit(tx, ctx, {
      action: 'duty.person.update',
      subjectType: 'user',
      subjectId: userId,
      stationId: station.id,
      path: station.path,
      summary: input,
    });
    return { ok: true as const };
  });
}

/**
 * Replaces a person's unavailable days within one month: the station's manager sets them, and so may
 * the person for themselves.
 */
export async function setUnavailable(
  ctx: AuthedCtx,
  stationId: number,
  userId: number,
  input: { month: string; dates: readonly string[] },
) {
  // A volunteer who is only a resident does not see the station's page but may say when they are away.
  const station =
    userId === ctx.user.userId
      ? await stationPlace(ctx.db, stationId)
      : await stationFor(ctx, stationId, 'station.manage');
  await poolMember(ctx, station.id, userId);
  const outside = input.dates.findIndex((d) => !d.startsWith(`${input.month}-`));
  if (outside !== -1) {
    throw badField(`dates.${outside}`, {
      zh: '日期不在所选月份内',
      en: 'The date is not in the chosen month',
    });
  }
  const dates = [...new Set(input.dates)].sort();
  return ctx.db.transaction(async (tx) => {
    await tx
      .delete(dutyUnavailable)
      .where(
        and(
          eq(dutyUnavailable.stationId, station.id),
          eq(dutyUnavailable.userId, userId),
          gte(dutyUnavailable.onDate, `${input.month}-01`),
          lte(dutyUnavailable.onDate, daysOfMonth(input.month).at(-1)!),
        ),
      );
    if (dates.length > 0) {
      await tx
        .insert(dutyUnavailable)
        .values(dates.map((onDate) => ({ stationId: station.id, userId, onDate })));
    }
    await recordAudit(tx, ctx, {
      action: 'duty.person.unavailable',
      subjectType: 'user',
      subjectId: userId,
      stationId: station.id,
      path: station.path,
      summary: { month: input.month, days: dates.length },
    });
    return { ok: true as const };
  });
}
