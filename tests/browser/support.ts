import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, onTestFinished } from 'vitest';

declare module 'vitest' {
  interface ProvidedContext {
    baseURL: string;
  }
}

export const PASSWORD = 'linshe123';
export const SOCIAL_WORKER = '13800000002';
export const UNVERIFIED_RESIDENT = '13800000011';
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

let browser: Browser;
export let baseURL: string;
const contexts: BrowserContext[] = [];

/** Starts Chromium for the test file and closes it (and every page's context) at the end. */
export function withBrowser(): void {
  beforeAll(async () => {
    baseURL = inject('baseURL');
    expect(baseURL, 'the browser harness provides baseURL').toMatch(/^https?:\/\//);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
  });
}

export async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN', reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** No serious or critical axe-core violations on the page as it is now. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

export async function login(page: Page, phone: string): Promise<void> {
  await page.goto(new URL('/login', baseURL).href);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  await page.getByLabel('手机号').waitFor();
  await expectAccessible(page, 'login');
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /您好/ }).waitFor();
}

/** Follows a link or menu item of the main navigation and waits for the page's heading. */
export async function openPage(page: Page, name: string, heading = name): Promise<void> {
  const nav = page.getByRole('navigation', { name: /^(主导航|底部导航)$/ });
  const menuItem = nav.getByRole('menuitem', { name, exact: true });
  if (await menuItem.count()) await menuItem.click();
  else await nav.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Expands the tree down to a compound (one-child levels open by themselves) and selects it. */
export async function selectCompound(page: Page, compound: string): Promise<void> {
  const item = page.getByRole('treeitem', { name: compound });
  await item.waitFor();
  await item.getByText(compound, { exact: true }).click();
}

/** Closes drawers and modals from the top: each Escape closes the topmost one once it has focus. */
export async function closeDialogs(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const open = await page.getByRole('dialog').count();
      if (open > 0) await page.keyboard.press('Escape');
      return open;
    })
    .toBe(0);
}

/** axe on the screen as it rests (the pointer off the button last pressed). */
export async function accessible(page: Page, where: string): Promise<void> {
  await page.mouse.move(0, 0);
  await expectAccessible(page, where);
}

/** No horizontal scrolling: the page fits the phone's width. */
export async function expectNoOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** One API call as the page's signed-in user (the UI's own cookie); fails the test unless it succeeds. */
export async function apiCall<T = unknown>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  data?: object,
): Promise<T> {
  const res = await page.request.fetch(`/api/v1${path}`, { method, ...(data ? { data } : {}) });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** Picks an option of the antd Select labelled `label`, typing `search` first when given. */
export async function choose(page: Page, label: string, option: string, search?: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  if (search) await page.keyboard.type(search);
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

/** A day in China `n` days from today, YYYY-MM-DD, whatever the time of day. */
export const chinaDay = (n: number): string =>
  new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

/** Turns 长辈版 on for the page's user (off again when the test ends) and reloads into it. */
export async function useLargeMode(page: Page): Promise<void> {
  const large = await page.request.patch('/api/v1/me/preferences', { data: { largeMode: true } });
  expect(large.status()).toBeLessThan(300);
  onTestFinished(async () => {
    await page.request.patch('/api/v1/me/preferences', { data: { largeMode: false } });
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => document.body.classList.contains('linshe-large'))).toBe(true);
}

/** Every visible target `selector` finds is at least 60 × 60 px, as 长辈版 promises. */
export async function expectLargeTargets(page: Page, selector: string): Promise<void> {
  const small = () =>
    page.evaluate(
      (sel) =>
        [...document.querySelectorAll(sel)]
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.width > 0 && (r.width < 60 || r.height < 60)).length,
      selector,
    );
  await expect.poll(small).toBe(0);
}
