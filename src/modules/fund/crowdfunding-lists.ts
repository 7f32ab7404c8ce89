import { sql } from 'drizzle-orm';
import { escapeLike } from '../../server/db/client.ts';
import type { AuthedCtx } from '../../server/http/context.ts';
import { decodeCursor, toPage } from '../../server/http/cursor.ts';
import { AppError } from '../../server/http/errors.ts';
import { fenNumber } from '../../shared/money.ts';
import { can, roleAllows } from '../accounts/index.ts';
import type { DonorShown, PaymentMethod } from './crowdfunding.tables.ts';
import { crowdfundingAccess, driveFor } from './crowdfunding-access.ts';
import { askedHouseholds } from './crowdfunding-progress.ts';
import { donorLabel } from './donor-mask.ts';
import { idPage, newestFirst, type Paging } from './newest-first.ts';

/**
 * A drive's lists: the public donor list (masked, never a payer's name unless they agreed), payments with
 * their receipts (fund staff all, a collector his own), the households a collector may take cash from,
 * the cash not yet handed in, and the confirmed hand-overs. All cursor-paged but the cash in hand.
 */

/** The drive for its fund staff and collectors (403 for anyone else); `own`: the user sees only what he took. */
async function moneyView(ctx: AuthedCtx, driveId: number) {
  const view = await driveFor(ctx, driveId);
  if (!view.read && !view.post && !view.collect) throw new AppError('FORBIDDEN');
  return { ...view, own: !view.read && !view.post };
}

/** Who paid, as the residents see it: "3幢1单元 王**", the name if agreed, or 匿名. */
export async function listDonors(ctx: AuthedCtx, driveId: number, query: Paging) {
  const { drive } = await driveFor(ctx, driveId);
  const rows = await ctx.db.execute<{
    id: number;
    payer_name: string;
    shown: DonorShown;
    amount_fen: number;
    collected_at: Date;
    building: string;
    unit: string;
  }>(sql`
    select p.id, p.payer_name, p.shown, p.amount_fen, p.collected_at, b.name as building, u.name as unit
    from fund_payments p
    join places_households h on h.id = p.household_id
    join places_buildings b on b.id = h.building_id
    join places_units u on u.id = h.unit_id
    where p.drive_id = ${drive.id} ${newestFirst(sql`p.id`, query)}`);
  return idPage(rows.rows, query, (r) => ({
    id: Number(r.id),
    donor: donorLabel({ building: r.building, unit: r.unit, name: r.payer_name, shown: r.shown }),
    shown: r.shown,
    amountFen: Number(r.amount_fen),
    at: new Date(r.collected_at).toISOString(),
  }));
}

/** Payments with their receipts: fund staff see all (or their own), a collector only what he took. */
export async function listPayments(ctx: AuthedCtx, driveId: number, query: Paging & { mine: boolean }) {
  const { drive, own } = await moneyView(ctx, driveId);
  const onlyMine = query.mine || own;
  const rows = await ctx.db.execute<{
    id: number;
    receipt_no: string;
    amount_fen: number;
    method: PaymentMethod;
    collected_at: Date;
    posting_id: number | null;
    household_id: number;
    household: string;
    payer_name: string;
    shown: DonorShown;
    collected_by: number;
    collector: string | null;
    handover_id: number | null;
  }>(sql`
    select p.id, p.receipt_no, p.amount_fen, p.method, p.collected_at, p.posting_id, p.household_id,
      h.label as household, p.payer_name, p.shown, p.collected_by, u.display_name as collector, p.handover_id
    from fund_payments p
    join places_households h on h.id = p.household_id
    left join accounts_users u on u.id = p.collected_by
    where p.drive_id = ${drive.id} ${onlyMine ? sql`and p.collected_by = ${ctx.user.userId}` : sql``}
      ${newestFirst(sql`p.id`, query)}`);
  return idPage(rows.rows, query, (r) => ({
    id: Number(r.id),
    receiptNo: r.receipt_no,
    amountFen: Number(r.amount_fen),
    method: r.method,
    collectedAt: new Date(r.collected_at).toISOString(),
    postingId: r.posting_id === null ? null : Number(r.posting_id),
    householdId: Number(r.household_id),
    household: r.household,
    payerName: r.payer_name,
    shown: r.shown,
    collectorId: Number(r.collected_by),
    collector: r.collector ?? '',
    handoverId: r.handover_id === null ? null : Number(r.handover_id),
  }));
}

