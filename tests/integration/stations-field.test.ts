import { and, count, eq, gte } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/modules/audit/audit.tables.ts';
import { requestPhotos, requests } from '../../src/modules/requests/requests.tables.ts';
import { seedField } from '../../src/modules/stations/demo-field.ts';
import { addDays, chinaDate as chinaDay } from '../../src/modules/stations/duty-time.ts';
import {
  patrolFindings,
  patrols,
  patrolTemplates,
  visitRecords,
  visitTargets,
  workerAssignments,
} from '../../src/modules/stations/field.tables.ts';
import { fieldFigureSet } from '../../src/modules/stations/field-figures.ts';
import { makeCity } from '../support/factories.ts';
import { makeUser, PASSWORD, type TestContext, useTestApp } from '../support/harness.ts';
import {
  areaPath,
  cameraPhoto,
  demoCompound,
  hasChinese,
  uploadFindingPhoto,
  userIdOf,
} from '../support/stations-field.ts';

// On the demo: 南江绿苑's station; the grid worker 周敏 (13800000008, granted on 汪源社区) is assigned
// to 南江绿苑 here and walks its patrols; its chair (13800000003) and a fresh social worker of the
// community; the others (admin, street officer, council member, secretary, resident) must not see visits.
let t: TestContext;
let nj: Awaited<ReturnType<typeof demoCompound>>;
let otherStationId: number;
const as: Record<string, string> = {};
let workerId: number;
let councilId: number;

const api = (path: string) => `/api/v1${path}`;
const rows = async (table: PgTable) => (await t.db.select({ n: count() }).from(table))[0]!.n;

beforeAll(async () => {
  t = await useTestApp({ demo: true });
  nj = await demoCompound(t.db, '南江绿苑');
  otherStationId = (await demoCompound(t.db, '恒业小区')).stationId;
  const community = await areaPath(t.db, '汪源社区');
  await makeUser(t, { phone: '13900000101', role: 'chair', stationId: otherStationId });
  await makeUser(t, { phone: '13900000102', role: 'socialWorker', path: community });
  for (const [who, phone] of Object.entries({
    admin: '13800000001',
    social: '13800000002',
    chair: '13800000003',
    council: '13800000004',
    worker: '13800000008',
    street: '13800000009',
    resident: '13800000010',
    secretary: '13800000015',
  })) {
    as[who] = await t.login(phone);
  }
  as.otherChair = await t.login('13900000101', PASSWORD);
  as.freshSocial = await t.login('13900000102', PASSWORD);
  workerId = await userIdOf(t.db, '13800000008');
  councilId = await userIdOf(t.db, '13800000004');
});

