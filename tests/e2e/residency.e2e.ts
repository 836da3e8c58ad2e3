import type { Browser } from 'playwright-core';
import type { MeView } from '@shared/contract';
import { button, currentPage, dataAs, gotoRoute, launchBrowser, openPhone, screenshot } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('a visitor applies for residency, a blank building shows its message and writes nothing, then staff approve', async () => {
  const visitor = await openPhone(browser, { openid: 'demo-visitor' });
  let view = await gotoRoute(visitor.page, '/pages/mine/index');
  await view.getByText('访客').first().waitFor();
  await screenshot(visitor.page, 'mine-visitor');

  await view.locator('[data-testid="menu-residency"]').click();
  view = currentPage(visitor.page);
  await view.locator('.page-title', { hasText: '居民认证' }).waitFor();
  await view.getByRole('radio', { name: '幸福里社区' }).click();
  await view.locator('[data-field="name"] input').fill('孙丽');
  await view.locator('[data-field="unit"] input').fill('1单元101');
  await screenshot(visitor.page, 'residency-form');

  // Bad input: the building is left blank.
  await button(view, '提交认证申请').click();
  await view.locator('[data-field="building"] .gz-field__error', { hasText: '请填写楼栋' }).waitFor();
  await screenshot(visitor.page, 'residency-form-error');
  expect((await dataAs<MeView>('demo-visitor', 'user', 'me')).residency).toBeNull();

  await view.locator('[data-field="building"] input').fill('7号楼');
  await button(view, '提交认证申请').click();
  await view.locator('.residency-status', { hasText: '审核中' }).waitFor();
  await screenshot(visitor.page, 'residency-pending');
  const applied = await dataAs<MeView>('demo-visitor', 'user', 'me');
  expect(applied.residency).toMatchObject({ communityId: 'c_xingfuli', building: '7号楼', unit: '1单元101', status: 'pending' });

  const staff = await openPhone(browser, { openid: 'demo-staff' });
  let staffView = await gotoRoute(staff.page, '/pages/mine/index');
  await staffView.locator('[data-testid="menu-review-residency"]').click();
  staffView = currentPage(staff.page);
  const card = staffView.locator('.residency-application', { hasText: '7号楼' });
  await card.waitFor();
  await screenshot(staff.page, 'admin-residency');
  await button(card, '通过').click();
  await card.waitFor({ state: 'detached' });
  await staffView.getByText('没有待审核的申请').waitFor();
  await screenshot(staff.page, 'admin-residency-done');

  expect((await dataAs<MeView>('demo-visitor', 'user', 'me')).residency?.status).toBe('approved');
  await visitor.page.reload();
  view = currentPage(visitor.page);
  await view.locator('.residency-status', { hasText: '已通过' }).waitFor();
  await screenshot(visitor.page, 'residency-approved');

  await visitor.context.close();
  await staff.context.close();
});

test('staff must give a reason to reject, and the applicant sees it', async () => {
  await dataAs('e2e-applicant', 'user', 'applyResidency', { communityId: 'c_xingfuli', building: '9号楼', unit: '3单元602' });
  const staff = await openPhone(browser, { openid: 'demo-staff' });
  const view = await gotoRoute(staff.page, '/packages/admin/residency/index');
  const card = view.locator('.residency-application', { hasText: '9号楼' });
  await card.waitFor();
  await button(card, '驳回').click();
  await button(card, '确认驳回').click();
  await card.locator('[data-field="reason"] .gz-field__error', { hasText: '驳回时请填写理由' }).waitFor();
  await screenshot(staff.page, 'admin-residency-reject-error');
  expect((await dataAs<MeView>('e2e-applicant', 'user', 'me')).residency?.status).toBe('pending');

  await card.locator('[data-field="reason"] textarea').fill('门牌号与登记不符，请核对后重新申请');
  await button(card, '确认驳回').click();
  await card.waitFor({ state: 'detached' });

  const applicant = await openPhone(browser, { openid: 'e2e-applicant' });
  const mine = await gotoRoute(applicant.page, '/packages/mine/residency/index');
  await mine.locator('.residency-status', { hasText: '门牌号与登记不符' }).waitFor();
  await mine.locator('.nut-button', { hasText: '重新申请' }).waitFor();
  await screenshot(applicant.page, 'residency-rejected');
  await staff.context.close();
  await applicant.context.close();
});
