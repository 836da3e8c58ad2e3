import type { Browser, Locator, Page } from 'playwright-core';
import type { BookingView, RoomView, SeriesView } from '@shared/contract';
import { dateAfter } from '@shared/room/rules';
import { formatShanghai, shanghaiDate } from '@shared/time';
import { answerDialog, currentPage, dataAs, expectTappable, gotoRoute, horizontalOverflow, launchBrowser, openPhone, screenshot } from './support';

/**
 * 活动室 for staff, end to end in Chromium at phone size: 李书记 finds the waiting booking through 社区管理's badge and
 * approves it; creates a room with its weekly hours, shuts it for a renovation and prints its door poster; books for
 * 张阿姨 by 代办 and marks her checked in from the day view, and cancels another booking with a reason; makes a weekly
 * class, cancels one of its sessions and renews it for a quarter. Pages are photographed, in large text too.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const XFL = 'c_xingfuli';
const HALL = 'r_xfl_hall';
const ACTIVITY = 'r_xfl_act';
const SLOT_MS = 15 * 60 * 1000;

async function phone(openid: string, largeText = false): Promise<Page> {
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

async function fitsThePhone(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** A card's words, once its state tag reads `label`. */
async function tagged(card: Locator, label: string): Promise<void> {
  await card.locator('.gz-tag', { hasText: label }).first().waitFor();
}

test('the 社区管理 badge counts the waiting booking; 李书记 approves it from the queue', async () => {
  const date = dateAfter(shanghaiDate(Date.now()), 2);
  const booking = await dataAs<BookingView>('demo-resident-1', 'room', 'book', { roomId: HALL, date, start: '10:00', end: '11:00', purpose: '楼组长碰头会', attendees: 8 });
  expect(booking.status).toBe('pending');

  const page = await phone('demo-staff');
  const menu = await gotoRoute(page, `/packages/admin/community/index?communityId=${XFL}`);
  const badge = menu.locator('[data-testid="admin-rooms-badge"]');
  await badge.waitFor();
  expect(Number(await badge.innerText())).toBeGreaterThanOrEqual(1);
  await shot(page, 'room-staff-menu');
  await menu.locator('[data-testid="admin-rooms"]').click();

  const desk = currentPage(page);
  const card = desk.locator(`[data-booking-id="${booking.id}"]`);
  await card.waitFor();
  expect(await card.innerText()).toContain('张桂芳');
  expect(await card.innerText()).toContain('楼组长碰头会');
  await shot(page, 'room-staff-queue');
  await card.locator('[data-testid="approve"]').click();
  await card.waitFor({ state: 'detached' });
  const after = await dataAs<BookingView>('demo-staff', 'room', 'booking', { id: booking.id });
  expect(after.status).toBe('confirmed');
  await page.context().close();
});

