import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DESKTOP, expectAccessible, login, newPage, openPage, PHONE, withBrowser } from './support.ts';

withBrowser();

const ADMIN = '13800000001';
const CHAIR = '13800000003'; // 王建国, 理事长 of 南江绿苑
const MEMBER = '13800000004'; // 李秀英, 常务理事 of 南江绿苑

/** An API call in the page's session (the same cookie the UI uses); fails the test on an error status. */
async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    ...(body === undefined ? {} : { data: body }),
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

interface Node {
  kind: string;
  id: number;
  name: string;
  hasChildren: boolean;
}

/** Walks the tree from the roots down to the area with this name. */
async function findArea(page: Page, name: string): Promise<Node> {
  let level = (await apiCall<{ items: Node[] }>(page, 'GET', '/places/children')).items;
  for (let depth = 0; depth < 5; depth++) {
    const hit = level.find((n) => n.name === name);
    if (hit) return hit;
    const next: Node[] = [];
    for (const n of level.filter((x) => x.kind === 'area' && x.hasChildren)) {
      next.push(
        ...(await apiCall<{ items: Node[] }>(page, 'GET', `/places/children?kind=area&id=${n.id}`)).items,
      );
    }
    level = next;
  }
  throw new Error(`no area named ${name}`);
}

/** Today in China (the stations' clock), YYYY-MM-DD, and its weekday 1 = Monday … 7 = Sunday. */
function chinaToday(): { date: string; weekday: number } {
  const date = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return { date, weekday: day === 0 ? 7 : day };
}

