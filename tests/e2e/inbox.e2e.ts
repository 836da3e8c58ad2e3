import type { Browser, Locator, Page } from 'playwright-core';
import type { ConsultationView, MeView, MySeat } from '@shared/contract';
import { button, currentPage, dataAs, expectTappable, gotoRoute, horizontalOverflow, launchBrowser, openPhone, screenshot } from './support';
import { DAY_MS } from '@shared/time';

/**
 * 我的消息: a resident waits for a seat in a consultation, is promoted when someone cancels, and learns it
 * from the badge on 我的; the message opens the consultation with their seat.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// People of their own, so messages other test files send to the demo residents cannot change the counts here.
const SEATED = 'e2e-inbox-seated';
const WAITING = 'e2e-inbox-waiting';

async function verifiedResident(openid: string, building: string, unit: string): Promise<void> {
  await dataAs<MeView>(openid, 'user', 'me');
  const me = await dataAs<MeView>(openid, 'user', 'applyResidency', { communityId: 'c_xingfuli', building, unit });
  await dataAs('demo-staff', 'user', 'reviewResidency', { userId: me.id, approve: true });
}

/** The host walks a consultation to step 4 with one open seat, by the API, and publishes its notice. */
async function consultationWithOneSeat(theme: string): Promise<ConsultationView> {
  const now = Date.now();
  const c = await dataAs<ConsultationView>('demo-host', 'consultation', 'create', { communityId: 'c_xingfuli', theme, collectFrom: now - 60_000, collectTo: now + DAY_MS });
  const opinion = await dataAs<{ id: string }>(SEATED, 'consultation', 'submitOpinion', {
    communityId: 'c_xingfuli',
    consultationId: c.id,
    title: '晾衣架不够用',
    description: '楼下晾衣的地方太少，建议在小花园边加装晾衣架。',
    category: '环境卫生',
  });
  await dataAs('demo-host', 'consultation', 'closeCollection', { id: c.id, reason: '意见集中' });
  await dataAs('demo-host', 'consultation', 'advance', { id: c.id, fromStep: 1 });
  await dataAs('demo-host', 'consultation', 'saveTopic', {
    id: c.id,
    title: '是否在小花园边加装晾衣架',
    background: '楼下晾晒空间不足。',
    question: '是否加装公共晾衣架？',
    adoptedOpinionIds: [opinion.id],
    adoptionReason: '居民普遍需要。',
  });
  await dataAs('demo-host', 'consultation', 'advance', { id: c.id, fromStep: 2 });
  await dataAs('demo-host', 'consultation', 'savePlan', {
    id: c.id,
    plan: {
      meetingAt: now + 5 * DAY_MS,
      place: '小花园凉亭',
      invited: [{ role: '物业', count: 1 }],
      openSeats: 1,
      agenda: ['介绍背景', '自由发言', '表决'],
      rule: 'majority',
      quorum: 1,
      options: ['加装', '暂不加装'],
    },
  });
  await dataAs('demo-host', 'consultation', 'advance', { id: c.id, fromStep: 3 });
  return dataAs<ConsultationView>('demo-host', 'consultation', 'publishNotice', { id: c.id });
}

async function onPage(page: Page, title: string | RegExp): Promise<Locator> {
  await page.locator('.taro_page:visible .page-title', { hasText: title }).last().waitFor();
  return currentPage(page);
}

test('a waitlisted resident promoted to a seat sees the badge on 我的, reads the message and lands on their seat', async () => {
  await verifiedResident(SEATED, '4号楼', '1单元201');
  await verifiedResident(WAITING, '4号楼', '2单元502');
  const c = await consultationWithOneSeat('小区晾衣难');
  await dataAs<MySeat>(SEATED, 'consultation', 'signUp', { id: c.id });
  expect(await dataAs<MySeat>(WAITING, 'consultation', 'signUp', { id: c.id })).toMatchObject({ status: 'waitlisted' });
  await dataAs<MySeat>(SEATED, 'consultation', 'cancelSignup', { id: c.id });

  const resident = await openPhone(browser, { openid: WAITING });
  let v = await gotoRoute(resident.page, '/pages/mine/index');
  const badge = v.locator('[data-testid="menu-inbox-badge"]');
  await badge.waitFor();
  await expect(badge.innerText()).resolves.toBe('1');
  await expectTappable(v.locator('[data-testid="menu-inbox"]'));
  await screenshot(resident.page, 'inbox-mine-badge');

  await v.locator('[data-testid="menu-inbox"]').click();
  v = await onPage(resident.page, '我的消息');
  const message = v.locator('[data-testid="inbox-item"]', { hasText: '候补成功：您已获得议事席位' });
  await message.waitFor();
  await expect(message.getAttribute('data-read')).resolves.toBe('false');
  await v.locator('[data-testid="inbox-unread"]', { hasText: '1 条未读' }).waitFor();
  await screenshot(resident.page, 'inbox-resident');

  await message.click();
  await resident.page.locator('.taro_page:visible [data-testid="consultation"]').last().waitFor();
  v = currentPage(resident.page);
  await v.locator('[data-testid="seat-status"]', { hasText: '您已报名成功' }).waitFor();
  expect(resident.page.url()).toContain(`id=${c.id}`);
  await v.locator('[data-testid="seat-card"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(resident.page, 'inbox-consultation-seat');

  // Back in the inbox the message reads as read, and 我的 has no badge any more.
  await resident.page.goBack();
  v = await onPage(resident.page, '我的消息');
  await v.locator('[data-testid="inbox-item"][data-read="true"]', { hasText: '候补成功' }).waitFor();
  await v.locator('[data-testid="inbox-unread"]', { hasText: '没有未读消息' }).waitFor();
  v = await gotoRoute(resident.page, '/pages/mine/index');
  await v.locator('[data-testid="menu-inbox"]').waitFor();
  await resident.page.waitForTimeout(500);
  await expect(v.locator('[data-testid="menu-inbox-badge"]').count()).resolves.toBe(0);

  // The meeting is postponed: a second message, cleared with 全部已读.
  await dataAs('demo-host', 'consultation', 'postpone', { id: c.id, reason: '凉亭维修，改期再议' });
  v = await gotoRoute(resident.page, '/packages/mine/inbox/index');
  await v.locator('[data-testid="inbox-item"][data-read="false"]').waitFor();
  await v.locator('[data-testid="inbox-unread"]', { hasText: '1 条未读' }).waitFor();
  await expectTappable(button(v, '全部已读'));
  await button(v, '全部已读').click();
  await v.locator('[data-testid="inbox-unread"]', { hasText: '没有未读消息' }).waitFor();
  await expect(v.locator('[data-testid="inbox-item"][data-read="false"]').count()).resolves.toBe(0);
  await resident.page.getByText('已全部标为已读').waitFor({ state: 'hidden' });
  await screenshot(resident.page, 'inbox-all-read');
  const inbox = await dataAs<{ items: { read: boolean }[]; unread: number }>(WAITING, 'user', 'inbox', {});
  expect(inbox.unread).toBe(0);
  expect(inbox.items).toHaveLength(2);
  await resident.context.close();

  // In large-text mode the messages still fit the phone and open with a tap.
  const large = await openPhone(browser, { openid: WAITING, largeText: true });
  v = await gotoRoute(large.page, '/packages/mine/inbox/index');
  await v.locator('[data-testid="inbox-item"]').first().waitFor();
  const { scrollWidth, innerWidth } = await horizontalOverflow(large.page);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  await expectTappable(v.locator('[data-testid="inbox-item"]').first());
  await screenshot(large.page, 'inbox-large');
  await large.context.close();
}, 120_000);
