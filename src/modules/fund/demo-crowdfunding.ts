import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { idList } from '../../server/db/client.ts';
import { users } from '../accounts/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { votes } from '../deliberation/index.ts';
import { buildings, stationPlace } from '../places/index.ts';
import { chinaDate } from '../stations/index.ts';
import { fundDrives, fundHandovers, fundPayments, fundPledges } from './crowdfunding.tables.ts';
import { donorLabel, receiptNo } from './donor-mask.ts';
import { fundAccounts } from './fund.tables.ts';
import { generalAccount, outsideAccount } from './fund.ts';
import { writePosting } from './ledger.ts';

/**
 * The demo's crowdfunding at 南江绿苑: the e-bike charging shed the closed households' vote placed, asked
 * of 3幢 and 4幢 (100 yuan a household, target 8,000 yuan). Six households pledged; the chair collected
 * cash from three door to door, which the secretary-general counted and confirmed (one posting), and one
 * paid at the desk; one more household's cash is still with the chair, waiting to be handed in.
 * Call after seedVotesDemo and seedFundDemo, in the seed's transaction.
 */

const SYSTEM: AuditActor = { user: null, ip: '127.0.0.1', userAgent: 'linshe seed' };
const DAY = 86_400_000;
const TITLE = '电动车充电棚建设众筹';

export async function seedCrowdfundingDemo(tx: DbOrTx, stationId: number, now = new Date()): Promise<void> {
  const byPhone = async (phone: string) =>
    (await tx.select({ id: users.id }).from(users).where(eq(users.phone, phone)))[0]?.id ?? null;
  const chair = await byPhone('13800000003');
  const secretary = await byPhone('13800000015');
  if (chair === null || secretary === null) return;
  const asked = await tx
    .select({ id: buildings.id })
    .from(buildings)
    .where(and(eq(buildings.stationId, stationId), inArray(buildings.name, ['3幢', '4幢'])))
    .orderBy(buildings.sortKey, buildings.id);
  if (asked.length === 0) return;
  const [shed] = await tx
    .select({ id: votes.id })
    .from(votes)
    .where(and(eq(votes.stationId, stationId), eq(votes.title, '电动车充电棚选址')));
  await generalAccount(tx, stationId);
  const [account] = await tx
    .insert(fundAccounts)
    .values({
      stationId,
      kind: 'earmarked',
      name: `众筹：${TITLE}`,
      purpose: '按表决结果建设电动车集中充电棚，3幢、4幢住户自愿出资',
      createdBy: chair,
    })
    .returning({ id: fundAccounts.id });
  const [drive] = await tx
    .insert(fundDrives)
    .values({
      stationId,
      accountId: account!.id,
      title: TITLE,
      purpose: '按“电动车充电棚选址”表决结果，在选定位置建设集中充电棚（含充电桩 12 个、雨棚和消防器材）。',
      targetFen: 800_000,
      suggestedFen: 10_000,
      deadline: chinaDate(new Date(now.getTime() + 30 * DAY)),
      buildingIds: asked.map((b) => b.id),
      voteId: shed?.id ?? null,
      createdBy: chair,
      createdAt: new Date(now.getTime() - 7 * DAY),
    })
    .returning();
  const homes = await tx.execute<{ id: number; name: string; building: string; unit: string }>(sql`
    select h.id, r.name, b.name as building, u.name as unit
    from places_households h
    join places_buildings b on b.id = h.building_id
    join places_units u on u.id = h.unit_id
    join people_household_members m on m.household_id = h.id and m.is_voter
    join people_residents r on r.id = m.resident_id
    where h.building_id = ${asked[0]!.id}
    order by h.sort_key, h.id limit 6`);
  const shown = ['masked', 'full', 'masked', 'anonymous', 'masked', 'masked'] as const;
  const income = await outsideAccount(tx, stationId, 'income', 'crowdfunding');
  let seq = 0;
  const cash: number[] = [];
  for (const [i, h] of homes.rows.entries()) {
    const householdId = Number(h.id);
    const amountFen = i === 1 ? 20_000 : 10_000;
    await tx.insert(fundPledges).values({
      stationId,
      driveId: drive!.id,
      householdId,
      amountFen,
      donorName: h.name,
      shown: shown[i]!,
      enteredBy: chair,
    });
    if (i >= 5) continue;
    seq += 1;
    const desk = i === 3;
    let postingId: number | null = null;
    if (desk) {
      postingId = (
        await writePosting(tx, stationId, chair, {
          kind: 'income',
          source: 'crowdfunding',
          counterparty: donorLabel({ ...h, shown: shown[i]! }),
          memo: `众筹「${TITLE}」值班台收款，收据 ${receiptNo(drive!.id, seq)}`,
          occurredOn: chinaDate(new Date(now.getTime() - 3 * DAY)),
          entries: [
            { accountId: account!.id, amountFen: BigInt(amountFen) },
            { accountId: income, amountFen: -BigInt(amountFen) },
          ],
        })
      ).id;
    }
    const [payment] = await tx
      .insert(fundPayments)
      .values({
        stationId,
        driveId: drive!.id,
        householdId,
        amountFen,
        method: desk ? 'desk' : 'cash',
        receiptNo: receiptNo(drive!.id, seq),
        payerName: h.name,
        shown: shown[i]!,
        collectedBy: chair,
        collectedAt: new Date(now.getTime() - (5 - i) * DAY),
        postingId,
      })
      .returning({ id: fundPayments.id });
    if (!desk && i < 3) cash.push(payment!.id);
  }
  if (cash.length > 0) {
    const total = await tx.execute<{ fen: string }>(
      sql`select sum(amount_fen)::text as fen from fund_payments where id = any(${idList(cash)})`,
    );
    const fen = BigInt(total.rows[0]!.fen);
    const posting = await writePosting(tx, stationId, secretary, {
      kind: 'income',
      source: 'crowdfunding',
      counterparty: '王建国（入户收款）',
      memo: `众筹「${TITLE}」现金上交 ${cash.length} 笔`,
      occurredOn: chinaDate(new Date(now.getTime() - DAY)),
      entries: [
        { accountId: account!.id, amountFen: fen },
        { accountId: income, amountFen: -fen },
      ],
    });
    const [handover] = await tx
      .insert(fundHandovers)
      .values({
        stationId,
        driveId: drive!.id,
        collectorId: chair,
        totalFen: Number(fen),
        payments: cash.length,
        receivedBy: secretary,
        postingId: posting.id,
      })
      .returning({ id: fundHandovers.id });
    await tx
      .update(fundPayments)
      .set({ handoverId: handover!.id, postingId: posting.id })
      .where(sql`${fundPayments.id} = any(${idList(cash)})`);
  }
  await recordAudit(tx, SYSTEM, {
    action: 'demo.seed.crowdfunding',
    subjectType: 'fundDrive',
    subjectId: drive!.id,
    stationId,
    path: (await stationPlace(tx, stationId)).path,
    summary: { pledges: homes.rows.length, payments: seq },
  });
}
