import { describe, expect, it } from 'vitest';
import { balanceOf } from './fund-support.ts';
import { accessible, choose, DESKTOP, login, newPage, openPage, withBrowser } from './support.ts';

withBrowser();

const CHAIR = '13800000003'; // 王建国, 理事长 of 南江绿苑
const MEMBER = '13800000004'; // 李秀英, 常务理事: reads the fund, may not post

describe('the self-governance fund 自治基金', () => {
  it('the chair records income and an expense, is refused an overdraft, reverses a posting and checks the chain', async () => {
    const chair = await newPage(DESKTOP);
    await login(chair, CHAIR);
    await openPage(chair, '自治基金');
    await chair.getByRole('heading', { level: 2, name: /南江绿苑.*自治基金/ }).waitFor();
    await chair.getByRole('table').first().getByText('自治基金').first().waitFor();
    await accessible(chair, 'fund');
    const before = (await balanceOf(chair, 1, '自治基金'))!;

    // 记录收入: 500 yuan from a sponsor into the general fund; a malformed amount is refused in the form.
    await chair.getByRole('button', { name: '记录收入' }).click();
    const income = chair.getByRole('dialog').filter({ hasText: '记录收入' });
    await choose(chair, '收入来源', '单位赞助');
    await income.getByLabel('金额（元）').fill('12.345');
    await income.getByLabel('摘要').fill('辖区物业公司赞助楼道灯具（基金测试）');
    await income.getByRole('button', { name: '记账' }).click();
    await income.getByText('请填写大于零的金额，最多两位小数').waitFor();
    await income.getByLabel('金额（元）').fill('500');
    await income.getByLabel('付款方 / 收款方（可选）').fill('宁波某物业服务公司');
    await accessible(chair, 'income form');
    await income.getByRole('button', { name: '记账' }).click();
    await income.waitFor({ state: 'hidden' });
    await expect.poll(() => balanceOf(chair, 1, '自治基金')).toBe(before + 50_000);
    await chair.getByRole('cell', { name: /辖区物业公司赞助楼道灯具/ }).waitFor();

    // 记录支出 beyond the balance: refused with what the account holds, nothing posted.
    await chair.getByRole('button', { name: '记录支出' }).click();
    const expense = chair.getByRole('dialog').filter({ hasText: '记录支出' });
    await choose(chair, '支出账户', '自治基金');
    await expense.getByLabel('金额（元）').fill('999999');
    await expense.getByLabel('摘要').fill('超出余额的支出（基金测试）');
    await expense.getByRole('button', { name: '记账' }).click();
    await expense
      .getByText(/余额不足/)
      .first()
      .waitFor();
    expect(await balanceOf(chair, 1, '自治基金')).toBe(before + 50_000);

    // The same form, a payable amount: 12.50 yuan for light bulbs.
    await expense.getByLabel('金额（元）').fill('12.50');
    await expense.getByLabel('摘要').fill('购买楼道灯泡（基金测试）');
    await expense.getByRole('button', { name: '记账' }).click();
    await expense.waitFor({ state: 'hidden' });
    await expect.poll(() => balanceOf(chair, 1, '自治基金')).toBe(before + 50_000 - 1_250);

    // 冲销 the expense: a mirror posting, never an edit; the row then says it was reversed.
    const row = chair.getByRole('row').filter({ hasText: '购买楼道灯泡（基金测试）' });
    await row.getByRole('button', { name: '冲销' }).click();
    const reverse = chair.getByRole('dialog').filter({ hasText: '冲销第' });
    await reverse.getByRole('button', { name: '冲销' }).click();
    await reverse.getByText('请写明冲销原因').waitFor();
    await reverse.getByLabel('冲销原因').fill('灯泡由物业免费提供，退款');
    await accessible(chair, 'reverse form');
    await reverse.getByRole('button', { name: '冲销' }).click();
    await reverse.waitFor({ state: 'hidden' });
    await row.getByText(/已被冲销/).waitFor();
    await expect.poll(() => balanceOf(chair, 1, '自治基金')).toBe(before + 50_000);

    // 校验账本: the chain holds.
    await chair.getByRole('button', { name: '校验账本' }).click();
    await chair
      .getByRole('status')
      .filter({ hasText: /校验通过/ })
      .waitFor();
    await accessible(chair, 'fund checked');
  });

  it('a council member reads the fund and its ledger but is offered no posting', async () => {
    const member = await newPage(DESKTOP);
    await login(member, MEMBER);
    await openPage(member, '自治基金');
    await member.getByRole('heading', { level: 2, name: '账本明细' }).waitFor();
    await member.getByRole('cell', { name: /辖区物业公司赞助楼道灯具/ }).waitFor();
    expect(await member.getByRole('button', { name: '记录收入' }).count()).toBe(0);
    expect(await member.getByRole('button', { name: '冲销' }).count()).toBe(0);
    await accessible(member, 'fund (read only)');
  });
});
