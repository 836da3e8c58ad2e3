/**
 * The staff screens and the street admin's, in Chromium at phone size: a host appointed from the app and removed
 * after a confirmation, residents found by building and unit, a setting saved, a community created and staff
 * assigned, and the residency queue with what the applicant typed and the waiting count on 我的.
 *
 * The cloud is shared with the other e2e files, so this file acts only on people it makes itself and puts the
 * settings back as it found them.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import type { CommunityView, MeView } from '@shared/contract';
import { button, currentPage, dataAs, expectTappable, gotoRoute, horizontalOverflow, launchBrowser, openPhone, pageTransitionsDone, screenshot } from './support';

const XFL = 'c_xingfuli';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A verified resident of 幸福里 made for this file. */
async function verifiedResident(openid: string, name: string, building: string, unit: string, room: string): Promise<string> {
  await dataAs(openid, 'user', 'updateProfile', { nickname: name });
  const me = await dataAs<MeView>(openid, 'user', 'applyResidency', { communityId: XFL, name, building, unit, room });
  await dataAs('demo-staff', 'user', 'reviewResidency', { userId: me.id, approve: true });
  return me.id;
}

/** Opens a page from a menu entry and waits for it to be the one on top. */
async function open(page: Page, entry: Locator, title: string): Promise<Locator> {
  await entry.click();
  await page.locator('.taro_page:visible .page-title', { hasText: title }).last().waitFor();
  await pageTransitionsDone(page);
  return currentPage(page);
}

async function confirmDialog(page: Page, words: string) {
  await page.getByText(words, { exact: true }).last().click();
}

for (const largeText of [false, true]) {
  const size = largeText ? '大字' : '标准';

  test(`staff appoint a host from the app and remove them after a confirmation (${size})`, async () => {
    const suffix = largeText ? 'l' : 's';
    const userId = await verifiedResident(`e2e-host-${suffix}`, `候选人${suffix}`, '11号楼', '1单元', largeText ? '102' : '101');
    const { page, context } = await openPhone(browser, { openid: 'demo-staff', largeText });
    const mine = await gotoRoute(page, '/pages/mine/index');
    let view = await open(page, mine.locator('[data-testid="menu-community-admin"]'), '社区管理');
    view = await open(page, view.locator('[data-testid="admin-members"]'), '居民名单与主持人');

    const card = view.locator(`[data-testid="members"] [data-user-id="${userId}"]`);
    await card.waitFor();
    await expectTappable(button(card, '设为主持人'));
    await button(card, '设为主持人').click();
    await view.locator(`[data-testid="hosts"] [data-user-id="${userId}"]`).waitFor();
    await card.getByText('主持人', { exact: true }).waitFor();
    expect((await dataAs<MeView>(`e2e-host-${suffix}`, 'user', 'me')).roles).toEqual([{ communityId: XFL, role: 'host' }]);
    await screenshot(page, `staff-members-host-${suffix}`);

    // Removing asks first; 再想想 changes nothing.
    await button(view.locator(`[data-testid="hosts"] [data-user-id="${userId}"]`), '撤销主持人').click();
    await page.getByText('撤销主持人', { exact: true }).last().waitFor();
    await confirmDialog(page, '再想想');
    expect((await dataAs<MeView>(`e2e-host-${suffix}`, 'user', 'me')).roles).toHaveLength(1);

    await button(view.locator(`[data-testid="hosts"] [data-user-id="${userId}"]`), '撤销主持人').click();
    await confirmDialog(page, '确定撤销');
    await view.locator(`[data-testid="hosts"] [data-user-id="${userId}"]`).waitFor({ state: 'detached' });
    await button(card, '设为主持人').waitFor();
    expect((await dataAs<MeView>(`e2e-host-${suffix}`, 'user', 'me')).roles).toEqual([]);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(375);
    await context.close();
  });
}

