import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';
import { checkOwner } from './meeting-people.ts';
import { actionItems } from './meetings.tables.ts';
import { meetingFor, presentAction } from './meetings.ts';
import { auditAt } from './refusals.ts';
import type { ZPlan, ZSpaceBoard } from './space.schema.ts';
import { spaceDots, spaceMembers, spacePlaces, spaceSlots, spaceTopics } from './space.tables.ts';

/**
 * Open Space: the marketplace of topics, the grid of slots × places, groups joined and left (the law of
 * two feet), reports by each group's convener or recorder, dot votes, and action plans. Everyone the
 * meeting invites takes part; the one who runs deliberation lays out the grid.
 */

/** The Open Space meeting; `change`: refused once the meeting is cancelled (its board is then read-only). */
async function spaceFor(ctx: AuthedCtx, meetingId: number, change = true) {
  const found = await meetingFor(ctx, meetingId);
  if (found.meeting.kind !== 'openSpace') throw new AppError('NOT_FOUND');
  if (change && found.meeting.status === 'cancelled') {
    throw new AppError('INVALID_STATE', {
      detail: {
        zh: '会议已取消，开放空间不能再更改',
        en: 'The meeting was cancelled: its board can no longer change',
      },
    });
  }
  return found;
}

async function topicFor(ctx: AuthedCtx, spaceTopicId: number) {
  const [topic] = await ctx.db.select().from(spaceTopics).where(eq(spaceTopics.id, spaceTopicId));
  if (!topic) throw new AppError('NOT_FOUND');
  return { topic, ...(await spaceFor(ctx, topic.meetingId)) };
}

/** A row of the grid (a time slot) or a column (a place), added by the one who runs the meeting. */
export async function addGridLine(ctx: AuthedCtx, meetingId: number, kind: 'slot' | 'place', name: string) {
  const { meeting, manage, station } = await spaceFor(ctx, meetingId);
  if (!manage) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const table = kind === 'slot' ? spaceSlots : spacePlaces;
    const [{ n }] = (
      await tx.execute<{ n: number }>(
        sql`select count(*)::int as n from ${table} where meeting_id = ${meetingId}`,
      )
    ).rows as [{ n: number }];
    const values = { stationId: meeting.stationId, meetingId, position: n };
    const [row] =
      kind === 'slot'
        ? await tx
            .insert(spaceSlots)
            .values({ ...values, label: name })
            .returning({ id: spaceSlots.id })
        : await tx
            .insert(spacePlaces)
            .values({ ...values, name })
            .returning({ id: spacePlaces.id });
    await auditAt(ctx, station, 'space', 'meeting')(`${kind}.add`, meetingId, { name })(tx);
    return { id: row!.id };
  });
}

/** A participant posts a topic to the marketplace and convenes its group. */
export async function postSpaceTopic(ctx: AuthedCtx, meetingId: number, title: string) {
  const { meeting, station } = await spaceFor(ctx, meetingId);
  if (meeting.status !== 'planned') {
    throw new AppError('INVALID_STATE', {
      detail: { zh: '会议已召开，议题集市已关闭', en: 'The meeting was held: the marketplace is closed' },
    });
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(spaceTopics)
      .values({ stationId: meeting.stationId, meetingId, title, convenerUserId: ctx.user.userId })
      .returning({ id: spaceTopics.id });
    await auditAt(
      ctx,
      station,
      'space',
      'meeting',
    )('topic.post', meetingId, { spaceTopicId: row!.id, title })(tx);
    return { id: row!.id };
  });
}

/** Lays a topic on the grid (one group per cell). */
export async function placeSpaceTopic(
  ctx: AuthedCtx,
  spaceTopicId: number,
  cell: { slotId: number; placeId: number },
) {
  const { topic, manage, station } = await topicFor(ctx, spaceTopicId);
  if (!manage) throw new AppError('FORBIDDEN');
  const [[slot], [place]] = await Promise.all([
    ctx.db
      .select()
      .from(spaceSlots)
      .where(and(eq(spaceSlots.id, cell.slotId), eq(spaceSlots.meetingId, topic.meetingId))),
    ctx.db
      .select()
      .from(spacePlaces)
      .where(and(eq(spacePlaces.id, cell.placeId), eq(spacePlaces.meetingId, topic.meetingId))),
  ]);
  if (!slot) throw fieldError('slotId', '该时段不属于本次开放空间', 'Not a time slot of this Open Space');
  if (!place) throw fieldError('placeId', '该地点不属于本次开放空间', 'Not a place of this Open Space');
  return ctx.db.transaction(async (tx) => {
    const members = await tx
      .select({ id: spaceMembers.id })
      .from(spaceMembers)
      .where(and(eq(spaceMembers.spaceTopicId, spaceTopicId), isNull(spaceMembers.leftAt)));
    if (members.length > 0 && topic.slotId !== cell.slotId) {
      throw new AppError('INVALID_STATE', {
        detail: {
          zh: '小组已有成员，不能改到其他时段',
          en: 'The group has members: it cannot move to another slot',
        },
      });
    }
    await tx
      .update(spaceTopics)
      .set({ slotId: cell.slotId, placeId: cell.placeId })
      .where(eq(spaceTopics.id, spaceTopicId));
    await auditAt(
      ctx,
      station,
      'space',
      'meeting',
    )('topic.place', topic.meetingId, { spaceTopicId, ...cell })(tx);
    return { ok: true as const };
  });
}

