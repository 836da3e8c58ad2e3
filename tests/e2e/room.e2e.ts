import type { Browser, Locator, Page } from 'playwright-core';
import type { CronReport } from '@shared/contract/cron';
import type { Envelope } from '@shared/errors';
import type { BookingView, ConsultationView, MeView, RoomView, WaitView } from '@shared/contract';
import { DAY_MS, formatShanghai, parseShanghai, shanghaiDate } from '@shared/time';
import { answerDialog, baseUrl, button, currentPage, dataAs, expectTappable, gotoRoute, horizontalOverflow, launchBrowser, openPhone, screenshot } from './support';

/**
 * 活动室 end to end in Chromium at phone size, on rooms and residents of its own (other files share the cloud):
 * a resident books a room that needs approval from its grid, staff approve it from their queue, and she checks in
 * with the room's code; a resident who never comes is released by `dev/tick`, and the one queued behind him is offered the slot and
 * accepts it before the hold runs out; a consultation reserves the 议事厅 and its grid names the topic. Every page is
 * photographed, in large text too.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await Promise.all([verifiedResident(BOOKER, '8号楼', '1单元201'), verifiedResident(MISSER, '8号楼', '1单元202'), verifiedResident(WAITER, '8号楼', '1单元203')]);
});
afterAll(async () => {
  await browser?.close();
});

const XFL = 'c_xingfuli';
const BOOKER = 'e2e-room-booker';
const MISSER = 'e2e-room-misser';
const WAITER = 'e2e-room-waiter';
const QUARTER = 15 * 60_000;
// Open round the clock in quarter hours, so a booking can always start within the next 15 minutes and its check-in
// window is open at once.
const ALL_DAY = Array.from({ length: 7 }, () => ({ open: '00:00', close: '24:00' }));

async function verifiedResident(openid: string, building: string, unit: string): Promise<void> {
  await dataAs<MeView>(openid, 'user', 'me');
  const me = await dataAs<MeView>(openid, 'user', 'applyResidency', { communityId: XFL, building, unit });
  await dataAs('demo-staff', 'user', 'reviewResidency', { userId: me.id, approve: true });
}

function createRoom(name: string, kind: string, needsApproval: boolean, hours = ALL_DAY): Promise<RoomView> {
  return dataAs<RoomView>('demo-staff', 'room', 'createRoom', {
    communityId: XFL,
    name,
    kind,
    capacity: 20,
    facilities: ['桌椅', '投影仪', '空调'],
    photos: [],
    hours,
    slotMinutes: 15,
    maxMinutes: 240,
    horizonDays: 14,
    needsApproval,
    rules: '用后请关灯、关空调、锁好门。\n请保持安静整洁。',
  });
}

/** The date and times the app uses for a range starting at `start`; a range ending at midnight ends at 24:00. */
function rangeAt(start: number, minutes: number): { date: string; start: string; end: string } {
  const end = start + minutes * 60_000;
  const date = shanghaiDate(start);
  return { date, start: formatShanghai(start, 'HH:mm'), end: shanghaiDate(end) === date ? formatShanghai(end, 'HH:mm') : '24:00' };
}

/**
 * Hours whose quarter-hour slots begin three to four minutes from now (slots count from the opening time): a booking
 * of the next slot can still be made, and its check-in window, from 15 minutes before the start, is already open.
 */
function hoursStartingSoon(): { start: number; hours: { open: string; close: string }[] } {
  const start = Math.ceil((Date.now() + 3 * 60_000) / 60_000) * 60_000;
  const offset = Number(formatShanghai(start, 'm')) % 15;
  const open = `00:${String(offset).padStart(2, '0')}`;
  return { start, hours: Array.from({ length: 7 }, () => ({ open, close: '24:00' })) };
}

/** The first quarter-hour boundary after `ts`, moved to the next day's 01:00 when `minutes` from it would cross midnight. */
function startAfter(ts: number, minutes: number): number {
  const start = Math.ceil((ts + 1) / QUARTER) * QUARTER;
  const end = start + minutes * 60_000;
  return shanghaiDate(end - 1) === shanghaiDate(start) ? start : parseShanghai(`${shanghaiDate(end)} 01:00`);
}

