import { describe, expect, it } from 'vitest';
import {
  baseURL,
  closeDialogs,
  DESKTOP,
  expectAccessible,
  expectLargeTargets,
  login,
  newPage,
  openPage,
  PHONE,
  SOCIAL_WORKER,
  selectCompound,
  UNVERIFIED_RESIDENT,
  withBrowser,
} from './support.ts';

withBrowser();

describe('golden paths', () => {
  it('the social worker signs in in Chinese on a desktop and sees the staff pages', async () => {
    const page = await newPage(DESKTOP);
    await login(page, SOCIAL_WORKER);
    await expect.poll(() => page.getByRole('complementary').count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: '社工' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'home');

    await openPage(page, '房屋');
    await selectCompound(page, '南江绿苑');
    await page.getByRole('heading', { name: '住户列表：南江绿苑' }).waitFor();
    await page.getByRole('button', { name: /^查看/ }).first().waitFor();
    expect(await page.getByRole('button', { name: /^查看/ }).count()).toBe(50);
    await page.getByRole('button', { name: '加载更多' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^查看/ }).count()).toBe(100);
    await expectAccessible(page, 'places');

    await page.getByRole('button', { name: /^查看/ }).first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('columnheader', { name: '投票人' }).waitFor();
    await expectAccessible(page, 'household drawer');

    for (const name of ['认证审核', '审计日志', '消息', '设置']) {
      await page.keyboard.press('Escape');
      await openPage(page, name);
      await expectAccessible(page, name);
    }
  });

  it('imports a roster: a bad row is reported with its line and reason, then the fixed file imports', async () => {
    const page = await newPage(DESKTOP);
    await login(page, SOCIAL_WORKER);
    await openPage(page, '名册导入');
    await selectCompound(page, '恒业小区');
    await expect.poll(() => page.locator('output').textContent()).toBe('恒业小区');
    await expectAccessible(page, 'roster');

    const building = `${Date.now() % 100_000}幢`;
    const header = '楼幢,单元,房号,面积,姓名,手机,关系,投票人';
    const good1 = `${building},1单元,101,89.35,张三,13900000001,业主,是`;
    const bad = `${building},1单元,102,76.20,李四,1390000,业主,是`;
    const good2 = `${building},1单元,102,76.20,李四,13900000002,业主,是`;
    const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');

    const file = page.getByLabel('名册文件');
    await file.setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: csv([header, good1, bad]) });
    await page.getByRole('button', { name: '上传并导入' }).click();
    await page.getByText('未导入任何数据', { exact: false }).first().waitFor();
    const errors = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '行号' }) });
    await errors.getByRole('cell', { name: '3', exact: true }).waitFor();
    const reason = await errors.getByRole('row').nth(1).getByRole('cell').nth(1).textContent();
    expect(reason?.trim().length).toBeGreaterThan(0);
    await expectAccessible(page, 'roster with bad rows');

    await file.setInputFiles({
      name: 'roster.csv',
      mimeType: 'text/csv',
      buffer: csv([header, good1, good2]),
    });
    await page.getByRole('button', { name: '上传并导入' }).click();
    await page.getByText('导入成功').waitFor();
    await page.getByText(/共 2 行/).waitFor();
    await expectAccessible(page, 'roster imported');
  });

  it('an unverified resident claims a household on a phone, the social worker verifies it, the resident sees it', async () => {
    const resident = await newPage(PHONE);
    await login(resident, UNVERIFIED_RESIDENT);
    await resident.getByRole('navigation', { name: '底部导航' }).waitFor();
    await expectAccessible(resident, 'resident home');
    await openPage(resident, '我的家');
    const myHouseholds = resident.locator('.ant-card').filter({
      has: resident.getByRole('heading', { level: 2, name: '我的房屋' }),
    });
    await myHouseholds.waitFor();
    await expectAccessible(resident, 'my home');

    const pick = async (label: string) => {
      const select = resident.getByLabel(label, { exact: true });
      await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
      await expect.poll(() => select.isEnabled()).toBe(true);
      const count = await select.locator('option').count();
      const index = 1 + Math.floor(Math.random() * (count - 1));
      await select.selectOption({ index });
      return (await select.locator('option:checked').textContent())?.trim() ?? '';
    };
    await resident.getByLabel('搜索小区').fill('南江');
    const compound = resident.getByLabel('小区', { exact: true });
    await expect.poll(() => compound.locator('option').count()).toBe(2);
    await compound.selectOption({ label: '南江绿苑（鄞州区 石碶街道 汪源社区）' });
    await pick('楼幢');
    await pick('单元');
    const room = await pick('房号');
    const claimedName = `认领测试${Date.now() % 10_000}`;
    await resident.getByLabel('您的姓名').fill(claimedName);
    await resident.getByRole('radio', { name: '业主' }).check();
    await resident.getByRole('button', { name: '提交认领' }).click();
    await resident.getByText('审核中').first().waitFor();
    await expectAccessible(resident, 'claim submitted');

    const worker = await newPage(DESKTOP);
    await login(worker, SOCIAL_WORKER);
    await openPage(worker, '认证审核');
    const row = worker.getByRole('row').filter({ hasText: claimedName });
    await row.waitFor();
    await expectAccessible(worker, 'verification queue');
    await row.getByRole('button', { name: /^通过/ }).click();
    await expect.poll(() => worker.getByRole('row').filter({ hasText: claimedName }).count()).toBe(0);

    await resident.reload();
    await resident.getByRole('heading', { level: 1, name: '我的家' }).waitFor();
    await myHouseholds.getByRole('listitem').filter({ hasText: room }).first().waitFor();
    await expect.poll(() => myHouseholds.getByText('您还没有已认证的房屋。').count()).toBe(0);
    await resident.getByText('已通过').first().waitFor();
    await expectAccessible(resident, 'my home verified');
  });

  it('large mode (长辈版) makes text at least 18px and buttons at least 60px, and is saved', async () => {
    const page = await newPage(PHONE);
    await login(page, UNVERIFIED_RESIDENT);
    await openPage(page, '我的');
    const toggle = page.getByRole('switch', { name: '长辈版（大字体）' });
    if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
    await expect.poll(() => page.evaluate(() => document.body.classList.contains('linshe-large'))).toBe(true);
    const fontSize = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);
    await expectLargeTargets(page, 'main button, main a, nav a, [role="switch"], main select');
    await expectAccessible(page, 'settings large');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '我的' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.body.classList.contains('linshe-large'))).toBe(true);
    await page.getByRole('switch', { name: '长辈版（大字体）' }).click();
    await expect
      .poll(() => page.evaluate(() => document.body.classList.contains('linshe-large')))
      .toBe(false);
  });

  it('on a phone the social worker opens a resident panel and the grant card; an unknown proxy phone is explained', async () => {
    const page = await newPage(PHONE);
    await login(page, SOCIAL_WORKER);
    await page.goto(new URL('/places', baseURL).href);
    await page.getByRole('heading', { level: 1, name: '房屋' }).waitFor();
    await selectCompound(page, '南江绿苑');
    await page.getByRole('button', { name: /^查看/ }).first().click();
    const household = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('columnheader', { name: '投票人' }) });
    await household.getByRole('button', { name: /^查看/ }).first().click();
    const proxy = page.getByRole('form', { name: '登记代办人' });
    await proxy.getByLabel('代办人手机号').fill('13700000000');
    await proxy.getByRole('button', { name: '登记' }).click();
    await proxy.getByRole('alert').getByText('该手机号尚未注册').waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const box = await page.getByRole('dialog').filter({ has: proxy }).boundingBox();
    expect(box?.width).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'resident panel on a phone');

    await closeDialogs(page);
    await page.getByRole('tree').getByText('汪源社区', { exact: true }).click();
    const grant = page.getByRole('form', { name: '授予角色' });
    await grant.getByLabel('角色').click();
    const options = page.locator('.ant-select-item-option');
    await options.filter({ hasText: '网格员' }).waitFor();
    expect(await options.filter({ hasText: '楼组长' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await grant.scrollIntoViewIfNeeded();
    await expectAccessible(page, 'grant card on a phone');
  });

  // Last: it makes the unverified resident a 楼组长 (staff), which the tests above must not see.
  it('the social worker tags a resident, registers a family proxy and grants 楼组长 on a building', async () => {
    const page = await newPage(DESKTOP);
    await login(page, SOCIAL_WORKER);
    await openPage(page, '房屋');
    await selectCompound(page, '南江绿苑');
    await page.getByRole('heading', { name: '住户列表：南江绿苑' }).waitFor();
    await page.getByRole('button', { name: /^查看/ }).first().click();
    const household = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('columnheader', { name: '投票人' }) });
    await household.getByRole('button', { name: /^查看/ }).first().click();

    const edit = page.getByRole('form', { name: '编辑居民信息' });
    await edit.waitFor();
    const panel = page.getByRole('dialog').filter({ has: edit });
    await expectAccessible(page, 'resident panel');
    const tags = edit.getByLabel('标签');
    await tags.fill('独居老人');
    await tags.press('Enter');
    await edit.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    await panel.locator('.ant-descriptions').getByText('独居老人', { exact: true }).waitFor();

    const proxy = page.getByRole('form', { name: '登记代办人' });
    await proxy.getByLabel('代办人手机号').fill('13800000011');
    await proxy.getByLabel('备注').fill('女儿');
    await proxy.getByRole('button', { name: '登记' }).click();
    await page.getByText('已登记代办人').waitFor();
    await expectAccessible(page, 'resident panel after saving');

    await closeDialogs(page);
    await page.getByRole('tree').getByText('2幢', { exact: true }).click();
    await page.getByRole('heading', { name: '住户列表：2幢' }).waitFor();
    const grant = page.getByRole('form', { name: '授予角色' });
    await grant.getByLabel('手机号').fill('13800000011');
    await grant.getByLabel('角色').click();
    // antd draws its options apart from the (hidden) listbox it gives assistive technology.
    await page.locator('.ant-select-item-option').filter({ hasText: '楼组长' }).click();
    await expect.poll(() => grant.textContent()).toContain('楼组长');
    await expectAccessible(page, 'grant card');
    await grant.getByRole('button', { name: '授予' }).click();
    await page.getByText('已在「2幢」将楼组长授予 13800000011').waitFor();

    await grant.getByLabel('手机号').fill('13800000011');
    await grant.getByRole('button', { name: '授予' }).click();
    await grant.getByRole('alert').getByText('该用户已有此角色').waitFor();
  });
});
