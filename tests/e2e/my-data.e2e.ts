import type { Browser } from 'playwright-core';
import type { MeView } from '@shared/contract';
import { button, callAs, dataAs, gotoRoute, launchBrowser, openPhone, screenshot } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('a person sees their data, and deleting the account needs the word 删除 typed in', async () => {
  await dataAs<MeView>('e2e-leaver', 'user', 'updateProfile', { nickname: '临时用户' });
  const { page, context } = await openPhone(browser, { openid: 'e2e-leaver' });
  const view = await gotoRoute(page, '/packages/mine/data/index');

  await button(view, '查看我的全部数据').click();
  await view.locator('.my-data-json', { hasText: '临时用户' }).waitFor();
  await screenshot(page, 'my-data-export');

  await view.locator('[data-field="confirm"] input').fill('删');
  await button(view, '注销账号').click();
  await view.locator('[data-field="confirm"] .gz-field__error', { hasText: '请输入“删除”以确认' }).waitFor();
  expect((await dataAs<MeView>('e2e-leaver', 'user', 'me')).nickname).toBe('临时用户');

  await view.locator('[data-field="confirm"] input').fill('删除');
  await button(view, '注销账号').click();
  await page.getByText('注销后，您的昵称、头像、住址和身份都会被删除').waitFor();
  await screenshot(page, 'my-data-delete-confirm');
  await page.getByText('确认注销', { exact: true }).last().click();
  await page.locator('.taro_page:visible .page-title', { hasText: '共治' }).waitFor();

  // The old session's openid now finds nobody: a fresh, empty record would be made on the next call.
  const after = await callAs<MeView>('e2e-leaver', 'user', 'me');
  expect(after.ok && after.data.nickname).toBe('');
  await context.close();
});
