import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../server/db/client.ts';
import { idList } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { AppError, fieldError } from '../../server/http/errors.ts';
import { fenNumber, MAX_FEN, yuanText } from '../../shared/money.ts';
import { recordAudit } from '../audit/index.ts';
import { chinaDate } from '../stations/index.ts';
import type { ZHandover, ZPayment, ZPledge } from './crowdfunding.schema.ts';
import { fundDrives, fundHandovers, fundPayments, fundPledges } from './crowdfunding.tables.ts';
import { asks, type DriveRow, driveFor, mayCollect, taking } from './crowdfunding-access.ts';
import { donorLabel, receiptNo } from './donor-mask.ts';
import { outsideAccount } from './fund.ts';
import { lockChain, writePosting } from './ledger.ts';

/**
 * Money into a drive: pledges 认捐 (a household's promise, one per household, a later one replacing it),
 * payments with a receipt number per drive — cash collected door to door stays with the collector until a
 * fund.post holder other than the collector confirms its hand-over (one income posting for the lot), desk
 * and transfer payments are posted at once — all through the ledger's one writer.
 */

interface HouseholdAt {
  id: number;
  stationId: number;
  buildingId: number;
  label: string;
  path: string;
  building: string;
  unit: string;
}

/** A household the drive asks, for the field `householdId`. */
async function askedHousehold(db: DbOrTx, drive: DriveRow, householdId: number): Promise<HouseholdAt> {
  const rows = await db.execute<{
    id: number;
    station_id: number;
    building_id: number;
    label: string;
    path: string;
    building: string;
    unit: string;
  }>(sql`
    select h.id, h.station_id, h.building_id, h.label, h.path, b.name as building, u.name as unit
    from places_households h
    join places_buildings b on b.id = h.building_id
    join places_units u on u.id = h.unit_id
    where h.id = ${householdId}`);
  const h = rows.rows[0];
  if (!h || Number(h.station_id) !== drive.stationId || !asks(drive, Number(h.building_id))) {
    throw fieldError('householdId', '该户不在本次众筹范围内', 'This household is not asked by this drive');
  }
  return {
    id: Number(h.id),
    stationId: Number(h.station_id),
    buildingId: Number(h.building_id),
    label: h.label,
    path: h.path,
    building: h.building,
    unit: h.unit,
  };
}

/** Locks the drive's row (payments, pledges and closing queue on it) and refuses once money is not taken. */
async function lockTaking(tx: DbOrTx, driveId: number) {
  const [row] = await tx.select().from(fundDrives).where(eq(fundDrives.id, driveId)).for('update');
  if (!taking(row!, chinaDate())) {
    throw new AppError('INVALID_STATE', {
      detail: {
        zh: '该众筹已结束或已过截止日期，不能再认捐或收款',
        en: 'This drive has ended or is past its deadline: no more pledges or payments',
      },
    });
  }
  return row!;
}

