import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requests } from '../requests/index.ts';
import { conventions } from './conventions.tables.ts';
import { agendaItems, meetings } from './meetings.tables.ts';
import { topicActions } from './meetings.ts';
import { isTopicOpen, reachesAgenda, type TopicStatus, topicMove } from './topic-lifecycle.ts';
import type { ZMoveTopic, ZRaiseTopic, ZTopic } from './topics.schema.ts';
import { deliberationSettings, topicRequests, topicSupports, topics } from './topics.tables.ts';
import { deliberationAccess } from './vote-access.ts';
import { votes } from './votes.tables.ts';

/** Topics 议题: raised, supported, moved through their states; a decided one says what came of it. */

const DEFAULT_THRESHOLD = 10;
type Topic = typeof topics.$inferSelect;

export async function supportThreshold(db: DbOrTx, stationId: number) {
  const [row] = await db
    .select({ n: deliberationSettings.supportThreshold })
    .from(deliberationSettings)
    .where(eq(deliberationSettings.stationId, stationId));
  return row?.n ?? DEFAULT_THRESHOLD;
}

export async function setSupportThreshold(ctx: AuthedCtx, stationId: number, threshold: number) {
  const { station, manage } = await deliberationAccess(ctx, stationId);
  if (!manage) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    await tx
      .insert(deliberationSettings)
      .values({ stationId: station.id, supportThreshold: threshold })
      .onConflictDoUpdate({ target: deliberationSettings.stationId, set: { supportThreshold: threshold } });
    await recordAudit(tx, ctx, {
      action: 'topic.threshold',
      subjectType: 'station',
      subjectId: station.id,
      stationId: station.id,
      path: station.path,
      summary: { supportThreshold: threshold },
    });
    return { supportThreshold: threshold };
  });
}

export async function raiseTopic(ctx: AuthedCtx, stationId: number, input: z.infer<typeof ZRaiseTopic>) {
  const { station, manage, resident } = await deliberationAccess(ctx, stationId);
  // Residents raise topics as residents; staff who run deliberation say whose topic it is.
  const source = manage ? (input.source ?? 'council') : 'resident';
  if (!manage && !resident) throw new AppError('FORBIDDEN');
  if (input.requestIds.length > 0 && !manage) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    if (input.requestIds.length > 0) {
      const found = await tx
        .select({ id: requests.id })
        .from(requests)
        .where(and(eq(requests.stationId, station.id), inArray(requests.id, input.requestIds)));
      if (found.length !== new Set(input.requestIds).size) {
        throw new AppError('VALIDATION', {
          errors: [
            {
              path: 'requestIds',
              message: { zh: '有诉求不属于本站', en: 'Some requests are not this station’s' },
            },
          ],
        });
      }
    }
    const [topic] = await tx
      .insert(topics)
      .values({
        stationId: station.id,
        title: input.title,
        body: input.body,
        source: input.requestIds.length > 0 ? 'requests' : source,
        raisedBy: ctx.user.userId,
      })
      .returning();
    if (input.requestIds.length > 0) {
      await tx.insert(topicRequests).values(
        [...new Set(input.requestIds)].map((requestId) => ({
          stationId: station.id,
          topicId: topic!.id,
          requestId,
        })),
      );
    }
    await recordAudit(tx, ctx, {
      action: 'topic.raise',
      subjectType: 'topic',
      subjectId: topic!.id,
      stationId: station.id,
      path: station.path,
      summary: { title: input.title, source: topic!.source, requests: input.requestIds.length },
    });
    return { id: topic!.id };
  });
}

async function lockedTopic(tx: DbOrTx, topicId: number, stationId?: number) {
  const [topic] = await tx.select().from(topics).where(eq(topics.id, topicId)).for('update');
  if (!topic || (stationId !== undefined && topic.stationId !== stationId)) throw new AppError('NOT_FOUND');
  return topic;
}

