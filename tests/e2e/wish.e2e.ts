import type { Browser, Locator, Page } from 'playwright-core';
import type { CronReport } from '@shared/contract/cron';
import type { Envelope } from '@shared/errors';
import type { Leaderboard, MyPoints, WishView } from '@shared/contract';
import { DAY_MS } from '@shared/time';
import { baseUrl, button, currentPage, dataAs, expectTappable, gotoRoute, horizontalOverflow, launchBrowser, openPhone, screenshot } from './support';

/**
 * 微心愿 end to end in Chromium at phone size: a visitor reads the masked wall; 张阿姨 makes a wish, 李书记
 * publishes it, 刘大爷 claims it and reports it done with a photo, 张阿姨 confirms and the points show on the
 * board; a claim past its promised day goes back on the wall through `dev/tick`; 李书记 records a wish by 代办.
 * Every page is photographed, and in large text too.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const XFL = 'c_xingfuli';
const WALL = '/packages/wish/wall/index';
const DETAIL = '/packages/wish/detail/index?id=';
// A tiny PNG for the fulfilment photo.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function phone(openid: string | undefined, largeText = false): Promise<Page> {
  return (await openPhone(browser, { openid, largeText })).page;
}

async function noToast(page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__toast')).every((el) => el.getClientRects().length === 0 || getComputedStyle(el).display === 'none'));
}

async function shot(page: Page, name: string): Promise<void> {
  await noToast(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function fill(scope: Locator, field: string, value: string): Promise<void> {
  await scope.locator(`[data-field="${field}"]`).locator('input, textarea').first().fill(value);
}

/** Taps an action button, then the confirmation dialog's button. */
async function act(page: Page, testid: string, confirmText: string): Promise<void> {
  await currentPage(page).locator(`[data-testid="${testid}"]`).click();
  await page.getByText(confirmText, { exact: true }).click();
}

async function status(page: Page, label: string): Promise<void> {
  await currentPage(page).locator('.gz-tag', { hasText: label }).first().waitFor();
}

async function tick(at?: number): Promise<CronReport> {
  const res = await fetch(`${baseUrl()}/api/dev/tick`, { method: 'POST', body: JSON.stringify(at === undefined ? {} : { at }) });
  const body = (await res.json()) as Envelope<CronReport>;
  if (!body.ok) throw new Error(body.error.message);
  return body.data;
}

test('a visitor reads the wall: masked names, buildings, no phone or door, in normal and large text', async () => {
  for (const large of [false, true]) {
    const page = await phone(undefined, large);
    const wall = await gotoRoute(page, `${WALL}?communityId=${XFL}`);
    await wall.locator('[data-testid="wish-card"]').first().waitFor();
    const text = await wall.innerText();
    expect(text).toContain('王阿姨');
    expect(text).toContain('4号楼');
    expect(text).not.toMatch(/021-|138\d{8}|单元\d{3}/);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual((await horizontalOverflow(page)).innerWidth);
    await shot(page, large ? 'wish-wall-visitor-large' : 'wish-wall-visitor');
    if (large) {
      // Large text is really large: the wish title at least 24 px.
      const size = await wall.locator('.ws-card__title').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(24);
    }
    await page.context().close();
  }
});

