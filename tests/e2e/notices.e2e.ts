import type { Browser } from 'playwright-core';
import type { NoticeView, Page } from '@shared/contract';
import { button, currentPage, dataAs, gotoRoute, launchBrowser, openPhone, screenshot } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TITLE = '本周日上午社区义诊，欢迎参加';

test('staff publish a notice and a resident reads it: the reader count rises to 1 in the staff list', async () => {
  const staff = await openPhone(browser, { openid: 'demo-staff' });
  let view = await gotoRoute(staff.page, '/pages/mine/index');
  await view.getByText('公告管理').waitFor();
  await screenshot(staff.page, 'mine-staff');

  await view.getByText('公告管理').click();
  await staff.page.waitForTimeout(400);
  view = currentPage(staff.page);
  await view.locator('.page-title', { hasText: '公告管理' }).waitFor();
  await view.locator('.managed-notice').first().waitFor();
  await screenshot(staff.page, 'admin-notices');

  await button(view, '新建公告').click();
  await staff.page.waitForTimeout(400);
  view = currentPage(staff.page);
  await view.locator('.page-title', { hasText: '新建公告' }).waitFor();
  await view.locator('[data-field="title"] input').fill(TITLE);
  await view.locator('[data-field="body"] textarea').fill('本周日上午9点到11点，市第一医院的医生在社区文体中心为居民义诊，量血压、测血糖，免费。');
  await screenshot(staff.page, 'admin-notice-edit');
  await button(view, '保存并发布').click();

  // Back on the managed list, the new notice is live with nobody having read it yet.
  view = currentPage(staff.page);
  const card = staff.page.locator('.managed-notice:visible', { hasText: TITLE });
  await card.waitFor({ timeout: 10_000 });
  await expect(card.textContent()).resolves.toContain('已读 0 人');
  await expect(card.textContent()).resolves.toContain('已发布');

  const resident = await openPhone(browser, { openid: 'demo-resident-2' });
  const home = await gotoRoute(resident.page, '/pages/home/index');
  const feedCard = home.locator('.notice-card', { hasText: TITLE });
  await feedCard.waitFor();
  await screenshot(resident.page, 'home-resident');
  await feedCard.click();
  const detail = currentPage(resident.page);
  await detail.locator('.notice-detail__title', { hasText: TITLE }).waitFor();
  await expect(detail.textContent()).resolves.toContain('已有 1 人阅读');
  await screenshot(resident.page, 'notice-detail');

  // Reading twice still counts one reader.
  await resident.page.reload();
  await currentPage(resident.page).locator('.notice-detail__title', { hasText: TITLE }).waitFor();

  await staff.page.reload();
  const refreshed = staff.page.locator('.managed-notice:visible', { hasText: TITLE });
  await refreshed.waitFor();
  await expect(refreshed.textContent()).resolves.toContain('已读 1 人');
  await screenshot(staff.page, 'admin-notices-read');

  const managed = await dataAs<Page<NoticeView>>('demo-staff', 'notice', 'listManaged', { communityId: 'c_xingfuli' });
  expect(managed.items.find((n) => n.title === TITLE)?.readCount).toBe(1);

  await staff.context.close();
  await resident.context.close();
});

test('a notice title that is too short shows the Chinese field message and no draft is written', async () => {
  const before = await dataAs<Page<NoticeView>>('demo-staff', 'notice', 'listManaged', { communityId: 'c_xingfuli', limit: 100 });
  const staff = await openPhone(browser, { openid: 'demo-staff' });
  const view = await gotoRoute(staff.page, '/packages/admin/notice-edit/index?communityId=c_xingfuli');
  await view.locator('[data-field="title"] input').fill('停');
  await view.locator('[data-field="body"] textarea').fill('停水');
  await button(view, '保存并发布').click();
  await view.locator('[data-field="title"] .gz-field__error', { hasText: '标题至少2个字' }).waitFor();
  await screenshot(staff.page, 'admin-notice-edit-error');
  const after = await dataAs<Page<NoticeView>>('demo-staff', 'notice', 'listManaged', { communityId: 'c_xingfuli', limit: 100 });
  expect(after.items.length).toBe(before.items.length);
  await staff.context.close();
});