test('the resident list is searched by building and unit', async () => {
  await verifiedResident('e2e-search-1', '查找甲', '21号楼', '1单元', '101');
  await verifiedResident('e2e-search-2', '查找乙', '21栋', '2单元', '202');
  const { page, context } = await openPhone(browser, { openid: 'demo-staff' });
  const view = await gotoRoute(page, `/packages/admin/members/index?communityId=${XFL}`);
  const members = view.locator('[data-testid="members"]');
  await members.getByText('张桂芳（张阿姨）').waitFor();

  await view.locator('[data-field="building"] input').fill('21号楼');
  await button(view, '查找').click();
  // The whole list may hold them too: the search has answered once 张阿姨 (1号楼) is gone.
  await members.getByText('张桂芳（张阿姨）').waitFor({ state: 'detached' });
  await members.getByText('查找乙').waitFor();
  await expect(members.locator('[data-testid="member"]').count()).resolves.toBe(2);

  await view.locator('[data-field="unit"] input').fill('2');
  await button(view, '查找').click();
  await members.getByText('查找甲').waitFor({ state: 'detached' });
  await expect(members.locator('[data-testid="member"]').allTextContents()).resolves.toEqual([expect.stringContaining('21栋 2单元 202')]);
  await screenshot(page, 'staff-members-search');

  // A unit alone: the rule says why, under the building.
  await view.locator('[data-field="building"] input').fill('');
  await button(view, '查找').click();
  await view.locator('[data-field="building"] .gz-field__error', { hasText: '按单元查找时请先填写楼栋' }).waitFor();

  await button(view, '显示全部').click();
  await members.getByText('张桂芳（张阿姨）').waitFor();
  await context.close();
});

test('a community setting is edited and saved, and a bad value is refused under its field', async () => {
  const { page, context } = await openPhone(browser, { openid: 'demo-staff', largeText: true });
  try {
    const view = await gotoRoute(page, `/packages/admin/settings/index?communityId=${XFL}`);
    const days = view.locator('[data-field="settings.consultation.noticeDays"]');
    await days.getByText('协商公告提前天数').waitFor();
    await expect(days.locator('input').inputValue()).resolves.toBe('3');

    await days.locator('input').fill('45');
    await button(view, '保存设置').click();
    await days.locator('.gz-field__error', { hasText: '提前天数最多30天' }).waitFor();
    expect((await dataAs<CommunityView[]>(null, 'user', 'listCommunities')).find((c) => c.id === XFL)?.settings.consultation.noticeDays).toBe(3);

    await days.locator('input').fill('5');
    await view.locator('[data-field="settings.consultation.topicNeedsApproval"]').getByRole('radio', { name: '需要审核' }).click();
    await button(view, '保存设置').click();
    await button(view, '没有修改').waitFor();
    await screenshot(page, 'staff-settings-saved');
    const saved = (await dataAs<CommunityView[]>(null, 'user', 'listCommunities')).find((c) => c.id === XFL)!;
    expect(saved.settings.consultation).toMatchObject({ noticeDays: 5, topicNeedsApproval: true });
  } finally {
    await dataAs('demo-staff', 'user', 'updateCommunitySettings', { communityId: XFL, settings: { consultation: { noticeDays: 3, topicNeedsApproval: false } } });
    await context.close();
  }
});

