import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { users } from '../accounts/index.ts';
import type { AuditActor } from '../audit/index.ts';
import { householdMembers, residents } from '../people/index.ts';
import { stationPlace } from '../places/index.ts';
import { setCategoryHandler, stationCategories } from '../requests/index.ts';
import type { Affiliation, Position } from './composition.ts';
import {
  councilMembers,
  councilTerms,
  portfolios,
  ruleVersions,
  setupSteps,
  stationProfiles,
  stationRooms,
} from './council.tables.ts';

/**
 * The demo station's setup (南江绿苑): its site and rooms, the checklist done, a charter and duty rules,
 * the first council term with the "7+X" of the seeds (7 standing directors, 3 active residents), and
 * 李秀英's portfolios. Deterministic: the roster residents are taken by id. Run inside the demo seed's
 * transaction after the demo accounts exist.
 */

const SEED: AuditActor = { user: null, ip: '127.0.0.1', userAgent: 'linshe seed' };
const TERM = { startsOn: '2024-04-15', endsOn: '2027-04-14' };

interface SeatSpec {
  position: Position;
  affiliations: Affiliation[];
  phone?: string;
}

const ACCOUNT_SEATS: SeatSpec[] = [
  { phone: '13800000003', position: 'chair', affiliations: ['ownersCommittee', 'partyMember'] },
  { phone: '13800000015', position: 'secretaryGeneral', affiliations: ['communityCommittee', 'partyMember'] },
  { phone: '13800000004', position: 'standingDirector', affiliations: ['residentActivist', 'partyMember'] },
];
const RESIDENT_SEATS: SeatSpec[] = [
  { position: 'standingDirector', affiliations: ['buildingLeader'] },
  { position: 'standingDirector', affiliations: ['residentActivist'] },
  { position: 'standingDirector', affiliations: ['propertyManager'] },
  { position: 'standingDirector', affiliations: ['localUnit'] },
  { position: 'activeResident', affiliations: ['residentActivist'] },
  { position: 'activeResident', affiliations: ['buildingLeader'] },
  { position: 'activeResident', affiliations: [] },
];

const CHARTER = `第一条 为推进小区自治，依托南江绿苑小区自治站，实现“自我管理、自我服务、自我教育、自我监督”，制定本章程。
第二条 自治站理事会实行“7+X”结构：常务理事7名（含理事长、秘书长），X为主动参与的热心居民。
第三条 理事会成员中居住在本小区的居民应占成员总数的一半以上。`;
const DUTY = `一、自治站每周一至周六开放，上午9:00—11:00，下午14:00—17:00，由理事会成员和志愿者轮流值班。
二、值班人员记录每一次来访，能当场答复的当场答复，不能答复的登记为诉求并跟踪办理。`;

export async function seedStationsDemo(tx: DbOrTx, input: { stationId: number }) {
  const { stationId } = input;
  await tx.insert(stationProfiles).values({
    stationId,
    site: '南江绿苑小区会所二楼',
    phone: '0574-88120000',
    note: '开放时间：周一至周六 9:00—11:00，14:00—17:00',
  });
  await tx.insert(stationRooms).values([
    { stationId, name: '会客厅', purpose: '接待来访、值班', capacity: 12 },
    { stationId, name: '议事亭', purpose: '居民议事、理事会会议', capacity: 20 },
  ]);
  await tx.insert(setupSteps).values([
    { stationId, step: 'site', doneOn: '2024-03-01' },
    { stationId, step: 'council', doneOn: '2024-04-15' },
    { stationId, step: 'rules', doneOn: '2024-05-10' },
    { stationId, step: 'fitOut', doneOn: '2024-06-01' },
  ]);
  await tx.insert(ruleVersions).values([
    {
      stationId,
      kind: 'charter',
      version: 1,
      title: '南江绿苑小区自治站章程',
      body: CHARTER,
      adoptedBy: '小区居民代表大会',
      adoptedOn: '2024-05-10',
    },
    {
      stationId,
      kind: 'duty',
      version: 1,
      title: '自治站值班制度',
      body: DUTY,
      adoptedBy: '理事会第一次会议',
      adoptedOn: '2024-05-10',
    },
  ]);
  const [term] = await tx
    .insert(councilTerms)
    .values({ stationId, number: 1, ...TERM })
    .returning({ id: councilTerms.id });

  const phones = ACCOUNT_SEATS.map((s) => s.phone!);
  const accounts = await tx
    .select({ id: users.id, name: users.displayName, phone: users.phone })
    .from(users)
    .where(inArray(users.phone, phones));
  // An account that is also a resident here sits as that resident (then they live in the compound).
  const linked = await tx
    .select({ id: residents.id, userId: residents.userId })
    .from(residents)
    .where(
      and(
        eq(residents.stationId, stationId),
        inArray(
          residents.userId,
          accounts.map((a) => a.id),
        ),
      ),
    );
  const roster = await tx
    .selectDistinct({ id: residents.id, name: residents.name })
    .from(residents)
    .innerJoin(householdMembers, eq(householdMembers.residentId, residents.id))
    .where(and(eq(residents.stationId, stationId), isNull(residents.userId)))
    .orderBy(asc(residents.id))
    .limit(RESIDENT_SEATS.length);
  const common = {
    stationId,
    termId: term!.id,
    nominatedBy: '社区党组织',
    nominatedOn: '2024-04-01',
    joinedOn: TERM.startsOn,
  };
  const seats = await tx
    .insert(councilMembers)
    .values([
      ...ACCOUNT_SEATS.flatMap(({ phone, ...seat }) => {
        const account = accounts.find((a) => a.phone === phone);
        if (!account) return [];
        const residentId = linked.find((r) => r.userId === account.id)?.id ?? null;
        return [{ ...common, userId: account.id, residentId, name: account.name, ...seat }];
      }),
      ...roster.map((r, i) => ({ ...common, residentId: r.id, name: r.name, ...RESIDENT_SEATS[i]! })),
    ])
    .returning({ id: councilMembers.id, userId: councilMembers.userId });

  // 李秀英 is in charge of 设施维修 and 绿化: their new requests go to her queue.
  const li = accounts.find((a) => a.phone === '13800000004');
  const liSeat = seats.find((s) => li && s.userId === li.id);
  if (!liSeat || !li) return;
  const held = (await stationCategories(tx, stationId)).filter(
    (c) => c.code === 'repair' || c.code === 'greening',
  );
  const station = await stationPlace(tx, stationId);
  for (const category of held) {
    await tx.insert(portfolios).values({ stationId, memberId: liSeat.id, categoryId: category.id });
    await setCategoryHandler(tx, SEED, {
      categoryId: category.id,
      stationId,
      path: station.path,
      handlerUserId: li.id,
    });
  }
}
