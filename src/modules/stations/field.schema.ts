import { z } from 'zod';
import { LIMITS, pageOf, text, ZBodyId, ZDay, ZId, ZPageQuery } from '../../shared/limits.ts';

/** Patrols and visits 片网包联: shapes of the API's bodies and answers. */

export const ZFieldOverview = z.object({
  station: z.object({ id: z.number(), name: z.string() }),
  compounds: z.array(z.object({ id: z.number(), name: z.string() })),
  /** What the viewer may do here (the web app shows only these). */
  abilities: z.object({
    /** Assign workers, keep templates, plan patrols. */
    manage: z.boolean(),
    /** Keep templates for every station of the community. */
    communityTemplates: z.boolean(),
    /** Read and write the visit list (assigned workers and the chair only). */
    visits: z.boolean(),
  }),
});

// Worker assignments

export const ZFieldWorker = z.object({
  id: z.number(),
  name: z.string(),
  role: z.enum(['socialWorker', 'gridWorker']),
  scope: z.string(),
});
export const ZFieldWorkerList = z.object({ items: z.array(ZFieldWorker) });
export const ZAssignment = z.object({
  id: z.number(),
  compoundId: z.number(),
  compoundName: z.string(),
  userId: z.number(),
  userName: z.string(),
  since: z.string(),
});
export const ZAssignmentList = z.object({ items: z.array(ZAssignment) });
export const ZAddAssignment = z.object({
  compoundId: ZBodyId,
  userId: ZBodyId,
  since: ZDay.optional(),
});

// Checklist templates

const ZItemKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, {
    error: '检查项编号只能用字母、数字、_ 或 -（1–40 个字符）/ Item keys are 1–40 letters, digits, _ or -',
  });
export const ZTemplateItem = z.object({ key: ZItemKey, label: text(60).pipe(z.string().min(1)) });
const ZTemplateItems = z
  .array(ZTemplateItem)
  .min(1)
  .max(50)
  .superRefine((items, check) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.key)) {
        check.addIssue({
          code: 'custom',
          path: [i, 'key'],
          message: `检查项编号“${item.key}”重复 / Item key "${item.key}" is used twice`,
        });
      }
      seen.add(item.key);
    });
  });
const ZTemplateName = text(LIMITS.nameMax).pipe(z.string().min(1));
export const ZTemplate = z.object({
  id: z.number(),
  name: z.string(),
  /** A station's own template, or one its community keeps for all its stations. */
  scope: z.enum(['station', 'community']),
  items: z.array(ZTemplateItem),
  active: z.boolean(),
  canEdit: z.boolean(),
});
export const ZTemplateList = z.object({ items: z.array(ZTemplate) });
export const ZUpdateTemplate = z
  .object({ name: ZTemplateName, items: ZTemplateItems, active: z.boolean() })
  .partial();
export const ZAddTemplate = z.object({
  name: ZTemplateName,
  items: ZTemplateItems,
  scope: z.enum(['station', 'community']).default('station'),
});

// Patrols

export const PATROL_STATES = ['ok', 'issue', 'na'] as const;
export const ZPatrolRow = z.object({
  id: z.number(),
  stationId: z.number(),
  compoundId: z.number(),
  compoundName: z.string(),
  templateId: z.number(),
  templateName: z.string(),
  userId: z.number(),
  workerName: z.string(),
  plannedOn: z.string(),
  doneAt: z.string().nullable(),
  issues: z.number(),
  findings: z.number(),
});
export const ZPatrolPage = pageOf(ZPatrolRow);
export const ZPatrolList = z.object({ items: z.array(ZPatrolRow) });
export const ZPatrolListQuery = ZPageQuery.extend({
  from: ZDay.optional(),
  to: ZDay.optional(),
  userId: ZId.optional(),
});
export const ZPlanPatrol = z.object({
  compoundId: ZBodyId,
  templateId: ZBodyId,
  userId: ZBodyId,
  plannedOn: ZDay,
});
export const ZPlanPatrols = z.object({
  templateId: ZBodyId,
  from: ZDay,
  to: ZDay,
  /** Only this compound's workers; all assigned workers of the station when left out. */
  compoundId: ZBodyId.optional(),
});
export const ZPlanResult = z.object({ created: z.number(), skipped: z.number() });

