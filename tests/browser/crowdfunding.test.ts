import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { balanceOf, takePayment } from './fund-support.ts';
import {
  accessible,
  DESKTOP,
  expectLargeTargets,
  expectNoOverflow,
  login,
  newPage,
  openPage,
  PHONE,
  useLargeMode,
  withBrowser,
} from './support.ts';

withBrowser();

const CHAIR = '13800000003'; // 王建国, 理事长 of 南江绿苑
const LEADER = '13800000005'; // 张海波, 楼组长 of 南江绿苑 1幢 (fund.collect there)
const RESIDENT = '13800000010'; // 林阿姨, owner of 1幢1单元101
const SECRETARY = '13800000015'; // 许静, 秘书长
const TITLE = '楼道照明改造众筹（浏览器测试）';

/** Opens the drive from the station's list of drives. */
async function openDrive(page: Page) {
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

/** A row of the progress-by-building table, as its cells' texts. */
async function buildingRow(page: Page, building: string) {
  const row = page
    .locator('.ant-table-row')
    .filter({ has: page.getByRole('cell', { name: building, exact: true }) });
  return (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
}

const receipts: string[] = [];

describe('crowdfunding 众筹', () => {
  it('the chair opens a drive for 1幢 and 2幢 from the fund page', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await openPage(chair, '自治基金');
    await chair.locator('.page-title').getByRole('link', { name: '众筹', exact: true }).click();
    await chair.getByRole('heading', { level: 1, name: '众筹' }).waitFor();
    await chair.getByRole('heading', { level: 2, name: /南江绿苑.*众筹/ }).waitFor();
    await accessible(chair, 'drives');

    await chair.getByRole('button', { name: '发起众筹' }).click();
    const dialog = chair.getByRole('dialog', { name: '发起众筹' });
    await dialog.getByLabel('众筹名称').fill(TITLE);
    await dialog.getByLabel('用途').fill('更换 1幢、2幢楼道声控灯，每户建议出资 100 元');
    await dialog.getByLabel('目标金额（元）').fill('12.345');
    await dialog.getByLabel('每户建议金额（元）').fill('100');
    await dialog.getByRole('button', { name: '发起' }).click();
    await dialog.getByText('请填写大于零的金额，最多两位小数').waitFor();
    await dialog.getByLabel('目标金额（元）').fill('5000');
    const buildings = dialog.getByLabel('面向楼幢');
    for (const name of ['1幢', '2幢']) {
      await buildings.fill(name);
      await chair
        .locator('.ant-select-item-option')
        .filter({ hasText: new RegExp(`^南江绿苑 ${name}$`) })
        .click();
    }
    await dialog.getByLabel('众筹名称').click(); // closes the building list
    await dialog.getByText('南江绿苑 2幢').waitFor();
    await accessible(chair, 'create a drive');
    await dialog.getByRole('button', { name: '发起' }).click();
    await chair.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(new URL(chair.url()).pathname).toMatch(/^\/crowdfunding\/\d+$/);
    await chair.getByRole('heading', { level: 3, name: '各楼幢进度' }).waitFor();
    expect(await buildingRow(chair, '1幢')).toEqual(['1幢', '24', '0', '0', '0.00 元', '2,400.00 元', '0%']);
    expect((await buildingRow(chair, '2幢')).slice(0, 2)).toEqual(['2幢', '24']);
    await accessible(chair, 'new drive');
  });

  it('the building leader takes cash from two 1幢 households on his phone and keeps the receipt numbers', async () => {
    const leader = await newPage(PHONE);
    await login(leader, LEADER);
    await leader.getByRole('button', { name: '打开菜单' }).click();
    await openPage(leader, '众筹');
    await openDrive(leader);
    await accessible(leader, 'drive (building leader)');
    await expectNoOverflow(leader);
    // 2幢 is not his: it is not offered.
    await leader.getByLabel('搜索房号，如 1幢1单元101').fill('2幢1单元101');
    await leader.getByText('没有可收款的住户').waitFor();

    receipts.push(await takePayment(leader, '1幢1单元102', '王建军'));
    receipts.push(await takePayment(leader, '1幢1单元201', '李梅', { amount: '150' }));
    expect(new Set(receipts).size).toBe(2);

    // His receipts and the cash he holds.
    const mine = leader
      .locator('.ant-card')
      .filter({ has: leader.getByRole('heading', { name: '我的收款' }) });
    for (const receipt of receipts) await mine.getByRole('link', { name: receipt }).waitFor();
    await leader.getByText('张海波 手中有 2 笔现金，共 250.00 元').waitFor();
    await expectNoOverflow(leader);

    // The receipt, printable, on the phone.
    await mine.getByRole('link', { name: receipts[1]! }).click();
    await leader.getByRole('heading', { level: 1, name: '众筹收据' }).waitFor();
    await expect.poll(() => leader.locator('.receipt-code').textContent()).toBe(receipts[1]);
    await leader.getByText('1幢1单元201', { exact: true }).waitFor();
    await leader.getByText('150.00 元', { exact: true }).waitFor();
    await leader.getByText('现金待上交', { exact: true }).waitFor();
    await accessible(leader, 'receipt');
    await expectNoOverflow(leader);
  });

  it('the secretary-general confirms the hand-over and takes a desk payment from a 2幢 household', async () => {
    const secretary = await newPage(DESKTOP);
    await login(secretary, SECRETARY);
    await openPage(secretary, '众筹');
    await openDrive(secretary);
    await secretary.getByText('张海波 手中有 2 笔现金，共 250.00 元').waitFor();
    await accessible(secretary, 'drive (secretary-general)');
    await secretary.getByRole('button', { name: '确认收到 张海波 上交的现金' }).click();
    const confirm = secretary.getByRole('dialog').filter({ hasText: '确认收到现金' });
    await confirm.getByText(/上交 2 笔，共 250.00 元/).waitFor();
    await confirm.getByRole('button', { name: '确定' }).click();
    await secretary.getByText('没有待上交的现金').waitFor();
    const confirmed = secretary
      .locator('.ant-table-row')
      .filter({ has: secretary.getByRole('cell', { name: '张海波', exact: true }) })
      .filter({ hasText: '250.00 元' });
    await confirmed.getByRole('cell', { name: '许静', exact: false }).first().waitFor();

    const desk = await takePayment(secretary, '2幢1单元101', '赵六', { method: '值班台收款' });
    expect(receipts).not.toContain(desk);
    receipts.push(desk);

    // Progress by building: 1幢 two households paid 250 yuan; 2幢 one paid 100 at the desk.
    await expect
      .poll(() => buildingRow(secretary, '1幢'))
      .toEqual(['1幢', '24', '0', '2', '250.00 元', '2,400.00 元', '10%']);
    await expect
      .poll(() => buildingRow(secretary, '2幢'))
      .toEqual(['2幢', '24', '0', '1', '100.00 元', '2,400.00 元', '4%']);
    await secretary.getByText('已筹 350.00 元 / 目标 5,000.00 元').waitFor();
    // Every payment is in the ledger now.
    const payments = secretary
      .locator('.ant-card')
      .filter({ has: secretary.getByRole('heading', { name: '收款记录' }) });
    for (const receipt of receipts) {
      await payments.locator('.ant-table-row').filter({ hasText: receipt }).getByText('已入账').waitFor();
    }
    await accessible(secretary, 'drive after hand-over');
  });

  it('林阿姨 sees the drive on her phone, pledges for her household and sees donors masked, also in large mode', async () => {
    const resident = await newPage(PHONE);
    await login(resident, RESIDENT);
    await resident.getByRole('heading', { level: 2, name: '社区众筹' }).waitFor();
    await accessible(resident, 'home with crowdfunding');
    await openDrive(resident);
    await resident.getByText('已筹 350.00 元 / 目标 5,000.00 元').waitFor();
    const donors = resident
      .locator('.ant-card')
      .filter({ has: resident.getByRole('heading', { name: '捐款名单' }) });
    await donors.getByText('2幢1单元 赵**', { exact: true }).waitFor();
    await donors.getByText('1幢1单元 李**', { exact: true }).waitFor();
    await donors.getByText('1幢1单元 王**', { exact: true }).waitFor();
    const text = (await resident.locator('main').textContent()) ?? '';
    for (const name of ['王建军', '李梅', '赵六']) expect(text).not.toContain(name);
    // Payers and receipts are not hers to see.
    expect(await resident.getByRole('heading', { name: '收款记录' }).count()).toBe(0);
    expect(await resident.getByRole('heading', { name: '现金上交' }).count()).toBe(0);

    const mine = resident.getByRole('region', { name: '1幢1单元101' });
    await mine.getByText('尚未认捐。').waitFor();
    await accessible(resident, 'drive on a phone');
    await expectNoOverflow(resident);
    await mine.getByLabel('认捐金额（元）').fill('200');
    await mine.getByText('匿名', { exact: true }).click();
    await mine.getByRole('button', { name: '认捐' }).click();
    await mine.getByText('已认捐 200.00 元（匿名）。').waitFor();
    await resident.getByText('认捐 1 户，已缴 3 户，共 48 户').waitFor();

    // 长辈版: the same page, larger, still within the phone's width, every target at least 60 × 60 px.
    await useLargeMode(resident);
    await resident.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await mine.getByText('已认捐 200.00 元（匿名）。').waitFor();
    await expectLargeTargets(resident, 'main button, main a, nav a, main [role="switch"]');
    await accessible(resident, 'drive in large mode');
    await expectNoOverflow(resident);
  });

  it('the fund page shows the drive account’s balance', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await openPage(chair, '自治基金');
    const row = chair.getByRole('row').filter({ hasText: `众筹：${TITLE}` });
    await row.getByText('350.00 元', { exact: true }).waitFor();
    expect(await balanceOf(chair, 1, `众筹：${TITLE}`)).toBe(35_000);
    await accessible(chair, 'fund with the drive');
  });
});
