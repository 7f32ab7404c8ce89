import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, login, newPage, openPage, PHONE, withBrowser } from './support.ts';

withBrowser();

const CHAIR = '13800000003'; // 王建国, 理事长 of 南江绿苑: calls the meeting and lays out the grid
const RESIDENT = '13800000010'; // 林阿姨, verified resident of 南江绿苑 1幢
const MEMBER = '13800000004'; // 李秀英, 理事 (sees every meeting of the station)
const SECRETARY = '13800000015'; // 秘书长许静
const TITLE = '我们的小区花园（开放空间测试）';
const SLOT = '第一轮 14:00–14:45';
const GARDEN = '花园里种什么';
const PLAYGROUND = '儿童游乐区';
const PETS = '宠物便便怎么办';
const PLAN = '五月前选定花园的植物清单';

/** A day in China (the station's clock) `n` days from today, YYYY-MM-DD: independent of the time of day. */
function chinaDay(n: number): string {
  return new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

/** axe on the screen as it rests (the pointer off what was last pressed). */
async function accessible(page: Page, where: string) {
  await page.mouse.move(0, 0);
  await expectAccessible(page, where);
}

/** No horizontal scrolling: the page fits the phone's width. */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A group on the grid: the region named by its topic. */
const group = (page: Page, title: string): Locator => page.getByRole('region', { name: title, exact: true });

/** The text announcing one's remaining dots. */
const remaining = (page: Page) => page.locator('.dots-remaining');

/** Opens the Open Space board at its address and waits for its heading. */
async function openSpace(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: `开放空间：${TITLE}` }).waitFor();
}

async function postTopic(page: Page, title: string) {
  await page.getByLabel('我想谈的议题').fill(title);
  await page.getByRole('button', { name: '发布议题' }).click();
  await page.locator('.market-title').getByText(title, { exact: true }).waitFor();
}

/** One more dot for a topic, then waits until the remaining dots say so. */
async function addDot(page: Page, title: string, left: number) {
  await page.getByRole('button', { name: `给“${title}”加一个点` }).click();
  await remaining(page).getByText(`您还有 ${left} 个点（每人 3 个）`).waitFor();
}

let spaceUrl = '';
// The participants' pages, kept from one step to the next.
let resident: Page;
let member: Page;
let secretary: Page;
let chair: Page;