function nextMonth(): string {
  const [y, m] = chinaToday().date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Picks an option of an antd Select opened by its accessible name. */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

describe('the station itself', () => {
  it('the chair sets up a new station and a council of 7 standing directors; the checker flags residents under half', async () => {
    // Arranged through the API: the community creates a new compound (and with it a station in 筹建)
    // and makes 王建国 its chair too.
    const admin = await newPage(DESKTOP);
    await login(admin, ADMIN);
    const community = await findArea(admin, '汪源社区');
    await apiCall(admin, 'POST', '/compounds', {
      communityId: community.id,
      name: '望春新苑',
      stationKind: 'team',
    });
    const stations = await apiCall<{ items: { id: number; name: string }[] }>(admin, 'GET', '/stations');
    const station = stations.items.find((s) => s.name === '望春新苑自治站');
    expect(station).toBeDefined();
    const grant = await apiCall<{ id: number }>(admin, 'POST', '/role-grants', {
      phone: CHAIR,
      role: 'chair',
      stationId: station!.id,
    });
    // Later files expect 王建国 to chair one station only.
    onTestFinished(async () => {
      await apiCall(admin, 'DELETE', `/role-grants/${grant.id}`);
    });

    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await openPage(chair, '自治站');
    await expectAccessible(chair, 'stations');
    await chair.getByRole('link', { name: '望春新苑自治站' }).click();
    await chair.getByRole('heading', { level: 1, name: '望春新苑自治站' }).waitFor();
    await expectAccessible(chair, 'station overview');

    // The setup checklist: every step done today.
    for (const step of ['场地落实', '理事会组建', '制度建立', '装修布置']) {
      await chair.getByRole('button', { name: `标记“${step}”完成` }).click();
      await chair.getByRole('button', { name: `撤销“${step}”` }).waitFor();
    }
    // With the checklist done, the station opens: 筹建 → 运行.
    await chair.getByRole('button', { name: '转为“运行”' }).click();
    await chair.getByRole('button', { name: '转为“暂停”' }).waitFor();

    // The council: a term, then 7 standing directors (chair, secretary-general and five more), none of
    // them living in the compound (it has no residents yet).
    await chair.getByRole('tab', { name: '理事会' }).click();
    await chair.getByRole('button', { name: '新建一届' }).click();
    const termDialog = chair.getByRole('dialog', { name: '新建一届' });
    await termDialog.getByRole('button', { name: '保存' }).click();
    await termDialog.waitFor({ state: 'hidden' });
    const people: [string, string][] = [
      ['赵一', '理事长'],
      ['钱二', '秘书长'],
      ['孙三', '常务理事'],
      ['李四', '常务理事'],
      ['周五', '常务理事'],
      ['吴六', '常务理事'],
      ['郑七', '常务理事'],
    ];
    for (const [name, position] of people) {
      await chair.getByRole('button', { name: '添加成员' }).click();
      const dialog = chair.getByRole('dialog', { name: '添加成员' });
      await dialog.getByLabel('姓名', { exact: true }).fill(name);
      await dialog.getByLabel('职务', { exact: true }).selectOption({ label: position });
      if (name === '赵一') await expectAccessible(chair, 'add member');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await chair.getByRole('cell', { name, exact: true }).waitFor();
    }
    const alert = chair.getByRole('alert').filter({ hasText: '理事会构成不符合要求' });
    await alert.waitFor();
    await expect.poll(() => alert.textContent()).toMatch(/居住在本小区的成员应不少于成员总数的一半/);
    await expectAccessible(chair, 'council with a violation');

    // The community's list flags the station too.
    await openPage(chair, '自治站');
    const row = chair.getByRole('row').filter({ hasText: '望春新苑自治站' });
    await row.getByText(/项不符合/).waitFor();
  });

  it('station 1: a portfolio routes a category, a month is rostered, and a member on a phone checks in, logs an elderly resident’s visit and turns it into a request that lands with the holder', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await chair.goto('/stations/1');
    await chair.getByRole('heading', { level: 1, name: /南江绿苑/ }).waitFor();

    // 分管: the chair takes 安全 himself.
    await chair.getByRole('tab', { name: '分管' }).click();
    await choose(chair, '“安全”的分管人', '王建国');
    await expect
      .poll(
        async () =>
          (
            await apiCall<{ items: { name: string; holder: { name: string } | null }[] }>(
              chair,
              'GET',
              '/stations/1/portfolios',
            )
          ).items.find((i) => i.name === '安全')?.holder?.name,
      )
      .toBe('王建国');
    await expectAccessible(chair, 'portfolios');

    // 值班: next month's roster.
    await chair.getByRole('link', { name: '值班' }).click();
    await chair.getByRole('heading', { level: 1, name: '值班管理' }).waitFor();
    await chair.getByLabel('月份').fill(nextMonth());
    await chair.getByRole('button', { name: '生成排班' }).click();
    await chair
      .getByRole('status')
      .filter({ hasText: /已生成 \d+ 个班次/ })
      .waitFor();
    await expectAccessible(chair, 'roster');

    // Arranged through the API so the check-in works at any hour the test runs. The demo gives 李秀英 a
    // slot today on opening days: she checks in to it when it is open for check-in; otherwise she takes
    // leave from the ones still ahead, and she holds a slot of her own from the end of any already over
    // (or from midnight) to 23:59, on a day the chair opens all day.
    const phone = await newPage(PHONE);
    await login(phone, MEMBER);
    const today = chinaToday();
    const nowHhmm = new Date(Date.now() + 8 * 3600_000).toISOString().slice(11, 16);
    const earlyHhmm = new Date(Date.now() + 8 * 3600_000 + 30 * 60_000).toISOString().slice(11, 16);
    type MyShift = {
      id: number;
      date: string;
      startsAt: string;
      endsAt: string;
      state: string;
      actions: string[];
    };
    const mine = await apiCall<{ shifts: MyShift[] }>(phone, 'GET', '/duty/mine');
    const todays = mine.shifts.filter((s) => s.date === today.date && s.state !== 'onLeave');
    let startsAt = todays
      .find(
        (s) =>
          s.actions.includes('checkIn') &&
          s.startsAt.slice(0, 5) <= earlyHhmm &&
          nowHhmm < s.endsAt.slice(0, 5),
      )
      ?.startsAt.slice(0, 5);
    if (startsAt === undefined) {
      for (const s of todays.filter((s) => s.actions.includes('leave'))) {
        await apiCall(phone, 'POST', `/duty-shifts/${s.id}/leave`, { reason: '临时有事' });
      }
      startsAt =
        todays
          .filter((s) => !s.actions.includes('leave'))
          .map((s) => s.endsAt.slice(0, 5))
          .sort()
          .at(-1) ?? '00:00';
      const hours = await apiCall<{ items: { weekday: number; opensAt: string; closesAt: string }[] }>(
        chair,
        'GET',
        '/stations/1/opening-hours',
      );
      await apiCall(chair, 'PUT', '/stations/1/opening-hours', {
        items: [
          ...hours.items.filter((h) => h.weekday !== today.weekday),
          { weekday: today.weekday, opensAt: '00:00', closesAt: '23:59' },
        ],
      });
      const slot = await apiCall<{ id: number }>(chair, 'POST', '/stations/1/duty-slots', {
        startsAt,
        endsAt: '23:59',
      });
      const pool = await apiCall<{ items: { userId: number; name: string }[] }>(
        chair,
        'GET',
        '/stations/1/duty-people',
      );
      const member = pool.items.find((p) => p.name === '李秀英');
      expect(member).toBeDefined();
      await apiCall(chair, 'POST', '/stations/1/duty-shifts', {
        date: today.date,
        slotId: slot.id,
        userId: member!.userId,
      });
    }

    // 李秀英 on her phone: checks in, logs the visit and turns it into a request in one action.
    await phone.goto('/duty');
    await phone.getByRole('heading', { level: 1, name: '我的值班' }).waitFor();
    await expectAccessible(phone, 'duty desk');
    const shift = phone
      .locator('.ant-card')
      .filter({ hasText: '今天' })
      .filter({ hasText: `${startsAt}–` });
    await shift.getByRole('button', { name: '签到' }).click();
    await shift.getByText('已签到').waitFor();

    await choose(phone, '楼幢', '1幢');
    await choose(phone, '单元', '1单元');
    await choose(phone, '房号（可不选）', '1幢1单元101');
    await phone.getByLabel('称呼（可选）').fill('王奶奶');
    await phone.getByLabel('事项').fill('独居老人王奶奶来站反映：楼道声控灯坏了，晚上下楼怕摔倒');
    await choose(phone, '类别', '安全');
    await phone.getByRole('radio', { name: '转为诉求' }).check();
    await expectAccessible(phone, 'visit form');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.getByRole('button', { name: '记录来访' }).click();
    const link = phone.getByRole('link', { name: /^诉求 #\d+$/ });
    await link.waitFor();
    const id = Number(/#(\d+)/.exec((await link.textContent()) ?? '')?.[1]);
    expect(id).toBeGreaterThan(0);

    // It is in the chair's queue (he holds 安全), handled by him, and points back at the duty log.
    await openPage(chair, '诉求');
    await chair.getByRole('link', { name: `打开诉求 #${id}` }).click();
    await chair.getByRole('heading', { level: 1, name: `诉求 #${id}` }).waitFor();
    await chair.getByText(/来自值班记录/).waitFor();
    const detail = await apiCall<{ handlerUserId: number | null; channel: string }>(
      chair,
      'GET',
      `/requests/${id}`,
    );
    const me = await apiCall<{ id: number }>(chair, 'GET', '/me');
    expect(detail.handlerUserId).toBe(me.id);
    expect(detail.channel).toBe('desk');
  });

  it('a resident reads the station’s rules in force on a phone', async () => {
    const resident = await newPage(PHONE);
    await login(resident, '13800000010'); // 林阿姨, verified in 南江绿苑
    await openPage(resident, '我的家');
    await resident.getByRole('link', { name: '本站制度' }).first().click();
    await resident.getByRole('heading', { level: 1, name: '现行制度' }).waitFor();
    await resident.getByText('章程', { exact: false }).first().waitFor();
    await expectAccessible(resident, 'rules for residents');
  });
});

describe('composition rules', () => {
  it('the district officer sets 鄞州区’s standing directors to 5–9, sees them saved, and restores the default', async () => {
    const officer = await newPage(DESKTOP);
    await login(officer, '13800000012'); // 区民政局郑科长, districtOfficer on 鄞州区
    const yinzhou = await findArea(officer, '鄞州区');
    const url = `/areas/${yinzhou.id}/composition-policy`;
    // Later tests expect the defaults, whatever happens below.
    onTestFinished(async () => {
      await apiCall(officer, 'PUT', url, {});
    });

    await openPage(officer, '自治站');
    const card = officer
      .locator('.ant-card')
      .filter({ has: officer.getByRole('heading', { level: 2, name: '构成规则' }) });
    const min = card.getByLabel('常务理事人数下限', { exact: true });
    const max = card.getByLabel('常务理事人数上限', { exact: true });
    await min.waitFor();
    await expect.poll(() => card.locator('.ant-select').textContent()).toContain('鄞州区');
    await expect.poll(() => min.inputValue()).toBe('7');
    await expectAccessible(officer, 'composition rules');

    // A range the other way round is refused by the server, in words, on the field.
    await min.fill('9');
    await max.fill('5');
    await card.getByRole('button', { name: '保存' }).click();
    await card
      .getByRole('alert')
      .filter({ hasText: '常务理事人数下限（9）不能大于上限（5）' })
      .first()
      .waitFor();

    await min.fill('5');
    await max.fill('9');
    await card.getByRole('button', { name: '保存' }).click();
    await officer.getByText('已保存').first().waitFor();
    await card.getByText('现行值来源：本区域设定').waitFor();
    await expect
      .poll(async () => (await apiCall<{ own: unknown }>(officer, 'GET', url)).own)
      .toEqual({ standingDirectors: { min: 5, max: 9 } });
    await expect.poll(() => max.inputValue()).toBe('9');
    await expectAccessible(officer, 'composition rules saved');

    await card.getByRole('button', { name: '恢复默认' }).click();
    await officer.getByText('已恢复默认').first().waitFor();
    await expect.poll(async () => (await apiCall<{ own: unknown }>(officer, 'GET', url)).own).toEqual({});
    await expect.poll(() => min.inputValue()).toBe('7');
    await expect.poll(() => max.inputValue()).toBe('7');
  });
});

describe('the duty desk from home', () => {
  it('a member with a shift ahead finds 我的值班 on her home page on a phone', async () => {
    // 李秀英 holds today's all-day shift at station 1 (arranged in the station 1 test above).
    const phone = await newPage(PHONE);
    await login(phone, MEMBER);
    const card = phone
      .locator('.ant-card')
      .filter({ has: phone.getByRole('heading', { level: 2, name: '我的值班' }) });
    await card.getByText(/下一班：/).waitFor();
    await expectAccessible(phone, 'home with duty');
    await card.getByRole('link', { name: '打开我的值班' }).click();
    await phone.getByRole('heading', { level: 1, name: '我的值班' }).waitFor();
  });
});
