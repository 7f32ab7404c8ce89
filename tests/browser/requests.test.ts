import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  expectAccessible,
  login,
  newPage,
  openPage,
  PHONE,
  SOCIAL_WORKER,
  selectCompound,
  withBrowser,
} from './support.ts';

withBrowser();

const RESIDENT = '13800000010'; // 林阿姨, verified in 南江绿苑
const CHAIR = '13800000003'; // 理事长 of 南江绿苑

/** A small photo with a camera make and a GPS position in its EXIF, as a phone would send. */
const photo = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: '#7a9a6a' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 52/1 0/1' } })
    .toBuffer();

const status = (page: Page, text: string) =>
  page.locator('.ant-tag').getByText(text, { exact: true }).first();

/** Opens a staff action, fills the note if given, and confirms it in the dialog. */
async function act(page: Page, action: string, note?: string, choose?: () => Promise<void>) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  if (choose) await choose();
  if (note) await dialog.getByRole('textbox').last().fill(note);
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('residents’ requests', () => {
  it('a resident files with a photo on a phone; staff assign and resolve; "not fixed" reopens it; resolved again and rated', async () => {
    const resident = await newPage(PHONE);
    await login(resident, RESIDENT);
    await openPage(resident, '报事');
    await expectAccessible(resident, 'my requests');
    await resident.getByRole('button', { name: '我要报事' }).click();
    await resident.getByRole('heading', { level: 1, name: '我要报事' }).waitFor();

    // Screen 1: the category.
    await resident.getByText('漏水/管道', { exact: true }).click();
    await expectAccessible(resident, 'file: category');
    await resident.getByRole('button', { name: '下一步' }).click();

    // Screen 2: what is wrong, with a photo.
    await resident.getByLabel('情况说明').fill('2幢1单元楼道顶上漏水，下雨天更严重');
    await resident.locator('input[type=file]').setInputFiles({
      name: 'leak.jpg',
      mimeType: 'image/jpeg',
      buffer: await photo(),
    });
    await resident.getByRole('img', { name: '照片 1' }).waitFor();
    await expectAccessible(resident, 'file: details');
    await resident.getByRole('button', { name: '下一步' }).click();

    // Screen 3: where, and who may see it.
    await resident.getByText(/^我家/).waitFor();
    await expectAccessible(resident, 'file: place');
    const overflow = await resident.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await resident.getByRole('button', { name: '提交' }).click();
    await resident.getByRole('heading', { level: 1, name: /^诉求 #\d+$/ }).waitFor();
    const id = Number(/\/requests\/(\d+)$/.exec(resident.url())?.[1]);
    expect(id).toBeGreaterThan(0);
    await status(resident, '已提交').waitFor();
    await resident.getByRole('img', { name: '照片 1' }).waitFor();

    // The chair finds it in the queue, assigns it to the council member, starts and resolves it.
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await openPage(chair, '诉求');
    await chair.getByRole('link', { name: `打开诉求 #${id}` }).click();
    await chair.getByRole('heading', { level: 1, name: `诉求 #${id}` }).waitFor();
    await expectAccessible(chair, 'request detail (staff)');
    await act(chair, '分派', undefined, async () => {
      await chair.getByLabel('处理人').click();
      await chair.locator('.ant-select-item-option').filter({ hasText: '李秀英' }).click();
    });
    await status(chair, '已分派').waitFor();
    await act(chair, '开始处理');
    await status(chair, '处理中').waitFor();
    await act(chair, '标记已解决', '已更换楼顶排水管');
    await status(chair, '已解决').waitFor();

    // The resident says it is not fixed: it reopens, counted.
    await resident.reload();
    await resident.getByRole('heading', { level: 2, name: '请评价办理结果' }).waitFor();
    await expectAccessible(resident, 'rating');
    await resident.getByLabel('评价说明（可不填）').fill('还在滴水');
    await resident.getByRole('button', { name: '没有解决' }).click();
    await status(resident, '已受理').waitFor();
    await resident.getByText('重新打开 1 次').waitFor();

    // Resolved again, then rated 满意: closed.
    await chair.reload();
    await act(chair, '标记已解决', '重新做了防水');
    await status(chair, '已解决').waitFor();
    await resident.reload();
    await resident.getByText('满意', { exact: true }).click();
    await resident.getByRole('button', { name: '提交评价' }).click();
    await status(resident, '已办结').waitFor();
    await resident.getByText('还在滴水').waitFor();
    // 提交诉求, 分派, 开始处理, 已解决, 重新打开, 已解决, 评价.
    const steps = await resident.locator('.ant-timeline-item strong').allTextContents();
    expect(steps).toEqual(['提交诉求', '分派', '开始处理', '已解决', '重新打开', '已解决', '评价']);
  });

  it('the duty desk enters a phoned-in request; it goes up to the community and comes back down', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await openPage(chair, '诉求');
    await chair.getByRole('button', { name: '登记诉求' }).click();
    const entry = chair.getByRole('dialog', { name: '为居民登记诉求' });
    await entry.getByText('电话', { exact: true }).click();
    await entry.getByLabel('类别').click();
    await chair.locator('.ant-select-item-option').filter({ hasText: '设施维修' }).click();
    await entry.getByLabel('情况说明').fill('小区北门道闸坏了，车辆进出排长队');
    await expectAccessible(chair, 'desk entry');
    await entry.getByRole('button', { name: '提交' }).click();
    await chair.getByRole('heading', { level: 1, name: /^诉求 #\d+$/ }).waitFor();
    const id = Number(/\/requests\/(\d+)$/.exec(chair.url())?.[1]);
    await chair.getByText('电话', { exact: true }).waitFor();
    await act(chair, '受理');
    await act(chair, '上报', '道闸属于公共设施改造，需社区协调');
    await chair.locator('.ant-descriptions').getByText('社区', { exact: true }).first().waitFor();

    // The community's social worker takes it from the queue of 南江绿苑 and hands it back down.
    const social = await newPage(DESKTOP);
    await login(social, SOCIAL_WORKER);
    await openPage(social, '诉求');
    await selectCompound(social, '南江绿苑');
    await social.getByRole('link', { name: `打开诉求 #${id}` }).click();
    await social.getByRole('heading', { level: 1, name: `诉求 #${id}` }).waitFor();
    await act(social, '交回下级办理', '社区已协调物业出资更换，请站里跟进验收');
    await social.locator('.ant-timeline').getByText('社区已协调物业出资更换，请站里跟进验收').waitFor();
    await social.locator('.ant-descriptions').getByText('自治站', { exact: true }).waitFor();

    await chair.reload();
    await act(chair, '标记已解决', '道闸已更换');
    await status(chair, '已解决').waitFor();
    await expectAccessible(chair, 'request after hand-back');
  });

  it('the chair sets a category’s deadlines and handler, and the days after which unrated requests close', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await openPage(chair, '诉求设置');
    await chair.getByRole('button', { name: '编辑类别：停车' }).click();
    const dialog = chair.getByRole('dialog', { name: '编辑类别：停车' });
    await dialog.getByLabel('办结时限（小时）').fill('48');
    await dialog.getByLabel('默认由谁处理').click();
    await chair.locator('.ant-select-item-option').filter({ hasText: '理事（分管）' }).click();
    await dialog.getByLabel('默认处理人').click();
    await chair.locator('.ant-select-item-option').filter({ hasText: '李秀英' }).click();
    await expectAccessible(chair, 'category editor');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = chair.getByRole('row').filter({ hasText: '停车' });
    await row.getByRole('cell', { name: '48', exact: true }).waitFor();
    await row.getByRole('cell', { name: '李秀英', exact: true }).waitFor();

    await chair.getByLabel('天数').fill('5');
    // Reload only once this save has answered (the category's own "已保存" toast may still be showing).
    const saved = chair.waitForResponse(
      (r) => r.url().endsWith('/request-settings') && r.request().method() === 'PUT',
    );
    await chair.getByRole('button', { name: '保存' }).click();
    expect((await saved).status()).toBe(200);
    await chair.getByText('已保存').first().waitFor();
    await chair.reload();
    await expect.poll(() => chair.getByLabel('天数').inputValue()).toBe('5');
    await expectAccessible(chair, 'request settings');
  });

  it('the chair issues an Open311 client key, a client files with it, and a revoked key is refused', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await openPage(chair, 'Open311 对接');
    await chair.getByLabel('客户端名称').fill('区城管平台');
    await chair.getByRole('button', { name: '生成密钥' }).click();
    const created = chair.getByRole('status').filter({ hasText: '已为“区城管平台”生成密钥' });
    const key = (await created.locator('code').textContent())?.trim() ?? '';
    expect(key.length).toBeGreaterThanOrEqual(20);
    const jurisdiction = /linshe-s\d+/.exec((await chair.locator('main').textContent()) ?? '')?.[0];
    expect(jurisdiction).toBeTruthy();
    await expectAccessible(chair, 'open311 keys');

    const post = (apiKey: string) =>
      chair.request.post('/open311/v2/requests.json', {
        form: {
          api_key: apiKey,
          jurisdiction_id: jurisdiction!,
          service_code: 'leak',
          description: '3幢地下车库入口积水',
          address_string: '3幢地下车库入口',
        },
      });
    const filed = await post(key);
    expect(filed.ok()).toBe(true);
    const [{ service_request_id: id }] = await filed.json();
    await openPage(chair, '诉求');
    await chair.getByRole('link', { name: `打开诉求 #${id}` }).waitFor();

    await openPage(chair, 'Open311 对接');
    const row = chair.getByRole('row').filter({ hasText: '区城管平台' });
    await row.getByRole('button', { name: '撤销' }).click();
    await chair.locator('.ant-popconfirm').getByRole('button', { name: '撤销' }).click();
    await row.getByText(/已于 .* 撤销/).waitFor();
    const refused = await post(key);
    expect(refused.status()).toBe(403);
    expect(Array.isArray(await refused.json())).toBe(true);
  });
});
