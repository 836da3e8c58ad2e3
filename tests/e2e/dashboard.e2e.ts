import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import type { WishView } from '@shared/contract';
import type { Envelope } from '@shared/errors';
import { DAY_MS } from '@shared/time';
import { baseUrl, currentPage, dataAs, gotoRoute, horizontalOverflow, launchBrowser, openPhone, SCREENSHOT_DIR, screenshot } from './support';

/**
 * 数据看板 end to end: residents do something, the cron folds it, and 李书记 opens the dashboard from 社区管理, switches
 * periods, sees each chart with its table (normal and large text) and downloads a list as Excel; the street admin
 * opens the street's dashboard from 社区与工作人员.
 */

const XFL = 'c_xingfuli';
const TITLE = '想请人帮忙修自行车';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  // A wish from the wish to the thanks, then the cron's fold as the timer would run it a few minutes later.
  const wish = await dataAs<WishView>('demo-resident-1', 'wish', 'submit', { communityId: XFL, name: '张秀英', phone: '13800138000', title: TITLE, category: '维修帮忙', estimatedValue: 20, deadline: Date.now() + 10 * DAY_MS });
  await dataAs('demo-staff', 'wish', 'review', { id: wish.id, approve: true });
  await dataAs('demo-resident-2', 'wish', 'claim', { id: wish.id, promisedDate: Date.now() + 2 * DAY_MS });
  await dataAs('demo-resident-2', 'wish', 'fulfil', { id: wish.id, note: '车胎补好了', photos: [] });
  await dataAs('demo-resident-1', 'wish', 'confirm', { id: wish.id, thanks: '谢谢！' });
  const res = await fetch(`${baseUrl()}/api/dev/tick`, { method: 'POST', body: JSON.stringify({ at: Date.now() + 2 * 60_000 }) });
  expect(((await res.json()) as Envelope<unknown>).ok).toBe(true);
});
afterAll(async () => {
  await browser?.close();
});

/** Each chart drawn (its SVG image loaded) and saved on its own as `dashboard-<name>-<chart>.png`. */
async function shootCharts(view: Locator, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const charts = view.locator('.db-chart');
  const ids: string[] = [];
  for (let i = 0; i < (await charts.count()); i += 1) {
    const chart = charts.nth(i);
    const id = (await chart.getAttribute('data-testid'))!;
    await chart.scrollIntoViewIfNeeded();
    // The SVG decodes into a picture: the browser drew it.
    expect(await chart.locator('img').evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(0);
    await chart.screenshot({ path: join(SCREENSHOT_DIR, `dashboard-${name}-${id}.png`) });
    ids.push(id);
  }
  return ids;
}

async function openDashboard(page: Page): Promise<Locator> {
  const admin = await gotoRoute(page, `/packages/admin/community/index?communityId=${XFL}`);
  await admin.locator('[data-testid="admin-dashboard"]').click();
  await page.locator('.taro_page:visible [data-testid="dashboard"]').last().waitFor();
  return currentPage(page);
}

async function choosePeriod(view: Locator, label: string, expected: RegExp): Promise<void> {
  await view.locator('.gz-choice', { hasText: label }).first().click();
  await view.locator('[data-testid="dashboard-period"]', { hasText: expected }).waitFor();
}

test('staff open the dashboard from 社区管理, switch periods, and see each chart beside its table', async () => {
  const { page } = await openPhone(browser, { openid: 'demo-staff', largeText: false });
  const view = await openDashboard(page);
  await view.locator('[data-testid="dashboard-period"]', { hasText: /年\d+月，数据更新至/ }).waitFor();
  // 张阿姨 and 刘大爷 at least; the wish went all the way.
  const unique = Number(await view.locator('[data-testid="figure-unique"] .db-figure__value').innerText());
  expect(unique).toBeGreaterThanOrEqual(2);
  const wishes = view.locator('[data-testid="group-微心愿"]');
  expect(Number(await wishes.locator('[data-testid="figure-confirmed"] .db-figure__value').innerText())).toBeGreaterThanOrEqual(1);
  // The table beside the chart carries the numbers: 认领心愿 at least once.
  const byKind = view.locator('[data-testid="chart-participants-kind"]');
  await byKind.locator('[role="row"]', { hasText: /认领心愿[1-9]/ }).waitFor();
  await screenshot(page, 'dashboard-month');
  expect(await shootCharts(view, 'month')).toEqual(['chart-participants-kind']);

  await choosePeriod(view, '本年', /^\d{4}年，/);
  await view.locator('[data-testid="chart-participants-month"]').waitFor();
  const charts = await shootCharts(view, 'year');
  expect(charts).toEqual(expect.arrayContaining(['chart-participants-month', 'chart-participants-kind', 'chart-微心愿']));
  await screenshot(page, 'dashboard-year');

  await choosePeriod(view, '自定义', /^\d{4}年1月—\d{4}年\d+月|^\d{4}年1月，/);
  await screenshot(page, 'dashboard-custom');
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
});

test('staff download the wishes as Excel, and the workbook holds the wish just done', async () => {
  const { page } = await openPhone(browser, { openid: 'demo-staff', largeText: false });
  const view = await openDashboard(page);
  const row = view.locator('[data-testid="export-wishes"]');
  const downloading = page.waitForEvent('download');
  await row.locator('.nut-button', { hasText: '导出' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^微心愿-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await row.locator('[data-testid="export-wishes-done"]').waitFor();
  const book = new Workbook();
  await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('微心愿')!;
  const rows: unknown[][] = [];
  sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  expect(rows[0].slice(0, 3)).toEqual(['编号', '提交时间', '状态']);
  expect(rows.find((r) => r.includes(TITLE))).toEqual(expect.arrayContaining(['已完成', TITLE, '张秀英']));
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, 'dashboard-export');
});

test('in large text every chart is drawn larger, its table stays readable, and nothing runs off the phone', async () => {
  const { page } = await openPhone(browser, { openid: 'demo-staff', largeText: true });
  const view = await openDashboard(page);
  await choosePeriod(view, '本年', /^\d{4}年，/);
  await view.locator('[data-testid="chart-participants-month"]').waitFor();
  const charts = await shootCharts(view, 'year-large');
  expect(charts.length).toBeGreaterThanOrEqual(3);
  const fontSize = await view.locator('.db-table__row').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(18);
  await screenshot(page, 'dashboard-year-large');
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
});

test('the street admin opens the street’s dashboard, with the communities side by side', async () => {
  const { page } = await openPhone(browser, { openid: 'demo-admin', largeText: false });
  const list = await gotoRoute(page, '/packages/admin/communities/index');
  await list.locator('[data-testid="street-dashboard"]').click();
  await page.locator('.taro_page:visible [data-testid="dashboard"]').last().waitFor();
  const view = currentPage(page);
  await view.locator('[data-testid="chart-communities"]').waitFor();
  // Every community of the street, one with nothing this month at 0.
  const side = await view.locator('[data-testid="chart-communities"]').innerText();
  expect(side).toContain('幸福里社区');
  expect(side).toContain('和平社区');
  // No personal lists for the street: exports belong to one community's page.
  expect(await view.locator('[data-testid="exports"]').count()).toBe(0);
  await shootCharts(view, 'street');
  await screenshot(page, 'dashboard-street');
});