describe('worker assignments', () => {
  it('require authentication and reject bad input, changing nothing', async () => {
    const url = api(`/stations/${nj.stationId}/worker-assignments`);
    expect((await t.call('GET', url)).statusCode).toBe(401);
    expect((await t.call('POST', url, undefined, {})).statusCode).toBe(401);
    expect((await t.call('DELETE', api('/worker-assignments/1'))).statusCode).toBe(401);
    const before = await rows(workerAssignments);
    const bad = await t.call('POST', url, as.chair, { compoundId: 'x', userId: -1, since: '2026-13-40' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.compoundId', 'body.since', 'body.userId']);
    expect(bad.json().errors.every((e: { message: string }) => hasChinese(e.message))).toBe(true);
    const elsewhere = (await demoCompound(t.db, '恒业小区')).id;
    const wrongCompound = await t.call('POST', url, as.chair, { compoundId: elsewhere, userId: workerId });
    expect(wrongCompound.json().errors[0]).toMatchObject({
      path: 'compoundId',
      message: '该小区不属于本自治站',
    });
    const notAWorker = await t.call('POST', url, as.chair, { compoundId: nj.id, userId: councilId });
    expect(notAWorker.statusCode).toBe(400);
    expect(notAWorker.json().errors[0].path).toBe('userId');
    expect((await t.call('POST', url, as.council, { compoundId: nj.id, userId: workerId })).statusCode).toBe(
      403,
    );
    expect((await t.call('POST', url, as.resident, { compoundId: nj.id, userId: workerId })).statusCode).toBe(
      404,
    );
    expect(await rows(workerAssignments)).toBe(before);
  });

  it('assign a worker covering the compound, list them, refuse twice, remove', async () => {
    const url = api(`/stations/${nj.stationId}/worker-assignments`);
    const workers = (await t.call('GET', api(`/stations/${nj.stationId}/field-workers`), as.chair)).json()
      .items;
    expect(workers.map((w: { id: number }) => w.id)).toContain(workerId);
    const added = await t.call('POST', url, as.chair, { compoundId: nj.id, userId: workerId });
    expect(added.statusCode).toBe(201);
    expect((await t.call('POST', url, as.chair, { compoundId: nj.id, userId: workerId })).statusCode).toBe(
      409,
    );
    const list = (await t.call('GET', url, as.council)).json().items;
    expect(list).toContainEqual(expect.objectContaining({ userId: workerId, compoundName: '南江绿苑' }));
    // A second one, removed again.
    const social = await userIdOf(t.db, '13900000102');
    const second = (await t.call('POST', url, as.chair, { compoundId: nj.id, userId: social })).json();
    expect((await t.call('DELETE', api(`/worker-assignments/${second.id}`), as.council)).statusCode).toBe(
      403,
    );
    expect((await t.call('DELETE', api(`/worker-assignments/${second.id}`), as.chair)).statusCode).toBe(200);
    expect((await t.call('DELETE', api(`/worker-assignments/${second.id}`), as.chair)).statusCode).toBe(404);
  });

  it('refuse a worker assigning themselves (which would open the visit list to them), writing nothing', async () => {
    const url = api(`/stations/${nj.stationId}/worker-assignments`);
    const self = await userIdOf(t.db, '13900000102');
    const before = await rows(workerAssignments);
    const refused = await t.call('POST', url, as.freshSocial, { compoundId: nj.id, userId: self });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({
      path: 'userId',
      message: '不能给自己分派包联小区，请由理事长或社区负责人分派',
    });
    expect(await rows(workerAssignments)).toBe(before);
    expect((await t.call('GET', api(`/stations/${nj.stationId}/visits`), as.freshSocial)).statusCode).toBe(
      404,
    );
  });
});

let templateId: number;
const ITEMS = [
  { key: 'corridor', label: '楼道堆物' },
  { key: 'fireLane', label: '消防通道' },
  { key: 'lights', label: '路灯照明' },
];

describe('patrol templates', () => {
  it('require authentication and validate items (1–50, unique keys, labels), storing nothing', async () => {
    const url = api(`/stations/${nj.stationId}/patrol-templates`);
    expect((await t.call('GET', url)).statusCode).toBe(401);
    expect((await t.call('POST', url, undefined, { name: 'x', items: ITEMS })).statusCode).toBe(401);
    const before = await rows(patrolTemplates);
    const many = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, label: `第${i}项` }));
    for (const items of [[], many, [{ key: 'a', label: '  ' }], [{ key: 'a b', label: '楼道' }]]) {
      expect((await t.call('POST', url, as.chair, { name: '日常巡查', items })).statusCode).toBe(400);
    }
    const dup = await t.call('POST', url, as.chair, { name: '日常巡查', items: [ITEMS[0], ITEMS[0]] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toMatchObject({ path: 'body.items.1.key' });
    expect(dup.json().errors[0].message).toContain('重复');
    expect((await t.call('POST', url, as.council, { name: '日常巡查', items: ITEMS })).statusCode).toBe(403);
    expect(await rows(patrolTemplates)).toBe(before);
  });

  it('kept by the station (chair) and by the community (its social worker), listed for the station', async () => {
    const url = api(`/stations/${nj.stationId}/patrol-templates`);
    const own = await t.call('POST', url, as.chair, { name: '日常巡查', items: ITEMS });
    expect(own.statusCode).toBe(201);
    templateId = own.json().id;
    // A chair cannot keep the community's templates; the community's social worker can.
    const community = { name: '社区通用', items: ITEMS.slice(0, 2), scope: 'community' };
    expect((await t.call('POST', url, as.chair, community)).statusCode).toBe(403);
    const shared = await t.call('POST', url, as.freshSocial, community);
    expect(shared.json()).toMatchObject({ scope: 'community', canEdit: true });
    const otherList = (
      await t.call('GET', api(`/stations/${otherStationId}/patrol-templates`), as.freshSocial)
    ).json();
    expect(otherList.items.map((x: { name: string }) => x.name)).toEqual(['社区通用']);
    const list = (await t.call('GET', url, as.chair)).json().items;
    const byName = new Map(list.map((x: { name: string; canEdit: boolean; id: number }) => [x.id, x]));
    expect(byName.get(templateId)).toMatchObject({ name: '日常巡查', scope: 'station', canEdit: true });
    expect(byName.get(shared.json().id)).toMatchObject({
      name: '社区通用',
      scope: 'community',
      canEdit: false,
    });
    const retired = await t.call('PATCH', api(`/patrol-templates/${shared.json().id}`), as.freshSocial, {
      active: false,
    });
    expect(retired.json().active).toBe(false);
    expect(
      (await t.call('PATCH', api(`/patrol-templates/${templateId}`), as.council, { active: false }))
        .statusCode,
    ).toBe(403);
  });
});

let patrolId: number;

/** How many workers are assigned to 南江绿苑. */
const assignedHere = async () =>
  (
    await t.db.select({ n: count() }).from(workerAssignments).where(eq(workerAssignments.compoundId, nj.id))
  )[0]!.n;

describe('patrols', () => {
  it('plan one, and a daily plan for a date range in one action', async () => {
    const today = chinaDay();
    const one = api(`/stations/${nj.stationId}/patrols`);
    expect((await t.call('POST', one, undefined, {})).statusCode).toBe(401);
    const bad = await t.call('POST', one, as.chair, {
      compoundId: nj.id,
      templateId,
      userId: councilId,
      plannedOn: today,
    });
    expect(bad.json().errors[0].path).toBe('userId');
    const planned = await t.call('POST', one, as.chair, {
      compoundId: nj.id,
      templateId,
      userId: workerId,
      plannedOn: today,
    });
    expect(planned.statusCode).toBe(201);
    patrolId = planned.json().id;
    expect(
      (
        await t.call('POST', one, as.chair, {
          compoundId: nj.id,
          templateId,
          userId: workerId,
          plannedOn: today,
        })
      ).statusCode,
    ).toBe(409);

    const range = api(`/stations/${nj.stationId}/patrol-plans`);
    const before = await rows(patrols);
    expect(
      (await t.call('POST', range, as.chair, { templateId, from: today, to: addDays(today, -1) })).statusCode,
    ).toBe(400);
    expect(
      (await t.call('POST', range, as.chair, { templateId, from: today, to: addDays(today, 31) })).statusCode,
    ).toBe(400);
    expect(
      (await t.call('POST', range, as.chair, { templateId: 999999, from: today, to: today })).statusCode,
    ).toBe(400);
    expect(await rows(patrols)).toBe(before);
    // The demo seed may have assigned its social worker with a week of patrols: those are skipped.
    const assigned = await assignedHere();
    const plan = await t.call('POST', range, as.chair, { templateId, from: today, to: addDays(today, 6) });
    expect(plan.json()).toEqual({ created: 6, skipped: assigned * 7 - 6 });
    expect(
      (await t.call('POST', range, as.chair, { templateId, from: today, to: addDays(today, 6) })).json(),
    ).toEqual({
      created: 0,
      skipped: assigned * 7,
    });
    const mine = (await t.call('GET', api('/patrols/mine'), as.worker)).json().items;
    expect(mine).toHaveLength(7);
    expect(mine[0]).toMatchObject({ id: patrolId, plannedOn: today, templateName: '日常巡查', doneAt: null });
    const page = (await t.call('GET', api(`/stations/${nj.stationId}/patrols?limit=5`), as.council)).json();
    expect(page.items).toHaveLength(5);
    expect(page.nextCursor).not.toBeNull();
  });

  it('concurrent plans of one patrol make one; concurrent daily plans make no duplicates', async () => {
    const day = addDays(chinaDay(), 20);
    const one = api(`/stations/${nj.stationId}/patrols`);
    const body = { compoundId: nj.id, templateId, userId: workerId, plannedOn: day };
    const answers = await Promise.all([1, 2, 3].map(() => t.call('POST', one, as.chair, body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    expect(hasChinese(answers.find((a) => a.statusCode === 409)!.json().detail)).toBe(true);
    const range = api(`/stations/${nj.stationId}/patrol-plans`);
    const plan = { templateId, from: addDays(day, 1), to: addDays(day, 3), compoundId: nj.id };
    const plans = await Promise.all([1, 2].map(() => t.call('POST', range, as.chair, plan)));
    expect(plans.map((p) => p.statusCode)).toEqual([201, 201]);
    expect(plans.reduce((n, p) => n + p.json().created, 0)).toBe(3 * (await assignedHere()));
    const made = await t.db
      .select({ plannedOn: patrols.plannedOn })
      .from(patrols)
      .where(and(eq(patrols.userId, workerId), gte(patrols.plannedOn, day)));
    expect(made.map((p) => p.plannedOn).sort()).toEqual([0, 1, 2, 3].map((n) => addDays(day, n)));
    await t.db.delete(patrols).where(and(eq(patrols.compoundId, nj.id), gte(patrols.plannedOn, day)));
  });

  it('record each item with a note; done needs every item; others may not record', async () => {
    const url = api(`/patrols/${patrolId}/results`);
    expect((await t.call('PUT', url, undefined, { items: [] })).statusCode).toBe(401);
    expect((await t.call('PUT', url, as.worker, { items: [{ key: 'nope', state: 'ok' }] })).statusCode).toBe(
      400,
    );
    expect(
      (await t.call('PUT', url, as.worker, { items: [{ key: 'corridor', state: 'bad' }] })).statusCode,
    ).toBe(400);
    const partial = [{ key: 'corridor', state: 'issue', note: '3幢楼道堆放纸箱' }];
    expect((await t.call('PUT', url, as.worker, { items: partial, done: true })).statusCode).toBe(400);
    expect((await t.call('PUT', url, as.council, { items: partial })).statusCode).toBe(403);
    expect((await t.call('PUT', url, as.resident, { items: partial })).statusCode).toBe(404);
    const saved = await t.call('PUT', url, as.worker, {
      items: [...partial, { key: 'fireLane', state: 'ok' }, { key: 'lights', state: 'na' }],
      done: true,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ issues: 1, abilities: { record: true, toRequest: true } });
    expect(saved.json().doneAt).not.toBeNull();
    expect(saved.json().results[0]).toEqual({
      key: 'corridor',
      label: '楼道堆物',
      state: 'issue',
      note: '3幢楼道堆放纸箱',
    });
  });
});

describe('findings', () => {
  it('with photos (EXIF stripped, read at station.read) become a request in one action, routed and linked', async () => {
    const add = api(`/patrols/${patrolId}/findings`);
    expect((await t.call('POST', add, undefined, { note: 'x' })).statusCode).toBe(401);
    expect((await t.call('POST', add, as.worker, { note: '' })).statusCode).toBe(400);
    expect((await t.call('POST', add, as.worker, { note: '纸箱堆放', itemKey: 'nope' })).statusCode).toBe(
      400,
    );
    const finding = (
      await t.call('POST', add, as.worker, { note: '3幢1单元楼道纸箱堆放，堵塞通道', itemKey: 'corridor' })
    ).json();
    expect(finding).toMatchObject({ itemKey: 'corridor', photos: [], requestId: null });

    expect((await uploadFindingPhoto(t, undefined, finding.id, await cameraPhoto())).statusCode).toBe(401);
    expect((await uploadFindingPhoto(t, as.worker, finding.id, Buffer.from('%PDF-1.7'))).statusCode).toBe(
      415,
    );
    const up = await uploadFindingPhoto(t, as.worker, finding.id, await cameraPhoto());
    expect(up.statusCode).toBe(201);
    const photo = up.json();
    const photoUrl = api(`/patrol-findings/${finding.id}/photos/${photo.id}?size=full`);
    const full = await t.call('GET', photoUrl, as.council);
    expect(full.statusCode).toBe(200);
    expect((await sharp(full.rawPayload).metadata()).exif).toBeUndefined();
    expect(full.rawPayload.includes(Buffer.from('LinsheCam'))).toBe(false);
    expect((await t.call('GET', photoUrl, as.resident)).statusCode).toBe(404);
    expect((await t.call('GET', photoUrl, as.otherChair)).statusCode).toBe(404);

    // Routing: the category's handler takes it.
    const cats = (await t.call('GET', api(`/stations/${nj.stationId}/request-categories`), as.chair)).json()
      .items;
    const category = cats[0];
    const { categories } = await import('../../src/modules/requests/requests.tables.ts');
    await t.db.update(categories).set({ handlerUserId: councilId }).where(eq(categories.id, category.id));
    const otherCats = (
      await t.call('GET', api(`/stations/${otherStationId}/request-categories`), as.chair)
    ).json().items;

    const turn = api(`/patrol-findings/${finding.id}/request`);
    const before = await rows(requests);
    expect((await t.call('POST', turn, undefined, { categoryId: category.id })).statusCode).toBe(401);
    expect((await t.call('POST', turn, as.worker, { categoryId: 'x' })).statusCode).toBe(400);
    expect(
      (await t.call('POST', turn, as.worker, { categoryId: otherCats[0].id })).json().errors[0].path,
    ).toBe('categoryId');
    const wrongBuilding = { categoryId: category.id, buildingId: 999999 };
    expect((await t.call('POST', turn, as.worker, wrongBuilding)).json().errors[0].path).toBe('buildingId');
    expect((await t.call('POST', turn, as.resident, { categoryId: category.id })).statusCode).toBe(404);
    expect(await rows(requests)).toBe(before);

    const building = nj.buildings[0]!;
    const turned = await t.call('POST', turn, as.worker, {
      categoryId: category.id,
      buildingId: building.id,
    });
    expect(turned.statusCode).toBe(201);
    const requestId = turned.json().requestId;
    const [request] = await t.db.select().from(requests).where(eq(requests.id, requestId));
    expect(request).toMatchObject({
      channel: 'patrol',
      originKind: 'patrolFinding',
      originId: finding.id,
      handlerUserId: councilId,
      description: '3幢1单元楼道纸箱堆放，堵塞通道',
      path: building.path,
      placeLabel: building.name,
    });
    const attached = await t.db.select().from(requestPhotos).where(eq(requestPhotos.requestId, requestId));
    expect(attached.map((p) => p.id)).toEqual([photo.id]);
    const [row] = await t.db.select().from(patrolFindings).where(eq(patrolFindings.id, finding.id));
    expect(row!.requestId).toBe(requestId);
    // The handler sees it with its photo; a second turn and a late photo are refused.
    const detail = (await t.call('GET', api(`/requests/${requestId}`), as.council)).json();
    expect(detail.timeline[0].photoIds).toEqual([photo.id]);
    expect((await t.call('POST', turn, as.worker, { categoryId: category.id })).statusCode).toBe(409);
    expect((await uploadFindingPhoto(t, as.worker, finding.id, await cameraPhoto())).statusCode).toBe(409);
    const listed = (await t.call('GET', api(`/stations/${nj.stationId}/patrol-findings`), as.chair)).json()
      .items;
    expect(listed[0]).toMatchObject({ id: finding.id, requestId, workerName: '网格员周敏' });
  });
});

describe('the visit list', () => {
  let targetId: number;
  const household = () => nj.households[0]!.id;

  it('requires authentication and rejects bad input', async () => {
    const url = api(`/stations/${nj.stationId}/visits`);
    expect((await t.call('GET', url)).statusCode).toBe(401);
    expect((await t.call('POST', url, undefined, {})).statusCode).toBe(401);
    expect((await t.call('GET', api('/visit-lists/mine'))).statusCode).toBe(401);
    expect((await t.call('POST', api('/visit-targets/1/visits'), undefined, {})).statusCode).toBe(401);
    const before = await rows(visitTargets);
    const bad = await t.call('POST', url, as.worker, { householdId: 0, reason: '', everyDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toHaveLength(3);
    const far = (await demoCompound(t.db, '恒业小区')).households[0]!.id;
    expect(
      (await t.call('POST', url, as.worker, { householdId: far, reason: '独居老人', everyDays: 14 })).json()
        .errors[0].path,
    ).toBe('householdId');
    expect(await rows(visitTargets)).toBe(before);
  });

  it('is readable and writable only by the assigned workers and the chair; 404 for everyone else', async () => {
    const url = api(`/stations/${nj.stationId}/visits`);
    const since = addDays(chinaDay(), -20);
    const added = await t.call('POST', url, as.worker, {
      householdId: household(),
      reason: '独居老人',
      everyDays: 14,
      since,
    });
    expect(added.statusCode).toBe(201);
    targetId = added.json().id;
    expect(
      (await t.call('POST', url, as.chair, { householdId: household(), reason: '独居老人', everyDays: 7 }))
        .statusCode,
    ).toBe(409);
    for (const who of ['worker', 'chair']) {
      const list = await t.call('GET', url, as[who]);
      expect(list.statusCode).toBe(200);
      const item = list.json().items.find((x: { id: number }) => x.id === targetId);
      expect(item).toMatchObject({
        status: 'overdue',
        daysOverdue: 6,
        dueOn: addDays(since, 14),
        reason: '独居老人',
      });
    }
    const recordsBefore = await rows(visitRecords);
    for (const who of ['admin', 'street', 'council', 'secretary', 'resident', 'otherChair', 'freshSocial']) {
      const cookie = as[who]!;
      expect((await t.call('GET', url, cookie)).statusCode, who).toBe(404);
      expect(
        (
          await t.call('POST', url, cookie, {
            householdId: nj.households[1]!.id,
            reason: '困难家庭',
            everyDays: 30,
          })
        ).statusCode,
        who,
      ).toBe(404);
      expect(
        (await t.call('PATCH', api(`/visit-targets/${targetId}`), cookie, { everyDays: 7 })).statusCode,
        who,
      ).toBe(404);
      expect((await t.call('GET', api(`/visit-targets/${targetId}/visits`), cookie)).statusCode, who).toBe(
        404,
      );
      expect(
        (await t.call('POST', api(`/visit-targets/${targetId}/visits`), cookie, {})).statusCode,
        who,
      ).toBe(404);
      const mine = (await t.call('GET', api('/visit-lists/mine'), cookie)).json().items;
      expect(
        mine.map((m: { stationId: number }) => m.stationId),
        who,
      ).not.toContain(nj.stationId);
      const overview = (await t.call('GET', api(`/stations/${nj.stationId}/field`), cookie)).json();
      if (overview.abilities) expect(overview.abilities.visits, who).toBe(false);
    }
    const [mine] = (await t.call('GET', api('/visit-lists/mine'), as.worker)).json().items;
    expect(mine).toMatchObject({ stationId: nj.stationId });
    expect(mine.overdue).toBeGreaterThanOrEqual(1);
    expect(
      (await t.call('GET', api(`/stations/${nj.stationId}/field`), as.chair)).json().abilities.visits,
    ).toBe(true);
    expect(await rows(visitRecords)).toBe(recordsBefore);
  });

  it('a visit record closes the due visit', async () => {
    const url = api(`/visit-targets/${targetId}/visits`);
    const today = chinaDay();
    expect((await t.call('POST', url, as.worker, { visitedOn: addDays(today, 1) })).statusCode).toBe(400);
    expect((await t.call('POST', url, as.worker, { visitedOn: 'yesterday' })).statusCode).toBe(400);
    const visit = await t.call('POST', url, as.worker, { note: '身体尚好，提醒按时服药' });
    expect(visit.json()).toMatchObject({ dueOn: addDays(today, 14), status: 'later', daysOverdue: 0 });
    const [row] = await t.db.select().from(visitTargets).where(eq(visitTargets.id, targetId));
    expect(row!.lastVisitedOn).toBe(today);
    // An earlier visit written later does not move the due date back.
    await t.call('POST', url, as.chair, { visitedOn: addDays(today, -3) });
    const list = (await t.call('GET', api(`/stations/${nj.stationId}/visits`), as.chair)).json();
    const item = list.items.find((x: { id: number }) => x.id === targetId);
    expect(item).toMatchObject({ lastVisitedOn: today, status: 'later' });
    const records = (await t.call('GET', url, as.worker)).json().items;
    expect(records.map((r: { visitedOn: string }) => r.visitedOn)).toEqual([today, addDays(today, -3)]);
  });

  it('writes audit rows that name the compound and the target only, not the household or the dates', async () => {
    expect(
      (await t.call('PATCH', api(`/visit-targets/${targetId}`), as.worker, { everyDays: 14 })).statusCode,
    ).toBe(200);
    const audited = await t.db
      .select({ action: auditEvents.action, path: auditEvents.path, summary: auditEvents.summary })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'visitTarget'), eq(auditEvents.subjectId, String(targetId))));
    expect(audited.map((a) => a.action).sort()).toEqual([
      'visit.record',
      'visit.record',
      'visitTarget.add',
      'visitTarget.update',
    ]);
    for (const a of audited) {
      expect(a.path, a.action).toBe(nj.path);
      expect(a.summary, a.action).toEqual({ targetId });
    }
  });
});

describe('figures', () => {
  it('count patrols done against planned, findings and their requests, visits made and overdue at the end', async () => {
    const city = await makeCity(t, 6);
    const c = city.east.compound;
    const [tpl] = await t.db
      .insert(patrolTemplates)
      .values({ stationId: c.stationId, path: c.stationPath, name: '日常', items: ITEMS })
      .returning();
    const patrol = (plannedOn: string, done: boolean) => ({
      stationId: c.stationId,
      compoundId: c.compoundId,
      templateId: tpl!.id,
      userId: workerId,
      plannedOn,
      doneAt: done ? new Date(`${plannedOn}T10:00:00+08:00`) : null,
    });
    // Period: 1–7 March 2026 (China time). In: 1, 2, 3 (not done), 7. Out: 28 Feb, 8 March.
    const ps = await t.db
      .insert(patrols)
      .values([
        patrol('2026-03-01', true),
        patrol('2026-03-02', true),
        patrol('2026-03-03', false),
        patrol('2026-03-07', true),
        patrol('2026-02-28', true),
        patrol('2026-03-08', false),
      ])
      .returning({ id: patrols.id });
    const finding = (at: string, requestId: number | null) => ({
      stationId: c.stationId,
      patrolId: ps[0]!.id,
      note: '发现',
      requestId,
      createdAt: new Date(at),
    });
    await t.db
      .insert(patrolFindings)
      .values([
        finding('2026-03-02T10:00:00+08:00', 1),
        finding('2026-03-07T23:30:00+08:00', null),
        finding('2026-02-27T10:00:00+08:00', 1),
      ]);
    const target = (i: number, since: string, everyDays: number, active = true) => ({
      stationId: c.stationId,
      householdId: c.householdIds[i]!,
      reason: '独居老人',
      everyDays,
      since,
      active,
      createdAt: new Date('2026-01-01T00:00:00+08:00'),
    });
    const ts = await t.db
      .insert(visitTargets)
      .values([
        target(0, '2026-02-01', 14), // A: visited 20 Feb and 3 March → due 17 March
        target(1, '2026-02-01', 7), // B: visited 25 Feb → due 4 March: overdue
        target(2, '2026-03-05', 30), // C: visited 7 March → due 6 April
        target(3, '2026-02-01', 14), // D: visited only on 9 March, after the end → due 15 Feb: overdue
        target(4, '2026-01-01', 7, false), // E: off the list
      ])
      .returning({ id: visitTargets.id });
    const visit = (i: number, visitedOn: string) => ({
      stationId: c.stationId,
      targetId: ts[i]!.id,
      visitedOn,
      visitorUserId: workerId,
    });
    await t.db
      .insert(visitRecords)
      .values([
        visit(0, '2026-02-20'),
        visit(0, '2026-03-03'),
        visit(1, '2026-02-25'),
        visit(2, '2026-03-07'),
        visit(3, '2026-03-09'),
      ]);

    const period = { from: new Date('2026-03-01T00:00:00+08:00'), to: new Date('2026-03-08T00:00:00+08:00') };
    const expected = {
      patrols: { planned: 4, done: 3, doneRate: { numerator: 3, denominator: 4, percent: 75 } },
      findings: {
        recorded: 2,
        turnedIntoRequests: 1,
        requestRate: { numerator: 1, denominator: 2, percent: 50 },
      },
      visits: { made: 2, overdueAtEnd: 2 },
    };
    expect(
      await fieldFigureSet.compute(t.db, { stationId: c.stationId, path: c.stationPath, ...period }),
    ).toEqual(expected);
    expect(await fieldFigureSet.compute(t.db, { stationId: null, path: c.communityPath, ...period })).toEqual(
      expected,
    );
    const west = await fieldFigureSet.compute(t.db, { stationId: null, path: city.west.path, ...period });
    expect(west.patrols.planned + west.findings.recorded + west.visits.made + west.visits.overdueAtEnd).toBe(
      0,
    );
    expect(fieldFigureSet.schema.parse(expected)).toEqual(expected);
  });
});

describe('the demo seed', () => {
  it('assigns the social worker, plans patrols and lists an overdue 独居老人 (once wired into seedDemo)', async () => {
    const socialId = await userIdOf(t.db, '13800000002');
    const seeded = await t.db.select().from(workerAssignments).where(eq(workerAssignments.userId, socialId));
    if (seeded.length === 0) await t.db.transaction((tx) => seedField(tx));
    const mine = (await t.call('GET', api('/patrols/mine'), as.social)).json().items;
    expect(mine.map((p: { plannedOn: string }) => p.plannedOn)).toContain(chinaDay());
    expect(mine.find((p: { doneAt: string | null }) => p.doneAt !== null)).toMatchObject({
      issues: 1,
      findings: 1,
    });
    const visits = (await t.call('GET', api(`/stations/${nj.stationId}/visits`), as.social)).json().items;
    expect(visits).toContainEqual(
      expect.objectContaining({ reason: '独居老人', status: 'overdue', daysOverdue: 6 }),
    );
    expect((await t.call('GET', api(`/stations/${nj.stationId}/visits`), as.council)).statusCode).toBe(404);
  });
});
