import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { idList } from '../../server/db/client.ts';
import { fenNumber } from '../../shared/money.ts';
import type { Progress } from './crowdfunding.schema.ts';
import type { DriveRow } from './crowdfunding-access.ts';

/**
 * A drive's progress, overall and by building: the households asked (those of its buildings), how many
 * pledged and how many paid at least once, the amounts pledged, paid (cash still with a collector too)
 * and posted to the ledger, and the suggested amount times the households asked. Sums are formed by
 * PostgreSQL and added here as bigints, never as floats.
 */

/** The households a drive asks, as `h` (places_households), for a WHERE clause. */
export const askedHouseholds = (drive: Pick<DriveRow, 'stationId' | 'buildingIds'>) =>
  drive.buildingIds.length === 0
    ? sql`h.station_id = ${drive.stationId}`
    : sql`h.station_id = ${drive.stationId} and h.building_id = any(${idList(drive.buildingIds)})`;

type Row = {
  building_id: number;
  building: string;
  households: number;
  pledged: number;
  paid: number;
  pledged_fen: string;
  paid_fen: string;
  posted_fen: string;
};

export async function driveProgress(
  db: DbOrTx,
  drive: Pick<DriveRow, 'id' | 'stationId' | 'buildingIds' | 'targetFen' | 'suggestedFen'>,
): Promise<Progress> {
  const rows = await db.execute<Row>(sql`
    with pay as (
      select household_id, sum(amount_fen) as fen, coalesce(sum(amount_fen) filter (where posting_id is not null), 0) as posted
      from fund_payments where drive_id = ${drive.id} group by household_id)
    select h.building_id, b.name as building, count(*)::int as households,
      count(pl.household_id)::int as pledged, count(pay.household_id)::int as paid,
      coalesce(sum(pl.amount_fen), 0)::text as pledged_fen, coalesce(sum(pay.fen), 0)::text as paid_fen,
      coalesce(sum(pay.posted), 0)::text as posted_fen
    from places_households h
    join places_buildings b on b.id = h.building_id
    left join fund_pledges pl on pl.drive_id = ${drive.id} and pl.household_id = h.id
    left join pay on pay.household_id = h.id
    where ${askedHouseholds(drive)}
    group by h.building_id, b.name, b.sort_key
    order by b.sort_key, h.building_id`);
  const suggested = BigInt(drive.suggestedFen);
  const total = { households: 0, pledged: 0, paid: 0, pledgedFen: 0n, paidFen: 0n, postedFen: 0n };
  const byBuilding = rows.rows.map((r) => {
    const b = {
      households: Number(r.households),
      pledged: Number(r.pledged),
      paid: Number(r.paid),
      pledgedFen: BigInt(r.pledged_fen),
      paidFen: BigInt(r.paid_fen),
      postedFen: BigInt(r.posted_fen),
    };
    total.households += b.households;
    total.pledged += b.pledged;
    total.paid += b.paid;
    total.pledgedFen += b.pledgedFen;
    total.paidFen += b.paidFen;
    total.postedFen += b.postedFen;
    return {
      buildingId: Number(r.building_id),
      building: r.building,
      households: b.households,
      pledged: b.pledged,
      paid: b.paid,
      pledgedFen: fenNumber(b.pledgedFen),
      paidFen: fenNumber(b.paidFen),
      postedFen: fenNumber(b.postedFen),
      expectedFen: fenNumber(suggested * BigInt(b.households)),
    };
  });
  return {
    households: total.households,
    pledged: total.pledged,
    paid: total.paid,
    pledgedFen: fenNumber(total.pledgedFen),
    paidFen: fenNumber(total.paidFen),
    postedFen: fenNumber(total.postedFen),
    expectedFen: fenNumber(suggested * BigInt(total.households)),
    targetFen: drive.targetFen,
    byBuilding,
  };
}
