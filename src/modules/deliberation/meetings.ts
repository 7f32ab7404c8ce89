import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../server/db/client.ts';
import { idList } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';
import type { Role } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { chinaDate } from '../stations/index.ts';
import { checkOwner } from './meeting-people.ts';
import type {
  ActionView,
  ZActionItem,
  ZCreateMeeting,
  ZMeeting,
  ZMeetingSummary,
  ZResolution,
  ZSignIn,
} from './meetings.schema.ts';
import {
  actionItems,
  agendaItems,
  attendance,
  type InviteeGroup,
  meetings,
  registrations,
  resolutions,
} from './meetings.tables.ts';
import { topics } from './topics.tables.ts';
import { abilitiesAt, isStationResident } from './vote-access.ts';

/** Meetings: called, registered for, signed into at the door, minuted, resolved, followed up. */

type Meeting = typeof meetings.$inferSelect;

/** The buildings of the user's households at the station (for invitations by building). */
async function myBuildings(db: DbOrTx, userId: number, stationId: number) {
  const result = await db.execute<{ building_id: string }>(sql`select distinct h.building_id
    from people_residents r join people_household_members m on m.resident_id = r.id
    join places_households h on h.id = m.household_id
    where r.user_id = ${userId} and r.station_id = ${stationId}`);
  return result.rows.map((r) => Number(r.building_id));
}

/** The invitation by role each role grant answers to. */
const GROUP_OF_ROLE: Partial<Record<Role, InviteeGroup>> = {
  councilMember: 'council',
  buildingLeader: 'buildingLeaders',
  ownersCommittee: 'ownersCommittee',
  propertyStaff: 'propertyStaff',
};

/** Who the user is as an invitee at the station: their homes' buildings and the role groups they belong to. */
async function inviteeAt(ctx: AuthedCtx, stationId: number) {
  const groups = new Set<InviteeGroup>();
  for (const g of ctx.user.grants) {
    const group = GROUP_OF_ROLE[g.role];
    // A building leader's grant sits on one of the station's buildings; it carries the station's id too.
    if (group && g.stationId === stationId) groups.add(group);
  }
  const buildings = await myBuildings(ctx.db, ctx.user.userId, stationId);
  return { buildings, groups, any: buildings.length > 0 || groups.size > 0 };
}

/** Whether a meeting invites the user: every household, one of their buildings, or one of their groups. */
function invites(m: Meeting, who: { buildings: number[]; groups: Set<InviteeGroup> }) {
  return (
    (who.buildings.length > 0 && m.inviteGroups.includes('allHouseholds')) ||
    who.buildings.some((b) => m.inviteBuildingIds.includes(b)) ||
    m.inviteGroups.some((g) => who.groups.has(g as InviteeGroup))
  );
}

/** A meeting and what the user may do there; 404 unless staff, or one it invites. */
export async function meetingFor(ctx: AuthedCtx, meetingId: number) {
  const [meeting] = await ctx.db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) throw new AppError('NOT_FOUND');
  const abilities = await abilitiesAt(ctx, meeting.stationId);
  const staff = abilities.read || abilities.manage || abilities.enter;
  const invited = staff || invites(meeting, await inviteeAt(ctx, meeting.stationId));
  if (!invited) throw new AppError('NOT_FOUND');
  return { meeting, ...abilities, staff, signIn: abilities.manage || abilities.enter };
}

