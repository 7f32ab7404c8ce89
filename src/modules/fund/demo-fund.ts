import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { fenNumber } from '../../shared/money.ts';
import { users } from '../accounts/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { buildings, stationPlace } from '../places/index.ts';
import { chinaDate } from '../stations/index.ts';
import { fundDrives, fundPayments } from './crowdfunding.tables.ts';
import { donorLabel, receiptNo } from './donor-mask.ts';
import { fundAccounts, type IncomeSource } from './fund.tables.ts';
import { generalAccount, outsideAccount } from './fund.ts';
import { writePosting } from './ledger.ts';

/**
 * The demo fund at 南江绿苑, after the seeds: the street's and the community's money and a public-welfare
 * venture grant in the general fund, the stairwell doors' crowdfunding drive of 1幢 with its earmarked account
 * (300 yuan a household; the first 12 households paid at the desk, each with its receipt), one expense for
 * replanting and one reversed by mistake.
 * Posted by the chair through the ledger's one writer, so the chain is real and `linshe fund verify` holds.
 */

const SYSTEM: AuditActor = { user: null, ip: '127.0.0.1', userAgent: 'linshe seed' };
const DAY = 86_400_000;
const CHAIR = '13800000003';

export async function seedFundDemo(tx: DbOrTx, stationId: number, now = new Date()): Promise<void> {
  const [chair] = await tx.select({ id: users.id }).from(users).where(eq(users.phone, CHAIR));
  const by = chair?.id ?? null;
  const day = (ago: number) => chinaDate(new Date(now.getTime() - ago * DAY));
  const general = await generalAccount(tx, stationId);
  const [doors] = await tx
    .insert(fundAccounts)
    .values({
      stationId,
      kind: 'earmarked',
      name: '众筹：1幢单元防盗门更换众筹',
      purpose: '更换 1幢 各单元防盗门：居民每户出资 300 元，其余由自治站与业委会共同筹集',
      createdBy: by,
    })
    .returning({ id: fundAccounts.id });
  const expenses = await outsideAccount(tx, stationId, 'expense', null);
  const income = async (
    into: number,
    source: IncomeSource,
    fen: bigint,
    counterparty: string,
    memo: string,
    ago: number,
  ) => {
    const from = await outsideAccount(tx, stationId, 'income', source);
    return writePosting(tx, stationId, by, {
      kind: 'income',
      source,
      counterparty,
      memo,
      occurredOn: day(ago),
      entries: [
        { accountId: into, amountFen: fen },
        { accountId: from, amountFen: -fen },
      ],
    });
  };
  await income(general, 'street', 2_000_000n, '石碶街道办事处', '2026 年度小区自治站运行经费', 60);
  await income(general, 'communityBuilding', 800_000n, '汪源社区', '社区建设经费配备', 45);
  await income(general, 'venture', 1_500_000n, '鄞州区社区公益创投', '“楼道微改造”公益创投项目资助', 30);
  // The doors' crowdfunding drive of 1幢: twelve households paid 300 yuan each at the desk, so far.
  const [building1] = await tx
    .select({ id: buildings.id })
    .from(buildings)
    .where(and(eq(buildings.stationId, stationId), eq(buildings.name, '1幢')));
  const homes = await tx.execute<{ id: string; name: string; building: string; unit: string }>(sql`
    select h.id, r.name, b.name as building, u.name as unit
    from places_households h
    join places_buildings b on b.id = h.building_id
    join places_units u on u.id = h.unit_id
    join people_household_members m on m.household_id = h.id and m.is_voter
    join people_residents r on r.id = m.resident_id
    where h.building_id = ${building1?.id ?? 0}
    order by h.sort_key, h.id`);
  if (building1 && by !== null) {
    const [drive] = await tx
      .insert(fundDrives)
      .values({
        stationId,
        accountId: doors!.id,
        title: '1幢单元防盗门更换众筹',
        purpose: '更换 1幢 各单元防盗门：居民每户出资 300 元，其余由自治站与业委会共同筹集。',
        targetFen: fenNumber(30_000n * BigInt(homes.rows.length)),
        suggestedFen: 30_000,
        deadline: chinaDate(new Date(now.getTime() + 14 * DAY)),
        buildingIds: [building1.id],
        createdBy: by,
        createdAt: new Date(now.getTime() - 27 * DAY),
      })
      .returning({ id: fundDrives.id });
    for (const [i, h] of homes.rows.slice(0, 12).entries()) {
      const label = donorLabel({ ...h, shown: 'masked' });
      const posting = await income(
        doors!.id,
        'crowdfunding',
        30_000n,
        label,
        `众筹「1幢单元防盗门更换」值班台收款，收据 ${receiptNo(drive!.id, i + 1)}`,
        25 - i,
      );
      await tx.insert(fundPayments).values({
        stationId,
        driveId: drive!.id,
        householdId: Number(h.id),
        amountFen: 30_000,
        method: 'desk',
        receiptNo: receiptNo(drive!.id, i + 1),
        payerName: h.name,
        shown: 'masked',
        collectedBy: by,
        collectedAt: new Date(now.getTime() - (25 - i) * DAY),
        postingId: posting.id,
      });
    }
  }
  const replant = await writePosting(tx, stationId, by, {
    kind: 'expense',
    counterparty: '宁波绿景园艺',
    memo: '中心花坛补种月季和麦冬',
    occurredOn: day(10),
    entries: [
      { accountId: general, amountFen: -128_050n },
      { accountId: expenses, amountFen: 128_050n },
    ],
  });
  const wrong = await writePosting(tx, stationId, by, {
    kind: 'expense',
    counterparty: '宁波绿景园艺',
    memo: '中心花坛补种月季和麦冬（重复录入）',
    occurredOn: day(10),
    entries: [
      { accountId: general, amountFen: -128_050n },
      { accountId: expenses, amountFen: 128_050n },
    ],
  });
  await writePosting(tx, stationId, by, {
    kind: 'reversal',
    counterparty: '宁波绿景园艺',
    memo: '冲销重复录入的补种支出',
    occurredOn: day(9),
    reversesId: wrong.id,
    entries: [
      { accountId: general, amountFen: 128_050n },
      { accountId: expenses, amountFen: -128_050n },
    ],
  });
  await recordAudit(tx, SYSTEM, {
    action: 'demo.seed.fund',
    subjectType: 'station',
    subjectId: stationId,
    stationId,
    path: (await stationPlace(tx, stationId)).path,
    summary: { crowdfunding: Math.min(12, homes.rows.length), replant: replant.id },
  });
}