/** Joins a group; being in another group of the same slot means leaving it (the law of two feet). */
export async function joinGroup(ctx: AuthedCtx, spaceTopicId: number) {
  const { topic, station } = await topicFor(ctx, spaceTopicId);
  if (topic.slotId === null) {
    throw new AppError('INVALID_STATE', {
      detail: { zh: '该议题尚未排入时段', en: 'The topic has no slot yet' },
    });
  }
  const slotId = topic.slotId;
  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    const left = await tx
      .update(spaceMembers)
      .set({ leftAt: now })
      .where(
        and(
          eq(spaceMembers.slotId, slotId),
          eq(spaceMembers.userId, ctx.user.userId),
          isNull(spaceMembers.leftAt),
        ),
      )
      .returning({ spaceTopicId: spaceMembers.spaceTopicId });
    if (left.some((l) => l.spaceTopicId === spaceTopicId)) {
      throw new AppError('CONFLICT', {
        detail: { zh: '您已在该小组中', en: 'You are in this group already' },
      });
    }
    await tx.insert(spaceMembers).values({
      stationId: topic.stationId,
      meetingId: topic.meetingId,
      spaceTopicId,
      slotId,
      userId: ctx.user.userId,
    });
    await auditAt(
      ctx,
      station,
      'space',
      'meeting',
    )('group.join', topic.meetingId, {
      spaceTopicId,
      from: left[0]?.spaceTopicId ?? null,
    })(tx);
    return { ok: true as const, movedFrom: left[0]?.spaceTopicId ?? null };
  });
}

/** A member takes the group's notes (becomes its recorder). */
export async function becomeRecorder(ctx: AuthedCtx, spaceTopicId: number) {
  const { topic, station } = await topicFor(ctx, spaceTopicId);
  const [member] = await ctx.db
    .select({ id: spaceMembers.id })
    .from(spaceMembers)
    .where(
      and(
        eq(spaceMembers.spaceTopicId, spaceTopicId),
        eq(spaceMembers.userId, ctx.user.userId),
        isNull(spaceMembers.leftAt),
      ),
    );
  if (!member)
    throw new AppError('FORBIDDEN', { detail: { zh: '请先加入该小组', en: 'Join the group first' } });
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(spaceTopics)
      .set({ recorderUserId: ctx.user.userId })
      .where(eq(spaceTopics.id, spaceTopicId));
    await auditAt(ctx, station, 'space', 'meeting')('group.recorder', topic.meetingId, { spaceTopicId })(tx);
    return { ok: true as const };
  });
}

/** The group's report, filed by its convener or recorder. */
export async function fileReport(ctx: AuthedCtx, spaceTopicId: number, report: string) {
  const { topic, station } = await topicFor(ctx, spaceTopicId);
  if (ctx.user.userId !== topic.convenerUserId && ctx.user.userId !== topic.recorderUserId) {
    throw new AppError('FORBIDDEN', {
      detail: {
        zh: '只有小组召集人或记录员可以提交报告',
        en: 'Only the group’s convener or recorder files its report',
      },
    });
  }
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(spaceTopics)
      .set({ report, reportedAt: new Date() })
      .where(eq(spaceTopics.id, spaceTopicId));
    await auditAt(
      ctx,
      station,
      'space',
      'meeting',
    )('group.report', topic.meetingId, { spaceTopicId, length: report.length })(tx);
    return { ok: true as const };
  });
}

/** Sets all of a participant's dots at once; at most the meeting's dots per person in all. */
export async function placeDots(
  ctx: AuthedCtx,
  meetingId: number,
  dots: { spaceTopicId: number; dots: number }[],
) {
  const { meeting, station } = await spaceFor(ctx, meetingId);
  const total = dots.reduce((s, d) => s + d.dots, 0);
  if (total > meeting.dotsPerPerson) {
    throw fieldError(
      'dots',
      `每人最多 ${meeting.dotsPerPerson} 个点`,
      `At most ${meeting.dotsPerPerson} dots each`,
    );
  }
  const topicIds = new Set(
    (
      await ctx.db
        .select({ id: spaceTopics.id })
        .from(spaceTopics)
        .where(eq(spaceTopics.meetingId, meetingId))
    ).map((t) => t.id),
  );
  if (dots.some((d) => !topicIds.has(d.spaceTopicId)))
    throw fieldError('dots', '所选议题不属于本次开放空间', 'A topic is not of this Open Space');
  if (new Set(dots.map((d) => d.spaceTopicId)).size !== dots.length)
    throw fieldError('dots', '同一议题请合并点数', 'One entry per topic');
  return ctx.db.transaction(async (tx) => {
    await tx
      .delete(spaceDots)
      .where(and(eq(spaceDots.meetingId, meetingId), eq(spaceDots.userId, ctx.user.userId)));
    const placed = dots.filter((d) => d.dots > 0);
    if (placed.length > 0) {
      await tx
        .insert(spaceDots)
        .values(
          placed.map((d) => ({ stationId: meeting.stationId, meetingId, userId: ctx.user.userId, ...d })),
        );
    }
    await auditAt(ctx, station, 'space', 'meeting')('dots', meetingId, { total })(tx);
    return { ok: true as const };
  });
}

