import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, login, newPage, openPage, PHONE, withBrowser } from './support.ts';

withBrowser();

const CHAIR = '13800000003'; // 王建国, 理事长 of 南江绿苑
const RESIDENT = '13800000010'; // 林阿姨, verified resident and named voter of 南江绿苑 1幢1单元101
const DEMO = '南江绿苑文明养犬公约'; // the demo's convention in force
const OPEN_VOTE = '单元防盗门更换方案'; // the demo's open yes / no vote
const TITLE = '南江绿苑楼道整洁公约（公约测试）';
const FIRST = '第一条　楼道内不得堆放杂物，保持消防通道畅通。';
const BODY = `${FIRST}\n第二条　电动车不得进楼道充电。\n第三条　装修垃圾当日清运。`;
const NEXT = '第四条　楼道内禁止吸烟。';
const VOTE = '通过《南江绿苑楼道整洁公约》（公约测试）';
const PLACE = '2幢1单元楼道';

/** A day in China `n` days from today, YYYY-MM-DD: independent of the time of day. */
const chinaDay = (n: number) =>
  new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

/** axe on the screen as it rests (the pointer off the button last pressed). */
async function accessible(page: Page, where: string) {
  await page.mouse.move(0, 0);
  await expectAccessible(page, where);
}

async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** One API call as the page's signed-in user; fails the test unless it succeeds. */
async function call(page: Page, method: 'GET' | 'POST', path: string, data?: object) {
  const res = await page.request.fetch(`/api/v1${path}`, { method, ...(data ? { data } : {}) });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return res.json();
}

