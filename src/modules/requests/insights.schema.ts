import { z } from 'zod';
import { pageOf, ZId, ZPageQuery } from '../../shared/limits.ts';
import { ZRate } from '../../shared/ratio.ts';
import { ESCALATION_LEVELS, STATUSES } from './lifecycle.ts';

/** Schemas of the requests module's figures, public view, "+1" and settings (insights.routes.ts). */

/** A date (00:00 China Standard Time, UTC+8) or an ISO date-time with its offset. */
const ZWhen = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const ZFiguresQuery = z.object({
  /** The node: a station, or an area (community, street, district, city). */
  kind: z.enum(['area', 'station']),
  id: ZId,
  /** The period [from, to); by default the 30 days before now. At most 731 days. */
  from: ZWhen.optional(),
  to: ZWhen.optional(),
});

/** Durations in whole seconds; percentiles are percentile_disc (an observed value, no interpolation). */
export const ZDuration = z.object({
  count: z.number().int(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
});
export const ZRequestFigures = z.object({
  counts: z.object({
    filed: z.number().int(),
    duplicate: z.number().int(),
    withdrawn: z.number().int(),
    population: z.number().int(),
    responded: z.number().int(),
    resolved: z.number().int(),
    onTime: z.number().int(),
    rated: z.number().int(),
    satisfied: z.number().int(),
    everResolved: z.number().int(),
    reopened: z.number().int(),
    escalated: z.number().int(),
  }),
  /** Rated requests by level: 5 非常满意 … 1 非常不满意. */
  ratings: z.object({
    '5': z.number().int(),
    '4': z.number().int(),
    '3': z.number().int(),
    '2': z.number().int(),
    '1': z.number().int(),
  }),
  rates: z.object({
    response: ZRate,
    resolution: ZRate,
    onTime: ZRate,
    satisfaction: ZRate,
    rating: ZRate,
    reopen: ZRate,
    escalation: ZRate,
  }),
  times: z.object({ toRespond: ZDuration, toResolve: ZDuration }),
});
export type RequestFigures = z.infer<typeof ZRequestFigures>;

const ZNode = z.object({
  kind: z.enum(['area', 'station']),
  id: z.number(),
  name: z.string(),
  /** city / district / street / community for areas; null for stations. */
  level: z.string().nullable(),
});
export const ZFiguresResponse = z.object({
  node: ZNode,
  from: z.string(),
  to: z.string(),
  figures: ZRequestFigures,
  /** The same figures for each child node (sub-areas, or the stations of a community). */
  children: z.array(ZNode.extend({ figures: ZRequestFigures })),
});

export const ZSimilarQuery = z.object({
  stationId: ZId,
  categoryId: ZId,
  /** Requests in this household's building come first (default: the resident's own household). */
  householdId: ZId.optional(),
  /** What the resident is typing: requests sharing more of its words come first. */
  q: z.string().trim().max(100).optional(),
});
export const ZSimilarRequest = z.object({
  id: z.number(),
  categoryName: z.string(),
  description: z.string(),
  /** The building it is about (never the unit or room), or null. */
  building: z.string().nullable(),
  place: z.string().nullable(),
  status: z.enum(STATUSES),
  supporters: z.number(),
  createdAt: z.string(),
  /** The viewer already said "+1". */
  supported: z.boolean(),
  /** The viewer reported it. */
  mine: z.boolean(),
});
export const ZSimilarResponse = z.object({ items: z.array(ZSimilarRequest) });
export const ZSupportResponse = z.object({ supporters: z.number(), supported: z.boolean() });

export const ZPublicParams = z.object({ stationId: ZId, id: ZId });
export const ZPublicQuery = ZPageQuery.extend({ status: z.enum(['open', 'closed']).optional() });
export const ZPublicRequest = z.object({
  id: z.number(),
  categoryName: z.string(),
  description: z.string(),
  status: z.enum(STATUSES),
  level: z.enum(ESCALATION_LEVELS),
  /** Who holds it, as a role word only: 自治站, 物业, 社区, 街道, 区职能部门 / 12345. */
  holder: z.string().nullable(),
  building: z.string().nullable(),
  place: z.string().nullable(),
  supporters: z.number(),
  supported: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Only when the reporter chose to show it: their name and building/unit (never the room). */
  reporter: z.object({ name: z.string(), home: z.string().nullable() }).nullable(),
});
export const ZPublicRequestPage = pageOf(ZPublicRequest);
export const ZPublicEvent = z.object({
  at: z.string(),
  kind: z.string(),
  fromStatus: z.enum(STATUSES).nullable(),
  toStatus: z.enum(STATUSES).nullable(),
  /** Who acted, as a role: never a name. */
  by: z.enum(['staff', 'resident', 'system']),
  /** The staff's note on a step; residents' own words are not shown. */
  note: z.string().nullable(),
});
export const ZPublicRequestDetail = ZPublicRequest.extend({ timeline: z.array(ZPublicEvent) });

export const ZRequestSettings = z.object({ stationId: z.number(), autoCloseDays: z.number().int() });
export const ZUpdateRequestSettings = z.object({ autoCloseDays: z.number().int().min(1).max(60) });