export async function createMeeting(
  ctx: AuthedCtx,
  stationId: number,
  input: z.infer<typeof ZCreateMeeting>,
) {
  const { station, manage, read } = await abilitiesAt(ctx, stationId);
  if (!manage && !read) throw new AppError('NOT_FOUND');
  if (!manage) throw new AppError('FORBIDDEN');
  if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) {
    throw fieldError('endsAt', '结束时间必须晚于开始时间', 'The meeting must end after it starts');
  }
  return ctx.db.transaction(async (tx) => {
    const topicIds = input.agenda.flatMap((a) => (a.topicId ? [a.topicId] : []));
    if (topicIds.length > 0) {
      const found = await tx
        .select({ id: topics.id, status: topics.status })
        .from(topics)
        .where(and(eq(topics.stationId, station.id), inArray(topics.id, topicIds)));
      if (found.length !== new Set(topicIds).size)
        throw fieldError('agenda', '议程中有不属于本站的议题', 'An agenda topic is not this station’s');
      // A proposed topic put on a meeting's agenda is on the agenda.
      const proposed = found.filter((t) => t.status === 'proposed').map((t) => t.id);
      if (proposed.length > 0) {
        await tx
          .update(topics)
          .set({ status: 'onAgenda', statusChangedAt: new Date() })
          .where(inArray(topics.id, proposed));
      }
    }
    const [meeting] = await tx
      .insert(meetings)
      .values({
        stationId: station.id,
        kind: input.kind,
        title: input.title,
        purpose: input.purpose,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        place: input.place,
        capacity: input.capacity,
        inviteGroups: input.inviteGroups,
        inviteBuildingIds: input.inviteBuildingIds,
        organisations: input.organisations,
        observers: input.observers,
        dotsPerPerson: input.dotsPerPerson,
        createdBy: ctx.user.userId,
      })
      .returning();
    if (input.agenda.length > 0) {
      await tx.insert(agendaItems).values(
        input.agenda.map((a, position) => ({
          stationId: station.id,
          meetingId: meeting!.id,
          position,
          title: a.title,
          topicId: a.topicId,
        })),
      );
    }
    await recordAudit(tx, ctx, {
      action: 'meeting.create',
      subjectType: 'meeting',
      subjectId: meeting!.id,
      stationId: station.id,
      path: station.path,
      summary: { kind: input.kind, title: input.title, agenda: input.agenda.length },
    });
    return { id: meeting!.id };
  });
}

const summary = (m: Meeting): z.infer<typeof ZMeetingSummary> => ({
  id: m.id,
  kind: m.kind,
  title: m.title,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  place: m.place,
  status: m.status,
});

export async function listMeetings(ctx: AuthedCtx, stationId: number) {
  const abilities = await abilitiesAt(ctx, stationId);
  const staff = abilities.read || abilities.manage || abilities.enter;
  const who = staff ? null : await inviteeAt(ctx, stationId);
  if (who && !who.any) throw new AppError('NOT_FOUND');
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(eq(meetings.stationId, stationId))
    .orderBy(desc(meetings.startsAt))
    .limit(200);
  const visible = who ? rows.filter((m) => invites(m, who)) : rows;
  return { items: visible.map(summary), canCreate: abilities.manage };
}

export function presentAction(a: typeof actionItems.$inferSelect, today = chinaDate()): ActionView {
  return {
    id: a.id,
    title: a.title,
    ownerName: a.ownerName,
    ownerUserId: a.ownerUserId,
    dueOn: a.dueOn,
    status: a.status,
    overdue: a.status === 'open' && a.dueOn < today,
    doneAt: a.doneAt?.toISOString() ?? null,
    doneNote: a.doneNote,
    topicId: a.topicId,
    meetingId: a.meetingId,
  };
}