/** 公布 and its confirmation. */
async function publish(page: Page) {
  await page.getByRole('button', { name: '公布', exact: true }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '公布第 1 版？' });
  await dialog.getByRole('button', { name: '公布', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

let conventionUrl = '';

describe('residents’ conventions 公约', () => {
  it('the chair drafts a convention, is refused publishing it before its vote passed, publishes it once adopted, records a breach and refers it, and drafts version 2', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await openPage(chair, '议事');
    await chair.getByRole('tab', { name: '公约' }).click();
    const demo = chair.locator('.convention-row').filter({ hasText: DEMO });
    await demo.getByText('现行第 1 版').waitFor();
    expect(new URL(chair.url()).searchParams.get('tab')).toBe('conventions');
    await accessible(chair, 'conventions (staff)');

    await chair.getByRole('button', { name: '起草公约' }).click();
    const dialog = chair.getByRole('dialog', { name: '起草公约' });
    await dialog.getByLabel('公约名称').fill(TITLE);
    await dialog.getByLabel('公约正文').fill(BODY);
    await accessible(chair, 'draft a convention');
    await dialog.getByRole('button', { name: '保存草稿' }).click();
    await chair.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    conventionUrl = new URL(chair.url()).pathname;
    await chair.getByText('草稿：第 1 版').first().waitFor();
    await chair.getByText('本公约尚未经表决通过并公布，目前只有草稿。').waitFor();

    // Linked to the demo's vote that is still open: 公布 waits for it to close and pass; nothing changes.
    await chair.getByLabel('通过该版本的表决').selectOption({ label: `${OPEN_VOTE}（进行中）` });
    await chair.getByRole('button', { name: '关联表决' }).click();
    await chair.locator('.convention-vote-picker').getByRole('link', { name: OPEN_VOTE }).waitFor();
    await chair.getByText('表决结束并通过后才能公布', { exact: true }).waitFor();
    expect(await chair.getByRole('button', { name: '公布', exact: true }).isDisabled()).toBe(true);
    await accessible(chair, 'convention: publishing refused');
    await chair.reload();
    await chair.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await chair.getByText('本公约尚未经表决通过并公布，目前只有草稿。').waitFor();
    await chair.locator('.convention-version').getByText('草稿', { exact: true }).waitFor();

    // A yes / no vote of the station, carried by 林阿姨's ballot and closed by the chair.
    const station = Number(
      new URL(
        (await chair.getByRole('link', { name: '返回本站公约' }).getAttribute('href')) ?? '',
        'http://x',
      ).searchParams.get('station'),
    );
    const { scopeIds } = await call(chair, 'GET', '/votes/1');
    const { id: voteId } = await call(chair, 'POST', `/stations/${station}/votes`, {
      title: VOTE,
      scope: 'compounds',
      scopeIds,
      electorate: 'households',
      method: 'yesNo',
      rule: 'simpleMajority',
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    await call(chair, 'POST', `/votes/${voteId}/open`);
    const voter = await newPage(PHONE);
    await login(voter, RESIDENT);
    await call(voter, 'POST', `/votes/${voteId}/ballots`, { choices: ['yes'] });
    await call(chair, 'POST', `/votes/${voteId}/close`);

    await chair.reload();
    await chair.getByLabel('通过该版本的表决').selectOption({ label: `${VOTE}（已结束 · 通过）` });
    await chair.getByRole('button', { name: '关联表决' }).click();
    await chair.locator('.convention-vote-picker').getByRole('link', { name: VOTE }).waitFor();
    await publish(chair);
    await chair.getByRole('heading', { level: 2, name: /^现行文本（第 1 版，.+公布）$/ }).waitFor();
    await chair.locator('.convention-text').getByText(FIRST).waitFor();
    await chair.locator('.convention-version').getByText('现行', { exact: true }).waitFor();
    await chair.locator('.convention-adopted').getByRole('link', { name: VOTE }).waitFor();
    await accessible(chair, 'convention in force (staff)');

    // A breach: a day in the future is refused on the field; then today's is recorded and referred.
    await chair.getByRole('button', { name: '记录违约' }).click();
    const record = chair.getByRole('dialog', { name: '记录违约' });
    await record.getByLabel('发生日期').fill(chinaDay(3));
    await record.getByLabel('地点').fill(PLACE);
    await record.getByLabel('情况').fill('楼道内堆放纸箱和旧家具，堵塞消防通道。');
    await record.getByRole('button', { name: '保存' }).click();
    await record.getByText('日期不能晚于今天').first().waitFor();
    await accessible(chair, 'record a breach with a field error');
    await record.getByLabel('发生日期').fill(chinaDay(0));
    await record.getByRole('button', { name: '保存' }).click();
    await record.waitFor({ state: 'hidden' });
    const breach = chair.locator('.breach-item').filter({ hasText: PLACE });
    await breach.getByText('已记录', { exact: true }).waitFor();

    await chair.getByRole('button', { name: `移交执法（${chinaDay(0)} ${PLACE}）` }).click();
    const refer = chair.getByRole('dialog', { name: `移交执法（${chinaDay(0)} ${PLACE}）` });
    await refer.getByRole('button', { name: '综合执法' }).click();
    await expect.poll(() => refer.getByLabel('移交部门').inputValue()).toBe('综合执法');
    await refer.getByLabel('移交说明').fill('多次劝导无效，请依法处理。');
    await accessible(chair, 'refer a breach');
    await refer.getByRole('button', { name: '移交执法', exact: true }).click();
    await refer.waitFor({ state: 'hidden' });
    await breach.getByText('已移交', { exact: true }).waitFor();
    await breach.getByText('移交：综合执法').waitFor();
    await breach.getByText('备注：多次劝导无效，请依法处理。').waitFor();
    await accessible(chair, 'breaches');

    // The next version starts from the text in force; it stays the staff's draft.
    await chair.getByRole('button', { name: '起草新版本' }).click();
    const next = chair.getByRole('dialog', { name: '起草第 2 版' });
    expect(await next.getByLabel('公约正文').inputValue()).toBe(BODY);
    await next.getByLabel('公约正文').fill(`${BODY}\n${NEXT}`);
    await next.getByRole('button', { name: '保存草稿' }).click();
    await next.waitFor({ state: 'hidden' });
    await chair.getByRole('heading', { level: 3, name: '草稿：第 2 版' }).waitFor();
    await chair.locator('.convention-text').getByText(FIRST).waitFor();
    expect(await chair.locator('.convention-text').getByText(NEXT).count()).toBe(0);
    await accessible(chair, 'convention with a draft version');
  });

  it('林阿姨 reads the convention in force on her phone: no drafts, no breaches', async () => {
    expect(conventionUrl).not.toBe('');
    const resident = await newPage(PHONE);
    await login(resident, RESIDENT);
    await resident.getByRole('link', { name: '查看议题和会议' }).click();
    await resident.getByRole('heading', { level: 1, name: '议事' }).waitFor();
    await resident.getByRole('tab', { name: '公约' }).click();
    const row = resident.locator('.convention-row').filter({ hasText: TITLE });
    await row.getByText('现行第 1 版').waitFor();
    await resident.locator('.convention-row').filter({ hasText: DEMO }).waitFor();
    expect(await resident.getByText(/^草稿/).count()).toBe(0);
    await accessible(resident, 'conventions (resident)');
    await expectNoOverflow(resident);

    await row.getByRole('link', { name: TITLE }).click();
    await resident.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(new URL(resident.url()).pathname).toBe(conventionUrl);
    await resident.locator('.convention-text').getByText(FIRST).waitFor();
    await resident.locator('.convention-adopted').getByRole('link', { name: VOTE }).waitFor();
    await resident.getByRole('heading', { level: 2, name: '版本记录' }).waitFor();
    await resident.locator('.convention-version').getByText('第 1 版').waitFor();
    expect(await resident.locator('.convention-version').count()).toBe(1);
    expect(await resident.getByText('第 2 版').count()).toBe(0);
    expect(await resident.getByText(NEXT).count()).toBe(0);
    expect(await resident.getByText('草稿', { exact: true }).count()).toBe(0);
    expect(await resident.getByRole('heading', { name: '违约记录' }).count()).toBe(0);
    expect(await resident.getByText(PLACE).count()).toBe(0);
    expect(await resident.getByRole('button', { name: /记录违约|起草新版本|公布/ }).count()).toBe(0);
    // The text is large enough to read on a phone.
    const size = await resident
      .locator('.convention-text')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(17);
    await accessible(resident, 'convention (resident)');
    await expectNoOverflow(resident);

    await resident.getByRole('link', { name: '返回本站公约' }).click();
    await resident.getByRole('link', { name: DEMO }).click();
    await resident.getByRole('heading', { level: 1, name: DEMO }).waitFor();
    await resident
      .locator('.convention-text')
      .getByText(/第二条　携犬出户须束犬链/)
      .waitFor();
    expect(await resident.getByText('3幢北侧绿化带').count()).toBe(0);
    await accessible(resident, 'demo convention (resident)');
    await expectNoOverflow(resident);
  });
});
