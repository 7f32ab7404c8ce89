import { and, asc, desc, eq, gte, isNull, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';
import { AppError } from '../../server/http/errors.ts';
import { can, users } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { householdMembers } from '../people/index.ts';
import { buildings, households, locatePlace, stationPlace, units } from '../places/index.ts';
import { categories, categoryHandler, writeNewRequest } from '../requests/index.ts';
import { findActiveCategory } from './active-category.ts';
import { dutyLog, dutyShifts } from './duty.tables.ts';
import { mayServe, refuse } from './duty-shifts.ts';
import { addDays, chinaDate, chinaInstant, dutyClock } from './duty-time.ts';
import { badField } from './station-access.ts';

/** The duty log 值班记录: every visit to the desk, and turning one into a request in one action. */

type Entry = typeof dutyLog.$inferSelect;
type Outcome = Entry['outcome'];
type Station = Awaited<ReturnType<typeof stationPlace>>;
type Category = Awaited<ReturnType<typeof activeCategory>>;

/** The station, for one who may write its log now: 404 unless they see it, 403 when they only see it. */
async function servingStation(ctx: AuthedCtx, stationId: number) {
  const station = await stationPlace(ctx.db, stationId);
  if (await mayServe(ctx.db, ctx, station)) return station;
  if (can(ctx.user, 'station.read', station)) {
    throw new AppError('FORBIDDEN', {
      detail: { zh: '只有值班人员可以记录来访', en: 'Only the people on duty write the duty log' },
    });
  }
  throw new AppError('NOT_FOUND');
}

const NOT_ACTING_FOR = {
  zh: '您无权代居民办事，不能登记具体住户；请只写来访人姓名',
  en: 'You may not act for residents, so you cannot name a household; give the visitor’s name instead',
};

/**
 * The household named at the desk: in this station, and only for one who may act for its residents
 * (`resident.actFor`); a volunteer who is only a resident logs visits without naming one.
 */
async function namedHousehold(db: DbOrTx, ctx: AuthedCtx, station: Station, householdId: number) {
  const place = await locatePlace(db, 'household', householdId);
  if (!place || place.stationId !== station.id) {
    throw badField('householdId', {
      zh: '该房屋不属于本自治站',
      en: 'That household is not in this station',
    });
  }
  if (!can(ctx.user, 'resident.actFor', place)) {
    throw new AppError('FORBIDDEN', { detail: NOT_ACTING_FOR });
  }
  return place;
}

async function activeCategory(db: DbOrTx, stationId: number, categoryId: number) {
  const category = await findActiveCategory(db, stationId, categoryId);
  if (!category) {
    throw badField('categoryId', { zh: '该自治站没有这个类别', en: 'No such category at this station' });
  }
  return category;
}

/**
 * Files the entry as a request through the requests module's one write: routed to the category's
 * handler, channel desk, for the household's resident when there is one, pointing back at the entry.
 * The caller has checked the category (`activeCategory`) and the household (`namedHousehold`: filing for
 * the household's resident is acting for them).
 */
async function fileFromEntry(tx: DbOrTx, ctx: AuthedCtx, station: Station, entry: Entry, category: Category) {
  let place: { path: string; label: string } | null = null;
  let residentId: number | null = null;
  if (entry.householdId !== null) {
    const [h] = await tx
      .select({ path: households.path, unit: units.name, building: buildings.name })
      .from(households)
      .innerJoin(units, eq(units.id, households.unitId))
      .innerJoin(buildings, eq(buildings.id, units.buildingId))
      .where(eq(households.id, entry.householdId));
    // The room stays out of the label: a request may be made public.
    if (h) place = { path: h.path, label: `${h.building}${h.unit}` };
    const [member] = await tx
      .select({ residentId: householdMembers.residentId })
      .from(householdMembers)
      .where(eq(householdMembers.householdId, entry.householdId))
      .orderBy(desc(householdMembers.isVoter), asc(householdMembers.id))
      .limit(1);
    residentId = member?.residentId ?? null;
  }
  const { id } = await writeNewRequest(tx, {
    category,
    handler: await categoryHandler(tx, category),
    by: { ...ctx, onBehalfOfResident: residentId },
    values: {
      stationId: station.id,
      channel: 'desk',
      // As staff filing for a resident at the desk: the resident where known, entered by the member on duty.
      reporterUserId: residentId === null ? null : ctx.user.userId,
      reporterResidentId: residentId,
      householdId: entry.householdId,
      path: place?.path ?? station.path,
      placeLabel: place?.label ?? null,
      placeText: null,
      description: entry.matter,
      isPublic: false,
      isAnonymous: true,
      originKind: 'dutyLog',
      originId: entry.id,
    },
    event: { dutyLogId: entry.id },
    audit: { dutyLogId: entry.id },
  });
  await tx
    .update(dutyLog)
    .set({ outcome: 'request', requestId: id, categoryId: category.id })
    .where(eq(dutyLog.id, entry.id));
  return id;
}

export interface NewEntry {
  householdId?: number | undefined;
  visitorName?: string | undefined;
  matter: string;
  categoryId?: number | undefined;
  outcome: Outcome;
  referredTo?: string | undefined;
}

/** Records a visit; with outcome `request` it is filed as a request in the same transaction. */
export async function logVisit(ctx: AuthedCtx, stationId: number, input: NewEntry) {
  const station = await servingStation(ctx, stationId);
  if (input.outcome === 'referred' && !input.referredTo) {
    throw badField('referredTo', { zh: '请写明转介给谁', en: 'Say to whom it was referred' });
  }
  if (input.outcome === 'request' && input.categoryId === undefined) {
    throw badField('categoryId', { zh: '转为诉求须选择类别', en: 'Choose a category to file a request' });
  }
  const category =
    input.categoryId === undefined ? null : await activeCategory(ctx.db, station.id, input.categoryId);
  let path = station.path;
  if (input.householdId !== undefined) {
    path = (await namedHousehold(ctx.db, ctx, station, input.householdId)).path;
  }
  const today = chinaDate(dutyClock.now());
  const [shift] = await ctx.db
    .select({ id: dutyShifts.id })
    .from(dutyShifts)
    .where(
      and(
        eq(dutyShifts.stationId, station.id),
        eq(dutyShifts.userId, ctx.user.userId),
        eq(dutyShifts.onDate, today),
        isNull(dutyShifts.onLeaveAt),
      ),
    )
    .orderBy(desc(dutyShifts.checkedInAt), asc(dutyShifts.startsAt))
    .limit(1);
  const id = await ctx.db.transaction(async (tx) => {
    const [entry] = await tx
      .insert(dutyLog)
      .values({
        stationId: station.id,
        shiftId: shift?.id ?? null,
        loggedBy: ctx.user.userId,
        at: dutyClock.now(),
        householdId: input.householdId ?? null,
        visitorName: input.visitorName || null,
        matter: input.matter,
        categoryId: input.categoryId ?? null,
        outcome: input.outcome === 'request' ? 'answered' : input.outcome,
        referredTo: input.outcome === 'referred' ? input.referredTo! : null,
        path,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'duty.log',
      subjectType: 'dutyLog',
      subjectId: entry!.id,
      stationId: station.id,
      path,
      summary: { outcome: input.outcome },
    });
    if (input.outcome === 'request') await fileFromEntry(tx, ctx, station, entry!, category!);
    return entry!.id;
  });
  return (await entriesWhere(ctx.db, eq(dutyLog.id, id), 1))[0]!;
}

/** Turns an entry into a request (once): the category given, else the entry's own. */
export async function entryToRequest(
  ctx: AuthedCtx,
  entryId: number,
  input: { categoryId?: number | undefined },
) {
  const [found] = await ctx.db.select().from(dutyLog).where(eq(dutyLog.id, entryId));
  if (!found) throw new AppError('NOT_FOUND');
  // Those on duty by role handle the whole log; a volunteer only the entries they wrote.
  const place = await stationPlace(ctx.db, found.stationId);
  if (found.loggedBy !== ctx.user.userId && !can(ctx.user, 'duty.serve', place)) {
    throw new AppError('NOT_FOUND');
  }
  const station = await servingStation(ctx, found.stationId);
  await ctx.db.transaction(async (tx) => {
    const [entry] = await tx.select().from(dutyLog).where(eq(dutyLog.id, entryId)).for('update');
    if (entry!.requestId !== null) {
      throw refuse(
        `这条记录已转为诉求 #${entry!.requestId}`,
        `Already filed as request #${entry!.requestId}`,
      );
    }
    const categoryId = input.categoryId ?? entry!.categoryId;
    if (categoryId === null) {
      throw badField('categoryId', { zh: '转为诉求须选择类别', en: 'Choose a category to file a request' });
    }
    const category = await activeCategory(tx, station.id, categoryId);
    if (entry!.householdId !== null) await namedHousehold(tx, ctx, station, entry!.householdId);
    const requestId = await fileFromEntry(tx, ctx, station, entry!, category);
    await recordAudit(tx, ctx, {
      action: 'duty.log.toRequest',
      subjectType: 'dutyLog',
      subjectId: entryId,
      stationId: station.id,
      path: entry!.path,
      summary: { requestId },
    });
  });
  return (await entriesWhere(ctx.db, eq(dutyLog.id, entryId), 1))[0]!;
}

async function entriesWhere(db: DbOrTx, where: SQL | undefined, limit: number) {
  const rows = await db
    .select({
      entry: dutyLog,
      householdLabel: households.label,
      categoryName: categories.name,
      loggedBy: users.displayName,
    })
    .from(dutyLog)
    .leftJoin(households, eq(households.id, dutyLog.householdId))
    .leftJoin(categories, eq(categories.id, dutyLog.categoryId))
    .leftJoin(users, eq(users.id, dutyLog.loggedBy))
    .where(where)
    .orderBy(desc(dutyLog.id))
    .limit(limit);
  return rows.map(({ entry, ...r }) => ({
    id: entry.id,
    stationId: entry.stationId,
    at: entry.at.toISOString(),
    shiftId: entry.shiftId,
    householdId: entry.householdId,
    householdLabel: r.householdLabel,
    visitorName: entry.visitorName,
    matter: entry.matter,
    categoryId: entry.categoryId,
    categoryName: r.categoryName,
    outcome: entry.outcome,
    referredTo: entry.referredTo,
    requestId: entry.requestId,
    loggedBy: r.loggedBy,
  }));
}

/**
 * The station's log, newest first: all of it for those who see the station's page, else (a volunteer on
 * duty today) only the entries they wrote.
 */
export async function listLog(
  ctx: AuthedCtx,
  stationId: number,
  query: { cursor?: string | undefined; limit: number; date?: string | undefined },
) {
  const station = await stationPlace(ctx.db, stationId);
  const all = can(ctx.user, 'station.read', station);
  if (!all && !(await mayServe(ctx.db, ctx, station))) throw new AppError('NOT_FOUND');
  const before = decodeCursor<[number]>(query.cursor, ['number']);
  const rows = await entriesWhere(
    ctx.db,
    and(
      eq(dutyLog.stationId, station.id),
      all ? undefined : eq(dutyLog.loggedBy, ctx.user.userId),
      before ? lt(dutyLog.id, before[0]) : undefined,
      query.date ? gte(dutyLog.at, chinaInstant(query.date, '00:00')) : undefined,
      query.date ? lt(dutyLog.at, chinaInstant(addDays(query.date, 1), '00:00')) : undefined,
    ),
    query.limit + 1,
  );
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => r,
  );
}
