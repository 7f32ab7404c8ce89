import { z } from 'zod';
import { text, ZBodyId, ZDay, ZId, ZPageQuery } from '../../shared/limits.ts';
import { DONOR_SHOWN, DRIVE_STATUSES, PAYMENT_METHODS } from './crowdfunding.tables.ts';
import { ZFen } from './fund.schema.ts';

/** Crowdfunding 众筹: drives, pledges, payments with receipts, hand-overs of cash (all money in fen). */

export const ZDriveParam = z.object({ driveId: ZId });
export const ZPaymentParam = z.object({ paymentId: ZId });

const ZTitle = text(100).pipe(z.string().min(1, { message: '请填写众筹名称 / enter a title' }));
const ZPersonName = text(40).pipe(z.string().min(1, { message: '请填写姓名 / enter a name' }));

export const ZCreateDrive = z.object({
  title: ZTitle,
  purpose: text(2000).pipe(z.string().min(1, { message: '请写明用途 / say what it is for' })),
  targetFen: ZFen,
  suggestedFen: ZFen,
  /** The last day (China time) money is taken. */
  deadline: ZDay,
  /** The buildings asked; every building of the station when empty. */
  buildingIds: z.array(ZBodyId).max(500).default([]),
  voteId: ZBodyId.nullable().default(null),
  projectId: ZBodyId.nullable().default(null),
});

export const ZPledge = z.object({
  householdId: ZBodyId,
  amountFen: ZFen,
  /** The name given; a resident's own (or the resident acted for) when left out. */
  donorName: ZPersonName.optional(),
  shown: z.enum(DONOR_SHOWN).default('masked'),
});

export const ZPayment = z.object({
  householdId: ZBodyId,
  amountFen: ZFen,
  /** cash: collected door to door (in the ledger at hand-over); desk / transfer: posted at once. */
  method: z.enum(PAYMENT_METHODS),
  payerName: ZPersonName,
  shown: z.enum(DONOR_SHOWN).default('masked'),
});

export const ZHandover = z.object({
  collectorId: ZBodyId,
  /** The payments counted: each the collector's, cash, not yet handed in. */
  paymentIds: z.array(ZBodyId).min(1).max(2000),
});

