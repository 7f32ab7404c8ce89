import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../server/db/client.ts';
import { hashPassword, type Role, roleGrants, users } from '../accounts/index.ts';
import { type AuditActor, recordAudit } from '../audit/index.ts';
import { seedConventionsDemo, seedVotesDemo } from '../deliberation/index.ts';
import { seedCrowdfundingDemo, seedFundDemo, seedProjectsDemo } from '../fund/index.ts';
import { seedDemoKey } from '../open311/index.ts';
import { type RosterRow, residents, writeRoster } from '../people/index.ts';
import { areas, buildings, insertArea, insertCompound, insertStation } from '../places/index.ts';
import { seedDuty, seedField, seedStationsDemo } from '../stations/index.ts';

/**
 * The demo install, from the seeds: 宁波市 → 鄞州区 → 石碶街道 → 汪源社区 with its four compounds
 * (1,516 households; 南江绿苑 has 494), plus compounds named elsewhere in the seeds
 * (镇海区招宝山街道顺隆社区工农小区, 余姚市梨洲街道花园社区春澜璟园小区), and an account for every role.
 */

export const DEMO_PASSWORD = 'linshe123';

export interface DemoAccount {
  phone: string;
  name: string;
  role: Role | null;
  scope: string;
}

/** Deterministic pseudo-random numbers (mulberry32), so the demo and synthetic data repeat exactly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁宋谢唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志海波宁慧琴云飞亮';

/** Rows of a synthetic roster: `households` rooms over buildings of 2 units × 6 floors × 2 rooms. */
export function syntheticRoster(households: number, seed: number): RosterRow[] {
  const rand = prng(seed);
  const pick = (s: string) => s[Math.floor(rand() * s.length)]!;
  const rows: RosterRow[] = [];
  for (let i = 0; i < households; i++) {
    const building = `${Math.floor(i / 24) + 1}幢`;
    const unit = `${(Math.floor(i / 12) % 2) + 1}单元`;
    const floor = (Math.floor(i / 2) % 6) + 1;
    const room = `${floor}0${(i % 2) + 1}`;
    const areaCm2 = 6000 + Math.floor(rand() * 8000);
    const surname = pick(SURNAMES);
    const line = rows.length + 2;
    const phone = `139${String(seed % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`;
    rows.push({
      line,
      building,
      unit,
      room,
      areaCm2,
      name: `${surname}${pick(GIVEN)}${pick(GIVEN)}`,
      phone,
      relation: 'owner',
      isVoter: true,
      idNumber: null,
      birthYear: 1940 + Math.floor(rand() * 60),
    });
    if (rand() < 0.5) {
      rows.push({
        line: line + 1,
        building,
        unit,
        room,
        areaCm2,
        name: `${surname}${pick(GIVEN)}`,
        phone: null,
        relation: 'member',
        isVoter: false,
        idNumber: null,
        birthYear: 1960 + Math.floor(rand() * 60),
      });
    }
  }
  return rows;
}

const SYSTEM: AuditActor = { user: null, ip: '127.0.0.1', userAgent: 'linshe seed' };

export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(areas);
  return (rows[0]?.n ?? 0) === 0;
}

interface Tree {
  [name: string]:
    | Tree
    | { households: number; kind?: 'service' | 'mutualAid' | 'team'; stage?: 'preparing' | 'operating' };
}

const DEMO_TREE: Tree = {
  宁波市: {
    鄞州区: {
      石碶街道: {
        汪源社区: {
          南江绿苑: { households: 494, stage: 'operating' },
          旺源雅苑: { households: 400 },
          恒业小区: { households: 322 },
          文和阳光雅居: { households: 300 },
        },
      },
    },
    镇海区: {
      招宝山街道: { 顺隆社区: { 工农小区: { households: 120, kind: 'mutualAid', stage: 'operating' } } },
    },
    余姚市: { 梨洲街道: { 花园社区: { 春澜璟园: { households: 96, kind: 'team' } } } },
  },
};
const LEVELS = ['city', 'district', 'street', 'community'] as const;

async function buildTree(
  tx: DbOrTx,
  tree: Tree,
  parent: { id: number | null; path: string; depth: number },
  ids: Map<string, { id: number; path: string; stationId?: number }>,
  seed: { n: number },
) {
  for (const [name, node] of Object.entries(tree)) {
    if ('households' in node && typeof node.households === 'number') {
      const spec = node as {
        households: number;
        kind?: 'service' | 'mutualAid' | 'team';
        stage?: 'preparing' | 'operating';
      };
      const stationId = await insertStation(tx, {
        areaId: parent.id!,
        areaPath: parent.path,
        name: `${name}小区自治站`,
        kind: spec.kind ?? 'service',
        stage: spec.stage ?? 'preparing',
      });
      const compoundId = await insertCompound(tx, {
        stationId,
        areaId: parent.id!,
        areaPath: parent.path,
        name,
        address: null,
      });
      const path = `${parent.path}c${compoundId}/`;
      ids.set(name, { id: compoundId, path, stationId });
      seed.n += 1;
      await writeRoster(tx, SYSTEM, {
        compound: { id: compoundId, stationId, path },
        fileName: 'demo',
        rows: syntheticRoster(spec.households, seed.n),
        importedBy: 0,
      });
      continue;
    }
    const level = LEVELS[parent.depth]!;
    const id = await insertArea(tx, {
      parentId: parent.id,
      parentPath: parent.path,
      level,
      name,
      code: null,
    });
    const path = `${parent.path}${id}/`;
    ids.set(name, { id, path });
    await buildTree(tx, node as Tree, { id, path, depth: parent.depth + 1 }, ids, seed);
  }
}