/**
 * The households asked that the user may take money from: fund staff all of them, a building leader
 * those of the buildings his grants cover; sorted as on the roster, searchable by label.
 */
export async function listDriveHouseholds(
  ctx: AuthedCtx,
  driveId: number,
  query: Paging & { q?: string | undefined; buildingId?: number | undefined },
) {
  const { drive, station, own } = await moneyView(ctx, driveId);
  let within = sql``;
  if (own && !can(ctx.user, 'fund.collect', station)) {
    const prefixes = ctx.user.grants
      .filter((g) => g.stationId === station.id && g.path !== null && roleAllows(g.role, 'fund.collect'))
      .map((g) => sql`h.path like ${`${escapeLike(g.path!)}%`}`);
    within = sql`and (${sql.join(prefixes, sql` or `)})`;
  }
  const after = decodeCursor<[string, number]>(query.cursor, ['string', 'number']);
  const rows = await ctx.db.execute<{
    id: number;
    label: string;
    building_id: number;
    sort_key: string;
    pledge: number | null;
    pledge_name: string | null;
    shown: DonorShown | null;
    paid: string;
  }>(sql`
    select h.id, h.label, h.building_id, h.sort_key, pl.amount_fen as pledge, pl.donor_name as pledge_name,
      pl.shown, (select coalesce(sum(p.amount_fen), 0)::text from fund_payments p
                 where p.drive_id = ${drive.id} and p.household_id = h.id) as paid
    from places_households h
    left join fund_pledges pl on pl.drive_id = ${drive.id} and pl.household_id = h.id
    where ${askedHouseholds(drive)} ${within}
      ${query.buildingId ? sql`and h.building_id = ${query.buildingId}` : sql``}
      ${query.q ? sql`and h.label like ${`%${escapeLike(query.q)}%`}` : sql``}
      ${after ? sql`and (h.sort_key, h.id) > (${after[0]}, ${after[1]})` : sql``}
    order by h.sort_key, h.id limit ${query.limit + 1}`);
  return toPage(
    rows.rows,
    query.limit,
    (r) => [r.sort_key, Number(r.id)] as const,
    (r) => ({
      id: Number(r.id),
      label: r.label,
      buildingId: Number(r.building_id),
      pledgeFen: r.pledge === null ? null : Number(r.pledge),
      pledgeName: r.pledge_name,
      shown: r.shown,
      paidFen: fenNumber(BigInt(r.paid)),
    }),
  );
}

/** Cash collected and not yet handed in, by collector: fund staff see everyone's, a collector his own. */
export async function pendingCash(ctx: AuthedCtx, driveId: number) {
  const { drive, post, own } = await moneyView(ctx, driveId);
  const rows = await ctx.db.execute<{
    id: number;
    receipt_no: string;
    household: string;
    amount_fen: number;
    collected_at: Date;
    collected_by: number;
    collector: string | null;
  }>(sql`
    select p.id, p.receipt_no, h.label as household, p.amount_fen, p.collected_at, p.collected_by,
      u.display_name as collector
    from fund_payments p
    join places_households h on h.id = p.household_id
    left join accounts_users u on u.id = p.collected_by
    where p.drive_id = ${drive.id} and p.method = 'cash' and p.handover_id is null
      ${own ? sql`and p.collected_by = ${ctx.user.userId}` : sql``}
    order by p.collected_by, p.id`);
  const byCollector = new Map<
    number,
    { collectorId: number; collector: string; payments: number; total: bigint; items: unknown[] }
  >();
  for (const r of rows.rows) {
    const id = Number(r.collected_by);
    const group = byCollector.get(id) ?? {
      collectorId: id,
      collector: r.collector ?? '',
      payments: 0,
      total: 0n,
      items: [],
    };
    group.payments += 1;
    group.total += BigInt(r.amount_fen);
    group.items.push({
      id: Number(r.id),
      receiptNo: r.receipt_no,
      household: r.household,
      amountFen: Number(r.amount_fen),
      collectedAt: new Date(r.collected_at).toISOString(),
    });
    byCollector.set(id, group);
  }
  return {
    collectors: [...byCollector.values()].map(({ total, ...g }) => ({
      ...g,
      totalFen: fenNumber(total),
      items: g.items as {
        id: number;
        receiptNo: string;
        household: string;
        amountFen: number;
        collectedAt: string;
      }[],
    })),
    canConfirm: post,
  };
}

