import { z } from 'zod';
import { text, ZBodyId, ZId } from '../../shared/limits.ts';
import { MAX_FEN } from '../../shared/money.ts';
import { APPROVAL_LEVELS, APPROVAL_STATUSES, APPROVAL_SUBJECTS } from './rules.tables.ts';

/** A band's upper limit in fen: zero (nothing decided alone) up to MAX_FEN. */
const ZLimitFen = z
  .number({ message: '请填写金额 / enter an amount' })
  .int({ message: '金额须为整数分 / a whole number of fen' })
  .min(0, { message: '金额不能为负 / not below zero' })
  .max(MAX_FEN, { message: '金额过大 / the amount is too large' });

export const ZBands = z.object({ chairMaxFen: ZLimitFen, councilMaxFen: ZLimitFen });
export const ZSetRules = z.object({
  /** null removes this place's own rule (the one above applies again). */
  bands: ZBands.nullable(),
});
export const ZAreaParam = z.object({ areaId: ZId });
export const ZFundRules = z.object({
  bands: ZBands,
  /** Where each limit comes from: the defaults, an area above, or this place's own rule. */
  sources: z.object({
    chairMaxFen: z.enum(['default', 'above', 'own']),
    councilMaxFen: z.enum(['default', 'above', 'own']),
  }),
  own: ZBands.nullable(),
  canSet: z.boolean(),
});

export const ZApprovalQuery = z.object({
  status: z.enum(APPROVAL_STATUSES).optional(),
  projectId: ZId.optional(),
});
export const ZDecide = z.object({
  decision: z.enum(['approve', 'reject']),
  note: text(1000).default(''),
  /** The council level: the held council or joint meeting that decided it. */
  meetingId: ZBodyId.nullable().optional(),
});

export const ZApproval = z.object({
  id: z.number(),
  stationId: z.number(),
  subject: z.enum(APPROVAL_SUBJECTS),
  projectId: z.number(),
  budgetLineId: z.number().nullable(),
  amountFen: z.number().int(),
  reason: z.string(),
  levels: z.array(z.enum(APPROVAL_LEVELS)),
  status: z.enum(APPROVAL_STATUSES),
  requestedBy: z.number(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** The level to decide next, while pending. */
  next: z.enum(APPROVAL_LEVELS).nullable(),
  decisions: z.array(
    z.object({
      level: z.enum(APPROVAL_LEVELS),
      decision: z.enum(['approve', 'reject']),
      approverId: z.number(),
      note: z.string(),
      meetingId: z.number().nullable(),
      at: z.string(),
    }),
  ),
  abilities: z.object({ decide: z.boolean(), withdraw: z.boolean() }),
});
export const ZApprovals = z.object({ items: z.array(ZApproval) });