/** An action plan from a group: an action item with its owner and due date (the convener or the organiser). */
export async function addPlan(ctx: AuthedCtx, spaceTopicId: number, input: z.infer<typeof ZPlan>) {
  const { topic, manage, station } = await topicFor(ctx, spaceTopicId);
  if (!manage && ctx.user.userId !== topic.convenerUserId) throw new AppError('FORBIDDEN');
  const meeting = { id: topic.meetingId, stationId: topic.stationId };
  const ownerName = (await checkOwner(ctx.db, meeting, input.ownerUserId, !manage)) ?? input.ownerName;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(actionItems)
      .values({
        stationId: topic.stationId,
        meetingId: topic.meetingId,
        spaceTopicId,
        title: input.title,
        ownerName,
        ownerUserId: input.ownerUserId,
        dueOn: input.dueOn,
      })
      .returning();
    await auditAt(
      ctx,
      station,
      'space',
      'meeting',
    )('plan.add', topic.meetingId, { spaceTopicId, actionId: row!.id })(tx);
    return presentAction(row!);
  });
}

/** The board: grid, marketplace, groups with their members and reports, dots, plans, and mine. */
export async function spaceBoard(ctx: AuthedCtx, meetingId: number): Promise<z.infer<typeof ZSpaceBoard>> {
  const { meeting, manage } = await spaceFor(ctx, meetingId, false);
  const [slots, places, topics, members, dots, plans] = await Promise.all([
    ctx.db
      .select()
      .from(spaceSlots)
      .where(eq(spaceSlots.meetingId, meetingId))
      .orderBy(asc(spaceSlots.position)),
    ctx.db
      .select()
      .from(spacePlaces)
      .where(eq(spacePlaces.meetingId, meetingId))
      .orderBy(asc(spacePlaces.position)),
    ctx.db
      .select({
        topic: spaceTopics,
        convener: sql<string>`(select display_name from accounts_users u where u.id = ${spaceTopics.convenerUserId})`,
      })
      .from(spaceTopics)
      .where(eq(spaceTopics.meetingId, meetingId))
      .orderBy(asc(spaceTopics.id)),
    ctx.db
      .select({ spaceTopicId: spaceMembers.spaceTopicId, userId: spaceMembers.userId })
      .from(spaceMembers)
      .where(and(eq(spaceMembers.meetingId, meetingId), isNull(spaceMembers.leftAt))),
    ctx.db.select().from(spaceDots).where(eq(spaceDots.meetingId, meetingId)),
    ctx.db
      .select()
      .from(actionItems)
      .where(and(eq(actionItems.meetingId, meetingId), sql`${actionItems.spaceTopicId} is not null`)),
  ]);
  const sum = (f: (d: (typeof dots)[number]) => boolean) => dots.filter(f).reduce((s, d) => s + d.dots, 0);
  return {
    meetingId,
    title: meeting.title,
    status: meeting.status,
    dotsPerPerson: meeting.dotsPerPerson,
    myDots: sum((d) => d.userId === ctx.user.userId),
    canArrange: manage,
    slots: slots.map((s) => ({ id: s.id, label: s.label })),
    places: places.map((p) => ({ id: p.id, name: p.name })),
    topics: topics.map(({ topic: t, convener }) => ({
      id: t.id,
      title: t.title,
      convener,
      isConvener: t.convenerUserId === ctx.user.userId,
      isRecorder: t.recorderUserId === ctx.user.userId,
      hasRecorder: t.recorderUserId !== null,
      slotId: t.slotId,
      placeId: t.placeId,
      members: members.filter((m) => m.spaceTopicId === t.id).length,
      joined: members.some((m) => m.spaceTopicId === t.id && m.userId === ctx.user.userId),
      report: t.report,
      dots: sum((d) => d.spaceTopicId === t.id),
      myDots: sum((d) => d.spaceTopicId === t.id && d.userId === ctx.user.userId),
      plans: plans.filter((p) => p.spaceTopicId === t.id).map((p) => presentAction(p)),
    })),
  };
}