export async function seedDemo(db: Db): Promise<DemoAccount[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const ids = new Map<string, { id: number; path: string; stationId?: number }>();
    await buildTree(tx, DEMO_TREE, { id: null, path: '/', depth: 0 }, ids, { n: 0 });
    const nanjiang = ids.get('南江绿苑')!;
    const [building1] = await tx
      .select()
      .from(buildings)
      .where(sql`${buildings.compoundId} = ${nanjiang.id} and ${buildings.name} = '1幢'`);
    const at = (name: string) => ({ stationId: null, path: ids.get(name)!.path, scopeName: name });
    const station = { stationId: nanjiang.stationId!, path: null, scopeName: '南江绿苑小区自治站' };
    const accounts: (DemoAccount & {
      grant: { stationId: number | null; path: string | null; scopeName: string } | null;
    })[] = [
      {
        phone: '13800000001',
        name: '平台管理员',
        role: 'platformAdmin',
        scope: '全平台',
        grant: { stationId: null, path: '/', scopeName: '全平台' },
      },
      {
        phone: '13800000002',
        name: '陈诗园',
        role: 'socialWorker',
        scope: '汪源社区',
        grant: at('汪源社区'),
      },
      { phone: '13800000003', name: '王建国', role: 'chair', scope: '南江绿苑小区自治站', grant: station },
      {
        phone: '13800000004',
        name: '李秀英',
        role: 'councilMember',
        scope: '南江绿苑小区自治站',
        grant: station,
      },
      {
        phone: '13800000005',
        name: '张海波',
        role: 'buildingLeader',
        scope: '南江绿苑 1幢',
        grant: { stationId: nanjiang.stationId!, path: building1!.path, scopeName: '南江绿苑 1幢' },
      },
      {
        phone: '13800000006',
        name: '物业赵经理',
        role: 'propertyStaff',
        scope: '南江绿苑小区自治站',
        grant: station,
      },
      {
        phone: '13800000007',
        name: '业委会刘主任',
        role: 'ownersCommittee',
        scope: '南江绿苑小区自治站',
        grant: station,
      },
      {
        phone: '13800000008',
        name: '网格员周敏',
        role: 'gridWorker',
        scope: '汪源社区',
        grant: at('汪源社区'),
      },
      {
        phone: '13800000009',
        name: '街道吴科长',
        role: 'streetOfficer',
        scope: '石碶街道',
        grant: at('石碶街道'),
      },
      {
        phone: '13800000012',
        name: '区民政局郑科长',
        role: 'districtOfficer',
        scope: '鄞州区',
        grant: at('鄞州区'),
      },
      {
        phone: '13800000013',
        name: '市民政局孙处长',
        role: 'cityOfficer',
        scope: '宁波市',
        grant: at('宁波市'),
      },
      { phone: '13800000014', name: '专家何老师', role: 'expert', scope: '鄞州区', grant: at('鄞州区') },
      {
        phone: '13800000015',
        name: '秘书长许静',
        role: 'secretaryGeneral',
        scope: '南江绿苑小区自治站',
        grant: station,
      },
      {
        phone: '13800000010',
        name: '林阿姨',
        role: 'resident',
        scope: '南江绿苑 1幢1单元101（已认证）',
        grant: station,
      },
      { phone: '13800000011', name: '新住户小马', role: null, scope: '未认证居民', grant: null },
    ];
    for (const a of accounts) {
      const [user] = await tx
        .insert(users)
        .values({ phone: a.phone, passwordHash, displayName: a.name })
        .returning({ id: users.id });
      if (a.grant) await tx.insert(roleGrants).values({ userId: user!.id, role: a.role!, ...a.grant });
      if (a.phone === '13800000010') {
        // The verified demo resident is the roster's owner of 1幢1单元101.
        await tx.execute(sql`update ${residents} r set user_id = ${user!.id}, verified_at = now(), name = ${a.name}, phone = ${a.phone}
          from people_household_members m join places_households h on h.id = m.household_id
          where m.resident_id = r.id and m.is_voter and h.compound_id = ${nanjiang.id} and h.label = '1幢1单元101'`);
      }
    }
    // The demo Open311 client key `demo-open311-key` (DEMO_KEY), for 南江绿苑's station only.
    await seedDemoKey(tx, nanjiang.stationId!);
    // The station itself: profile, rooms, checklist, rules, the council and its portfolios; then the duty desk.
    await seedStationsDemo(tx, { stationId: nanjiang.stationId! });
    await seedDuty(tx, nanjiang.stationId!);
    // Patrols and the visit list: the community's social worker walks 南江绿苑.
    await seedField(tx);
    // Votes: an open owners' vote (stairwell doors) and a closed households' vote (the charging shed).
    await seedVotesDemo(tx, nanjiang.stationId!);
    // A convention in force, 《南江绿苑文明养犬公约》, adopted by a third (closed, passed) vote; one breach.
    await seedConventionsDemo(tx, nanjiang.stationId!);
    // The fund: the street's, the community's and a venture grant, the stairwell doors' crowdfunding, spending.
    await seedFundDemo(tx, nanjiang.stationId!);
    // A second drive: the e-bike charging shed the closed vote placed, with cash collected door to door.
    await seedCrowdfundingDemo(tx, nanjiang.stationId!);
    // A project under way from a decided topic, its budget approved at the chair's level.
    await seedProjectsDemo(tx, nanjiang.stationId!);
    await recordAudit(tx, SYSTEM, {
      action: 'demo.seed',
      subjectType: 'install',
      path: '/',
      summary: { accounts: accounts.length },
    });
    return accounts.map(({ grant: _grant, ...a }) => a);
  });
}