test('李书记 creates a room with its weekly hours, shuts it for a renovation, and prints its door poster (large text)', async () => {
  const page = await phone('demo-staff', true);
  await gotoRoute(page, `/packages/room/staff/rooms/index?communityId=${XFL}`);
  await currentPage(page).locator('[data-testid="new-room"]').click();
  const form = currentPage(page);
  await form.locator('.page-title', { hasText: '新建活动室' }).waitFor();
  await fill(form, 'name', '三楼书画室');
  await form.locator('[data-field="kind"] .gz-choice', { hasText: '活动室' }).click();
  await fill(form, 'capacity', '16');
  await fill(form, 'facilities', '书画桌、毛笔架');
  // 周日 opens with its neighbour 周六's hours; then 周一's 09:00–21:00 goes to every open day.
  await form.locator('[data-testid="hours-6"] [role="switch"]').click();
  await form.locator('[data-testid="hours-6"]', { hasText: '17:00' }).waitFor();
  await form.locator('[data-testid="hours-copy"]').click();
  await form.locator('[data-testid="hours-6"]', { hasText: '21:00' }).waitFor();
  await expectTappable(form.locator('[data-testid="hours-0"] [role="switch"]'));
  await form.locator('[data-field="needsApproval"] .gz-choice', { hasText: '需要审核' }).click();
  await fitsThePhone(page);
  await shot(page, 'room-staff-editor-large');
  await form.locator('[data-testid="hours"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'room-staff-hours-large');
  await form.locator('[data-testid="room-save"]').click();

  const list = currentPage(page);
  const card = list.locator('[data-testid="staff-room"]', { hasText: '三楼书画室' });
  await card.waitFor();
  expect(await card.innerText()).toContain('周一至周日 09:00–21:00');
  const rooms = await dataAs<RoomView[]>('demo-staff', 'room', 'rooms', { communityId: XFL, includeOutOfUse: true });
  const made = rooms.find((r) => r.name === '三楼书画室')!;
  expect(made.hours).toEqual(Array.from({ length: 7 }, () => ({ open: '09:00', close: '21:00' })));
  expect(made).toMatchObject({ capacity: 16, facilities: ['书画桌', '毛笔架'], needsApproval: true, slotMinutes: 30 });
  await shot(page, 'room-staff-rooms-large');

  await card.locator('.nut-button', { hasText: '停用时段' }).click();
  const shut = currentPage(page);
  await shut.locator('[data-testid="blackout-form"]').waitFor();
  await shut.locator('[data-field="roomId"] .gz-choice', { hasText: '三楼书画室' }).waitFor();
  expect(await shut.locator('[data-field="roomId"] .gz-choice--on').innerText()).toBe('三楼书画室');
  await shut.locator('[data-field="kind"] .gz-choice', { hasText: '装修' }).click();
  await fill(shut, 'reason', '墙面翻新');
  await shut.locator('[data-testid="blackout-add"]').click();
  const listed = shut.locator('[data-testid="blackout"]', { hasText: '墙面翻新' });
  await listed.waitFor();
  expect(await listed.innerText()).toContain('三楼书画室');
  await shot(page, 'room-staff-blackouts-large');

  await gotoRoute(page, `/packages/room/staff/poster/index?roomId=${made.id}`);
  const poster = currentPage(page).locator('[data-testid="poster"]');
  await poster.locator('img[src^="data:image/png"]').waitFor();
  const code = await poster.locator('[data-testid="poster-code"]').innerText();
  expect(code).toBe(made.checkInCode);
  expect(await poster.innerText()).toContain('三楼书画室');
  const size = await poster.locator('[data-testid="poster-code"]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(44);
  await expectTappable(currentPage(page).locator('[data-testid="poster-print"]'));
  await fitsThePhone(page);
  await shot(page, 'room-staff-poster-large');
  await page.context().close();
});

test('代办: 李书记 books for 张阿姨, marks her checked in from the day view, and cancels another booking with a reason', async () => {
  // A room open all day in 15-minute slots, so a booking can start within the check-in window whatever the hour.
  const duty = await dataAs<RoomView>('demo-staff', 'room', 'createRoom', {
    communityId: XFL,
    name: '值班接待室',
    kind: '会议室',
    capacity: 6,
    hours: Array.from({ length: 7 }, () => ({ open: '00:00', close: '24:00' })),
    slotMinutes: 15,
    maxMinutes: 60,
    horizonDays: 7,
    needsApproval: false,
  });
  const page = await phone('demo-staff');
  await gotoRoute(page, `/packages/room/staff/proxy/index?communityId=${XFL}`);
  const find = currentPage(page);
  await fill(find, 'building', '1号楼');
  await find.locator('.nut-button', { hasText: '查找' }).click();
  await find.locator('[data-testid="member"]', { hasText: '张桂芳' }).locator('[data-testid="choose-resident"]').click();

  const form = currentPage(page);
  await form.locator('[data-testid="chosen-resident"]', { hasText: '张桂芳' }).waitFor();
  await form.locator('[data-field="roomId"] .gz-choice', { hasText: '值班接待室' }).click();
  // The first start far enough ahead to still be open when the request arrives.
  const startAt = Math.ceil((Date.now() + 20_000) / SLOT_MS) * SLOT_MS;
  const start = formatShanghai(startAt, 'HH:mm');
  // One tap on a free slot chooses it alone (a second, later tap would make it longer).
  await form.locator(`[data-testid="day-grid"] [data-testid="slot"][data-start="${start}"]`).click();
  await form.locator('[data-testid="proxy-chosen"]', { hasText: start }).waitFor();
  await fill(form, 'purpose', '咨询养老补贴');
  await fill(form, 'attendees', '2');
  await shot(page, 'room-staff-proxy');
  await form.locator('[data-testid="proxy-book"]').click();

  const day = currentPage(page);
  await day.locator('.page-title', { hasText: '每日安排' }).waitFor();
  const mine = await dataAs<{ date: string; rooms: { room: { id: string }; bookings: BookingView[] }[] }>('demo-staff', 'room', 'dayView', { communityId: XFL, date: shanghaiDate(startAt) });
  const proxied = mine.rooms.find((r) => r.room.id === duty.id)!.bookings.find((b) => b.purpose === '咨询养老补贴')!;
  expect(proxied).toMatchObject({ kind: 'proxy', status: 'confirmed', bookerName: '张桂芳', start });
  const card = day.locator(`[data-booking-id="${proxied.id}"]`);
  await card.waitFor();
  await tagged(card, '代办');
  // Check-in opens 15 minutes before the start: if the chosen slot was a little further off, wait for it and
  // show the day again (what staff may do is worked out when the day is read).
  const opens = proxied.checkInFrom - Date.now();
  if (opens > 0) {
    await page.waitForTimeout(opens + 500);
    await day.locator('[data-testid="day-next"]').click();
    await day.locator('[data-testid="day-prev"]').click();
  }
  await card.locator('[data-testid="mark-checked-in"]').click();
  await tagged(card, '已签到');
  await shot(page, 'room-staff-day-checked-in');

  const tomorrow = dateAfter(shanghaiDate(Date.now()), 1);
  const other = await dataAs<BookingView>('demo-resident-2', 'room', 'book', { roomId: ACTIVITY, date: tomorrow, start: '15:00', end: '16:00', purpose: '象棋小组活动', attendees: 4 });
  await gotoRoute(page, `/packages/room/staff/day/index?communityId=${XFL}&date=${tomorrow}`);
  const next = currentPage(page).locator(`[data-booking-id="${other.id}"]`);
  await next.locator('[data-testid="staff-cancel"]').click();
  await next.locator('[data-testid="staff-cancel-form"] textarea').fill('活动室临时检修');
  await next.locator('[data-testid="staff-cancel-confirm"]').click();
  expect(await answerDialog(page, '取消这个预约？', 'confirm')).toContain('不能恢复');
  await tagged(next, '已取消');
  expect(await next.innerText()).toContain('活动室临时检修');
  const cancelled = await dataAs<BookingView>('demo-resident-2', 'room', 'booking', { id: other.id });
  expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBy: 'staff', cancelReason: '活动室临时检修' });
  await page.context().close();
});