export async function getMeeting(ctx: AuthedCtx, meetingId: number): Promise<z.infer<typeof ZMeeting>> {
  const found = await meetingFor(ctx, meetingId);
  const { meeting } = found;
  const [agenda, [registered], mine, attended, resolved, actions] = await Promise.all([
    ctx.db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.position)),
    ctx.db.select({ n: count() }).from(registrations).where(eq(registrations.meetingId, meetingId)),
    ctx.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.meetingId, meetingId), eq(registrations.userId, ctx.user.userId))),
    ctx.db
      .select({
        row: attendance,
        forResidentName: sql<
          string | null
        >`(select r.name from people_residents r where r.id = ${attendance.forResidentId})`,
      })
      .from(attendance)
      .where(eq(attendance.meetingId, meetingId))
      .orderBy(asc(attendance.id)),
    ctx.db
      .select()
      .from(resolutions)
      .where(eq(resolutions.meetingId, meetingId))
      .orderBy(asc(resolutions.id)),
    ctx.db
      .select()
      .from(actionItems)
      .where(eq(actionItems.meetingId, meetingId))
      .orderBy(asc(actionItems.id)),
  ]);
  return {
    ...summary(meeting),
    stationId: meeting.stationId,
    purpose: meeting.purpose,
    capacity: meeting.capacity,
    inviteGroups: meeting.inviteGroups as z.infer<typeof ZMeeting>['inviteGroups'],
    inviteBuildingIds: meeting.inviteBuildingIds,
    organisations: meeting.organisations,
    observers: meeting.observers,
    dotsPerPerson: meeting.dotsPerPerson,
    agenda: agenda.map((a) => ({ id: a.id, position: a.position, title: a.title, topicId: a.topicId })),
    registered: registered?.n ?? 0,
    registeredByMe: mine.length > 0,
    attended: attended.length,
    attendance: found.staff
      ? attended.map(({ row: a, forResidentName }) => ({
          id: a.id,
          name: a.name,
          organisation: a.organisation,
          forResidentId: a.forResidentId,
          forResidentName,
          proxyAuthorisation: a.proxyAuthorisation,
          signedInAt: a.signedInAt.toISOString(),
        }))
      : null,
    minutes: meeting.minutes,
    cancelReason: meeting.cancelReason,
    resolutions: resolved.map((r) => ({
      id: r.id,
      text: r.text,
      agendaItemId: r.agendaItemId,
      voteId: r.voteId,
    })),
    actions: actions.map((a) => presentAction(a)),
    abilities: { manage: found.manage, signIn: found.signIn, register: meeting.status === 'planned' },
  };
}

/** Registration with capacity: the meeting row is locked so the last seat goes to one person only. */
export async function register(ctx: AuthedCtx, meetingId: number) {
  const { meeting, station } = await meetingFor(ctx, meetingId);
  return ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update');
    if (locked?.status !== 'planned') throw new AppError('INVALID_STATE');
    if (locked.capacity !== null) {
      const [taken] = await tx
        .select({ n: count() })
        .from(registrations)
        .where(eq(registrations.meetingId, meetingId));
      if ((taken?.n ?? 0) >= locked.capacity) {
        throw new AppError('CONFLICT', { detail: { zh: '报名人数已满', en: 'The meeting is full' } });
      }
    }
    const added = await tx
      .insert(registrations)
      .values({ stationId: meeting.stationId, meetingId, userId: ctx.user.userId })
      .onConflictDoNothing()
      .returning();
    if (added.length === 0)
      throw new AppError('CONFLICT', { detail: { zh: '您已报名', en: 'You are registered already' } });
    await recordAudit(tx, ctx, {
      action: 'meeting.register',
      subjectType: 'meeting',
      subjectId: meetingId,
      stationId: meeting.stationId,
      path: station.path,
    });
    return { ok: true as const };
  });
}

