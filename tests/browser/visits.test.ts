import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, login, newPage, PHONE, SOCIAL_WORKER, withBrowser } from './support.ts';

withBrowser();

const CHAIR = '13800000003'; // 理事长 of 南江绿苑
const COUNCIL = '13800000004'; // 李秀英, council member of 南江绿苑
const ADMIN = '13800000001'; // platform admin

/** A small photo as a phone camera sends it. */
const photo = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: '#8a7a5a' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCam' } })
    .toBuffer();
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) =>
  new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);

async function json<T>(
  page: Page,
  method: 'GET' | 'POST',
  path: string,
  data?: object,
): Promise<{ status: number; body: T }> {
  const res = await page.request.fetch(`/api/v1${path}`, { method, ...(data ? { data } : {}) });
  return { status: res.status(), body: (await res.json().catch(() => null)) as T };
}

/** 南江绿苑's station and compound, as its chair sees them. */
async function demoStation(chair: Page) {
  const me = await json<{ grants: { role: string; stationId: number | null }[] }>(chair, 'GET', '/me');
  const stationId = me.body.grants.find((g) => g.role === 'chair')!.stationId!;
  const field = await json<{ compounds: { id: number; name: string }[] }>(
    chair,
    'GET',
    `/stations/${stationId}/field`,
  );
  return { stationId, compoundId: field.body.compounds.find((c) => c.name === '南江绿苑')!.id };
}

/**
 * The demo's field work, unless the demo seed already made it (stations/demo-field.ts): the social worker
 * assigned to 南江绿苑, a checklist, today's patrol, and an 独居老人 whose visit is overdue.
 */
async function ensureFieldWork(chair: Page, worker: Page, stationId: number, compoundId: number) {
  const seen = await json<{ items: { status: string }[] }>(worker, 'GET', `/stations/${stationId}/visits`);
  if (seen.status === 200 && seen.body.items.some((v) => v.status === 'overdue')) return;
  const me = await json<{ id: number }>(worker, 'GET', '/me');
  await json(chair, 'POST', `/stations/${stationId}/worker-assignments`, { compoundId, userId: me.body.id });
  const tpl = await json<{ id: number }>(chair, 'POST', `/stations/${stationId}/patrol-templates`, {
    name: '日常巡查',
    items: [
      { key: 'corridor', label: '楼道堆物' },
      { key: 'fireLane', label: '消防通道' },
      { key: 'lights', label: '路灯照明' },
    ],
  });
  await json(chair, 'POST', `/stations/${stationId}/patrol-plans`, {
    templateId: tpl.body.id,
    from: today(),
    to: today(),
  });
  const hh = await json<{ items: { id: number }[] }>(
    worker,
    'GET',
    `/households?stationId=${stationId}&q=1幢2单元601`,
  );
  const added = await json(worker, 'POST', `/stations/${stationId}/visits`, {
    householdId: hh.body.items[0]!.id,
    reason: '独居老人',
    everyDays: 14,
    since: daysAgo(30),
  });
  expect(added.status).toBe(201);
}

