import { sql } from 'drizzle-orm';
import { bigint, check, index, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';
import { APPROVAL_LEVELS, APPROVAL_STATUSES, APPROVAL_SUBJECTS } from './fund-kinds.ts';

/**
 * The fund rules 使用管理办法: which level must approve spending of a given amount, set per district
 * (by area path) and per station (the station's own overrides the district's, which overrides the
 * defaults in approval-levels.ts), and the approval requests with one recorded approval per level.
 */

export {
  APPROVAL_LEVELS,
  APPROVAL_STATUSES,
  APPROVAL_SUBJECTS,
  type ApprovalLevel,
  type ApprovalStatus,
  type ApprovalSubject,
} from './fund-kinds.ts';

export const approvalLevel = pgEnum('fund_approval_level', APPROVAL_LEVELS);
export const approvalSubject = pgEnum('fund_approval_subject', APPROVAL_SUBJECTS);
export const approvalStatus = pgEnum('fund_approval_status', APPROVAL_STATUSES);

/** Amount bands: up to chair_max_fen the chair alone; up to council_max_fen also a council meeting; above, also the community. */
export const fundRules = pgTable(
  'fund_rules',
  {
    id: id(),
    /** A district's (or any area's) rule, by its path; or a station's own. */
    areaPath: text('area_path'),
    stationId: bigint('station_id', { mode: 'number' }),
    chairMaxFen: bigint('chair_max_fen', { mode: 'number' }).notNull(),
    councilMaxFen: bigint('council_max_fen', { mode: 'number' }).notNull(),
    updatedBy: bigint('updated_by', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fund_rules_area_uq').on(t.areaPath).where(sql`${t.areaPath} is not null`),
    uniqueIndex('fund_rules_station_uq').on(t.stationId).where(sql`${t.stationId} is not null`),
    check('fund_rules_scope', sql`(${t.areaPath} is null) <> (${t.stationId} is null)`),
    check('fund_rules_bands', sql`0 <= ${t.chairMaxFen} and ${t.chairMaxFen} <= ${t.councilMaxFen}`),
  ],
);

/** A request for approval of an amount; `level` is the highest level the rules require for it. */
export const fundApprovalRequests = pgTable(
  'fund_approval_requests',
  {
    id: id(),
    stationId: stationId(),
    subject: approvalSubject('subject').notNull(),
    projectId: bigint('project_id', { mode: 'number' }).notNull(),
    /** overBudget: the line that would be exceeded. */
    budgetLineId: bigint('budget_line_id', { mode: 'number' }),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    reason: text('reason').notNull().default(''),
    level: approvalLevel('level').notNull(),
    status: approvalStatus('status').notNull().default('pending'),
    requestedBy: bigint('requested_by', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('fund_approval_requests_station_idx').on(t.stationId, t.status, t.id),
    index('fund_approval_requests_project_idx').on(t.projectId),
    check('fund_approval_requests_amount', sql`${t.amountFen} > 0`),
  ],
);

/** One decision per level of a request, by someone who did not make the request. */
export const fundApprovals = pgTable(
  'fund_approvals',
  {
    id: id(),
    stationId: stationId(),
    requestId: bigint('request_id', { mode: 'number' })
      .notNull()
      .references(() => fundApprovalRequests.id),
    level: approvalLevel('level').notNull(),
    approverId: bigint('approver_id', { mode: 'number' }).notNull(),
    decision: text('decision', { enum: ['approve', 'reject'] }).notNull(),
    note: text('note').notNull().default(''),
    /** council: the council meeting that decided it. */
    meetingId: bigint('meeting_id', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('fund_approvals_level_uq').on(t.requestId, t.level)],
);