export async function pledge(ctx: AuthedCtx, driveId: number, input: z.infer<typeof ZPledge>) {
  const { drive, station, post, homes, residentId } = await driveFor(ctx, driveId);
  const household = await askedHousehold(ctx.db, drive, input.householdId);
  const own = homes.some((h) => h.householdId === household.id);
  // A resident pledges for a household of their own; fund staff enter pledges for any household asked.
  if (!own && !post) {
    throw new AppError('FORBIDDEN', {
      detail: { zh: '只能为您自己的房屋认捐', en: 'You pledge only for a household of your own' },
    });
  }
  let donorName = input.donorName ?? null;
  if (donorName === null && own && residentId !== null) {
    const named = await ctx.db.execute<{ name: string }>(
      sql`select name from people_residents where id = ${residentId}`,
    );
    donorName = named.rows[0]?.name ?? null;
  }
  if (!donorName) throw fieldError('donorName', '请填写认捐人姓名', 'Enter the name of the one pledging');
  const actor = { ...ctx, onBehalfOfResident: ctx.onBehalfOf === null ? null : residentId };
  return ctx.db.transaction(async (tx) => {
    await lockTaking(tx, drive.id);
    const [row] = await tx
      .insert(fundPledges)
      .values({
        stationId: drive.stationId,
        driveId: drive.id,
        householdId: household.id,
        amountFen: input.amountFen,
        donorName,
        shown: input.shown,
        enteredBy: ctx.user.userId,
      })
      .onConflictDoUpdate({
        target: [fundPledges.driveId, fundPledges.householdId],
        set: {
          amountFen: input.amountFen,
          donorName,
          shown: input.shown,
          enteredBy: ctx.user.userId,
          createdAt: new Date(),
        },
      })
      .returning({ id: fundPledges.id });
    await recordAudit(tx, actor, {
      action: 'fund.crowdfunding.pledge',
      subjectType: 'fundPledge',
      subjectId: row!.id,
      stationId: station.id,
      path: household.path,
      summary: {
        driveId: drive.id,
        householdId: household.id,
        amountFen: input.amountFen,
        shown: input.shown,
      },
    });
    return { id: row!.id, amountFen: input.amountFen, shown: input.shown };
  });
}

const METHOD_NAMES = { cash: '现金', desk: '值班台收款', transfer: '转账' } as const;