/** A resident supports a topic once; reaching the station's threshold puts it on the agenda. */
export async function supportTopic(ctx: AuthedCtx, topicId: number) {
  const [found] = await ctx.db
    .select({ stationId: topics.stationId })
    .from(topics)
    .where(eq(topics.id, topicId));
  if (!found) throw new AppError('NOT_FOUND');
  const { station, resident } = await deliberationAccess(ctx, found.stationId);
  if (!resident) {
    throw new AppError('FORBIDDEN', {
      detail: {
        zh: '认证为本小区居民后才能附议',
        en: 'Only verified residents of the compound can support topics',
      },
    });
  }
  return ctx.db.transaction(async (tx) => {
    const topic = await lockedTopic(tx, topicId);
    if (!isTopicOpen(topic.status)) throw new AppError('INVALID_STATE');
    const added = await tx
      .insert(topicSupports)
      .values({ stationId: station.id, topicId, userId: ctx.user.userId })
      .onConflictDoNothing()
      .returning();
    if (added.length === 0) {
      throw new AppError('CONFLICT', {
        detail: { zh: '您已附议过该议题', en: 'You already support this topic' },
      });
    }
    const supporters = topic.supportCount + 1;
    const threshold = await supportThreshold(tx, station.id);
    const status: TopicStatus = reachesAgenda(topic.status, supporters, threshold)
      ? 'onAgenda'
      : topic.status;
    await tx
      .update(topics)
      .set({
        supportCount: supporters,
        status,
        ...(status !== topic.status ? { statusChangedAt: new Date() } : {}),
      })
      .where(eq(topics.id, topicId));
    await recordAudit(tx, ctx, {
      action: 'topic.support',
      subjectType: 'topic',
      subjectId: topicId,
      stationId: station.id,
      path: station.path,
      summary: { supporters, ...(status !== topic.status ? { status } : {}) },
    });
    return { supportCount: supporters, status };
  });
}

export async function moveTopic(ctx: AuthedCtx, topicId: number, input: z.infer<typeof ZMoveTopic>) {
  const [found] = await ctx.db
    .select({ stationId: topics.stationId })
    .from(topics)
    .where(eq(topics.id, topicId));
  if (!found) throw new AppError('NOT_FOUND');
  const { station, manage } = await deliberationAccess(ctx, found.stationId);
  if (!manage) throw new AppError('FORBIDDEN');
  if (input.move === 'decline' && !input.reason)
    throw fieldError('reason', '请说明不予采纳的理由', 'Say why it is declined');
  if (input.move === 'decide' && !input.outcome)
    throw fieldError('outcome', '请说明议定的结果', 'Say what came of it');
  if (input.move === 'decide' && input.outcome === 'convention' && input.outcomeId) {
    const [c] = await ctx.db
      .select({ id: conventions.id })
      .from(conventions)
      .where(and(eq(conventions.id, input.outcomeId), eq(conventions.stationId, found.stationId)));
    if (!c) throw fieldError('outcomeId', '找不到本站该编号的公约', 'No convention of that number here');
  }
  return ctx.db.transaction(async (tx) => {
    const topic = await lockedTopic(tx, topicId);
    const next = topicMove(topic.status, input.move);
    if (!next) throw new AppError('INVALID_STATE');
    await tx
      .update(topics)
      .set({
        status: next,
        statusChangedAt: new Date(),
        ...(input.move === 'decline' ? { declinedReason: input.reason ?? null } : {}),
        ...(input.move === 'decide'
          ? {
              outcome: input.outcome ?? null,
              outcomeId: input.outcomeId ?? null,
              outcomeNote: input.outcomeNote ?? null,
            }
          : {}),
      })
      .where(eq(topics.id, topicId));
    await recordAudit(tx, ctx, {
      action: `topic.${input.move}`,
      subjectType: 'topic',
      subjectId: topicId,
      stationId: station.id,
      path: station.path,
      summary: { from: topic.status, to: next, reason: input.reason, outcome: input.outcome },
    });
    return { status: next };
  });
}

