import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { users } from '../accounts/index.ts';
import type { AuditActor } from '../audit/index.ts';
import { compounds } from '../places/index.ts';
import { chinaDate } from '../stations/index.ts';
import { snapshotElectorate } from './electorate.ts';
import { voteOptions, votes } from './votes.tables.ts';
import { closeVoteIn } from './votes.ts';

/**
 * The demo's votes at 南江绿苑 (the seeds' "通过3次居民议事，确定防盗门更换方案"): an open owners' vote on
 * replacing the stairwell doors under the Civil Code's ordinary rule, with no ballots yet (林阿姨 can vote),
 * and a closed households' vote choosing where the e-bike charging shed goes, with ballots from every
 * channel, counted and frozen.
 */

const SYSTEM: AuditActor = { user: null, ip: '127.0.0.1', userAgent: 'linshe seed' };
const DAY = 86_400_000;

export async function seedVotesDemo(tx: DbOrTx, stationId: number, now = new Date()): Promise<void> {
  const [chair] = await tx.select({ id: users.id }).from(users).where(eq(users.phone, '13800000003'));
  const compoundIds = (
    await tx.select({ id: compounds.id }).from(compounds).where(eq(compounds.stationId, stationId))
  ).map((c) => c.id);
  const base = {
    stationId,
    scope: 'compounds' as const,
    scopeIds: compoundIds,
    createdBy: chair!.id,
  };
  const [doors] = await tx
    .insert(votes)
    .values({
      ...base,
      title: '单元防盗门更换方案',
      body: '经三次居民议事，拟将各单元老旧防盗门统一更换为带门禁的不锈钢防盗门，费用由自治基金和居民众筹共同承担。',
      electorate: 'owners',
      method: 'yesNo',
      rule: 'civilCode278Ordinary',
      closesAt: new Date(now.getTime() + 14 * DAY),
    })
    .returning();
  await snapshotElectorate(tx, doors!, chinaDate(now));
  await tx.update(votes).set({ status: 'open', openedAt: now }).where(eq(votes.id, doors!.id));

  const [shed] = await tx
    .insert(votes)
    .values({
      ...base,
      title: '电动车充电棚选址',
      body: '在两处候选位置中选一处建设电动车集中充电棚。',
      electorate: 'households',
      method: 'single',
      rule: 'simpleMajority',
      closesAt: new Date(now.getTime() + DAY),
    })
    .returning();
  const options = await tx
    .insert(voteOptions)
    .values([
      { stationId, voteId: shed!.id, position: 0, label: '北门绿化带旁' },
      { stationId, voteId: shed!.id, position: 1, label: '3幢与4幢之间空地' },
    ])
    .returning({ id: voteOptions.id });
  await snapshotElectorate(tx, shed!, chinaDate(now));
  await tx
    .update(votes)
    .set({ status: 'open', openedAt: new Date(now.getTime() - 7 * DAY) })
    .where(eq(votes.id, shed!.id));
  // Six households in ten vote: mostly online, some on paper at the desk, some door to door; a few abstain.
  const [north, between] = options.map((o) => String(o.id));
  await tx.execute(sql`insert into deliberation_ballots
      (station_id, vote_id, elector_id, choices, channel, cast_by, receipt_hash)
    select ${stationId}, ${shed!.id}, e.id,
      case when e.id % 10 = 0 then '{}'::text[] when e.id % 3 = 0 then array[${north}] else array[${between}] end,
      (case when e.id % 5 = 1 then 'paper' when e.id % 5 = 2 then 'door' else 'online' end)::deliberation_ballot_channel,
      ${chair!.id}, encode(sha256(convert_to('demo-receipt-' || e.id, 'UTF8')), 'hex')
    from deliberation_electors e where e.vote_id = ${shed!.id} and e.id % 10 < 6`);
  await closeVoteIn(tx, SYSTEM, shed!.id);
}
