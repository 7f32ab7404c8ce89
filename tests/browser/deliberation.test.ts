import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, login, newPage, openPage, PHONE, withBrowser } from './support.ts';

withBrowser();

const CHAIR = '13800000003'; // 王建国, 理事长 of 南江绿苑
const RESIDENT = '13800000010'; // 林阿姨, verified resident of 南江绿苑 1幢
const TOPIC = '电动车充电棚加装喷淋（议事测试）';
const MEETING = '充电棚安全居民议事会（议事测试）';
const ACTION = '请物业报价喷淋改造';

/** A day in China `n` days from today, YYYY-MM-DD: independent of the time of day. */
const chinaDay = (n: number) =>
  new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

async function accessible(page: Page, where: string) {
  await page.mouse.move(0, 0);
  await expectAccessible(page, where);
}

async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Picks an option of the antd Select labelled `label`, typing `search` first. */
async function choose(page: Page, label: string, option: string, search?: string) {
  await page.getByLabel(label, { exact: true }).click();
  if (search) await page.keyboard.type(search);
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Moves the topic from its page: the move's button, then the dialog's confirmation. */
async function move(page: Page, name: string, status: string, fill?: () => Promise<void>) {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  if (fill) await fill();
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('.ant-tag').getByText(status, { exact: true }).waitFor();
}

let topicUrl = '';

describe('topics 议题 and meetings 会议', () => {
  it('林阿姨 raises a topic on her phone and supports it', async () => {
    const resident = await newPage(PHONE);
    await login(resident, RESIDENT);
    await resident.getByRole('link', { name: '查看议题和会议' }).click();
    await resident.getByRole('heading', { level: 1, name: '议事' }).waitFor();
    await resident.getByRole('button', { name: '提出议题' }).click();
    const dialog = resident.getByRole('dialog', { name: '提出议题' });
    await dialog.getByLabel('议题', { exact: true }).fill(TOPIC);
    await dialog.getByLabel('说明').fill('充电棚夏天很热，担心电瓶起火，建议加装自动喷淋。');
    await accessible(resident, 'raise a topic');
    await dialog.getByRole('button', { name: '提交议题' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = resident.locator('.topic-row').filter({ hasText: TOPIC });
    await row.getByText('待附议').waitFor();
    await row.getByText('附议 0 / 10 人').waitFor();
    await resident.getByRole('button', { name: `附议“${TOPIC}”` }).click();
    await row.getByText('附议 1 / 10 人').waitFor();
    await row.getByText('已附议').waitFor();
    await accessible(resident, 'topics (resident)');
    await expectNoOverflow(resident);
    await row.getByRole('link', { name: TOPIC }).click();
    await resident.getByRole('heading', { level: 1, name: TOPIC }).waitFor();
    topicUrl = new URL(resident.url()).pathname;
    await accessible(resident, 'topic (resident)');
    await expectNoOverflow(resident);
    expect(await resident.getByRole('link', { name: '导出报送材料' }).count()).toBe(0);
  });

  it('the chair puts it on the agenda of a residents’ meeting, signs in a proxy, minutes it, follows an action item to done, decides the topic and prints its submission', async () => {
    expect(topicUrl).not.toBe('');
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await chair.goto(topicUrl);
    await chair.getByRole('heading', { level: 1, name: TOPIC }).waitFor();
    await move(chair, '列入议程', '已列入议程');
    await accessible(chair, 'topic (staff)');

    await openPage(chair, '议事');
    await chair.getByRole('tab', { name: '会议' }).click();
    await chair.getByRole('button', { name: '召开会议' }).click();
    await chair.getByRole('heading', { level: 1, name: '召开会议' }).waitFor();
    await chair.getByLabel('会议名称').fill(MEETING);
    await chair.getByLabel('开始时间').fill(`${chinaDay(2)}T19:00`);
    await chair.getByLabel('结束时间').fill(`${chinaDay(2)}T18:00`);
    await chair.getByLabel('地点', { exact: true }).fill('自治站议事厅');
    await chair.getByLabel('名额').fill('30');
    await choose(chair, '议程：本站议题', TOPIC);
    // Ending before it starts: the server says so on the field.
    await chair.getByRole('button', { name: '召开会议' }).click();
    await chair.getByText('结束时间必须晚于开始时间').first().waitFor();
    await accessible(chair, 'call a meeting with a field error');
    await chair.getByLabel('结束时间').fill(`${chinaDay(2)}T21:00`);
    await chair.getByRole('button', { name: '召开会议' }).click();
    await chair.getByRole('heading', { level: 1, name: MEETING }).waitFor();
    await chair.getByText('已报名 0 / 30 人').waitFor();
    await chair.getByRole('link', { name: TOPIC }).waitFor();

    // A proxy at the door: without the written authorisation the form refuses (as the server would), on the field.
    await chair.getByRole('radiogroup', { name: '签到方式' }).getByText('代理人', { exact: true }).click();
    await chair.getByLabel('代理人姓名').fill('林阿姨的女儿');
    await choose(chair, '被代理的居民', '林阿姨', '林阿姨');
    await chair.getByRole('button', { name: '签到', exact: true }).click();
    await chair.getByText('代为参会须登记书面委托书').first().waitFor();
    await accessible(chair, 'sign-in with a field error');
    await chair.getByLabel('书面委托书').fill('本人林阿姨委托女儿代为参加本次议事会。');
    await chair.getByRole('button', { name: '签到', exact: true }).click();
    await chair.getByText('签到 1 人（其中代理 1 人）').waitFor();

    await chair.getByLabel('纪要', { exact: true }).fill('与会者同意加装喷淋，由物业先行报价。');
    await chair.getByRole('button', { name: '保存纪要' }).click();
    await chair.locator('.ant-tag').getByText('已召开', { exact: true }).waitFor();
    await chair.getByLabel('决议内容').fill('同意为充电棚加装自动喷淋。');
    await chair.getByRole('button', { name: '添加决议' }).click();
    await chair.locator('.agenda-list').getByText('同意为充电棚加装自动喷淋。').waitFor();
    await chair.getByLabel('事项', { exact: true }).fill(ACTION);
    await chair.getByLabel('负责人', { exact: true }).fill('物业赵经理');
    await chair.getByLabel('截止日期').fill(chinaDay(14));
    await choose(chair, '对应议题', TOPIC);
    await chair.getByRole('button', { name: '添加行动事项' }).click();
    await chair.locator('.action-title').getByText(ACTION).waitFor();
    await accessible(chair, 'meeting with records');
    await chair.getByRole('button', { name: `完成“${ACTION}”` }).click();
    const done = chair.getByRole('dialog', { name: `完成“${ACTION}”` });
    await done.getByLabel('完成情况').fill('报价已收到：1.2 万元。');
    await done.getByRole('button', { name: '完成' }).click();
    await done.waitFor({ state: 'hidden' });
    await chair.locator('.action-items').getByText('已完成').waitFor();

    // Back on the topic: deliberated, decided as a project; its action item is there.
    await chair.goto(topicUrl);
    await chair.getByText(ACTION).waitFor();
    await move(chair, '开始协商', '协商中');
    await move(chair, '议定', '已议定', async () => {
      await chair.getByLabel('结果说明').fill('列入年度自治项目。');
    });
    await chair.getByText('项目：列入年度自治项目。').waitFor();
    await chair.getByRole('link', { name: '导出报送材料' }).click();
    await chair.getByRole('heading', { level: 1, name: `议题报送材料：${TOPIC}` }).waitFor();
    await chair.getByText('1 人（其中代理 1 人）').waitFor();
    await chair.getByText('与会者同意加装喷淋，由物业先行报价。').waitFor();
    await chair.locator('.submission-table').getByText(ACTION).waitFor();
    await accessible(chair, 'submission');
  });

  it('the chair calls off a planned meeting with its reason; 林阿姨 reads it on her phone', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    const starts = new Date(Date.now() + 3 * 86_400_000);
    const created = await chair.request.post('/api/v1/stations/1/meetings', {
      data: {
        kind: 'residents',
        title: '楼道堆物清理议事会（取消测试）',
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 2 * 3600_000).toISOString(),
        place: '自治站议事厅',
        inviteGroups: ['allHouseholds'],
      },
    });
    expect(created.status()).toBe(201);
    const url = `/meetings/${(await created.json()).id}`;
    await chair.goto(url);
    await chair.getByRole('button', { name: '取消会议' }).click();
    const dialog = chair.getByRole('dialog', { name: '取消“楼道堆物清理议事会（取消测试）”' });
    await dialog.getByRole('button', { name: '确认取消' }).click();
    await dialog.getByText('请填写取消原因').waitFor();
    await dialog.getByLabel('取消原因').fill('台风预警，改期另行通知。');
    await dialog.getByRole('button', { name: '确认取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await chair.getByText('会议已取消：台风预警，改期另行通知。').waitFor();
    expect(await chair.getByRole('button', { name: '取消会议' }).count()).toBe(0);
    await accessible(chair, 'cancelled meeting (staff)');

    const resident = await newPage(PHONE);
    await login(resident, RESIDENT);
    await resident.goto(url);
    await resident.getByText('会议已取消：台风预警，改期另行通知。').waitFor();
    expect(await resident.getByRole('button', { name: '报名参加' }).count()).toBe(0);
    await accessible(resident, 'cancelled meeting (resident)');
    await expectNoOverflow(resident);
  });
});