/** The confirmed hand-overs, newest first: fund staff all, a collector his own. */
export async function listHandovers(ctx: AuthedCtx, driveId: number, query: Paging) {
  const { drive, own } = await moneyView(ctx, driveId);
  const rows = await ctx.db.execute<{
    id: number;
    posting_id: number;
    total_fen: number;
    payments: number;
    collector_id: number;
    collector: string | null;
    received_by: string | null;
    created_at: Date;
  }>(sql`
    select o.id, o.posting_id, o.total_fen, o.payments, o.collector_id, c.display_name as collector,
      r.display_name as received_by, o.created_at
    from fund_handovers o
    left join accounts_users c on c.id = o.collector_id
    left join accounts_users r on r.id = o.received_by
    where o.drive_id = ${drive.id} ${own ? sql`and o.collector_id = ${ctx.user.userId}` : sql``}
      ${newestFirst(sql`o.id`, query)}`);
  return idPage(rows.rows, query, (r) => ({
    id: Number(r.id),
    postingId: Number(r.posting_id),
    totalFen: Number(r.total_fen),
    payments: Number(r.payments),
    collectorId: Number(r.collector_id),
    collector: r.collector ?? '',
    receivedBy: r.received_by ?? '',
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/**
 * A payment's receipt, to print or show on a phone: for the collector who took it, the station's fund
 * staff, and the household's own residents (or whoever acts for them). Anyone else gets 404.
 */
export async function paymentReceipt(ctx: AuthedCtx, paymentId: number) {
  const rows = await ctx.db.execute<{
    id: number;
    station_id: number;
    receipt_no: string;
    amount_fen: number;
    method: PaymentMethod;
    collected_at: Date;
    posting_id: number | null;
    drive_id: number;
    title: string;
    household_id: number;
    household: string;
    payer_name: string;
    collected_by: number;
    collector: string | null;
  }>(sql`
    select p.id, p.station_id, p.receipt_no, p.amount_fen, p.method, p.collected_at, p.posting_id,
      d.id as drive_id, d.title, p.household_id, h.label as household, p.payer_name, p.collected_by,
      u.display_name as collector
    from fund_payments p
    join fund_drives d on d.id = p.drive_id
    join places_households h on h.id = p.household_id
    left join accounts_users u on u.id = p.collected_by
    where p.id = ${paymentId}`);
  const r = rows.rows[0];
  if (!r) throw new AppError('NOT_FOUND');
  const access = await crowdfundingAccess(ctx, Number(r.station_id));
  const allowed =
    access.read ||
    access.post ||
    Number(r.collected_by) === ctx.user.userId ||
    access.homes.some((h) => h.householdId === Number(r.household_id));
  if (!allowed) throw new AppError('NOT_FOUND');
  return {
    id: Number(r.id),
    receiptNo: r.receipt_no,
    amountFen: Number(r.amount_fen),
    method: r.method,
    collectedAt: new Date(r.collected_at).toISOString(),
    posted: r.posting_id !== null,
    drive: { id: Number(r.drive_id), title: r.title },
    stationName: access.station.name,
    household: r.household,
    payerName: r.payer_name,
    collector: r.collector ?? '',
  };
}
