import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, stationId } from '../../server/db/columns.ts';
import { DONOR_SHOWN, DRIVE_STATUSES, PAYMENT_METHODS } from './fund-kinds.ts';

/**
 * Crowdfunding 众筹: a drive with its own earmarked account, pledges 认捐 and payments per household.
 * Building leaders collect cash door to door (a receipt per household) and hand it in; the hand-over,
 * confirmed by the station, is one income posting into the drive's account. Payments taken at the desk
 * or by bank transfer are posted at once.
 */

export {
  DONOR_SHOWN,
  type DonorShown,
  DRIVE_STATUSES,
  type DriveStatus,
  PAYMENT_METHODS,
  type PaymentMethod,
} from './fund-kinds.ts';

export const driveStatus = pgEnum('fund_drive_status', DRIVE_STATUSES);
export const donorShown = pgEnum('fund_donor_shown', DONOR_SHOWN);
export const paymentMethod = pgEnum('fund_payment_method', PAYMENT_METHODS);

export const fundDrives = pgTable(
  'fund_drives',
  {
    id: id(),
    stationId: stationId(),
    /** The earmarked account the drive's money goes into. */
    accountId: bigint('account_id', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    purpose: text('purpose').notNull(),
    targetFen: bigint('target_fen', { mode: 'number' }).notNull(),
    suggestedFen: bigint('suggested_fen', { mode: 'number' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** The buildings asked; every building of the station's compounds when empty. */
    buildingIds: bigint('building_ids', { mode: 'number' }).array().notNull().default(sql`'{}'`),
    /** The vote that decided it, if any. */
    voteId: bigint('vote_id', { mode: 'number' }),
    projectId: bigint('project_id', { mode: 'number' }),
    status: driveStatus('status').notNull().default('open'),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('fund_drives_station_idx').on(t.stationId, t.id),
    check('fund_drives_amounts', sql`${t.targetFen} > 0 and ${t.suggestedFen} > 0`),
  ],
);

/** A household's pledge 认捐 (one per household and drive; a later one replaces it). */
export const fundPledges = pgTable(
  'fund_pledges',
  {
    id: id(),
    stationId: stationId(),
    driveId: bigint('drive_id', { mode: 'number' })
      .notNull()
      .references(() => fundDrives.id),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    donorName: text('donor_name').notNull(),
    shown: donorShown('shown').notNull().default('masked'),
    /** Who entered it: the resident, a family proxy, or staff for them. */
    enteredBy: bigint('entered_by', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('fund_pledges_household_uq').on(t.driveId, t.householdId),
    check('fund_pledges_amount', sql`${t.amountFen} > 0`),
  ],
);

/** A building leader's hand-over of the cash collected, confirmed by the station: one income posting. */
export const fundHandovers = pgTable('fund_handovers', {
  id: id(),
  stationId: stationId(),
  driveId: bigint('drive_id', { mode: 'number' })
    .notNull()
    .references(() => fundDrives.id),
  collectorId: bigint('collector_id', { mode: 'number' }).notNull(),
  totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
  payments: bigint('payments', { mode: 'number' }).notNull(),
  receivedBy: bigint('received_by', { mode: 'number' }).notNull(),
  postingId: bigint('posting_id', { mode: 'number' }).notNull(),
  createdAt: createdAt(),
});

/** A payment by a household, with its receipt number; in the ledger once posted (cash: at hand-over). */
export const fundPayments = pgTable(
  'fund_payments',
  {
    id: id(),
    stationId: stationId(),
    driveId: bigint('drive_id', { mode: 'number' })
      .notNull()
      .references(() => fundDrives.id),
    householdId: bigint('household_id', { mode: 'number' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    method: paymentMethod('method').notNull(),
    /** The receipt handed to the household: unique within the drive. */
    receiptNo: text('receipt_no').notNull(),
    payerName: text('payer_name').notNull(),
    shown: donorShown('shown').notNull().default('masked'),
    collectedBy: bigint('collected_by', { mode: 'number' }).notNull(),
    collectedAt: timestamp('collected_at', { withTimezone: true }).notNull().defaultNow(),
    handoverId: bigint('handover_id', { mode: 'number' }).references(() => fundHandovers.id),
    postingId: bigint('posting_id', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('fund_payments_receipt_uq').on(t.driveId, t.receiptNo),
    index('fund_payments_drive_idx').on(t.driveId, t.householdId),
    index('fund_payments_collector_idx').on(t.driveId, t.collectedBy).where(sql`${t.postingId} is null`),
    check('fund_payments_amount', sql`${t.amountFen} > 0`),
  ],
);