async function phone(openid: string | undefined, largeText = false): Promise<Page> {
  return (await openPhone(browser, { openid, largeText })).page;
}

async function noToast(page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__toast')).every((el) => el.getClientRects().length === 0 || getComputedStyle(el).display === 'none'));
}

async function shot(page: Page, name: string, top = true): Promise<void> {
  await noToast(page);
  if (top) await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function fill(scope: Locator, field: string, value: string): Promise<void> {
  await scope.locator(`[data-field="${field}"]`).locator('input, textarea').first().fill(value);
}

function slot(scope: Locator, start: string): Locator {
  return scope.locator(`[data-testid="slot"][data-start="${start}"]`);
}

async function tick(at?: number): Promise<CronReport> {
  const res = await fetch(`${baseUrl()}/api/dev/tick`, { method: 'POST', body: JSON.stringify(at === undefined ? {} : { at }) });
  const body = (await res.json()) as Envelope<CronReport>;
  if (!body.ok) throw new Error(body.error.message);
  return body.data;
}

async function bookingOf(openid: string, id: string): Promise<BookingView> {
  return dataAs<BookingView>(openid, 'room', 'booking', { id });
}

test('the rooms list and a room, in normal and large text: photos, facilities, capacity, approval, rules, the grid', async () => {
  const room = await createRoom('书画室', '活动室', true);
  for (const large of [false, true]) {
    const page = await phone(BOOKER, large);
    const list = await gotoRoute(page, '/pages/services/index');
    await list.getByText('活动室', { exact: true }).first().click();
    const rooms = currentPage(page);
    await rooms.locator('[data-testid="room-card"]', { hasText: '书画室' }).waitFor();
    const card = await rooms.locator('[data-testid="room-card"]', { hasText: '书画室' }).innerText();
    expect(card).toContain('可容纳20人');
    expect(card).toContain('需社区审核');
    expect(card).toContain('投影仪');
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual((await horizontalOverflow(page)).innerWidth);
    await shot(page, large ? 'room-list-large' : 'room-list');

    await rooms.locator('[data-testid="room-card"]', { hasText: '书画室' }).click();
    const detail = currentPage(page);
    await detail.locator('[data-testid="room-name"]', { hasText: '书画室' }).waitFor();
    await detail.getByText('用后请关灯').waitFor();
    await detail.locator('[data-testid="day-grid"]').waitFor();
    const free = detail.locator('[data-testid="slot"][data-state="free"]').first();
    await expectTappable(free);
    if (large) {
      // Large text is really large on the grid: slot words at least 24 px.
      const size = await free.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(24);
    }
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual((await horizontalOverflow(page)).innerWidth);
    await shot(page, large ? 'room-detail-large' : 'room-detail');
    await detail.locator('.gz-choice', { hasText: '按周看' }).click();
    await detail.locator('[data-testid="week-day"]').nth(6).waitFor();
    await shot(page, large ? 'room-week-large' : 'room-week', false);
    await page.context().close();
  }
  expect(room.needsApproval).toBe(true);
});

test('a resident books a room that needs approval on its grid; staff approve; she checks in with the room code', async () => {
  const soon = hoursStartingSoon();
  const room = await createRoom('会议室甲', '会议室', true, soon.hours);
  const range = rangeAt(soon.start, 15);
  const page = await phone(BOOKER, true);
  const detail = await gotoRoute(page, `/packages/room/room/index?id=${room.id}&date=${range.date}`);
  await slot(detail, range.start).click();
  await detail.locator('[data-testid="chosen"]', { hasText: `${range.start}–${range.end}` }).waitFor();
  await shot(page, 'room-grid-chosen-large', false);
  await detail.locator('[data-testid="book-chosen"]').click();

  const form = currentPage(page);
  await form.locator('.page-title', { hasText: '预约活动室' }).waitFor();
  await form.locator('[data-testid="book-start"]', { hasText: range.start }).waitFor();
  await fill(form, 'purpose', '书法小组练习');
  await fill(form, 'attendees', '30');
  await form.locator('[data-testid="book-submit"]').click();
  // Over capacity: refused at the field, nothing booked.
  await form.locator('[data-field="attendees"] .gz-field__error', { hasText: '最多容纳20人' }).waitFor();
  await shot(page, 'room-book-refused-large', false);
  await fill(form, 'attendees', '8');
  await expectTappable(form.locator('[data-testid="book-submit"]'));
  await form.locator('[data-testid="book-submit"]').click();

  const booked = currentPage(page);
  await booked.locator('[data-testid="booking"][data-status="pending"]').waitFor();
  await booked.getByText('待审核').first().waitFor();
  await shot(page, 'room-booking-pending-large');
  const mine = await dataAs<{ items: BookingView[] }>(BOOKER, 'room', 'myBookings', {});
  const booking = mine.items.find((b) => b.roomId === room.id)!;
  expect(booking).toMatchObject({ status: 'pending', start: range.start, end: range.end, attendees: 8 });

  // 李书记 approves it from the staff desk's queue.
  const staff = await phone('demo-staff');
  const desk = await gotoRoute(staff, `/packages/room/staff/index?communityId=${XFL}`);
  const waiting = desk.locator(`[data-testid="booking"][data-booking-id="${booking.id}"]`);
  await waiting.getByText('书法小组练习', { exact: false }).waitFor();
  await waiting.locator('[data-testid="approve"]').click();
  await waiting.waitFor({ state: 'detached' });
  await staff.context().close();
  expect((await bookingOf(BOOKER, booking.id)).status).toBe('confirmed');

  const list = await gotoRoute(page, '/packages/room/mine/index');
  const card = list.locator('[data-testid="booking-card"]', { hasText: '会议室甲' });
  await card.locator('.gz-tag', { hasText: '已预约' }).waitFor();
  await expectTappable(card.locator('[data-testid="booking-checkin"]'));
  await shot(page, 'room-mine-checkin-large');
  await card.locator('[data-testid="booking-checkin"]').click();

  const checkin = currentPage(page);
  await checkin.locator('.page-title', { hasText: '到场签到' }).waitFor();
  await checkin.locator('[data-field="roomId"] .gz-choice--on', { hasText: '会议室甲' }).waitFor();
  await fill(checkin, 'code', '0000000');
  await checkin.locator('[data-testid="checkin-submit"]').click();
  await checkin.locator('[data-field="code"] .gz-field__error').waitFor();
  const code = (await dataAs<RoomView>('demo-staff', 'room', 'room', { roomId: room.id })).checkInCode!;
  await fill(checkin, 'code', code);
  await checkin.locator('[data-testid="checkin-submit"]').click();
  await checkin.locator('[data-testid="checked-in"]').waitFor();
  await shot(page, 'room-checked-in-large');
  expect((await bookingOf(BOOKER, booking.id)).status).toBe('checked_in');
  await page.context().close();
});

test('a no-show is released by dev/tick; the resident queued behind is offered the slot and accepts it', async () => {
  const room = await createRoom('乒乓球室', '文体中心', false);
  const start = startAfter(Date.now() + 60 * 60_000, 60);
  const missed = rangeAt(start, 60);
  const wanted = rangeAt(start + 30 * 60_000, 15);
  const theirs = await dataAs<BookingView>(MISSER, 'room', 'book', { roomId: room.id, ...missed, purpose: '乒乓球练习', attendees: 4 });
  expect(theirs.status).toBe('confirmed');

  // The grid shows the slot taken; tapping it offers the queue, and the form queues with the same range.
  const page = await phone(WAITER);
  const detail = await gotoRoute(page, `/packages/room/room/index?id=${room.id}&date=${wanted.date}`);
  await slot(detail, wanted.start).click();
  await detail.locator('[data-testid="taken"]', { hasText: '已预约' }).waitFor();
  await shot(page, 'room-grid-taken', false);
  await detail.locator('[data-testid="wait-taken"]').click();
  const form = currentPage(page);
  await form.locator('.page-title', { hasText: '排队候补' }).waitFor();
  await fill(form, 'purpose', '和邻居打乒乓球');
  await fill(form, 'attendees', '2');
  await form.locator('[data-testid="book-wait"]').click();
  await currentPage(page).locator('.page-title', { hasText: '我的预约' }).waitFor();
  const waits = await dataAs<{ items: WaitView[] }>(WAITER, 'room', 'myWaits', {});
  expect(waits.items.find((w) => w.roomId === room.id)).toMatchObject({ status: 'waiting', position: 1, start: wanted.start });

  // Fifteen minutes after the start nobody has checked in: the cron releases the slot and offers it on.
  const report = await tick(start + 16 * 60_000);
  expect(report.jobs.filter((j) => j.name.startsWith('room.')).some((j) => j.done > 0)).toBe(true);
  expect((await bookingOf(MISSER, theirs.id)).status).toBe('no_show');

  const mine = await gotoRoute(page, '/packages/room/mine/index');
  const offered = mine.locator('[data-testid="booking-card"][data-status="offered"]', { hasText: '乒乓球室' });
  await offered.waitFor();
  await shot(page, 'room-mine-offered');
  await offered.locator('.rm-card__title').click();
  const offer = currentPage(page);
  await offer.locator('[data-testid="offer"]').waitFor();
  const hold = await offer.locator('[data-testid="hold-until"]').innerText();
  expect(hold).toMatch(/\d+月\d+日 \d{2}:\d{2}/);
  await shot(page, 'room-offer');
  await offer.locator('[data-testid="offer-accept"]').click();
  await offer.locator('[data-testid="booking"][data-status="confirmed"]').waitFor();
  await shot(page, 'room-offer-accepted');
  const accepted = (await dataAs<{ items: BookingView[] }>(WAITER, 'room', 'myBookings', {})).items.find((b) => b.roomId === room.id)!;
  expect(accepted).toMatchObject({ status: 'confirmed', start: wanted.start, end: wanted.end });
  await page.context().close();
});

test('a host picks the 议事厅 in the plan form: a taken range is refused under the time, the saved plan holds the room, and its grid shows "议事厅：<topic>", in normal and large text', async () => {
  // A name of its own: the seeded 居民议事厅 sits in the same list.
  const hall = await createRoom('楼道议事厅', '议事厅', false);
  const topic = '楼道堆物如何清理';
  const now = Date.now();
  const c = await dataAs<ConsultationView>('demo-host', 'consultation', 'create', { communityId: XFL, theme: '楼道环境', collectFrom: now - 60_000, collectTo: now + DAY_MS });
  const opinion = await dataAs<{ id: string }>(BOOKER, 'consultation', 'submitOpinion', {
    communityId: XFL,
    consultationId: c.id,
    title: '楼道里堆满杂物',
    description: '楼道里堆了很多纸箱和旧家具，影响通行也有火灾隐患。',
    category: '环境卫生',
  });
  await dataAs('demo-host', 'consultation', 'closeCollection', { id: c.id, reason: '意见集中' });
  await dataAs('demo-host', 'consultation', 'advance', { id: c.id, fromStep: 1 });
  await dataAs('demo-host', 'consultation', 'saveTopic', {
    id: c.id,
    title: topic,
    background: '多栋楼道堆放杂物。',
    question: '是否统一清理并设定期检查？',
    adoptedOpinionIds: [opinion.id],
    adoptionReason: '居民反映集中。',
  });
  await dataAs('demo-host', 'consultation', 'advance', { id: c.id, fromStep: 2 });

  // The form proposes 19:00 on a day after the notice period; a resident has the hall at 19:30 that day.
  const hostPage = await phone('demo-host', true);
  let form = await gotoRoute(hostPage, `/packages/consultation/host/index?id=${c.id}`);
  await form.locator('[data-testid="host-screen"][data-step="3"]').waitFor();
  // The picker's text is the date and an arrow.
  const date = /\d{4}-\d{2}-\d{2}/.exec(await form.locator('[data-testid="meetingAt-date"]').innerText())?.[0] ?? '';
  expect(date).not.toBe('');
  const neighbour = 'e2e-room-neighbour';
  await verifiedResident(neighbour, '8号楼', '1单元204');
  const early = await dataAs<BookingView>(neighbour, 'room', 'book', { roomId: hall.id, date, start: '19:30', end: '20:00', purpose: '楼组长碰头', attendees: 3 });

  await form.locator('[data-field="roomId"] .gz-choice', { hasText: '楼道议事厅' }).click();
  expect(await form.locator('[data-field="place"] input').inputValue()).toBe('楼道议事厅');
  await form.locator('[data-field="meetingMinutes"] .gz-choice', { hasText: /^1小时$/ }).click();
  await expectTappable(form.locator('[data-testid="room-free-times"]'));
  await button(form, '保存方案').click();
  const refusal = form.locator('[data-field="meetingAt"] .gz-field__error');
  await refusal.waitFor();
  expect(await refusal.innerText()).toContain('这个时段活动室已被预约');
  expect(await refusal.isVisible()).toBe(true);
  expect((await dataAs<ConsultationView>('demo-host', 'consultation', 'get', { id: c.id })).plan).toBeNull();
  await shot(hostPage, 'room-plan-taken-large', false);

  // 看看空闲时段 opens the hall's grid on the meeting's day: 19:30 is taken.
  await form.locator('[data-testid="room-free-times"]').click();
  const grid = currentPage(hostPage);
  await grid.locator('[data-testid="room-name"]', { hasText: '楼道议事厅' }).waitFor();
  expect(await slot(grid, '19:30').getAttribute('data-state')).toBe('taken');
  await hostPage.goBack();
  form = currentPage(hostPage);
  await form.locator('[data-testid="host-screen"][data-step="3"]').waitFor();

  // The resident gives the range up; the same plan is saved and holds the hall from 19:00 to 20:00.
  await dataAs(neighbour, 'room', 'cancel', { id: early.id });
  await button(form, '保存方案').click();
  const held = form.locator('[data-testid="plan-room-held"]');
  await held.waitFor();
  expect(await held.innerText()).toContain('楼道议事厅');
  expect(await held.innerText()).toContain('19:00–20:00');
  const saved = await dataAs<ConsultationView>('demo-host', 'consultation', 'get', { id: c.id });
  expect(saved.plan).toMatchObject({ roomId: hall.id, meetingMinutes: 60, place: '楼道议事厅' });
  await held.scrollIntoViewIfNeeded();
  await shot(hostPage, 'room-plan-held-large', false);
  await hostPage.context().close();

  for (const large of [false, true]) {
    const page = await phone(BOOKER, large);
    const detail = await gotoRoute(page, `/packages/room/room/index?id=${hall.id}&date=${date}`);
    const meeting = slot(detail, '19:00');
    await meeting.scrollIntoViewIfNeeded();
    expect(await meeting.innerText()).toContain(`议事厅：${topic}`);
    expect(await slot(detail, '19:45').innerText()).toContain(`议事厅：${topic}`);
    expect(await slot(detail, '20:00').getAttribute('data-state')).toBe('free');
    await shot(page, large ? 'room-consultation-large' : 'room-consultation', false);
    await detail.locator('.gz-choice', { hasText: '按周看' }).click();
    await detail.locator(`[data-testid="week-day"][data-date="${date}"]`, { hasText: `议事厅：${topic}` }).waitFor();
    await shot(page, large ? 'room-consultation-week-large' : 'room-consultation-week', false);
    await page.context().close();
  }
});

test('cancelling asks first; 再想想 keeps the booking, the confirming button cancels it', async () => {
  const room = await createRoom('舞蹈室', '活动室', false);
  const range = rangeAt(parseShanghai(`${shanghaiDate(Date.now() + 2 * DAY_MS)} 10:00`), 60);
  const booking = await dataAs<BookingView>(BOOKER, 'room', 'book', { roomId: room.id, ...range, purpose: '广场舞排练', attendees: 10 });
  const page = await phone(BOOKER, true);
  const view = await gotoRoute(page, `/packages/room/booking/index?id=${booking.id}`);
  await view.locator('[data-testid="booking-cancel"]').click();
  expect(await answerDialog(page, '取消这个预约？', 'cancel')).toContain('舞蹈室');
  expect((await bookingOf(BOOKER, booking.id)).status).toBe('confirmed');
  await view.locator('[data-testid="booking-cancel"]').click();
  await answerDialog(page, '取消这个预约？', 'confirm');
  await view.locator('[data-testid="booking"][data-status="cancelled"]').waitFor();
  await shot(page, 'room-cancelled-large');
  expect((await bookingOf(BOOKER, booking.id)).status).toBe('cancelled');
  await page.context().close();
});