test('the street admin manages notices of every community, switching between them', async () => {
  const admin = await openPhone(browser, { openid: 'demo-admin' });
  const mine = await gotoRoute(admin.page, '/pages/mine/index');
  await mine.getByText('街道管理员').first().waitFor();
  // Residency review is staff work: the admin is not offered it.
  await expect(mine.locator('[data-testid="menu-review-residency"]').count()).resolves.toBe(0);
  await mine.locator('[data-testid="menu-manage-notices"]').click();
  const view = currentPage(admin.page);
  // Other files may add communities to the shared cloud (one sorting first, with no notices): choose ours.
  await view.locator('.gz-choice', { hasText: '幸福里社区' }).click();
  await view.locator('.managed-notice').first().waitFor();
  await view.locator('.gz-choice', { hasText: '和平社区' }).click();
  await view.locator('.managed-notice', { hasText: '和平社区党群服务中心开放时间调整' }).waitFor();
  await screenshot(admin.page, 'admin-notices-street-admin');
  await admin.context.close();
});

const STREET_TITLE = '街道消防安全月：各社区开展消防演练';

test('the street admin publishes a street-wide notice, edits it like any other, and a resident of 和平社区 sees it in their feed', async () => {
  const admin = await openPhone(browser, { openid: 'demo-admin' });
  let view = await gotoRoute(admin.page, '/packages/admin/notices/index');
  await view.locator('[data-testid="notice-scope"] .gz-choice', { hasText: '全街道公告' }).click();
  await button(view, '新建全街道公告').click();
  await admin.page.locator('.taro_page:visible .page-title', { hasText: '新建公告' }).waitFor();
  view = currentPage(admin.page);
  await view.locator('[data-field="scope"] .gz-choice--on', { hasText: '全街道' }).waitFor();
  await view.locator('[data-field="title"] input').fill(STREET_TITLE);
  await view.locator('[data-field="body"] textarea').fill('本月起各社区陆续开展消防演练，请居民留意本社区的演练时间。');
  await screenshot(admin.page, 'admin-notice-edit-street');
  await button(view, '保存并发布').click();

  const card = admin.page.locator('.managed-notice:visible', { hasText: STREET_TITLE });
  await card.waitFor({ timeout: 10_000 });
  await expect(card.textContent()).resolves.toContain('已发布');
  await expect(card.textContent()).resolves.toContain('全街道');
  await screenshot(admin.page, 'admin-notices-street');

  // The editor loads it (a street-wide notice has no community) and saves a change.
  await card.click();
  await admin.page.locator('.taro_page:visible .page-title', { hasText: '编辑公告' }).waitFor();
  view = currentPage(admin.page);
  await expect(view.locator('[data-field="title"] input').inputValue()).resolves.toBe(STREET_TITLE);
  await view.locator('[data-field="body"] textarea').fill('本月起各社区陆续开展消防演练，请居民留意本社区的演练时间。演练时请听从指挥。');
  await button(view, '保存修改').click();
  await admin.page.locator('.taro_page:visible .page-title', { hasText: '公告管理' }).waitFor();

  const street = await dataAs<Page<NoticeView>>('demo-admin', 'notice', 'listManaged', { communityId: 'c_xingfuli', scope: 'street' });
  const saved = street.items.find((n) => n.title === STREET_TITLE);
  expect(saved).toMatchObject({ scope: 'street', communityId: null, status: 'published' });
  expect(saved?.body).toContain('演练时请听从指挥');

  const resident = await openPhone(browser, { openid: 'demo-resident-heping' });
  const home = await gotoRoute(resident.page, '/pages/home/index');
  const feedCard = home.locator('.notice-card', { hasText: STREET_TITLE });
  await feedCard.waitFor();
  await expect(feedCard.textContent()).resolves.toContain('全街道');
  await feedCard.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(resident.page, 'home-resident-heping-street');

  await admin.context.close();
  await resident.context.close();
});