/** Sign-in at the door, by the desk: a resident, an account or a named delegate; a proxy with the authorisation. */
export async function signIn(ctx: AuthedCtx, meetingId: number, input: z.infer<typeof ZSignIn>) {
  const { meeting, signIn: may, station } = await meetingFor(ctx, meetingId);
  if (!may) throw new AppError('FORBIDDEN');
  if (meeting.status === 'cancelled') throw new AppError('INVALID_STATE');
  if (input.forResidentId && !input.proxyAuthorisation) {
    throw fieldError(
      'proxyAuthorisation',
      '代为参会须登记书面委托书',
      'A proxy must hold a written authorisation',
    );
  }
  return ctx.db.transaction(async (tx) => {
    const people = await tx.execute<{ id: string; name: string; user_id: string | null }>(sql`
      select id, name, user_id from people_residents where station_id = ${meeting.stationId}
      and id = any(${idList([input.residentId, input.forResidentId].filter((id): id is number => Boolean(id)))})`);
    const byId = new Map(people.rows.map((r) => [Number(r.id), r]));
    if (input.residentId && !byId.has(input.residentId))
      throw fieldError('residentId', '找不到该居民', 'No such resident');
    if (input.forResidentId && !byId.has(input.forResidentId)) {
      throw fieldError('forResidentId', '找不到被代理的居民', 'No such resident to stand for');
    }
    const name = input.residentId ? byId.get(input.residentId)?.name : input.name;
    if (!name) throw fieldError('name', '请填写参会人姓名', 'Name the person signing in');
    const [row] = await tx
      .insert(attendance)
      .values({
        stationId: meeting.stationId,
        meetingId,
        userId:
          input.userId ?? (input.residentId ? Number(byId.get(input.residentId)?.user_id) || null : null),
        residentId: input.residentId ?? null,
        name,
        organisation: input.organisation ?? null,
        forResidentId: input.forResidentId ?? null,
        proxyAuthorisation: input.forResidentId ? (input.proxyAuthorisation ?? null) : null,
        signedInBy: ctx.user.userId,
      })
      .returning();
    await recordAudit(
      tx,
      { ...ctx, onBehalfOfResident: input.forResidentId ?? null },
      {
        action: 'meeting.signIn',
        subjectType: 'meeting',
        subjectId: meetingId,
        stationId: meeting.stationId,
        path: station.path,
        summary: {
          attendanceId: row!.id,
          proxy: Boolean(input.forResidentId),
          organisation: input.organisation,
        },
      },
    );
    return { id: row!.id };
  });
}

async function managed(ctx: AuthedCtx, meetingId: number) {
  const found = await meetingFor(ctx, meetingId);
  if (!found.manage) throw new AppError('FORBIDDEN');
  return found;
}

/** Calls off a planned meeting, with the reason those invited will read; registrations stay on record. */
export async function cancelMeeting(ctx: AuthedCtx, meetingId: number, reason: string) {
  const { meeting, station } = await managed(ctx, meetingId);
  if (meeting.status !== 'planned') {
    throw new AppError('INVALID_STATE', {
      detail: { zh: '只有尚未召开的会议可以取消', en: 'Only a meeting not yet held can be cancelled' },
    });
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(meetings)
      .set({ status: 'cancelled', cancelReason: reason })
      .where(and(eq(meetings.id, meetingId), eq(meetings.status, 'planned')))
      .returning({ id: meetings.id });
    if (!row) throw new AppError('INVALID_STATE');
    await recordAudit(tx, ctx, {
      action: 'meeting.cancel',
      subjectType: 'meeting',
      subjectId: meetingId,
      stationId: meeting.stationId,
      path: station.path,
      summary: { reason: reason.slice(0, 200) },
    });
    return { ok: true as const };
  });
}

export async function recordMinutes(ctx: AuthedCtx, meetingId: number, minutes: string) {
  const { meeting, station } = await managed(ctx, meetingId);
  if (meeting.status === 'cancelled') throw new AppError('INVALID_STATE');
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(meetings)
      .set({ minutes, minutesBy: ctx.user.userId, minutesAt: new Date(), status: 'held' })
      .where(eq(meetings.id, meetingId));
    await recordAudit(tx, ctx, {
      action: 'meeting.minutes',
      subjectType: 'meeting',
      subjectId: meetingId,
      stationId: meeting.stationId,
      path: station.path,
      summary: { length: minutes.length },
    });
    return { ok: true as const };
  });
}

