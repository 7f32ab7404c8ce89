import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { yuanText } from '../../src/shared/money.ts';
import { accessible, newPage, PHONE, withBrowser } from './support.ts';

withBrowser();

// The demo fund of 南江绿苑 (station 1, src/modules/fund/demo-fund.ts).
const STATION = 1;

async function publicApi<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.fetch(`/api/v1/public/stations/${STATION}/fund${path}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

interface Fund {
  balanceFen: number;
  income: { bySource: { source: string; amountFen: number }[] };
  head: { seq: number; hash: string };
}
interface Statement {
  openingFen: number;
  closingFen: number;
  head: { seq: number; hash: string };
}

describe('the fund’s public disclosure 公示', () => {
  it('a phone without signing in reads balances and income, opens a month and prints it with its QR code and chain head', async () => {
    const page = await newPage(PHONE);
    await page.goto(`/public/fund/${STATION}`);
    await page.getByRole('heading', { level: 1, name: /南江绿苑.*自治基金公示/ }).waitFor();
    // No sign-in on the way: the page stays where it is.
    expect(new URL(page.url()).pathname).toBe(`/public/fund/${STATION}`);
    const me = await page.request.fetch('/api/v1/me');
    expect(me.status()).toBe(401);
    const fund = await publicApi<Fund>(page, '');

    // 账户余额: the total the API says, in yuan.
    const balances = page.getByRole('region', { name: '账户余额' });
    await balances
      .getByRole('row')
      .filter({ hasText: '合计' })
      .getByText(`${yuanText(fund.balanceFen)} 元`)
      .waitFor();
    await balances
      .getByRole('cell', { name: /自治基金/ })
      .first()
      .waitFor();

    // 累计收入（按来源）: the demo's street, community and venture money and the stairwell doors' crowdfunding.
    const income = page.getByRole('region', { name: '累计收入（按来源）' });
    const row = (source: string) => income.getByRole('row').filter({ hasText: source });
    await row('街道经费').getByText('20,000.00 元').waitFor();
    await row('社区建设经费').getByText('8,000.00 元').waitFor();
    await row('公益创投').getByText('15,000.00 元').waitFor();
    const crowdfunding = fund.income.bySource.find((s) => s.source === 'crowdfunding')!.amountFen;
    expect(crowdfunding).toBeGreaterThanOrEqual(360_000); // 12 households × 300 yuan, more once drives post
    await row('居民众筹')
      .getByText(`${yuanText(crowdfunding)} 元`)
      .waitFor();
    await page.getByRole('region', { name: '项目支出' }).getByText('未关联项目').waitFor();
    await page.getByText(fund.head.hash).waitFor();
    await accessible(page, 'public fund');

    // The newest month with postings: its statement.
    const months = page.getByRole('navigation', { name: '月度' });
    const first = months.getByRole('link').first();
    const href = (await first.getAttribute('href'))!;
    const period = decodeURIComponent(href.split('/').pop()!);
    expect(period).toMatch(/^\d{4}-\d{2}$/);
    await first.click();
    await page.getByRole('heading', { level: 1, name: /收支公示/ }).waitFor();
    const statement = await publicApi<Statement>(page, `/statements/${period}`);
    const summary = page.getByRole('region', { name: '收支汇总' });
    await summary
      .getByRole('row')
      .filter({ hasText: '期末余额' })
      .getByText(yuanText(statement.closingFen))
      .waitFor();
    await page.getByRole('region', { name: '收支明细' }).getByRole('row').nth(1).waitFor();
    await accessible(page, 'statement');

    // 下载 Excel: the workbook named after the station, period and chain head.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`fund-${STATION}-${period}-${statement.head.seq}.xlsx`);

    // 打印版（A4）: the notice for the board, with the QR code to the public page and the chain head.
    await page.getByRole('button', { name: '打印版（A4）' }).click();
    await page.getByRole('heading', { level: 1, name: /收支公示/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/public/fund/${STATION}/${period}/print`);
    const qr = page.getByRole('img', { name: '扫码查看本站自治基金公示' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await page.getByText(`linshe fund verify ${STATION} --head ${statement.head.hash}`).waitFor();
    await page.getByText(`账本链头：第 ${statement.head.seq} 条分录`).first().waitFor();
    await accessible(page, 'statement print');
    // On paper the buttons are left out.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印', exact: true }).isVisible()).toBe(false);
    await qr.waitFor();
  });
});