export const ZDriveListQuery = ZPageQuery;
export const ZPaymentQuery = ZPageQuery.extend({
  /** Only the signed-in collector's own (a building leader sees no other). */
  mine: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const ZHouseholdQuery = ZPageQuery.extend({
  q: text(40).optional(),
  buildingId: ZId.optional(),
});

const ZFenOut = z.number().int();

export const ZDriveSummary = z.object({
  id: z.number(),
  title: z.string(),
  purpose: z.string(),
  targetFen: ZFenOut,
  suggestedFen: ZFenOut,
  deadline: z.string(),
  status: z.enum(DRIVE_STATUSES),
  /** Every payment, handed in or not. */
  paidFen: ZFenOut,
  createdAt: z.string(),
});
export const ZDrivePage = z.object({
  items: z.array(ZDriveSummary),
  nextCursor: z.string().nullable(),
  abilities: z.object({ create: z.boolean() }),
});

const ZProgressFigures = z.object({
  /** Households asked (those of the drive's buildings). */
  households: z.number().int(),
  pledged: z.number().int(),
  paid: z.number().int(),
  pledgedFen: ZFenOut,
  paidFen: ZFenOut,
  /** In the ledger: desk and transfer payments, and cash once handed in. */
  postedFen: ZFenOut,
  /** The suggested amount times the households asked. */
  expectedFen: ZFenOut,
});
export const ZProgress = ZProgressFigures.extend({
  targetFen: ZFenOut,
  byBuilding: z.array(ZProgressFigures.extend({ buildingId: z.number(), building: z.string() })),
});
export type Progress = z.infer<typeof ZProgress>;

export const ZDrive = ZDriveSummary.extend({
  stationId: z.number(),
  stationName: z.string(),
  accountId: z.number(),
  /** What the drive's account holds (in the ledger). */
  balanceFen: ZFenOut,
  buildings: z.array(z.object({ id: z.number(), name: z.string() })),
  vote: z.object({ id: z.number(), title: z.string() }).nullable(),
  projectId: z.number().nullable(),
  closedAt: z.string().nullable(),
  /** Whether money may still be taken: open and the deadline not passed. */
  taking: z.boolean(),
  progress: ZProgress,
  /** The signed-in resident's (or the resident acted for) households asked, with their pledge. */
  myHouseholds: z.array(
    z.object({
      householdId: z.number(),
      label: z.string(),
      pledgeFen: ZFenOut.nullable(),
      shown: z.enum(DONOR_SHOWN).nullable(),
      paidFen: ZFenOut,
    }),
  ),
  abilities: z.object({
    post: z.boolean(),
    read: z.boolean(),
    collect: z.boolean(),
    pledge: z.boolean(),
  }),
});

export const ZPledged = z.object({ id: z.number(), amountFen: ZFenOut, shown: z.enum(DONOR_SHOWN) });

export const ZPaid = z.object({
  id: z.number(),
  receiptNo: z.string(),
  amountFen: ZFenOut,
  method: z.enum(PAYMENT_METHODS),
  collectedAt: z.string(),
  /** Null until the money is in the ledger (cash: at hand-over). */
  postingId: z.number().nullable(),
});

export const ZPaymentRow = ZPaid.extend({
  householdId: z.number(),
  household: z.string(),
  payerName: z.string(),
  shown: z.enum(DONOR_SHOWN),
  collectorId: z.number(),
  collector: z.string(),
  handoverId: z.number().nullable(),
});
export const ZPaymentPage = z.object({ items: z.array(ZPaymentRow), nextCursor: z.string().nullable() });

export const ZDonorPage = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      /** "3幢1单元 王**", the name in full if the donor agreed, or 匿名. */
      donor: z.string(),
      shown: z.enum(DONOR_SHOWN),
      amountFen: ZFenOut,
      at: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const ZDriveHouseholdPage = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      label: z.string(),
      buildingId: z.number(),
      pledgeFen: ZFenOut.nullable(),
      /** The name the pledge was made in, to prefill the receipt. */
      pledgeName: z.string().nullable(),
      shown: z.enum(DONOR_SHOWN).nullable(),
      paidFen: ZFenOut,
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const ZPendingCash = z.object({
  collectors: z.array(
    z.object({
      collectorId: z.number(),
      collector: z.string(),
      payments: z.number().int(),
      totalFen: ZFenOut,
      items: z.array(
        z.object({
          id: z.number(),
          receiptNo: z.string(),
          household: z.string(),
          amountFen: ZFenOut,
          collectedAt: z.string(),
        }),
      ),
    }),
  ),
  /** Whether the signed-in user may confirm hand-overs (never their own). */
  canConfirm: z.boolean(),
});

export const ZHandedOver = z.object({
  id: z.number(),
  postingId: z.number(),
  totalFen: ZFenOut,
  payments: z.number().int(),
});

export const ZHandoverPage = z.object({
  items: z.array(
    ZHandedOver.extend({
      collectorId: z.number(),
      collector: z.string(),
      receivedBy: z.string(),
      createdAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const ZClosed = z.object({
  status: z.enum(DRIVE_STATUSES),
  paidFen: ZFenOut,
  postedFen: ZFenOut,
  /** Cash collected but not yet handed in: still to be confirmed after closing. */
  pendingFen: ZFenOut,
  households: z.number().int(),
  paidHouseholds: z.number().int(),
});

export const ZReceipt = z.object({
  id: z.number(),
  receiptNo: z.string(),
  amountFen: ZFenOut,
  method: z.enum(PAYMENT_METHODS),
  collectedAt: z.string(),
  posted: z.boolean(),
  drive: z.object({ id: z.number(), title: z.string() }),
  stationName: z.string(),
  household: z.string(),
  payerName: z.string(),
  collector: z.string(),
});
