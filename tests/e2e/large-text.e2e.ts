import type { Browser, Locator, Page } from 'playwright-core';
import { button, currentPage, expectTappable, gotoRoute, horizontalOverflow, launchBrowser, openPhone, screenshot } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function expectFitsPhone(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

async function bodyFontPx(view: Locator): Promise<number> {
  return view.locator('.gz-page').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

test('长辈版 on 我的 has two steps above 标准, about 24 px and at least 30 px, and the choice stays after a restart', async () => {
  const { page, context } = await openPhone(browser, { openid: 'demo-resident-3' });
  const view = await gotoRoute(page, '/pages/mine/index');
  await view.getByText('陈女士').waitFor();
  const normal = await bodyFontPx(view);
  expect(normal).toBeGreaterThanOrEqual(17);
  const elder = view.locator('[data-testid="elder-mode"]');
  await expect(elder.getByText('长辈版').count()).resolves.toBe(1);

  await elder.getByRole('radio', { name: '大字', exact: true }).click();
  await expect(view.locator('.gz-page.gz-large').count()).resolves.toBe(1);
  const large = await bodyFontPx(view);
  expect(large).toBeGreaterThanOrEqual(23);
  expect(large).toBeLessThan(30);

  await elder.getByRole('radio', { name: '特大字' }).click();
  await expect(view.locator('.gz-page.gz-xlarge').count()).resolves.toBe(1);
  const largest = await bodyFontPx(view);
  expect(largest).toBeGreaterThanOrEqual(30);
  await expectFitsPhone(page);
  await screenshot(page, 'mine-xlarge');

  await page.reload();
  const again = currentPage(page);
  await again.getByText('陈女士').waitFor();
  expect(await bodyFontPx(again)).toBeCloseTo(largest, 0);
  await context.close();
});

test('the home page shows the 长辈版 switch too, and at 大字 a primary action is at least 60 px tall', async () => {
  const { page, context } = await openPhone(browser, { openid: 'demo-resident-3', largeText: true });
  const home = await gotoRoute(page, '/pages/home/index');
  const elder = home.locator('[data-testid="elder-mode"]');
  await expectTappable(elder.getByRole('radio', { name: '特大字' }));
  await expect(elder.getByRole('radio', { name: '大字', exact: true }).getAttribute('aria-checked')).resolves.toBe('true');

  // A normal-size primary button: NutUI's height scaled to 大字 would be 59 px.
  const lost = await gotoRoute(page, '/pages/not-found/index');
  const backHome = lost.locator('.nut-button-primary', { hasText: '回到首页' });
  expect((await backHome.boundingBox())?.height).toBeGreaterThanOrEqual(60);
  await context.close();
});

test('in large-text mode the notice and profile pages fit the phone and their buttons can be tapped', async () => {
  const { page, context } = await openPhone(browser, { openid: 'demo-resident-3', largeText: true });

  const home = await gotoRoute(page, '/pages/home/index');
  await home.locator('.notice-card').first().waitFor();
  await expectFitsPhone(page);
  await expectTappable(home.locator('.gz-choice', { hasText: '全部' }));
  await screenshot(page, 'home-large');

  await home.locator('.notice-card').first().click();
  const detail = currentPage(page);
  await detail.locator('.notice-detail__title').waitFor();
  await expectFitsPhone(page);
  await screenshot(page, 'notice-detail-large');

  const mine = await gotoRoute(page, '/pages/mine/index');
  await mine.getByText('陈女士').waitFor();
  await expectFitsPhone(page);
  await expectTappable(mine.locator('[data-testid="menu-residency"]'));
  await expectTappable(mine.locator('[data-testid="elder-mode"] [role="radio"]').first());
  await screenshot(page, 'mine-resident-large');

  const profile = await gotoRoute(page, '/packages/mine/profile/index');
  await profile.locator('[data-field="nickname"] input').waitFor();
  await expectFitsPhone(page);
  await expectTappable(button(profile, '更换头像'));
  await expectTappable(profile.locator('[data-field="nickname"] input'));
  await expectTappable(button(profile, '保存昵称'));
  await screenshot(page, 'profile-large');

  // The form still works at this size: a nickname saves.
  await profile.locator('[data-field="nickname"] input').fill('陈阿姨');
  await button(profile, '保存昵称').click();
  await page.getByText('昵称已保存').waitFor();

  const residency = await gotoRoute(page, '/packages/mine/residency/index');
  await residency.locator('.residency-status').waitFor();
  await expectFitsPhone(page);
  await screenshot(page, 'residency-large');

  const data = await gotoRoute(page, '/packages/mine/data/index');
  await expectFitsPhone(page);
  await expectTappable(button(data, '查看我的全部数据'));
  await expectTappable(button(data, '注销账号'));
  await screenshot(page, 'my-data-large');
  await context.close();
});

test('a staff member in large-text mode can still reach every control of the notice editor', async () => {
  const { page, context } = await openPhone(browser, { openid: 'demo-staff', largeText: true });
  const list = await gotoRoute(page, '/packages/admin/notices/index');
  await list.locator('.managed-notice').first().waitFor();
  await expectFitsPhone(page);
  await screenshot(page, 'admin-notices-large');

  const editor = await gotoRoute(page, '/packages/admin/notice-edit/index?communityId=c_xingfuli');
  await expectFitsPhone(page);
  for (const label of ['添加图片', '保存并发布']) await expectTappable(button(editor, label));
  await expectTappable(editor.locator('.gz-choice', { hasText: '定时发布' }));
  await editor.locator('.gz-choice', { hasText: '定时发布' }).click();
  await expectTappable(editor.locator('[data-field="publishAt"] .gz-choice', { hasText: '选择日期' }));
  await screenshot(page, 'admin-notice-edit-large');
  await context.close();
});
