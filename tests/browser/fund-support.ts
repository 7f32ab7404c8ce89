import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { expect } from 'vitest';
import { accessible, apiCall, chinaDay, choose } from './support.ts';

/** Steps the fund's browser tests share: a project's moves and a crowdfunding payment. */

/** A project's move: its button on the project page, the dialog's confirmation, and the stage it leads to. */
export async function moveProject(page: Page, name: string, stage: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('.page-title .ant-tag').getByText(stage, { exact: true }).waitFor();
}

/** Takes a payment from a household in a drive's 收款 card (axe on the form and the receipt); its receipt number. */
export async function takePayment(
  page: Page,
  household: string,
  payer: string,
  options: { amount?: string; method?: string } = {},
): Promise<string> {
  await page.getByLabel('搜索房号，如 1幢1单元101').fill(household);
  await page.getByRole('button', { name: `收款：${household}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `收款：${household}` });
  if (options.method) await dialog.getByText(options.method, { exact: true }).click();
  if (options.amount) await dialog.getByLabel('金额（元）').fill(options.amount);
  await dialog.getByLabel('缴款人姓名').fill(payer);
  await accessible(page, `payment from ${household}`);
  await dialog.getByRole('button', { name: '收款并生成收据号' }).click();
  const code = dialog.locator('.receipt-code');
  await code.waitFor();
  const receipt = ((await code.textContent()) ?? '').trim();
  expect(receipt).toMatch(/^Z\d+-\d{6}$/);
  await accessible(page, `receipt for ${household}`);
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await dialog.waitFor({ state: 'hidden' });
  return receipt;
}

/**
 * What a project starts from, set up through the API as the page's user (the chair): 300,000 fen of government
 * money in station `stationId`'s general fund (so a test does not depend on what others spent), a topic decided
 * as a project, and the council meeting held about it (minutes written). Returns the topic's id.
 */
export async function decidedTopicAndMeeting(
  page: Page,
  input: { stationId: number; topic: string; body: string; meeting: string; minutes: string; memo: string },
): Promise<number> {
  await apiCall(page, 'POST', `/stations/${input.stationId}/fund/income`, {
    source: 'government',
    amountFen: 3_000_000,
    counterparty: '鄞州区民政局',
    memo: input.memo,
    occurredOn: chinaDay(0),
  });
  const topic = await apiCall<{ id: number }>(page, 'POST', `/stations/${input.stationId}/topics`, {
    title: input.topic,
    body: input.body,
  });
  await apiCall(page, 'POST', `/topics/${topic.id}/move`, { move: 'deliberate' });
  await apiCall(page, 'POST', `/topics/${topic.id}/move`, { move: 'decide', outcome: 'project' });
  const starts = new Date(Date.now() - 3 * 3600_000);
  const meeting = await apiCall<{ id: number }>(page, 'POST', `/stations/${input.stationId}/meetings`, {
    kind: 'council',
    title: input.meeting,
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 3600_000).toISOString(),
    place: '自治站议事厅',
    inviteGroups: ['council'],
  });
  await apiCall(page, 'PUT', `/meetings/${meeting.id}/minutes`, { minutes: input.minutes });
  return topic.id;
}

/** A plain JPEG for a receipt or a photo. */
export const jpeg = (background: string) =>
  sharp({ create: { width: 640, height: 480, channels: 3, background } })
    .jpeg()
    .toBuffer();

/** Opens 登记支出 on a project's page and fills it, with one receipt image; returns the dialog, not yet sent. */
export async function fillExpense(
  page: Page,
  input: { line: string; amount: string; payee: string; memo: string; receipt: string },
): Promise<Locator> {
  await page.getByRole('button', { name: '登记支出' }).click();
  const dialog = page.getByRole('dialog', { name: '登记支出' });
  await choose(page, '预算科目', input.line);
  await dialog.getByLabel('金额（元）').fill(input.amount);
  await dialog.getByLabel('收款方').fill(input.payee);
  await dialog.getByLabel('摘要').fill(input.memo);
  await dialog.getByLabel('上传票据（图片或 PDF，可多张）').setInputFiles({
    name: input.receipt,
    mimeType: 'image/jpeg',
    buffer: await jpeg('#f4f1e8'),
  });
  await dialog.getByText(`已上传：${input.receipt}`).waitFor();
  return dialog;
}

/** A supervisor's inspection on the project's page: passed, with what they found; waits for it to show. */
export async function recordInspection(page: Page, findings: string): Promise<void> {
  await page.getByRole('button', { name: '记录检查' }).click();
  const inspection = page.getByRole('dialog', { name: '记录检查' });
  await inspection.getByLabel('检查情况').fill(findings);
  await inspection.getByRole('button', { name: '提交' }).click();
  await inspection.waitFor({ state: 'hidden' });
  await page.getByText(findings).waitFor();
}

/** What an account of station `stationId` holds now, in fen, as the page's user reads GET /fund: by its name. */
export async function balanceOf(page: Page, stationId: number, name: string): Promise<number | undefined> {
  const fund = await apiCall<{ accounts: { name: string; balanceFen: number }[] }>(
    page,
    'GET',
    `/stations/${stationId}/fund`,
  );
  return fund.accounts.find((a) => a.name === name)?.balanceFen;
}
