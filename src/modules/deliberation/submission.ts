import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError } from '../../server/http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { stations } from '../places/index.ts';
import { ZAction } from './meetings.schema.ts';
import { agendaItems, attendance, meetings, resolutions } from './meetings.tables.ts';
import { topicActions } from './meetings.ts';
import { VOTE_METHODS } from './tally.ts';
import { topicRequests, topics } from './topics.tables.ts';
import { abilitiesAt } from './vote-access.ts';
import { ZVoteResult } from './votes.schema.ts';
import { voteOptions, votes } from './votes.tables.ts';

/**
 * The formal submission 报送材料 of a topic for a higher channel (人大代表联络站, 政协"请你来协商"): the
 * topic, how many requests it grew from, every meeting that had it on its agenda (who took part, minutes,
 * the resolutions on it), its votes with their frozen results and digests, and its action items. Staff
 * of the station export it; the web app prints it on A4.
 */

export const ZSubmission = z.object({
  generatedAt: z.string(),
  station: z.string(),
  topic: z.object({
    id: z.number(),
    title: z.string(),
    body: z.string(),
    source: z.string(),
    status: z.string(),
    supportCount: z.number(),
    raisedAt: z.string(),
    outcomeNote: z.string().nullable(),
    declinedReason: z.string().nullable(),
    requestCount: z.number(),
  }),
  meetings: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      title: z.string(),
      startsAt: z.string(),
      place: z.string(),
      organisations: z.array(z.string()),
      observers: z.array(z.string()),
      attended: z.number(),
      proxies: z.number(),
      minutes: z.string().nullable(),
      resolutions: z.array(z.string()),
    }),
  ),
  votes: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      method: z.enum(VOTE_METHODS),
      /** A single / multi vote's options: their keys (in results) and labels. */
      options: z.array(z.object({ key: z.string(), label: z.string() })),
      rule: z.string(),
      electorate: z.string(),
      status: z.string(),
      closedAt: z.string().nullable(),
      result: ZVoteResult.nullable(),
      digest: z.string().nullable(),
    }),
  ),
  actions: z.array(ZAction),
});

export async function topicSubmission(ctx: AuthedCtx, topicId: number): Promise<z.infer<typeof ZSubmission>> {
  const [topic] = await ctx.db.select().from(topics).where(eq(topics.id, topicId));
  if (!topic) throw new AppError('NOT_FOUND');
  const { read, manage, station } = await abilitiesAt(ctx, topic.stationId);
  if (!read && !manage) throw new AppError('NOT_FOUND');
  const [[stationRow], requestLinks, items, topicVotes, actions] = await Promise.all([
    ctx.db.select({ name: stations.name }).from(stations).where(eq(stations.id, topic.stationId)),
    ctx.db
      .select({ id: topicRequests.requestId })
      .from(topicRequests)
      .where(eq(topicRequests.topicId, topicId)),
    ctx.db.select().from(agendaItems).where(eq(agendaItems.topicId, topicId)),
    ctx.db
      .select()
      .from(votes)
      .where(and(eq(votes.topicId, topicId), inArray(votes.status, ['open', 'closed'])))
      .orderBy(asc(votes.id)),
    topicActions(ctx.db, topicId),
  ]);
  const optionRows =
    topicVotes.length === 0
      ? []
      : await ctx.db
          .select({ voteId: voteOptions.voteId, id: voteOptions.id, label: voteOptions.label })
          .from(voteOptions)
          .where(
            inArray(
              voteOptions.voteId,
              topicVotes.map((v) => v.id),
            ),
          )
          .orderBy(asc(voteOptions.position));
  const meetingIds = [...new Set(items.map((i) => i.meetingId))];
  const [held, signedIn, resolved] =
    meetingIds.length === 0
      ? [[], [], []]
      : await Promise.all([
          ctx.db
            .select()
            .from(meetings)
            .where(inArray(meetings.id, meetingIds))
            .orderBy(asc(meetings.startsAt)),
          ctx.db
            .select({ meetingId: attendance.meetingId, forResidentId: attendance.forResidentId })
            .from(attendance)
            .where(inArray(attendance.meetingId, meetingIds)),
          ctx.db
            .select()
            .from(resolutions)
            .where(
              inArray(
                resolutions.agendaItemId,
                items.map((i) => i.id),
              ),
            )
            .orderBy(asc(resolutions.id)),
        ]);
  await recordAudit(ctx.db, ctx, {
    action: 'topic.submissionExport',
    subjectType: 'topic',
    subjectId: topicId,
    stationId: topic.stationId,
    path: station.path,
  });
  return {
    generatedAt: new Date().toISOString(),
    station: stationRow?.name ?? '',
    topic: {
      id: topic.id,
      title: topic.title,
      body: topic.body,
      source: topic.source,
      status: topic.status,
      supportCount: topic.supportCount,
      raisedAt: topic.createdAt.toISOString(),
      outcomeNote: topic.outcomeNote,
      declinedReason: topic.declinedReason,
      requestCount: requestLinks.length,
    },
    meetings: held
      .filter((m) => m.status !== 'cancelled')
      .map((m) => {
        const present = signedIn.filter((a) => a.meetingId === m.id);
        return {
          id: m.id,
          kind: m.kind,
          title: m.title,
          startsAt: m.startsAt.toISOString(),
          place: m.place,
          organisations: m.organisations,
          observers: m.observers,
          attended: present.length,
          proxies: present.filter((a) => a.forResidentId !== null).length,
          minutes: m.minutes,
          resolutions: resolved.filter((r) => r.meetingId === m.id).map((r) => r.text),
        };
      }),
    votes: topicVotes.map((v) => ({
      id: v.id,
      title: v.title,
      method: v.method,
      options: optionRows
        .filter((o) => o.voteId === v.id)
        .map((o) => ({ key: String(o.id), label: o.label })),
      rule: v.rule,
      electorate: v.electorate,
      status: v.status,
      closedAt: v.closedAt?.toISOString() ?? null,
      result: v.status === 'closed' ? (v.result as z.infer<typeof ZVoteResult>) : null,
      digest: v.digest,
    })),
    actions,
  };
}
