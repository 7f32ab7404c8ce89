import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';
import { PROJECT_ORIGINS, PROJECT_ROLES, PROJECT_STAGES, UPDATE_KINDS } from './fund-kinds.ts';

/**
 * Self-governance projects 自治项目 (DESIGN §3.5): application → approval (by the fund rules) →
 * implementation (updates with before / after photos, inspections by the supervision group) → acceptance
 * by residents → settlement (actual against budget per line, leftover returned) → public disclosure with an
 * objection period → evaluation → closed. Approved budgets move into the project's own earmarked account;
 * expenses leave it against a budget line, with receipts.
 */

export {
  PROJECT_ORIGINS,
  PROJECT_ROLES,
  PROJECT_STAGES,
  type ProjectOrigin,
  type ProjectRole,
  type ProjectStage,
  UPDATE_KINDS,
  type UpdateKind,
} from './fund-kinds.ts';

export const projectStage = pgEnum('fund_project_stage', PROJECT_STAGES);
export const projectOrigin = pgEnum('fund_project_origin', PROJECT_ORIGINS);
export const projectRole = pgEnum('fund_project_role', PROJECT_ROLES);
export const updateKind = pgEnum('fund_update_kind', UPDATE_KINDS);

export const fundProjects = pgTable(
  'fund_projects',
  {
    id: id(),
    stationId: stationId(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    originKind: projectOrigin('origin_kind'),
    originId: bigint('origin_id', { mode: 'number' }),
    leadUserId: bigint('lead_user_id', { mode: 'number' }),
    leadName: text('lead_name').notNull(),
    stage: projectStage('stage').notNull().default('application'),
    /** The project's earmarked account, opened when its budget is approved. */
    accountId: bigint('account_id', { mode: 'number' }),
    /** The end of the disclosure's objection period (China date, inclusive). */
    objectionsUntil: date('objections_until', { mode: 'string' }),
    settlementNote: text('settlement_note').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fund_projects_station_idx').on(t.stationId, t.stage, t.id),
    check('fund_projects_origin', sql`(${t.originKind} is null) = (${t.originId} is null)`),
  ],
);

export const fundProjectMembers = pgTable(
  'fund_project_members',
  {
    id: id(),
    stationId: stationId(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => fundProjects.id),
    role: projectRole('role').notNull(),
    /** A member with an account (supervisors need one to inspect); partners are often only a name. */
    userId: bigint('user_id', { mode: 'number' }),
    name: text('name').notNull(),
  },
  (t) => [index('fund_project_members_project_idx').on(t.projectId)],
);

/** A budget line and the holding account it is funded from. `extraFen` is what approvals added beyond it. */
export const fundBudgetLines = pgTable(
  'fund_budget_lines',
  {
    id: id(),
    stationId: stationId(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => fundProjects.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    extraFen: bigint('extra_fen', { mode: 'number' }).notNull().default(0),
    sourceAccountId: bigint('source_account_id', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('fund_budget_lines_position_uq').on(t.projectId, t.position),
    check('fund_budget_lines_amount', sql`${t.amountFen} > 0 and ${t.extraFen} >= 0`),
  ],
);

export const fundMilestones = pgTable(
  'fund_milestones',
  {
    id: id(),
    stationId: stationId(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => fundProjects.id),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
  },
  (t) => [index('fund_milestones_project_idx').on(t.projectId)],
);

/** A progress update, or before / after photos; photos are blob keys as the requests' photo pipeline stores them. */
export const fundProjectUpdates = pgTable(
  'fund_project_updates',
  {
    id: id(),
    stationId: stationId(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => fundProjects.id),
    kind: updateKind('kind').notNull(),
    text: text('text').notNull(),
    photos: jsonb('photos').notNull().default(sql`'[]'::jsonb`),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('fund_project_updates_project_idx').on(t.projectId, t.id)],
);

/** An inspection by a member of the supervision group, with findings. */
export const fundInspections = pgTable(
  'fund_inspections',
  {
    id: id(),
    stationId: stationId(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => fundProjects.id),
    inspectorId: bigint('inspector_id', { mode: 'number' }).notNull(),
    passed: text('result', { enum: ['passed', 'issues'] }).notNull(),
    findings: text('findings').notNull(),
    photos: jsonb('photos').notNull().default(sql`'[]'::jsonb`),
    /** issues: what the team did about them. */
    response: text('response'),
    createdAt: createdAt(),
  },
  (t) => [index('fund_inspections_project_idx').on(t.projectId, t.id)],
);

/** A resident's acceptance 验收 of the finished work (one per resident and project). */
export const fundAcceptances = pgTable(
  'fund_acceptances',
  {
    id: id(),
    stationId: stationId(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => fundProjects.id),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    accepted: text('verdict', { enum: ['accept', 'reject'] }).notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('fund_acceptances_user_uq').on(t.projectId, t.userId)],
);

/** An objection 异议 raised during the disclosure period, answered on the page. */
export const fundObjections = pgTable(
  'fund_objections',
  {
    id: id(),
    stationId: stationId(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => fundProjects.id),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    text: text('text').notNull(),
    answer: text('answer'),
    answeredBy: bigint('answered_by', { mode: 'number' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('fund_objections_project_idx').on(t.projectId, t.id)],
);

/** A resident's short rating of a settled project (1–5, one per resident). */
export const fundEvaluations = pgTable(
  'fund_evaluations',
  {
    id: id(),
    stationId: stationId(),
    projectId: bigint('project_id', { mode: 'number' })
      .notNull()
      .references(() => fundProjects.id),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    rating: integer('rating').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('fund_evaluations_user_uq').on(t.projectId, t.userId),
    check('fund_evaluations_rating', sql`${t.rating} between 1 and 5`),
  ],
);

/**
 * A receipt or invoice 票据 (an image or a PDF, checked by its bytes) in the blob store; uploaded first,
 * then named by the expense posting it belongs to.
 */
export const fundReceipts = pgTable(
  'fund_receipts',
  {
    id: id(),
    stationId: stationId(),
    postingId: bigint('posting_id', { mode: 'number' }),
    blobKey: text('blob_key').notNull(),
    mime: text('mime').notNull(),
    name: text('name').notNull(),
    bytes: integer('bytes').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('fund_receipts_posting_idx').on(t.postingId)],
);
