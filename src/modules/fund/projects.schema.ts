import { z } from 'zod';
import { pageOf, text, ZBodyId, ZDay, ZId, ZPageQuery } from '../../shared/limits.ts';
import { ZFen } from './fund.schema.ts';
import { OBJECTION_DAYS } from './project-lifecycle.ts';
import { PROJECT_ORIGINS, PROJECT_ROLES, PROJECT_STAGES, UPDATE_KINDS } from './projects.tables.ts';
import { APPROVAL_LEVELS, APPROVAL_STATUSES, APPROVAL_SUBJECTS } from './rules.tables.ts';

/** Self-governance projects 自治项目: requests and responses (project-*.ts). */

const ZTitle = text(200).pipe(z.string().min(1, { message: '请填写标题 / enter a title' }));
const ZName = text(100).pipe(z.string().min(1, { message: '请填写姓名或名称 / enter a name' }));

/** Someone with an account of the station (userId), or only a name (a partner company, say). */
const ZPerson = z
  .object({ userId: ZBodyId.nullable().default(null), name: text(100).default('') })
  .refine((p) => p.userId !== null || p.name.length > 0, {
    message: '请选择人员或填写姓名 / choose a person or enter a name',
    path: ['name'],
  });

export const ZProjectInput = z.object({
  title: ZTitle,
  summary: text(5000).default(''),
  /** Where the project comes from: a decided topic, a closed vote or a held meeting of the station. */
  origin: z
    .object({ kind: z.enum(PROJECT_ORIGINS), id: ZBodyId })
    .nullable()
    .default(null),
  lead: ZPerson,
  team: z.array(ZPerson).max(30).default([]),
  /** The supervision group 监督小组: people with accounts (they inspect on their phones). */
  supervisors: z.array(ZBodyId).max(15).default([]),
  partners: z.array(ZPerson).max(15).default([]),
  lines: z
    .array(z.object({ name: ZName, amountFen: ZFen, sourceAccountId: ZBodyId }))
    .min(1, { message: '至少需要一项预算 / at least one budget line' })
    .max(20),
  milestones: z
    .array(z.object({ title: ZTitle, dueOn: ZDay }))
    .max(30)
    .default([]),
});
export type ProjectInput = z.output<typeof ZProjectInput>;

export const ZProjectParam = z.object({ id: ZId });
export const ZProjectQuery = ZPageQuery.extend({ stage: z.enum(PROJECT_STAGES).optional() });
export const ZPeopleQuery = z.object({ q: text(40).default('') });
/** A stored photo, named by the SHA-256 of its full copy. */
export const ZPhotoParam = z.object({ id: ZId, hash: z.string().regex(/^[0-9a-f]{64}$/) });

export const ZMove = z.discriminatedUnion('move', [
  z.object({ move: z.literal('submit') }),
  z.object({ move: z.literal('withdraw') }),
  z.object({
    move: z.literal('toAcceptance'),
    /** Required when a milestone is not done yet. */
    reason: text(1000).default(''),
  }),
  z.object({ move: z.literal('rework'), reason: text(1000).pipe(z.string().min(1)) }),
  z.object({ move: z.literal('toSettlement') }),
  z.object({
    move: z.literal('settle'),
    objectionDays: z
      .number()
      .int()
      .min(OBJECTION_DAYS.min, { message: '公示期至少 3 天 / at least 3 days' })
      .max(OBJECTION_DAYS.max, { message: '公示期至多 30 天 / at most 30 days' })
      .default(OBJECTION_DAYS.default),
    note: text(2000).default(''),
  }),
  z.object({ move: z.literal('toEvaluation') }),
  z.object({ move: z.literal('close') }),
]);
export type MoveInput = z.output<typeof ZMove>;

export const ZUpdateInput = z.object({
  kind: z.enum(UPDATE_KINDS),
  text: text(2000).pipe(z.string().min(1, { message: '请填写说明 / say what was done' })),
});
export const ZMilestoneDone = z.object({ doneOn: ZDay.optional() });
export const ZInspectionInput = z.object({
  result: z.enum(['passed', 'issues']),
  findings: text(2000).pipe(z.string().min(1, { message: '请填写检查情况 / say what you found' })),
});
export const ZResponseInput = z.object({ response: text(2000).pipe(z.string().min(1)) });
export const ZExpenseInput = z.object({
  budgetLineId: ZBodyId,
  amountFen: ZFen,
  counterparty: text(200).default(''),
  memo: text(500).pipe(z.string().min(1, { message: '请填写摘要 / say what it is for' })),
  occurredOn: ZDay,
  /** Receipts uploaded first (POST …/receipts), at least one. */
  receiptIds: z.array(ZBodyId).min(1, { message: '请上传票据 / upload the receipt' }).max(10),
});
export const ZOverBudgetInput = z.object({
  budgetLineId: ZBodyId,
  amountFen: ZFen,
  reason: text(1000).pipe(z.string().min(1, { message: '请说明超支原因 / say why' })),
});
export const ZAcceptanceInput = z
  .object({ verdict: z.enum(['accept', 'reject']), comment: text(1000).default('') })
  .refine((a) => a.verdict === 'accept' || a.comment.length > 0, {
    message: '不同意验收时请说明原因 / say why you do not accept it',
    path: ['comment'],
  });
export const ZObjectionInput = z.object({ text: text(2000).pipe(z.string().min(1)) });
export const ZAnswerInput = z.object({ answer: text(2000).pipe(z.string().min(1)) });
export const ZEvaluationInput = z.object({
  rating: z.number().int().min(1).max(5),
  comment: text(1000).default(''),
});

