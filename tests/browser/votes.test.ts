import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { recount } from '../../src/modules/deliberation/recount-file.ts';
import { areaText } from '../../src/modules/deliberation/tally.ts';
import {
  DESKTOP,
  expectAccessible,
  expectLargeTargets,
  login,
  newPage,
  openPage,
  PHONE,
  useLargeMode,
  withBrowser,
} from './support.ts';

withBrowser();

const CHAIR = '13800000003'; // 王建国, 理事长 of 南江绿苑
const MEMBER = '13800000004'; // 李秀英, 理事 (ballot.enter)
const LEADER = '13800000005'; // 张海波, 楼组长 of 南江绿苑 1幢 (ballot.collect there)
const RESIDENT = '13800000010'; // 林阿姨, owner and named voter of 1幢1单元101
const TITLE = '楼道加装扶手（浏览器测试）';
const RECEIPT = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** The signed paper ballot, photographed. */
const ballotPhoto = () =>
  sharp({ create: { width: 400, height: 300, channels: 3, background: '#fafafa' } })
    .jpeg()
    .toBuffer();

/**
 * axe on the screen as it rests: the pointer moved off what was last pressed, which a closed dialog can
 * leave over a primary button in its (lighter, antd's own) hover shade.
 */
async function accessible(page: Page, where: string) {
  await page.mouse.move(0, 0);
  await expectAccessible(page, where);
}

/** No horizontal scrolling: the page fits the phone's width. */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The receipt code shown in the status box after a ballot. */
async function receiptIn(page: Page) {
  const code = page.locator('.receipt-code');
  await code.waitFor();
  const text = ((await code.textContent()) ?? '').trim();
  expect(text).toMatch(RECEIPT);
  return text;
}

