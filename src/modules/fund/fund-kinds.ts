/**
 * The fund's fixed words, shared by the server (the *.tables.ts enums, the zod schemas) and the web app
 * (pure data, no imports, so the web bundle does not pull in drizzle).
 */

/** 财政支持, 街道经费, 社区建设经费, 公益创投, 单位赞助, 个人捐赠, 居民众筹, 其他. */
export const INCOME_SOURCES = [
  'government',
  'street',
  'communityBuilding',
  'venture',
  'sponsor',
  'donation',
  'crowdfunding',
  'other',
] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];

/**
 * general and earmarked accounts hold the station's money (never below zero); income accounts (one per
 * source) and expense accounts are where it comes from and goes to, the other side of each posting.
 */
export const ACCOUNT_KINDS = ['general', 'earmarked', 'income', 'expense'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export const HOLDING_KINDS = ['general', 'earmarked'] as const satisfies readonly AccountKind[];

export const POSTING_KINDS = ['income', 'expense', 'transfer', 'reversal'] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

/** 理事长 alone, a council meeting 理事会会议, the community 社区. In this order, each adding to the one before. */
export const APPROVAL_LEVELS = ['chair', 'council', 'community'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

/** What needs approval: a project's budget, or spending beyond a budget line. */
export const APPROVAL_SUBJECTS = ['projectBudget', 'overBudget'] as const;
export type ApprovalSubject = (typeof APPROVAL_SUBJECTS)[number];

export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const DRIVE_STATUSES = ['open', 'closed', 'cancelled'] as const;
export type DriveStatus = (typeof DRIVE_STATUSES)[number];

/** How a donor is shown on public pages: masked (3幢1单元 王**), in full, or not at all. */
export const DONOR_SHOWN = ['masked', 'full', 'anonymous'] as const;
export type DonorShown = (typeof DONOR_SHOWN)[number];

export const PAYMENT_METHODS = ['cash', 'transfer', 'desk'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PROJECT_STAGES = [
  'application',
  'approval',
  'implementation',
  'acceptance',
  'settlement',
  'disclosure',
  'evaluation',
  'closed',
  'rejected',
  'withdrawn',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_ORIGINS = ['topic', 'vote', 'meeting'] as const;
export type ProjectOrigin = (typeof PROJECT_ORIGINS)[number];

/** team 项目组, supervisor 监督小组 (inspects), partner 合作方 (e.g. a third-party operator). */
export const PROJECT_ROLES = ['team', 'supervisor', 'partner'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export const UPDATE_KINDS = ['progress', 'before', 'after'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];