/** `resident`: whether the user may support topics at the station (a resident there, staff or not). */
function present(t: Topic, supported: boolean, resident: boolean): z.infer<typeof ZTopic> {
  return {
    id: t.id,
    stationId: t.stationId,
    title: t.title,
    body: t.body,
    source: t.source,
    status: t.status,
    supportCount: t.supportCount,
    supportedByMe: supported,
    canSupport: resident && isTopicOpen(t.status) && !supported,
    declinedReason: t.declinedReason,
    outcome: t.outcome,
    outcomeId: t.outcomeId,
    outcomeNote: t.outcomeNote,
    statusChangedAt: t.statusChangedAt.toISOString(),
    createdAt: t.createdAt.toISOString(),
  };
}

export async function listTopics(ctx: AuthedCtx, stationId: number, status?: TopicStatus) {
  const { station, manage, resident } = await deliberationAccess(ctx, stationId);
  const rows = await ctx.db
    .select({
      topic: topics,
      supported: sql<boolean>`exists (select 1 from ${topicSupports} s where s.topic_id = ${topics.id} and s.user_id = ${ctx.user.userId})`,
    })
    .from(topics)
    .where(and(eq(topics.stationId, station.id), status ? eq(topics.status, status) : undefined))
    .orderBy(desc(topics.id))
    .limit(200);
  return {
    items: rows.map((r) => present(r.topic, r.supported, resident !== null)),
    supportThreshold: await supportThreshold(ctx.db, station.id),
    canManage: manage,
    canRaise: manage || resident !== null,
  };
}

export async function getTopic(ctx: AuthedCtx, topicId: number) {
  const [found] = await ctx.db.select().from(topics).where(eq(topics.id, topicId));
  if (!found) throw new AppError('NOT_FOUND');
  const { manage, read, resident } = await deliberationAccess(ctx, found.stationId);
  const [supported, linked, decidedBy, actions, threshold, onAgendaOf] = await Promise.all([
    ctx.db
      .select({ userId: topicSupports.userId })
      .from(topicSupports)
      .where(and(eq(topicSupports.topicId, topicId), eq(topicSupports.userId, ctx.user.userId))),
    ctx.db
      .select({ id: requests.id, description: requests.description, status: requests.status })
      .from(topicRequests)
      .innerJoin(requests, eq(requests.id, topicRequests.requestId))
      .where(eq(topicRequests.topicId, topicId)),
    ctx.db
      .select({ id: votes.id, title: votes.title, status: votes.status })
      .from(votes)
      .where(and(eq(votes.topicId, topicId), manage ? undefined : sql`${votes.status} <> 'draft'`)),
    topicActions(ctx.db, topicId),
    supportThreshold(ctx.db, found.stationId),
    ctx.db
      .selectDistinct({
        id: meetings.id,
        title: meetings.title,
        kind: meetings.kind,
        startsAt: meetings.startsAt,
        status: meetings.status,
      })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(eq(agendaItems.topicId, topicId)),
  ]);
  return {
    ...present(found, supported.length > 0, resident !== null),
    // Residents see that requests led here, not their contents (they may be private).
    requests: manage
      ? linked.map((r) => ({ id: r.id, summary: r.description.slice(0, 60), status: r.status }))
      : [],
    requestCount: linked.length,
    votes: decidedBy,
    actions,
    supportThreshold: threshold,
    meetings: onAgendaOf
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map((m) => ({ ...m, startsAt: m.startsAt.toISOString() })),
    canManage: manage,
    canExport: read || manage,
  };
}

/**
 * Names what a decided topic became, once: a project opened from a topic decided as a project links back to
 * it (nothing changes when the topic was decided otherwise or already names one). In the caller's transaction.
 */
export async function linkTopicOutcome(tx: DbOrTx, topicId: number, outcome: 'project', outcomeId: number) {
  await tx
    .update(topics)
    .set({ outcomeId })
    .where(
      and(
        eq(topics.id, topicId),
        eq(topics.status, 'decided'),
        eq(topics.outcome, outcome),
        sql`${topics.outcomeId} is null`,
      ),
    );
}
