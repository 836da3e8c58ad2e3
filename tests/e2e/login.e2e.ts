import type { Browser } from 'playwright-core';
import { button, currentPage, gotoRoute, launchBrowser, openPhone, screenshot } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('on H5 a visitor signs in by picking a demo account and lands back on 我的', async () => {
  const { page, context } = await openPhone(browser);
  const home = await gotoRoute(page, '/pages/home/index');
  // Not yet a resident: only the street's notices, until a community is chosen to browse.
  await home.locator('.notice-card', { hasText: '街道冬季消防安全提示' }).waitFor();
  await expect(home.locator('.notice-card', { hasText: '二次供水' }).count()).resolves.toBe(0);
  await home.locator('.home-browse .gz-choice', { hasText: '幸福里社区' }).click();
  await home.locator('.notice-card', { hasText: '二次供水' }).waitFor();
  await screenshot(page, 'home-visitor');

  const mine = await gotoRoute(page, '/pages/mine/index');
  await mine.getByText('您还没有登录').waitFor();
  await button(mine, '登录').click();
  const login = currentPage(page);
  await login.locator('.page-title', { hasText: '登录' }).waitFor();
  await button(login, '居民 张阿姨（幸福里）').waitFor();
  await screenshot(page, 'login');

  await button(login, '居民 张阿姨（幸福里）').click();
  const back = currentPage(page);
  await back.getByText('张阿姨').first().waitFor();
  await back.getByText('居民（幸福里社区）').waitFor();
  await screenshot(page, 'mine-resident');
  await context.close();
});

test('an unknown openid typed in is refused with a message under the field', async () => {
  const { page, context } = await openPhone(browser);
  const login = await gotoRoute(page, '/packages/login/index');
  await login.locator('[data-field="openid"] input').fill('不是 openid');
  await button(login, /^登录$/).click();
  await login.locator('[data-field="openid"] .gz-field__error', { hasText: '只能填写字母' }).waitFor();
  await context.close();
});