describe('patrols and the visit list', () => {
  it('the assigned social worker walks a patrol and sees 走访名单 with an overdue household on a phone; others do not', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    const worker = await newPage(PHONE);
    await login(worker, SOCIAL_WORKER);
    const { stationId, compoundId } = await demoStation(chair);
    await ensureFieldWork(chair, worker, stationId, compoundId);

    // My patrols on the phone: today's patrol → checklist → finish, add a finding.
    await worker.goto('/patrols');
    await worker.getByRole('heading', { level: 1, name: '巡查走访' }).waitFor();
    await worker.getByRole('heading', { level: 2, name: '今天' }).waitFor();
    await expectAccessible(worker, 'my patrols');
    await worker.getByRole('button', { name: `打开巡查：南江绿苑 ${today()}` }).click();
    await worker.getByRole('heading', { level: 1, name: `巡查：南江绿苑 ${today()}` }).waitFor();
    const items = worker.locator('fieldset');
    const count = await items.count();
    for (let i = 0; i < count; i++) {
      await items
        .nth(i)
        .getByText(i === 0 ? '有问题' : '正常', { exact: true })
        .click();
    }
    await worker.getByLabel('楼道堆物备注').fill('2幢楼道堆放纸箱');
    await expectAccessible(worker, 'patrol checklist');
    await worker.getByRole('button', { name: '完成巡查' }).click();
    await worker.getByText('已完成', { exact: true }).waitFor();
    await worker.getByRole('button', { name: '添加发现' }).click();
    const dialog = worker.getByRole('dialog', { name: '添加发现' });
    await dialog.getByLabel('相关检查项').selectOption({ label: '楼道堆物' });
    await dialog.getByLabel('发现的问题').fill('2幢1单元楼道堆放纸箱，堵塞通道');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'corridor.jpg', mimeType: 'image/jpeg', buffer: await photo() });
    await dialog.getByRole('img', { name: '发现照片 1' }).waitFor();
    await expectAccessible(worker, 'add a finding');
    await dialog.getByRole('button', { name: '保存发现' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const card = worker.locator('.ant-card').filter({ hasText: '2幢1单元楼道堆放纸箱，堵塞通道' });
    await card.getByRole('img', { name: '发现照片 1' }).waitFor();

    // 转为诉求: prefilled with the note; the category routes it.
    await card.getByRole('button', { name: '转为诉求' }).click();
    const turn = worker.getByRole('dialog', { name: '将发现转为诉求' });
    await turn.getByLabel('诉求类别').selectOption({ label: '环境卫生' });
    await expect.poll(() => turn.getByLabel('诉求说明').inputValue()).toBe('2幢1单元楼道堆放纸箱，堵塞通道');
    await expectAccessible(worker, 'finding to request');
    await turn.getByRole('button', { name: '转为诉求' }).click();
    await turn.waitFor({ state: 'hidden' });
    await card.getByRole('link', { name: /^已转为诉求 #\d+$/ }).waitFor();
    const overflow = await worker.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // The visit list: the overdue household is highlighted; a visit closes it.
    await worker.getByRole('button', { name: '返回' }).click();
    await worker.getByRole('tab', { name: /走访名单/ }).click();
    const overdue = worker.locator('.ant-card').filter({ hasText: '已逾期' }).first();
    await overdue.waitFor();
    await expect.poll(() => overdue.textContent()).toMatch(/独居老人.*逾期 \d+ 天/);
    await expectAccessible(worker, 'visit list');
    const household = (await overdue.locator('h3').textContent())!;
    await overdue.getByRole('button', { name: `记录走访：${household}` }).click();
    const record = worker.getByRole('dialog', { name: `记录走访：${household}` });
    await record.getByLabel('走访情况').fill('老人身体尚好，已提醒按时服药');
    await expectAccessible(worker, 'record a visit');
    await record.getByRole('button', { name: '保存' }).click();
    await record.waitFor({ state: 'hidden' });
    await worker
      .locator('.ant-card')
      .filter({ hasText: household })
      .getByText(`上次走访：${today()}`)
      .waitFor();

    // The council member and the platform admin: no 走访名单 in the UI, 404 from the API.
    for (const phone of [COUNCIL, ADMIN]) {
      const other = await newPage(DESKTOP);
      await login(other, phone);
      await other.goto('/patrols');
      await other.getByRole('heading', { level: 1, name: '巡查走访' }).waitFor();
      await other.getByRole('tab', { name: '我的巡查' }).waitFor();
      await expectAccessible(other, `patrols (${phone})`);
      expect(await other.getByRole('tab', { name: /走访名单/ }).count()).toBe(0);
      await other.goto(`/stations/${stationId}/field`);
      await other.getByRole('heading', { level: 1, name: /巡查走访/ }).waitFor();
      await other.getByRole('tab', { name: '巡查发现' }).waitFor();
      await expectAccessible(other, `station field (${phone})`);
      expect(await other.getByRole('tab', { name: /走访名单/ }).count()).toBe(0);
      expect(await other.getByText('独居老人').count()).toBe(0);
      expect((await json(other, 'GET', `/stations/${stationId}/visits`)).status).toBe(404);
      expect((await json<{ items: unknown[] }>(other, 'GET', '/visit-lists/mine')).body.items).toEqual([]);
    }

    // The chair sees it on the station's field page.
    await chair.goto(`/stations/${stationId}/field`);
    await chair.getByRole('tab', { name: '走访名单' }).click();
    await chair.getByText('独居老人').first().waitFor();
    await expectAccessible(chair, 'station field (chair)');
  });
});