/** Opens the vote from a station's list of votes. */
async function openVote(page: Page) {
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

let voteUrl = '';

describe('votes 表决', () => {
  it('the chair sets up an owners’ yes / no vote under the Civil Code’s ordinary rule and opens it', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await openPage(chair, '表决');
    await chair.getByRole('heading', { level: 2, name: /的表决$/ }).waitFor();
    await accessible(chair, 'votes (staff)');
    await chair.getByRole('button', { name: '发起表决' }).click();
    await chair.getByRole('heading', { level: 1, name: '发起表决' }).waitFor();

    await chair.getByLabel('标题').fill(TITLE);
    await chair.getByLabel('说明').fill('在 1–3 幢楼道加装不锈钢扶手，费用由自治基金承担。');
    // The scope starts as the station's compound.
    await chair.locator('form').getByText('南江绿苑', { exact: true }).first().waitFor();
    await chair
      .getByRole('radiogroup', { name: '表决方式' })
      .getByText('赞成 / 反对', { exact: true })
      .click();
    await chair
      .getByRole('radiogroup', { name: '计票规则' })
      .getByText('民法典 一般事项', { exact: true })
      .click();
    await chair.getByText(/参与表决的专有面积和人数均不少于总数的 2\/3/).waitFor();

    // Counting by the Civil Code with one vote per household: the server says why not, on the field.
    await chair.getByRole('button', { name: '保存为草稿' }).click();
    await chair
      .getByRole('alert')
      .filter({ hasText: '按民法典或按面积计票时，投票人必须是业主' })
      .first()
      .waitFor();
    await accessible(chair, 'create vote with a field error');

    await chair.getByRole('radiogroup', { name: '投票人' }).getByText('业主', { exact: true }).click();
    await chair.getByRole('button', { name: '保存为草稿' }).click();
    await chair.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await chair.locator('.ant-tag').getByText('草稿', { exact: true }).waitFor();
    await accessible(chair, 'draft vote');

    await chair.getByRole('button', { name: '开始表决' }).click();
    const dialog = chair.getByRole('dialog', { name: '开始表决' });
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await chair.locator('.ant-tag').getByText('进行中', { exact: true }).waitFor();
    await chair.getByText('参与人数').first().waitFor();
    voteUrl = new URL(chair.url()).pathname;
    expect(voteUrl).toMatch(/^\/votes\/\d+$/);
  });

  it('林阿姨 votes 赞成 on her phone, keeps her receipt code and checks it, in normal and large mode', async () => {
    const resident = await newPage(PHONE);
    await login(resident, RESIDENT);
    // From 我的家 to the station's votes.
    await openPage(resident, '我的家');
    await resident.getByRole('link', { name: '本站表决' }).first().click();
    await resident.getByRole('heading', { level: 1, name: '表决' }).waitFor();
    await resident.getByRole('link', { name: TITLE }).waitFor();
    await accessible(resident, 'votes (resident)');
    await expectNoOverflow(resident);
    // And from the home page's card.
    await openPage(resident, '首页', '您好');
    await resident.getByRole('heading', { level: 2, name: '社区表决' }).waitFor();
    await resident.getByRole('link', { name: TITLE }).waitFor();
    await accessible(resident, 'home with votes');
    await openVote(resident);
    await resident.getByText('您还没有投票').waitFor();
    await accessible(resident, 'vote on a phone');
    await expectNoOverflow(resident);

    await resident.getByRole('button', { name: '赞成', exact: true }).click();
    await resident.getByText('您的选择：赞成').waitFor();
    await accessible(resident, 'confirm the vote');
    await resident.getByRole('button', { name: '确认提交' }).click();
    const code = await receiptIn(resident);
    await resident.getByText('您已投票').waitFor();
    await accessible(resident, 'receipt');
    await expectNoOverflow(resident);

    await resident.getByLabel('输入回执码核验').fill(code);
    await resident.getByRole('button', { name: '核验' }).click();
    await resident.getByRole('status').filter({ hasText: '已计入：赞成' }).waitFor();

    // 长辈版: the same page, larger, still within the phone's width.
    await useLargeMode(resident);
    await resident.getByText('您已投票').waitFor();
    // Voting again is allowed here (ballots are not final), asked for first.
    await resident.getByRole('button', { name: '重新投票' }).click();
    await resident.getByRole('button', { name: '赞成', exact: true }).waitFor();
    // Every button and link at least 60 × 60 px, as everywhere in 长辈版.
    await expectLargeTargets(resident, 'main button, main a, nav a, main [role="switch"]');
    await accessible(resident, 'vote in large mode');
    await expectNoOverflow(resident);
  });

  it('李秀英 enters a paper ballot signed by a proxy: refused without the photo, entered with it', async () => {
    const member = await newPage(DESKTOP);
    await login(member, MEMBER);
    await openPage(member, '表决');
    await openVote(member);
    await member.getByLabel('搜索姓名或房号').fill('2幢1单元101');
    await member.getByRole('button', { name: '录入纸质选票：2幢1单元101', exact: true }).click();
    const dialog = member.getByRole('dialog', { name: '录入纸质选票' });
    await dialog.getByRole('radiogroup', { name: '选择' }).getByText('赞成', { exact: true }).click();
    await dialog.getByText('由代理人代为投票').click();
    await dialog.getByLabel('代理人姓名').fill('王小明');
    await dialog
      .getByLabel('书面委托内容')
      .fill('业主王某书面委托其子王小明代为表决，委托书原件已收存于站内');

    await dialog.getByRole('button', { name: '录入' }).click();
    await dialog.getByRole('alert').filter({ hasText: '请选择照片' }).first().waitFor();
    await accessible(member, 'paper ballot without a photo');

    await dialog.locator('input[type=file]').setInputFiles({
      name: 'ballot.jpg',
      mimeType: 'image/jpeg',
      buffer: await ballotPhoto(),
    });
    await dialog.getByRole('button', { name: '录入' }).click();
    await receiptIn(member);
    await accessible(member, 'paper ballot entered');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = member
      .getByRole('row')
      .filter({ has: member.getByRole('cell', { name: '2幢1单元101', exact: true }) });
    await row.getByText('纸质', { exact: true }).waitFor();
    await row.getByText('赞成', { exact: true }).waitFor();
    await row.getByText('李秀英', { exact: true }).waitFor();
    // The photo of the signed ballot is there to check, small in the row and full on click.
    const photo = row.getByRole('img', { name: '2幢1单元101 的纸质选票照片' });
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await photo.click();
    const full = member.locator('.ant-image-preview-img');
    await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await member.keyboard.press('Escape');
  });

  it('the building leader enters a door-to-door ballot in 1幢 on his phone', async () => {
    const leader = await newPage(PHONE);
    await login(leader, LEADER);
    await leader.getByRole('button', { name: '打开菜单' }).click();
    await openPage(leader, '表决');
    await openVote(leader);
    await leader.getByLabel('搜索姓名或房号').fill('1幢1单元102');
    await leader.getByRole('button', { name: '入户收票：1幢1单元102', exact: true }).click();
    const dialog = leader.getByRole('dialog', { name: '入户收票' });
    await dialog.getByRole('radiogroup', { name: '选择' }).getByText('反对', { exact: true }).click();
    await accessible(leader, 'door-to-door ballot');
    await dialog.getByRole('button', { name: '录入' }).click();
    await receiptIn(leader);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await leader
      .getByRole('row')
      .filter({ hasText: '1幢1单元102' })
      .getByText('入户', { exact: true })
      .waitFor();
    await accessible(leader, 'vote (building leader)');
    await expectNoOverflow(leader);
  });

  it('the chair closes the vote: the result by heads and area agrees with a recount of the recount file', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await chair.goto(voteUrl);
    await chair.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await chair.getByRole('button', { name: '结束表决' }).click();
    const dialog = chair.getByRole('dialog', { name: '结束表决' });
    await dialog.getByText(/选票和结果将被冻结/).waitFor();
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await chair.locator('.ant-tag').getByText('已结束', { exact: true }).waitFor();
    const verdict = chair.locator('.vote-verdict');
    await verdict.waitFor();
    await accessible(chair, 'closed vote');

    // Every check: 参与/同意 × 人数/面积.
    const cell = async (stage: string, dimension: string) => {
      const row = chair
        .locator('.vote-checks')
        .getByRole('row')
        .filter({ has: chair.getByRole('cell', { name: stage, exact: true }) })
        .filter({ has: chair.getByRole('cell', { name: dimension, exact: true }) });
      return ((await row.getByRole('cell').nth(2).textContent()) ?? '').trim();
    };
    const shown = {
      passed: ((await verdict.textContent()) ?? '').trim() === '表决通过',
      participationHeads: await cell('参与', '人数'),
      participationArea: await cell('参与', '面积（㎡）'),
      agreementHeads: await cell('同意', '人数'),
      agreementArea: await cell('同意', '面积（㎡）'),
    };

    // The recount file, through the page's own link, counted again without the database.
    const link = chair.getByRole('link', { name: '下载复核文件' });
    const href = (await link.getAttribute('href')) ?? '';
    const response = await chair.request.get(href);
    expect(response.status()).toBe(200);
    const file = (await response.json()) as { ballots: unknown[] };
    expect(file.ballots).toHaveLength(3);
    const again = recount(file);
    const m2 = (fraction: string) => {
      const [num, den] = fraction.split('/') as [string, string];
      return `${areaText(BigInt(num))}/${areaText(BigInt(den))}`;
    };
    if (!('agreement' in again)) throw new Error('a yes / no recount has its agreement');
    expect(shown.passed).toBe(again.passed);
    expect(again.passed).toBe(false); // 3 owners of hundreds: far from 2/3 taking part
    expect(shown.participationHeads.startsWith(`${again.participation.heads} (`)).toBe(true);
    expect(shown.participationArea.startsWith(`${m2(again.participation.area)} (`)).toBe(true);
    expect(again.agreement.heads).toBe('2/3');
    expect(shown.agreementHeads.startsWith(`${again.agreement.heads} (`)).toBe(true);
    expect(shown.agreementArea.startsWith(`${m2(again.agreement.area)} (`)).toBe(true);

    // The published ballot list: three ballots, and the digest recomputed in the browser matches.
    await chair.getByRole('link', { name: '查看选票清单' }).click();
    await chair.getByRole('heading', { level: 1, name: '选票清单' }).waitFor();
    await chair.getByRole('status').filter({ hasText: '本机重新计算的摘要与公布的一致' }).waitFor();
    await expect.poll(() => chair.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(3);
    await accessible(chair, 'ballot list');

    // The notice for the notice board: both dimensions against every threshold, the digest, a QR code.
    await chair.goto(voteUrl);
    await chair.getByRole('link', { name: '打印结果公示' }).click();
    await chair.getByRole('heading', { level: 1, name: `关于“${TITLE}”表决结果的公示` }).waitFor();
    const notice = chair.locator('.notice-sheet');
    await notice.getByText('表决未通过').waitFor();
    await expect.poll(() => notice.locator('table').first().getByRole('row').count()).toBe(5); // header + 4 checks
    await notice.getByRole('img', { name: '本次表决页面的二维码' }).waitFor();
    expect(await notice.locator('.notice-digest').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await accessible(chair, 'result notice');

    // 林阿姨 sees the result on her phone, and her receipt is still counted.
    const resident = await newPage(PHONE);
    await login(resident, RESIDENT);
    await resident.goto(voteUrl);
    await resident.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await resident.getByText('表决未通过').waitFor();
    await accessible(resident, 'result on a phone');
    await expectNoOverflow(resident);
  });
});