test('a weekly class: its sessions are booked for the quarter, one is cancelled, and it is renewed (large text)', async () => {
  const page = await phone('demo-staff', true);
  await gotoRoute(page, `/packages/room/staff/series/index?communityId=${XFL}`);
  await currentPage(page).locator('[data-testid="new-series"]').click();
  const form = currentPage(page);
  await form.locator('.page-title', { hasText: '新建固定预约' }).waitFor();
  await form.locator('[data-field="roomId"] .gz-choice', { hasText: '一楼活动室' }).click();
  await fill(form, 'title', '太极拳班');
  await fill(form, 'organizer', '幸福里太极队');
  await form.locator('[data-field="weekday"] .gz-choice', { hasText: '周四' }).click();
  await fill(form, 'attendees', '15');
  await fitsThePhone(page);
  await shot(page, 'room-staff-series-new-large');
  await form.locator('[data-testid="series-create"]').click();

  const detail = currentPage(page);
  await detail.locator('[data-testid="series-summary"]', { hasText: '太极拳班' }).waitFor();
  expect(await detail.locator('[data-testid="series-summary"]').innerText()).toContain('每周四 19:00–21:00');
  const sessions = detail.locator('[data-testid="occurrence"]');
  await sessions.first().waitFor();
  expect(await sessions.count()).toBeGreaterThanOrEqual(12);
  const first = sessions.first();
  const firstDate = await first.getAttribute('data-date');
  await tagged(first, '已预约');
  await first.locator('[data-testid="occurrence-cancel"]').click();
  await first.locator('[data-testid="occurrence-cancel-form"] textarea').fill('当天社区大会占用');
  await first.locator('[data-testid="occurrence-cancel-confirm"]').click();
  await answerDialog(page, /这一场/, 'confirm');
  await tagged(detail.locator(`[data-testid="occurrence"][data-date="${firstDate}"]`), '已取消');
  await tagged(sessions.nth(1), '已预约');

  const list = await dataAs<SeriesView[]>('demo-staff', 'room', 'seriesList', { communityId: XFL });
  const made = list.find((s) => s.title === '太极拳班')!;
  await detail.locator('[data-testid="series-renew"]').click();
  await answerDialog(page, '续期一个季度？', 'confirm');
  await detail.locator('[data-testid="series-summary"]', { hasNotText: `已确认到${made.confirmedUntil}` }).waitFor();
  const renewed = await dataAs<SeriesView>('demo-staff', 'room', 'series', { id: made.id });
  expect(renewed.confirmedUntil > made.confirmedUntil).toBe(true);
  expect(await detail.locator('[data-testid="series-summary"]').innerText()).toContain(`已确认到${renewed.confirmedUntil}`);
  expect(renewed.occurrences.length).toBeGreaterThan(made.occurrences.length);
  await shot(page, 'room-staff-series-large');
  await page.context().close();
});