export async function recordPayment(ctx: AuthedCtx, driveId: number, input: z.infer<typeof ZPayment>) {
  const { drive, station, post } = await driveFor(ctx, driveId);
  const household = await askedHousehold(ctx.db, drive, input.householdId);
  if (input.method === 'cash') {
    if (!mayCollect(ctx, station.id, household.path)) {
      throw new AppError('FORBIDDEN', {
        detail: {
          zh: '只能收取您负责楼栋住户的现金',
          en: 'You collect cash only from households of your own buildings',
        },
      });
    }
  } else if (!post) {
    throw new AppError('FORBIDDEN');
  }
  return ctx.db.transaction(async (tx) => {
    // The chain before the drive, as every posting takes it first (no lock cycle with a hand-over).
    if (input.method !== 'cash') await lockChain(tx, station.id);
    const locked = await lockTaking(tx, drive.id);
    const counted = await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from fund_payments where drive_id = ${drive.id}`,
    );
    const receipt = receiptNo(drive.id, Number(counted.rows[0]!.n) + 1);
    let postingId: number | null = null;
    if (input.method !== 'cash') {
      const from = await outsideAccount(tx, station.id, 'income', 'crowdfunding');
      const amount = BigInt(input.amountFen);
      const posting = await writePosting(tx, station.id, ctx.user.userId, {
        kind: 'income',
        source: 'crowdfunding',
        // The ledger shows the donor as the public list does.
        counterparty: donorLabel({ ...household, name: input.payerName, shown: input.shown }),
        memo: `众筹「${locked.title}」${METHOD_NAMES[input.method]}，收据 ${receipt}`,
        occurredOn: chinaDate(),
        entries: [
          { accountId: locked.accountId, amountFen: amount },
          { accountId: from, amountFen: -amount },
        ],
      });
      postingId = posting.id;
    }
    const [row] = await tx
      .insert(fundPayments)
      .values({
        stationId: drive.stationId,
        driveId: drive.id,
        householdId: household.id,
        amountFen: input.amountFen,
        method: input.method,
        receiptNo: receipt,
        payerName: input.payerName,
        shown: input.shown,
        collectedBy: ctx.user.userId,
        postingId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'fund.crowdfunding.payment',
      subjectType: 'fundPayment',
      subjectId: row!.id,
      stationId: station.id,
      path: household.path,
      summary: {
        driveId: drive.id,
        householdId: household.id,
        receiptNo: receipt,
        amountFen: input.amountFen,
        method: input.method,
        postingId,
      },
    });
    return {
      id: row!.id,
      receiptNo: receipt,
      amountFen: input.amountFen,
      method: input.method,
      collectedAt: row!.collectedAt.toISOString(),
      postingId,
    };
  });
}

/** A fund.post holder confirms the cash a collector hands in: one income posting for the payments counted. */
export async function confirmHandover(ctx: AuthedCtx, driveId: number, input: z.infer<typeof ZHandover>) {
  const { drive, station, post } = await driveFor(ctx, driveId);
  if (!post) throw new AppError('FORBIDDEN');
  if (input.collectorId === ctx.user.userId) {
    throw new AppError('FORBIDDEN', {
      detail: {
        zh: '不能确认您自己上交的现金，请由另一位负责人清点确认',
        en: 'You cannot confirm cash you handed in yourself: someone else counts it',
      },
    });
  }
  const ids = [...new Set(input.paymentIds)];
  return ctx.db.transaction(async (tx) => {
    await lockChain(tx, station.id);
    const rows = await tx.execute<{
      id: number;
      amount_fen: string;
      handover_id: number | null;
      receipt_no: string;
    }>(sql`
      select id, amount_fen::text as amount_fen, handover_id, receipt_no from fund_payments
      where id = any(${idList(ids)}) and drive_id = ${drive.id} and collected_by = ${input.collectorId}
        and method = 'cash'
      order by id for update`);
    if (rows.rows.length !== ids.length) {
      throw fieldError(
        'paymentIds',
        '有款项不是该收款人在本次众筹收取的现金',
        'A payment is not cash this collector took for this drive',
      );
    }
    if (rows.rows.some((r) => r.handover_id !== null)) {
      throw new AppError('INVALID_STATE', {
        detail: { zh: '有款项已经上交过', en: 'Some of this cash was handed in already' },
      });
    }
    const total = rows.rows.reduce((s, r) => s + BigInt(r.amount_fen), 0n);
    if (total > BigInt(MAX_FEN)) {
      throw new AppError('VALIDATION', {
        errors: [
          {
            path: 'paymentIds',
            message: {
              zh: '一次上交的金额过大，请分几次上交',
              en: 'Too much for one hand-over: hand it in in parts',
            },
          },
        ],
      });
    }
    const collector = await tx.execute<{ name: string }>(
      sql`select display_name as name from accounts_users where id = ${input.collectorId}`,
    );
    const from = await outsideAccount(tx, station.id, 'income', 'crowdfunding');
    const receipts = rows.rows.map((r) => r.receipt_no);
    const posting = await writePosting(tx, station.id, ctx.user.userId, {
      kind: 'income',
      source: 'crowdfunding',
      counterparty: `${collector.rows[0]?.name ?? ''}（入户收款）`,
      memo: `众筹「${drive.title}」现金上交 ${receipts.length} 笔共 ${yuanText(total)} 元（收据 ${receipts[0]}${
        receipts.length > 1 ? ` 至 ${receipts.at(-1)}` : ''
      }）`,
      occurredOn: chinaDate(),
      entries: [
        { accountId: drive.accountId, amountFen: total },
        { accountId: from, amountFen: -total },
      ],
    });
    const [handover] = await tx
      .insert(fundHandovers)
      .values({
        stationId: drive.stationId,
        driveId: drive.id,
        collectorId: input.collectorId,
        totalFen: fenNumber(total),
        payments: ids.length,
        receivedBy: ctx.user.userId,
        postingId: posting.id,
      })
      .returning({ id: fundHandovers.id });
    await tx
      .update(fundPayments)
      .set({ handoverId: handover!.id, postingId: posting.id })
      .where(sql`${fundPayments.id} = any(${idList(ids)})`);
    await recordAudit(tx, ctx, {
      action: 'fund.crowdfunding.handover',
      subjectType: 'fundHandover',
      subjectId: handover!.id,
      stationId: station.id,
      path: station.path,
      summary: {
        driveId: drive.id,
        collectorId: input.collectorId,
        payments: ids.length,
        totalFen: fenNumber(total),
        postingId: posting.id,
      },
    });
    return { id: handover!.id, postingId: posting.id, totalFen: fenNumber(total), payments: ids.length };
  });
}
