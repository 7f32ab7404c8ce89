import { z } from 'zod';
import { text, ZBodyId, ZId } from '../../shared/limits.ts';
import { ZAction } from './meetings.schema.ts';
import { TOPIC_OUTCOMES, TOPIC_SOURCES, TOPIC_STATUSES } from './topics.tables.ts';

export const ZTopicParam = z.object({ topicId: ZId });

export const ZRaiseTopic = z.object({
  title: text(200).pipe(z.string().min(1)),
  body: text(5000).default(''),
  /** Staff who run deliberation say whose topic it is; a resident's is always the resident's. */
  source: z.enum(TOPIC_SOURCES).optional(),
  /** The requests a topic grows from (staff only). */
  requestIds: z.array(ZBodyId).max(100).default([]),
});

export const ZMoveTopic = z.object({
  move: z.enum(['toAgenda', 'deliberate', 'decide', 'decline']),
  reason: text(1000).pipe(z.string().min(1)).optional(),
  outcome: z.enum(TOPIC_OUTCOMES).optional(),
  outcomeId: ZBodyId.optional(),
  outcomeNote: text(2000).optional(),
});

export const ZTopicQuery = z.object({ status: z.enum(TOPIC_STATUSES).optional() });

export const ZTopic = z.object({
  id: z.number(),
  stationId: z.number(),
  title: z.string(),
  body: z.string(),
  source: z.enum(TOPIC_SOURCES),
  status: z.enum(TOPIC_STATUSES),
  supportCount: z.number(),
  supportedByMe: z.boolean(),
  /** A resident of the station (staff or not) who has not supported this open topic yet. */
  canSupport: z.boolean(),
  declinedReason: z.string().nullable(),
  outcome: z.enum(TOPIC_OUTCOMES).nullable(),
  outcomeId: z.number().nullable(),
  outcomeNote: z.string().nullable(),
  statusChangedAt: z.string(),
  createdAt: z.string(),
});

export const ZTopicList = z.object({
  items: z.array(ZTopic),
  supportThreshold: z.number(),
  canManage: z.boolean(),
  canRaise: z.boolean(),
});

export const ZTopicDetail = ZTopic.extend({
  requests: z.array(z.object({ id: z.number(), summary: z.string(), status: z.string() })),
  requestCount: z.number(),
  votes: z.array(z.object({ id: z.number(), title: z.string(), status: z.string() })),
  /** Action items decided on it, followed to done. */
  actions: z.array(ZAction),
  /** Supporters that put a proposed topic on the agenda at this station. */
  supportThreshold: z.number(),
  /** Meetings that had it on their agenda. */
  meetings: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      kind: z.string(),
      startsAt: z.string(),
      status: z.string(),
    }),
  ),
  canManage: z.boolean(),
  /** Staff who may export the formal submission (deliberation.read or manage). */
  canExport: z.boolean(),
});