const ZPhoto = z.object({ hash: z.string(), width: z.number(), height: z.number() });
const ZReceipt = z.object({ id: z.number(), name: z.string(), mime: z.string(), bytes: z.number() });

export const ZProjectSummary = z.object({
  id: z.number(),
  stationId: z.number(),
  title: z.string(),
  stage: z.enum(PROJECT_STAGES),
  leadName: z.string(),
  budgetFen: z.number(),
  objectionsUntil: z.string().nullable(),
  createdAt: z.string(),
});
export const ZProjectList = pageOf(ZProjectSummary).extend({ canCreate: z.boolean() });

const abilityKeys = [
  'edit',
  'submit',
  'withdraw',
  'update',
  'milestone',
  'inspect',
  'respond',
  'expense',
  'overBudget',
  'toAcceptance',
  'rework',
  'toSettlement',
  'settle',
  'accept',
  'object',
  'answer',
  'toEvaluation',
  'evaluate',
  'close',
] as const;

export const ZProject = z.object({
  id: z.number(),
  stationId: z.number(),
  title: z.string(),
  summary: z.string(),
  origin: z.object({ kind: z.enum(PROJECT_ORIGINS), id: z.number(), title: z.string() }).nullable(),
  lead: z.object({ userId: z.number().nullable(), name: z.string() }),
  stage: z.enum(PROJECT_STAGES),
  accountId: z.number().nullable(),
  objectionsUntil: z.string().nullable(),
  settlementNote: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  members: z.array(
    z.object({
      id: z.number(),
      role: z.enum(PROJECT_ROLES),
      userId: z.number().nullable(),
      name: z.string(),
    }),
  ),
  lines: z.array(
    z.object({
      id: z.number(),
      position: z.number(),
      name: z.string(),
      amountFen: z.number(),
      extraFen: z.number(),
      sourceAccountId: z.number(),
      sourceAccount: z.string(),
      spentFen: z.number(),
      /** amount + extra − spent: what is left (negative never: spending beyond it is refused). */
      leftFen: z.number(),
    }),
  ),
  totals: z.object({
    budgetFen: z.number(),
    extraFen: z.number(),
    spentFen: z.number(),
    leftFen: z.number(),
  }),
  milestones: z.array(
    z.object({ id: z.number(), title: z.string(), dueOn: z.string(), doneOn: z.string().nullable() }),
  ),
  updates: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(UPDATE_KINDS),
      text: z.string(),
      photos: z.array(ZPhoto),
      by: z.string(),
      mine: z.boolean(),
      createdAt: z.string(),
    }),
  ),
  inspections: z.array(
    z.object({
      id: z.number(),
      inspector: z.string(),
      result: z.enum(['passed', 'issues']),
      findings: z.string(),
      photos: z.array(ZPhoto),
      response: z.string().nullable(),
      mine: z.boolean(),
      createdAt: z.string(),
    }),
  ),
  expenses: z.array(
    z.object({
      postingId: z.number(),
      budgetLineId: z.number(),
      amountFen: z.number(),
      counterparty: z.string(),
      memo: z.string(),
      occurredOn: z.string(),
      reversedBy: z.number().nullable(),
      receipts: z.array(ZReceipt),
    }),
  ),
  /** The leftover's return to the source accounts, once settled. */
  settlementPostingId: z.number().nullable(),
  acceptance: z.object({
    accept: z.number(),
    reject: z.number(),
    carried: z.boolean(),
    mine: z.object({ verdict: z.enum(['accept', 'reject']), comment: z.string() }).nullable(),
    /** Staff: what residents said (without who). */
    comments: z.array(z.object({ verdict: z.enum(['accept', 'reject']), comment: z.string() })),
  }),
  objections: z.array(
    z.object({
      id: z.number(),
      text: z.string(),
      answer: z.string().nullable(),
      answeredAt: z.string().nullable(),
      mine: z.boolean(),
      createdAt: z.string(),
    }),
  ),
  evaluation: z.object({
    count: z.number(),
    /** The ratings added up: the average is ratingSum / count. */
    ratingSum: z.number(),
    mine: z.object({ rating: z.number(), comment: z.string() }).nullable(),
    comments: z.array(z.object({ rating: z.number(), comment: z.string() })),
  }),
  /** Staff: the project's approval requests (budget, over budget) with who decided each level. */
  approvals: z.array(
    z.object({
      id: z.number(),
      subject: z.enum(APPROVAL_SUBJECTS),
      budgetLineId: z.number().nullable(),
      amountFen: z.number(),
      reason: z.string(),
      status: z.enum(APPROVAL_STATUSES),
      levels: z.array(z.enum(APPROVAL_LEVELS)),
      requestedBy: z.string(),
      decisions: z.array(
        z.object({
          level: z.enum(APPROVAL_LEVELS),
          decision: z.enum(['approve', 'reject']),
          approver: z.string(),
          note: z.string(),
          meeting: z.string().nullable(),
          at: z.string(),
        }),
      ),
    }),
  ),
  me: z.object({
    staff: z.boolean(),
    team: z.boolean(),
    supervisor: z.boolean(),
    resident: z.boolean(),
  }),
  abilities: z.object(
    Object.fromEntries(abilityKeys.map((k) => [k, z.boolean()])) as {
      [K in (typeof abilityKeys)[number]]: z.ZodBoolean;
    },
  ),
});

export const ZCreated = z.object({ id: z.number() });
export const ZPeople = z.object({
  items: z.array(
    z.object({
      userId: z.number(),
      name: z.string(),
      why: z.array(z.enum(['staff', 'council', 'resident'])),
    }),
  ),
});
export const ZPhotoAdded = ZPhoto;
export const ZReceiptAdded = ZReceipt;