test('the street admin creates a community and assigns its staff, then removes them after a confirmation', async () => {
  const newcomer = await dataAs<MeView>('e2e-new-staff', 'user', 'updateProfile', { nickname: '新社工小钱' });
  const { page, context } = await openPhone(browser, { openid: 'demo-admin' });
  const mine = await gotoRoute(page, '/pages/mine/index');
  let view = await open(page, mine.locator('[data-testid="menu-street-communities"]'), '社区与工作人员');

  await view.locator('[data-field="name"] input').fill('e');
  await button(view, '新建社区').click();
  await view.locator('[data-field="name"] .gz-field__error').waitFor();
  await view.locator('[data-field="name"] input').fill('光明社区');
  await button(view, '新建社区').click();
  const row = view.locator('[data-testid="communities"] .gz-menu__item', { hasText: '光明社区' });
  await row.waitFor();
  const community = (await dataAs<CommunityView[]>(null, 'user', 'listCommunities')).find((c) => c.name === '光明社区')!;
  await screenshot(page, 'admin-communities');

  view = await open(page, row, '光明社区的社区工作者');
  await view.getByText('还没有社区工作者，请在下面查找并指派').waitFor();
  await view.locator('[data-field="query"] input').fill('新社工小钱');
  await button(view, '查找').click();
  const found = view.locator(`[data-testid="found"] [data-user-id="${newcomer.id}"]`);
  await found.getByText('不是认证居民').waitFor();
  await button(found, '指派到本社区').click();
  await view.locator(`[data-testid="staff"] [data-user-id="${newcomer.id}"]`).waitFor();
  await found.getByText('已是本社区工作者').waitFor();
  expect((await dataAs<MeView>('e2e-new-staff', 'user', 'me')).roles).toEqual([{ communityId: community.id, role: 'staff' }]);
  await screenshot(page, 'admin-staff-assigned');

  await button(view.locator(`[data-testid="staff"] [data-user-id="${newcomer.id}"]`), '撤销社区工作者').click();
  await confirmDialog(page, '确定撤销');
  await view.getByText('还没有社区工作者，请在下面查找并指派').waitFor();
  expect((await dataAs<MeView>('e2e-new-staff', 'user', 'me')).roles).toEqual([]);
  await context.close();
});

test('the residency queue shows what the applicant typed and the neighbours at that flat; 我的 counts the waiting', async () => {
  // The same flat as 张阿姨 (1号楼 1单元 102), typed another way.
  const applicant = await dataAs<MeView>('e2e-queue-applicant', 'user', 'applyResidency', { communityId: XFL, name: '张小明', building: '1栋', unit: '1单元102', phone: '139 0000 1111' });
  const { page, context } = await openPhone(browser, { openid: 'demo-staff', largeText: true });
  try {
    const mine = await gotoRoute(page, '/pages/mine/index');
    const badge = mine.locator('[data-testid="menu-review-residency-badge"]');
    await badge.waitFor();
    const waiting = Number(await badge.textContent());
    expect(waiting).toBeGreaterThanOrEqual(1);
    await expect(mine.locator('[data-testid="menu-community-admin-badge"]').textContent()).resolves.toBe(String(waiting));
    await screenshot(page, 'mine-staff-waiting');

    let view = await open(page, mine.locator('[data-testid="menu-community-admin"]'), '社区管理');
    await expect(view.locator('[data-testid="admin-residency-badge"]').textContent()).resolves.toBe(String(waiting));
    view = await open(page, view.locator('[data-testid="admin-residency"]'), '居民认证审核');
    const card = view.locator(`.residency-application[data-user-id="${applicant.id}"]`);
    await card.getByText('姓名：张小明').waitFor();
    await card.getByText('住址：幸福里社区 1栋 1单元102').waitFor();
    await card.getByText('电话：139 0000 1111').waitFor();
    await card.getByText(/申请时间：/).waitFor();
    await card.locator('[data-testid="same-household"]', { hasText: '这一户已有认证居民：张桂芳' }).waitFor();
    await screenshot(page, 'staff-residency-queue');

    await button(card, '通过').click();
    await card.waitFor({ state: 'detached' });
    await page.goBack();
    await page.goBack();
    const back = currentPage(page);
    if (waiting === 1) await back.locator('[data-testid="menu-review-residency-badge"]').waitFor({ state: 'detached' });
    else await back.locator('[data-testid="menu-review-residency-badge"]', { hasText: String(waiting - 1) }).waitFor();
  } finally {
    const me = await dataAs<MeView>('e2e-queue-applicant', 'user', 'me');
    if (me.residency?.status === 'pending') await dataAs('demo-staff', 'user', 'reviewResidency', { userId: me.id, approve: true });
    await context.close();
  }
});