describe('Open Space 开放空间', () => {
  it('the chair calls an Open Space for all households and lays out the grid', async () => {
    chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await openPage(chair, '议事');
    await chair.getByRole('heading', { level: 2, name: /的议事$/ }).waitFor();
    await accessible(chair, 'deliberation (staff)');
    await chair.getByRole('tab', { name: '会议' }).click();
    await chair.getByRole('button', { name: '召开会议' }).click();
    await chair.getByRole('heading', { level: 1, name: '召开会议' }).waitFor();

    await chair.getByRole('radiogroup', { name: '会议类型' }).getByText('开放空间', { exact: true }).click();
    await chair.getByLabel('会议名称').fill(TITLE);
    await chair.getByLabel('会议目的').fill('一起商量小区花园怎么改造：谁来都欢迎。');
    await chair.getByLabel('开始时间').fill(`${chinaDay(1)}T14:00`);
    await chair.getByLabel('结束时间').fill(`${chinaDay(1)}T17:00`);
    await chair.getByLabel('地点', { exact: true }).fill('小区中心广场');
    // Open Space invites every household unless the organiser chooses otherwise.
    await expect
      .poll(() => chair.getByRole('group', { name: '邀请对象' }).getByLabel('全体住户').isChecked())
      .toBe(true);
    await expect.poll(() => chair.getByLabel('每人点数').inputValue()).toBe('3');
    await accessible(chair, 'call a meeting');
    await chair.getByRole('button', { name: '召开会议' }).click();
    await chair.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await chair.getByText('全体住户').first().waitFor();
    await accessible(chair, 'meeting');

    await chair.getByRole('link', { name: '进入开放空间' }).click();
    await chair.getByRole('heading', { level: 1, name: `开放空间：${TITLE}` }).waitFor();
    spaceUrl = new URL(chair.url()).pathname;
    expect(spaceUrl).toMatch(/^\/meetings\/\d+\/space$/);
    await chair.getByLabel('时段', { exact: true }).fill(SLOT);
    await chair.getByRole('button', { name: '添加时段' }).click();
    await chair.getByText(SLOT, { exact: true }).first().waitFor();
    for (const place of ['A 桌', 'B 桌', 'C 桌', 'D 桌']) {
      await chair.getByLabel('地点', { exact: true }).fill(place);
      await chair.getByRole('button', { name: '添加地点' }).click();
      await chair.locator('.space-place').getByText(place, { exact: true }).waitFor();
    }
    await accessible(chair, 'open space: empty grid');
  });

  it('three participants post topics from their phones and the chair lays them on the grid', async () => {
    expect(spaceUrl).not.toBe('');
    // 林阿姨 finds the meeting on her home page and opens the board: the principles come first.
    resident = await newPage(PHONE);
    await login(resident, RESIDENT);
    await resident.getByRole('heading', { level: 2, name: '社区议事' }).waitFor();
    await accessible(resident, 'home with deliberation');
    await resident.getByRole('link', { name: TITLE }).click();
    await resident.getByRole('heading', { level: 1, name: `开放空间：${TITLE}` }).waitFor();
    await resident.getByText('来的都是对的人；').waitFor();
    await resident.getByText(/如果你觉得既没有学到什么也无法贡献，就用双脚走到别处/).waitFor();
    await postTopic(resident, GARDEN);
    await accessible(resident, 'open space (resident)');
    await expectNoOverflow(resident);

    // 李秀英 and 许静 take part from their phones too.
    member = await newPage(PHONE);
    await login(member, MEMBER);
    await openSpace(member, spaceUrl);
    await postTopic(member, PLAYGROUND);
    await accessible(member, 'open space (council member)');
    await expectNoOverflow(member);
    secretary = await newPage(PHONE);
    await login(secretary, SECRETARY);
    await openSpace(secretary, spaceUrl);
    await postTopic(secretary, PETS);
    await expectNoOverflow(secretary);

    // The chair lays the three topics on the grid.
    await chair.reload();
    await chair.getByRole('heading', { level: 1, name: `开放空间：${TITLE}` }).waitFor();
    for (const [title, place] of [
      [GARDEN, 'A 桌'],
      [PLAYGROUND, 'B 桌'],
      [PETS, 'C 桌'],
    ] as const) {
      await chair.getByLabel(`“${title}”排到`).selectOption({ label: `${SLOT} · ${place}` });
      await chair.getByRole('button', { name: `把“${title}”排入议程墙` }).click();
      await group(chair, title).waitFor();
    }
    await chair.getByText('所有议题都已排入议程墙。').waitFor();
    // A group with nobody in it yet moves anywhere free: the pets go to D 桌.
    await chair.getByLabel(`“${PETS}”移到`, { exact: true }).selectOption({ label: `${SLOT} · D 桌` });
    await chair.getByRole('button', { name: `把“${PETS}”移到其他位置` }).click();
    await expect
      .poll(() =>
        chair
          .locator('.space-cell')
          .filter({ has: group(chair, PETS) })
          .locator('.space-place')
          .textContent(),
      )
      .toBe('D 桌');
    await accessible(chair, 'open space: grid laid out');
  });

  it('they join groups (moving by the law of two feet), take notes and file reports', async () => {
    // 林阿姨 joins the playground group, then walks over to the garden (the law of two feet).
    await resident.reload();
    await resident.getByRole('button', { name: `加入“${PLAYGROUND}”小组` }).click();
    await group(resident, PLAYGROUND).getByText('我在这组').waitFor();
    const garden = group(resident, GARDEN);
    await garden.getByText(`双脚法则：换到这里会离开同一时段的“${PLAYGROUND}”小组。`).waitFor();
    await accessible(resident, 'open space: in a group');
    await resident.getByRole('button', { name: `换到“${GARDEN}”小组` }).click();
    await resident.getByText(`已离开“${PLAYGROUND}”，加入“${GARDEN}”`).waitFor();
    await garden.getByText('我在这组').waitFor();
    await expect.poll(() => group(resident, PLAYGROUND).getByText('我在这组').count()).toBe(0);

    // 李秀英 joins the garden, takes its notes and files its report.
    await member.reload();
    await member.getByRole('button', { name: `加入“${GARDEN}”小组` }).click();
    await member.getByRole('button', { name: `担任“${GARDEN}”的记录员` }).click();
    await group(member, GARDEN).getByText('我是记录员').waitFor();
    await member.getByLabel(`“${GARDEN}”的小组报告`).fill('大家希望种本地的桂花和月季，留一块给孩子们种菜。');
    await group(member, GARDEN).getByRole('button', { name: '提交报告' }).click();
    await member.getByText('报告已提交').waitFor();
    await accessible(member, 'open space: report filed');

    // 许静 convenes the pets group and files its report as its convener.
    await secretary.reload();
    await secretary.getByRole('button', { name: `加入“${PETS}”小组` }).click();
    await group(secretary, PETS).getByText('我在这组').waitFor();
    await secretary.getByLabel(`“${PETS}”的小组报告`).fill('在花园入口放拾便袋，请楼组长提醒。');
    await group(secretary, PETS).getByRole('button', { name: '提交报告' }).click();
    await secretary.getByText('报告已提交').waitFor();
  });

  it('they spread their dots and the topics are ranked by them', async () => {
    // Dot voting: three dots each, shown as they are spent.
    await resident.reload();
    await group(resident, GARDEN).locator('p', { hasText: '大家希望种本地的桂花和月季' }).waitFor();
    await remaining(resident).getByText('您还有 3 个点（每人 3 个）').waitFor();
    await addDot(resident, GARDEN, 2);
    await addDot(resident, GARDEN, 1);
    await addDot(resident, PLAYGROUND, 0);
    await expect
      .poll(() => resident.getByRole('button', { name: `给“${PETS}”加一个点` }).isDisabled())
      .toBe(true);
    await resident.getByRole('button', { name: `从“${PLAYGROUND}”收回一个点` }).click();
    await remaining(resident).getByText('您还有 1 个点（每人 3 个）').waitFor();
    await addDot(resident, PETS, 0);
    await accessible(resident, 'open space: dots spent');
    await expectNoOverflow(resident);
    await member.reload();
    await addDot(member, GARDEN, 2);
    await addDot(member, PLAYGROUND, 1);
    await addDot(member, PLAYGROUND, 0);
    await secretary.reload();
    await addDot(secretary, PETS, 2);
    await addDot(secretary, GARDEN, 1);

    await addDot(secretary, PETS, 0);
    // Ranked by dots: the garden 2 + 1 + 1, the pets 1 + 2, the playground 2.
    const ranking = secretary.locator('.dot-ranking li');
    await expect.poll(() => ranking.first().textContent()).toBe(`${GARDEN}4 点`);
    await expect.poll(() => ranking.nth(1).textContent()).toBe(`${PETS}3 点`);
    await expect.poll(() => ranking.nth(2).textContent()).toBe(`${PLAYGROUND}2 点`);
  });

  it('the garden’s convener adds an action plan; it shows on every board and on the shared screen', async () => {
    // 林阿姨, the garden's convener, adds its action plan.
    await resident.reload();
    await resident.getByRole('button', { name: `为“${GARDEN}”添加行动计划` }).click();
    const gardenGroup = group(resident, GARDEN);
    await gardenGroup.getByLabel('行动计划', { exact: true }).fill(PLAN);
    // The owner is picked from the room's people, so the plan reaches her account.
    await gardenGroup.getByLabel('负责人', { exact: true }).fill('林');
    await resident.locator('.ant-select-item-option').filter({ hasText: '林阿姨' }).first().click();
    await gardenGroup.getByText('已关联 林阿姨 的账号').waitFor();
    await gardenGroup.getByLabel('完成日期').fill(chinaDay(30));
    await accessible(resident, 'open space: action plan form');
    await gardenGroup.getByRole('button', { name: '保存计划' }).click();
    await resident.getByText('行动计划已添加').waitFor();
    await gardenGroup.getByText(PLAN).waitFor();
    await resident.locator('.space-plans').getByText(PLAN).waitFor();
    await resident
      .locator('.space-plans')
      .getByText(`截止 ${chinaDay(30)}`)
      .waitFor();
    await expectNoOverflow(resident);

    // The plan reaches the others' boards too.
    await member.reload();
    await member.locator('.space-plans').getByText(PLAN).waitFor();
    await accessible(member, 'open space: plans (council member)');
    await expectNoOverflow(member);

    // The room's shared screen: the grid, the ranking and the plan, without navigation.
    await chair.goto(`${spaceUrl}/screen`);
    await chair.getByRole('heading', { level: 1, name: `开放空间：${TITLE}` }).waitFor();
    await chair.getByText('每 10 秒自动刷新').waitFor();
    await expect.poll(() => chair.locator('.dot-ranking li').first().textContent()).toBe(`${GARDEN}4 点`);
    await chair.locator('.space-plans').getByText(PLAN).waitFor();
    await chair.getByText('在花园入口放拾便袋，请楼组长提醒。').waitFor();
    expect(await chair.getByRole('navigation').count()).toBe(0);
    await accessible(chair, 'open space: shared screen');

    // Its owner, a resident, marks it done on her phone.
    await resident.getByRole('button', { name: `完成“${PLAN}”` }).click();
    const done = resident.getByRole('dialog', { name: `完成“${PLAN}”` });
    await done.getByLabel('完成情况').fill('植物清单已在业主群公示。');
    await done.getByRole('button', { name: '完成' }).click();
    await done.waitFor({ state: 'hidden' });
    await group(resident, GARDEN).getByText('已完成').waitFor();
  });
});
