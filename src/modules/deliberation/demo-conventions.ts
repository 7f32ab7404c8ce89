import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { users } from '../accounts/index.ts';
import type { AuditActor } from '../audit/index.ts';
import { compounds } from '../places/index.ts';
import { chinaDate } from '../stations/index.ts';
import { breaches, conventions, conventionVersions } from './conventions.tables.ts';
import { snapshotElectorate } from './electorate.ts';
import { votes } from './votes.tables.ts';
import { closeVoteIn } from './votes.ts';

/**
 * The demo's convention at 南江绿苑: 《南江绿苑文明养犬公约》, adopted by the households' yes / no vote
 * (closed and passed; inserted after the demo's two other votes, so theirs keep ids 1 and 2), published as
 * version 1, with one breach recorded and not yet referred.
 */

const SYSTEM: AuditActor = { user: null, ip: '127.0.0.1', userAgent: 'linshe seed' };
const DAY = 86_400_000;

export const DEMO_CONVENTION_TITLE = '南江绿苑文明养犬公约';

const TEXT = `为营造文明、安全、整洁的居住环境，经居民议事协商并表决通过，制定本公约。

第一条　养犬居民应按规定为犬只办理登记、接种狂犬疫苗，并佩戴犬牌。
第二条　携犬出户须束犬链（长度不超过 1.5 米）并由成年人牵领；大型犬须戴嘴套。
第三条　犬只不得进入儿童游乐区、健身区和单元楼道内停留；乘坐电梯时请主动避让他人。
第四条　犬只在公共区域排泄的，牵领人应当即清理粪便。
第五条　22:00 至次日 7:00 请约束犬只，避免吠叫扰邻。
第六条　不得在小区内遗弃、虐待犬只，不得饲养禁养犬只。
第七条　违反本公约的，由楼组长、自治站劝导提醒；劝导无效或情节严重的，移交综合执法等部门依法处理。

本公约自公布之日起施行，由南江绿苑小区自治站负责解释。`;

export async function seedConventionsDemo(tx: DbOrTx, stationId: number, now = new Date()): Promise<void> {
  const [chair] = await tx.select({ id: users.id }).from(users).where(eq(users.phone, '13800000003'));
  const compoundIds = (
    await tx.select({ id: compounds.id }).from(compounds).where(eq(compounds.stationId, stationId))
  ).map((c) => c.id);
  const [vote] = await tx
    .insert(votes)
    .values({
      stationId,
      scope: 'compounds',
      scopeIds: compoundIds,
      createdBy: chair!.id,
      title: `通过《${DEMO_CONVENTION_TITLE}》`,
      body: '经居民议事会两次讨论修改，提请全体住户表决通过《南江绿苑文明养犬公约》。',
      electorate: 'households',
      method: 'yesNo',
      rule: 'simpleMajority',
      closesAt: new Date(now.getTime() + DAY),
    })
    .returning();
  await snapshotElectorate(tx, vote!, chinaDate(new Date(now.getTime() - 15 * DAY)));
  await tx
    .update(votes)
    .set({ status: 'open', openedAt: new Date(now.getTime() - 15 * DAY) })
    .where(eq(votes.id, vote!.id));
  // Half the households vote, online; four in five of them agree, a few abstain.
  await tx.execute(sql`insert into deliberation_ballots
      (station_id, vote_id, elector_id, choices, channel, cast_by, receipt_hash)
    select ${stationId}, ${vote!.id}, e.id,
      case when e.id % 10 = 0 then '{}'::text[] when e.id % 5 = 1 then array['no'] else array['yes'] end,
      'online'::deliberation_ballot_channel,
      ${chair!.id}, encode(sha256(convert_to('demo-convention-receipt-' || e.id, 'UTF8')), 'hex')
    from deliberation_electors e where e.vote_id = ${vote!.id} and e.id % 2 = 0`);
  // Closed at its closing time: now, once the ballots are in (the database takes none after it).
  await tx.update(votes).set({ closesAt: now }).where(eq(votes.id, vote!.id));
  const result = await closeVoteIn(tx, SYSTEM, vote!.id);
  if (!result.passed) throw new Error('the demo convention’s vote did not pass');

  const [convention] = await tx
    .insert(conventions)
    .values({ stationId, title: DEMO_CONVENTION_TITLE, createdBy: chair!.id })
    .returning({ id: conventions.id });
  await tx.insert(conventionVersions).values({
    stationId,
    conventionId: convention!.id,
    version: 1,
    body: TEXT,
    status: 'published',
    voteId: vote!.id,
    publishedAt: now,
    createdBy: chair!.id,
  });
  await tx.insert(breaches).values({
    stationId,
    conventionId: convention!.id,
    version: 1,
    occurredOn: chinaDate(now),
    place: '3幢北侧绿化带',
    description: '一只中型犬未束犬链在绿化带内奔跑、便溺，牵领人未清理，经楼组长劝导后仍未改正。',
    reportedBy: chair!.id,
  });
}
