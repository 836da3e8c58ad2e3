import type { Browser } from 'playwright-core';
import { currentPage, expectTappable, gotoRoute, launchBrowser, openPhone, screenshot } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('我的 names the community of each role, and staff reach 议事管理 from its 管理 area', async () => {
  const staff = await openPhone(browser, { openid: 'demo-staff-heping' });
  let view = await gotoRoute(staff.page, '/pages/mine/index');
  await view.getByText('社区工作者（和平社区）').waitFor();
  const entry = view.locator('[data-testid="menu-consultation-staff"]');
  await expect(entry.textContent()).resolves.toContain('和平社区');
  await expectTappable(entry);
  await screenshot(staff.page, 'mine-staff-heping');

  await entry.click();
  await staff.page.locator('.taro_page:visible .page-title', { hasText: '议事管理' }).waitFor();
  view = currentPage(staff.page);
  await view.getByText('待审核的议题', { exact: true }).waitFor();
  expect(staff.page.url()).toContain('communityId=c_heping');
  await staff.context.close();

  const host = await openPhone(browser, { openid: 'demo-host' });
  view = await gotoRoute(host.page, '/pages/mine/index');
  await view.getByText('主持人（幸福里社区）').waitFor();
  // A host is not staff: no 管理 area, so no 议事管理 either.
  await expect(view.locator('[data-testid="menu-consultation-staff"]').count()).resolves.toBe(0);
  await host.context.close();
});