test('张阿姨 wishes, 李书记 publishes, 刘大爷 claims and fulfils with a photo, 张阿姨 confirms: the points appear on the board', async () => {
  const wisher = await phone('demo-resident-1', true);
  let view = await gotoRoute(wisher, WALL);
  await view.locator('[data-testid="new-wish"]').click();
  view = currentPage(wisher);
  await view.locator('.page-title', { hasText: '许个心愿' }).waitFor();
  await fill(view, 'name', '张秀英');
  await fill(view, 'phone', '13800138000');
  await fill(view, 'title', '想要一个助听器电池');
  await view.locator('[data-field="category"] .gz-choice', { hasText: '生活用品' }).click();
  await fill(view, 'estimatedValue', '60');
  await expectTappable(view.locator('[data-testid="wish-submit"]'));
  await shot(wisher, 'wish-new-large');
  await view.locator('[data-testid="wish-submit"]').click();
  await currentPage(wisher).locator('[data-testid="wish-title"]', { hasText: '想要一个助听器电池' }).waitFor();
  await status(wisher, '待审核');
  const mine = await dataAs<{ items: WishView[] }>('demo-resident-1', 'wish', 'mine', {});
  const id = mine.items.find((w) => w.title === '想要一个助听器电池')!.id;

  const staff = await phone('demo-staff');
  await gotoRoute(staff, `${DETAIL}${id}`);
  await currentPage(staff).locator('[data-testid="wish-approve"]').click();
  await status(staff, '可认领');
  await shot(staff, 'wish-staff-approved');

  const volunteer = await phone('demo-resident-2');
  await gotoRoute(volunteer, `${DETAIL}${id}`);
  expect(await currentPage(volunteer).locator('[data-testid="wish-contact"]').count()).toBe(0);
  await act(volunteer, 'wish-claim', '确定认领');
  await status(volunteer, '已认领');
  const contact = currentPage(volunteer).locator('[data-testid="wish-contact"]');
  await expect(contact.innerText()).resolves.toContain('13800138000');
  await shot(volunteer, 'wish-claimed');

  await fill(currentPage(volunteer), 'note', '电池已送到，帮张阿姨装好了');
  const chooser = volunteer.waitForEvent('filechooser');
  await currentPage(volunteer).locator('[data-testid="add-photo"]').click();
  await (await chooser).setFiles({ name: 'done.png', mimeType: 'image/png', buffer: PNG });
  await currentPage(volunteer).locator('.gz-photos__img').first().waitFor();
  await act(volunteer, 'wish-fulfil', '确认提交');
  await status(volunteer, '已实现');
  await shot(volunteer, 'wish-fulfilled');

  await gotoRoute(wisher, `${DETAIL}${id}`);
  await currentPage(wisher).locator('.gz-photos__img').first().waitFor();
  await fill(currentPage(wisher), 'thanks', '谢谢刘大爷！');
  await act(wisher, 'wish-confirm', '确认完成');
  await status(wisher, '已完成');
  await currentPage(wisher).getByText('确认完成并致谢').first().waitFor();
  await shot(wisher, 'wish-confirmed-large');

  const points = await dataAs<MyPoints>('demo-resident-2', 'wish', 'myPoints', {});
  expect(points.balance).toBe(10);
  const board = await gotoRoute(volunteer, `/packages/wish/points/index?communityId=${XFL}`);
  await board.locator('[data-testid="my-points"] .ws-balance', { hasText: '10' }).waitFor();
  await board.locator('[data-testid="leaderboard"]').getByText('刘大爷', { exact: false }).first().waitFor();
  await shot(volunteer, 'wish-points');
  for (const p of [wisher, staff, volunteer]) await p.context().close();
});

test('a claim past its promised day goes back on the wall when the cron runs (dev/tick)', async () => {
  const wish = await dataAs<WishView>('demo-resident-3', 'wish', 'submit', { communityId: XFL, name: '陈女士', phone: '13700137000', title: '想请人帮忙搬个柜子', description: '', category: '维修帮忙', estimatedValue: 0, deadline: Date.now() + 20 * DAY_MS });
  await dataAs('demo-staff', 'wish', 'review', { id: wish.id, approve: true });
  await dataAs('demo-resident-4', 'wish', 'claim', { id: wish.id, promisedDate: Date.now() });
  const report = await tick(Date.now() + 2 * DAY_MS);
  expect(report.jobs.find((j) => j.name === 'wish.releaseOverdue')?.done).toBeGreaterThanOrEqual(1);
  const page = await phone('demo-resident-3');
  await gotoRoute(page, `${DETAIL}${wish.id}`);
  await status(page, '可认领');
  await currentPage(page).getByText('超过承诺日期，认领取消').waitFor();
  await shot(page, 'wish-released-by-cron');
  await page.context().close();
});

test('李书记 records a wish by 代办 for an elder without a phone; it is on the wall at once', async () => {
  const staff = await phone('demo-staff', true);
  await gotoRoute(staff, `/packages/wish/staff/index?communityId=${XFL}`);
  await shot(staff, 'wish-staff-desk-large');
  await currentPage(staff).locator('[data-testid="proxy-new"]').click();
  const form = currentPage(staff);
  await form.locator('.page-title', { hasText: '代办登记心愿' }).waitFor();
  await fill(form, 'name', '郑桂兰');
  await fill(form, 'building', '9号楼');
  await fill(form, 'address', '1单元101');
  await fill(form, 'phone', '02161234567');
  await fill(form, 'title', '想请人帮忙读读家信');
  await form.locator('[data-field="category"] .gz-choice', { hasText: '陪伴关怀' }).click();
  await fill(form, 'estimatedValue', '0');
  await button(form, '登记并上墙').click();
  await currentPage(staff).locator('[data-testid="wish-title"]', { hasText: '想请人帮忙读读家信' }).waitFor();
  await status(staff, '可认领');
  await shot(staff, 'wish-proxy-large');

  const board = await dataAs<Leaderboard>(null, 'wish', 'leaderboard', { communityId: XFL, period: 'all' });
  expect(board.rows.length).toBeGreaterThan(0);
  const visitor = await phone(undefined);
  const wall = await gotoRoute(visitor, `${WALL}?communityId=${XFL}`);
  await wall.getByText('想请人帮忙读读家信').waitFor();
  expect(await wall.innerText()).toContain('郑**');
  expect(await wall.innerText()).not.toContain('郑桂兰');
  await staff.context().close();
  await visitor.context().close();
});