export async function addResolution(ctx: AuthedCtx, meetingId: number, input: z.infer<typeof ZResolution>) {
  const { meeting, station } = await managed(ctx, meetingId);
  if (meeting.status === 'cancelled') throw new AppError('INVALID_STATE');
  return ctx.db.transaction(async (tx) => {
    if (input.agendaItemId) {
      const [item] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, input.agendaItemId), eq(agendaItems.meetingId, meetingId)));
      if (!item)
        throw fieldError('agendaItemId', '该议程不属于本次会议', 'Not an item of this meeting’s agenda');
    }
    if (input.voteId) {
      const found = await tx.execute(
        sql`select 1 from deliberation_votes where id = ${input.voteId} and station_id = ${meeting.stationId}`,
      );
      if ((found.rowCount ?? 0) === 0) throw fieldError('voteId', '找不到该表决', 'No such vote');
    }
    const [row] = await tx
      .insert(resolutions)
      .values({
        stationId: meeting.stationId,
        meetingId,
        text: input.text,
        agendaItemId: input.agendaItemId,
        voteId: input.voteId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'meeting.resolution',
      subjectType: 'meeting',
      subjectId: meetingId,
      stationId: meeting.stationId,
      path: station.path,
      summary: { resolutionId: row!.id },
    });
    return { id: row!.id };
  });
}

export async function addAction(ctx: AuthedCtx, meetingId: number, input: z.infer<typeof ZActionItem>) {
  const { meeting, station } = await managed(ctx, meetingId);
  if (meeting.status === 'cancelled') throw new AppError('INVALID_STATE');
  const ownerName = (await checkOwner(ctx.db, meeting, input.ownerUserId, false)) ?? input.ownerName;
  return ctx.db.transaction(async (tx) => {
    if (input.topicId) {
      const [topic] = await tx
        .select({ id: topics.id })
        .from(topics)
        .where(and(eq(topics.id, input.topicId), eq(topics.stationId, meeting.stationId)));
      if (!topic) throw fieldError('topicId', '找不到该议题', 'No such topic');
    }
    if (input.resolutionId) {
      const [r] = await tx
        .select({ id: resolutions.id })
        .from(resolutions)
        .where(and(eq(resolutions.id, input.resolutionId), eq(resolutions.meetingId, meetingId)));
      if (!r) throw fieldError('resolutionId', '该决议不属于本次会议', 'Not a resolution of this meeting');
    }
    const [row] = await tx
      .insert(actionItems)
      .values({
        stationId: meeting.stationId,
        meetingId,
        topicId: input.topicId,
        resolutionId: input.resolutionId,
        title: input.title,
        ownerUserId: input.ownerUserId,
        ownerName,
        dueOn: input.dueOn,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'action.add',
      subjectType: 'actionItem',
      subjectId: row!.id,
      stationId: meeting.stationId,
      path: station.path,
      summary: { title: input.title, dueOn: input.dueOn, owner: ownerName },
    });
    return presentAction(row!);
  });
}

/** Done, by its owner or one who runs deliberation, with a note; done is final. */
export async function completeAction(ctx: AuthedCtx, actionId: number, note: string) {
  const [action] = await ctx.db.select().from(actionItems).where(eq(actionItems.id, actionId));
  if (!action) throw new AppError('NOT_FOUND');
  const { station, manage, read } = await abilitiesAt(ctx, action.stationId);
  const owner = action.ownerUserId === ctx.user.userId;
  if (!owner && !manage) {
    // Those who see the station's deliberation (staff, its residents) learn they may not; others, nothing.
    const sees = read || (await isStationResident(ctx.db, ctx.user.userId, action.stationId));
    throw new AppError(sees ? 'FORBIDDEN' : 'NOT_FOUND');
  }
  if (action.status === 'done') throw new AppError('INVALID_STATE');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(actionItems)
      .set({ status: 'done', doneAt: new Date(), doneNote: note || null })
      .where(and(eq(actionItems.id, actionId), eq(actionItems.status, 'open')))
      .returning();
    if (!row) throw new AppError('INVALID_STATE');
    await recordAudit(tx, ctx, {
      action: 'action.done',
      subjectType: 'actionItem',
      subjectId: actionId,
      stationId: action.stationId,
      path: station.path,
      summary: { note: note.slice(0, 200) },
    });
    return presentAction(row);
  });
}

/** A topic's action items, wherever they were decided (shown on the topic). */
export async function topicActions(db: DbOrTx, topicId: number) {
  const rows = await db
    .select()
    .from(actionItems)
    .where(eq(actionItems.topicId, topicId))
    .orderBy(asc(actionItems.id));
  return rows.map((a) => presentAction(a));
}