export const ZFieldPhoto = z.object({ id: z.number(), width: z.number(), height: z.number() });
export const ZFinding = z.object({
  id: z.number(),
  patrolId: z.number(),
  itemKey: z.string().nullable(),
  note: z.string(),
  photos: z.array(ZFieldPhoto),
  requestId: z.number().nullable(),
  createdAt: z.string(),
});
export const ZFindingRow = ZFinding.extend({
  compoundName: z.string(),
  workerName: z.string(),
  plannedOn: z.string(),
});
export const ZFindingPage = pageOf(ZFindingRow);
export const ZPatrolDetail = ZPatrolRow.extend({
  items: z.array(ZTemplateItem),
  results: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      state: z.enum(PATROL_STATES),
      note: z.string().nullable(),
    }),
  ),
  note: z.string().nullable(),
  findings: z.array(ZFinding),
  /** record: fill the checklist and add findings; toRequest: turn a finding into a request. */
  abilities: z.object({ record: z.boolean(), toRequest: z.boolean() }),
});
export const ZRecordPatrol = z.object({
  items: z
    .array(
      z.object({
        key: z.string().max(40),
        state: z.enum(PATROL_STATES),
        note: text(500).optional(),
      }),
    )
    .max(50),
  note: text(LIMITS.textMax).optional(),
  /** true: the patrol is done (every item needs a state). */
  done: z.boolean().default(false),
});
export const ZAddFinding = z.object({
  itemKey: z.string().max(40).optional(),
  note: text(LIMITS.textMax).pipe(z.string().min(2)),
});
export const ZFindingToRequest = z.object({
  categoryId: ZBodyId,
  /** Where: a building of the patrol's compound; the compound itself when left out. */
  buildingId: ZBodyId.optional(),
  /** The finding's note when left out. */
  description: text(LIMITS.textMax).pipe(z.string().min(2)).optional(),
  isPublic: z.boolean().default(false),
});
export const ZFindingPhotoParam = z.object({ id: ZId, photoId: ZId });

// Visits

export const VISIT_STATUSES = ['overdue', 'dueSoon', 'later'] as const;
export const ZVisitTarget = z.object({
  id: z.number(),
  householdId: z.number(),
  household: z.string(),
  compoundId: z.number(),
  compoundName: z.string(),
  reason: z.string(),
  everyDays: z.number(),
  since: z.string(),
  lastVisitedOn: z.string().nullable(),
  /** (last visit, or since) + everyDays. */
  dueOn: z.string(),
  status: z.enum(VISIT_STATUSES),
  /** Days past the due date (0 unless overdue). */
  daysOverdue: z.number(),
});
export const ZVisitList = z.object({ today: z.string(), items: z.array(ZVisitTarget) });
export const ZVisitListQuery = z.object({ status: z.enum(VISIT_STATUSES).optional() });
const ZVisitReason = text(40).pipe(z.string().min(1));
export const ZAddVisitTarget = z.object({
  householdId: ZBodyId,
  reason: ZVisitReason,
  everyDays: z.number().int().min(1).max(366),
  since: ZDay.optional(),
});
export const ZUpdateVisitTarget = z
  .object({
    reason: ZVisitReason,
    everyDays: z.number().int().min(1).max(366),
    active: z.boolean(),
  })
  .partial();
export const ZRecordVisit = z.object({
  visitedOn: ZDay.optional(),
  note: text(LIMITS.textMax).optional(),
});
export const ZVisitRecord = z.object({
  id: z.number(),
  visitedOn: z.string(),
  visitor: z.string(),
  note: z.string().nullable(),
});
export const ZVisitRecordList = z.object({ items: z.array(ZVisitRecord) });
export const ZMyVisitLists = z.object({
  items: z.array(
    z.object({ stationId: z.number(), stationName: z.string(), overdue: z.number(), dueSoon: z.number() }),
  ),
});
