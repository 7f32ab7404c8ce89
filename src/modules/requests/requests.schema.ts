import { z } from 'zod';
import { LIMITS, pageOf, ZId, ZPageQuery } from '../../shared/limits.ts';
import { ESCALATION_LEVELS, STATUSES, TRANSITIONS } from './lifecycle.ts';

export const CHANNELS = ['web', 'desk', 'phone', 'wechat', 'patrol', 'open311'] as const;

export const ZCategory = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  responseHours: z.number(),
  resolutionHours: z.number(),
  handlerKind: z.enum(['member', 'property', 'team', 'none']),
  handlerUserId: z.number().nullable(),
});
export const ZCategoryList = z.object({ items: z.array(ZCategory) });
export const ZStationParam = z.object({ stationId: ZId });

/** Photos uploaded first through POST /request-photos (at most 9). */
const ZPhotoIds = z.array(z.number().int().positive()).max(9).default([]);

export const ZFileRequest = z.object({
  stationId: z.number().int().positive(),
  categoryId: z.number().int().positive(),
  description: z.string().trim().min(2).max(LIMITS.textMax),
  /** Where: a household (staff entering for a resident), or a building or unit; or only words. */
  householdId: z.number().int().positive().optional(),
  buildingId: z.number().int().positive().optional(),
  unitId: z.number().int().positive().optional(),
  placeText: z.string().trim().max(100).optional(),
  isPublic: z.boolean().default(false),
  isAnonymous: z.boolean().default(true),
  photoIds: ZPhotoIds,
  /** Staff entering a request for a resident say how it came in; residents file on the web. */
  channel: z.enum(['desk', 'phone', 'wechat', 'patrol']).optional(),
});

export const ZRequestRow = z.object({
  id: z.number(),
  stationId: z.number(),
  categoryName: z.string(),
  status: z.enum(STATUSES),
  level: z.enum(ESCALATION_LEVELS),
  holder: z.string().nullable(),
  channel: z.enum(CHANNELS),
  description: z.string(),
  place: z.string().nullable(),
  handlerUserId: z.number().nullable(),
  heldSince: z.string().nullable(),
  supporters: z.number(),
  isPublic: z.boolean(),
  rating: z.number().nullable(),
  createdAt: z.string(),
  dueResponseAt: z.string(),
  dueResolutionAt: z.string(),
  overdue: z.boolean(),
  reopenCount: z.number(),
});
export type RequestRow = z.infer<typeof ZRequestRow>;
export const ZRequestPage = pageOf(ZRequestRow);
export const ZQueueQuery = ZPageQuery.extend({
  stationId: ZId,
  status: z.enum(STATUSES).optional(),
  categoryId: ZId.optional(),
  handlerUserId: ZId.optional(),
  buildingId: ZId.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** newest: latest first; due: the nearest resolution deadline first. */
  sort: z.enum(['newest', 'due']).default('newest'),
});
export const ZHandlerList = z.object({
  items: z.array(z.object({ id: z.number(), name: z.string(), role: z.string() })),
});
export const ZRequestPlaces = z.object({
  buildings: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      compoundName: z.string(),
      units: z.array(z.object({ id: z.number(), name: z.string() })),
    }),
  ),
});

export const ZRequestEvent = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.string(),
  fromStatus: z.enum(STATUSES).nullable(),
  toStatus: z.enum(STATUSES).nullable(),
  body: z.string().nullable(),
  /** Staff names are shown; residents appear as 居民. */
  actor: z.string().nullable(),
  /** Photos added with this entry (GET /request-photos/:id?size=thumb|full). */
  photoIds: z.array(z.number()),
});
export const ZRequestDetail = ZRequestRow.extend({
  timeline: z.array(ZRequestEvent),
  /** What the viewer may do now (from the lifecycle and their role). */
  actions: z.array(z.enum(TRANSITIONS)),
  /** Whether the viewer handles requests here, and whether they reported this one. */
  viewer: z.object({ staff: z.boolean(), reporter: z.boolean() }),
  /** The record it was turned from (a duty log entry, a patrol finding), which points back at it. */
  origin: z.object({ kind: z.enum(['dutyLog', 'patrolFinding']), id: z.number() }).nullable(),
});

export const ZTransitionRequest = z.object({
  action: z.enum(TRANSITIONS),
  note: z.string().trim().max(LIMITS.textMax).optional(),
  /** For assign: the council member, property or volunteer account that takes it. */
  handlerUserId: z.number().int().positive().optional(),
  /** For markDuplicate: the request this one repeats. */
  duplicateOf: z.number().int().positive().optional(),
});
export const ZCommentRequest = z
  .object({
    body: z.string().trim().max(LIMITS.textMax).default(''),
    photoIds: ZPhotoIds,
  })
  .refine((c) => c.body.length > 0 || c.photoIds.length > 0, {
    path: ['body'],
    message: 'Write a comment or add a photo',
  });
export const ZPhoto = z.object({ id: z.number(), width: z.number(), height: z.number() });
export const ZPhotoQuery = z.object({ size: z.enum(['full', 'thumb']).default('thumb') });

export const ZRateRequest = z.object({
  /** false = "not fixed": the request reopens. */
  fixed: z.boolean(),
  /** 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. */
  level: z.number().int().min(1).max(5).optional(),
  comment: z.string().trim().max(500).optional(),
});

const ZHours = z
  .number()
  .int()
  .min(1)
  .max(24 * 90);
export const ZUpdateCategory = z
  .object({
    name: z.string().trim().min(1).max(20),
    responseHours: ZHours,
    resolutionHours: ZHours,
    handlerKind: z.enum(['member', 'property', 'team', 'none']),
    handlerUserId: z.number().int().positive().nullable(),
    active: z.boolean(),
  })
  .partial();
export const ZAddCategory = ZUpdateCategory.extend({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-zA-Z0-9]{1,30}$/),
  name: z.string().trim().min(1).max(20),
  responseHours: ZHours,
  resolutionHours: ZHours,
});
