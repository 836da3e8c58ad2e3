import type { BookingView, WaitView } from '@shared/contract';
import { dateAfter, firstOnWeekday, instantOf } from '@shared/room/rules';
import { DAY_MS, startOfShanghaiDay } from '@shared/time';
import { startCloud, type Client, type TestCloud } from '../support/cloud';
import { cast, consultationAt, crowd } from '../support/consultation';
import { expectError, refusedUnchanged } from '../support/expect';
import { dayFrom, DEMO_ROOMS, rangeInput, sweepNoOverlap, XFL } from '../support/room';

const MINUTE = 60_000;

/**
 * 活动室 end to end over HTTP, on the seeded 幸福里 rooms: 一楼活动室 books at once, the 议事厅 needs approval. The
 * cloud's clock starts at 06:00 today (Shanghai) and is moved as the days would pass.
 */
describe('活动室: rooms, bookings, check-in, the waitlist, series and consultations', () => {
  let cloud: TestCloud;
  let staff: Client;
  let zhang: Client;
  let liu: Client;
  let chen: Client;
  let zhao: Client;
  let host: Client;
  let T0: number;

  beforeAll(async () => {
    T0 = startOfShanghaiDay(Date.now()) + 6 * 3600_000;
    cloud = await startCloud({ now: T0, rateLimitPerMinute: 10_000 });
    [staff, zhang, liu, chen, zhao, host] = await Promise.all(['demo-staff', 'demo-resident-1', 'demo-resident-2', 'demo-resident-3', 'demo-resident-4', 'demo-host'].map((o) => cloud.login(o)));
  }, 60_000);
  afterAll(() => cloud.close());
  afterEach(async () => {
    await sweepNoOverlap(cloud.store);
    cloud.setNow(T0);
  });

  const day = (n: number) => dayFrom(T0, n);

  test('residents see the rooms with hours and facilities but not the door code; staff see the code', async () => {
    const seen = await zhang.ok('room', 'rooms', { communityId: XFL });
    expect(seen.map((r) => r.name)).toEqual(['居民议事厅', '一楼活动室', '二楼会议室']);
    expect(seen.every((r) => r.checkInCode === null)).toBe(true);
    expect(seen[0]).toMatchObject({ kind: '议事厅', needsApproval: true, capacity: 40, facilities: expect.arrayContaining(['投影仪']) });
    const forStaff = await staff.ok('room', 'room', { roomId: DEMO_ROOMS.activity });
    expect(forStaff.checkInCode).toBe('1357');
  });

  test('a room that needs no approval is booked at once; the grid shows it taken, mine to the booker and 已预约 to others', async () => {
    const [a] = await crowd(cloud, staff, 1, 'taiji');
    const b = await a.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(1), '09:00', '10:30', { purpose: '太极拳' }));
    expect(b).toMatchObject({ status: 'confirmed', statusLabel: '已预约', start: '09:00', end: '10:30', mine: true, can: { cancel: true, checkIn: false } });
    const grid = await liu.ok('room', 'grid', { communityId: XFL, roomId: DEMO_ROOMS.activity, from: day(1), days: 1 });
    const slots = grid.rooms[0].days[0].slots;
    expect(slots.filter((s) => s.state === 'taken').map((s) => s.start)).toEqual(['09:00', '09:30', '10:00']);
    expect(slots.find((s) => s.start === '09:00')).toMatchObject({ label: '已预约', mine: false, bookingId: null });
    expect(slots.find((s) => s.start === '10:30')).toMatchObject({ state: 'free', label: null });
    const mine = await a.ok('room', 'grid', { communityId: XFL, roomId: DEMO_ROOMS.activity, from: day(1), days: 1 });
    expect(mine.rooms[0].days[0].slots.find((s) => s.start === '09:00')).toMatchObject({ mine: true, bookingId: b.id });
    // Someone else's view of the booking hides who and why.
    const theirs = await liu.call('room', 'booking', { id: b.id });
    expectError(theirs, 'FORBIDDEN');
  });

  test('an overlapping booking is refused SLOT_TAKEN, told it can join the waitlist, and nothing is written', async () => {
    const [a] = await crowd(cloud, staff, 1, 'first-come');
    await a.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(2), '14:00', '15:00'));
    const error = await refusedUnchanged(cloud, 'SLOT_TAKEN', () => liu.call('room', 'book', rangeInput(DEMO_ROOMS.activity, day(2), '14:30', '16:00')));
    expect(error.message).toContain('候补');
  });

  test('the week grid has seven days; a day the room is shut has no slots, past slots read 已过', async () => {
    cloud.setNow(instantOf(day(0), '12:10'));
    const week = await zhang.ok('room', 'grid', { communityId: XFL, from: day(0), days: 7 });
    expect(week.rooms.map((r) => r.room.name)).toEqual(['居民议事厅', '一楼活动室', '二楼会议室']);
    for (const r of week.rooms) expect(r.days).toHaveLength(7);
    const meeting = week.rooms[2];
    expect(meeting.days.some((d) => d.hours === null && d.slots.length === 0)).toBe(true);
    const today = week.rooms[1].days[0].slots;
    expect(today.find((s) => s.start === '12:00')).toMatchObject({ state: 'closed', label: '已过' });
    expect(today.find((s) => s.start === '12:30')?.state).not.toBe('closed');
  });

  test('bad ranges are refused with their code and write nothing', async () => {
    const act = DEMO_ROOMS.activity;
    const cases: [string, Record<string, unknown>, string][] = [
      ['outside the hours', rangeInput(act, day(1), '06:00', '07:00'), 'VALIDATION'],
      ['off a slot boundary', rangeInput(act, day(1), '12:15', '13:00'), 'VALIDATION'],
      ['longer than the longest booking', rangeInput(act, day(1), '12:00', '15:00'), 'LIMIT_EXCEEDED'],
      ['beyond the horizon', rangeInput(act, day(9), '12:00', '13:00'), 'LIMIT_EXCEEDED'],
      ['over capacity', rangeInput(act, day(1), '12:00', '13:00', { attendees: 21 }), 'LIMIT_EXCEEDED'],
      ['end before start', rangeInput(act, day(1), '13:00', '12:00'), 'VALIDATION'],
      ['already begun', rangeInput(act, day(0), '05:30', '06:30'), 'VALIDATION'],
    ];
    for (const [what, input, code] of cases) {
      const error = await refusedUnchanged(cloud, code as never, () => chen.call('room', 'book', input));
      expect({ what, message: error.message.length > 0 }).toEqual({ what, message: true });
    }
  });

  test('a blackout refuses bookings in it, shows its kind on the grid, lists the bookings it clashes with, and can be removed', async () => {
    const standing = await zhang.ok('room', 'book', rangeInput(DEMO_ROOMS.hall, day(3), '09:00', '10:00'));
    const from = instantOf(day(3), '08:00');
    const added = await staff.ok('room', 'addBlackout', { communityId: XFL, roomId: null, kind: '节假日', reason: '元旦放假', from, to: from + 8 * 3600_000 });
    expect(added.clashes.map((b) => b.id)).toEqual([standing.id]);
    const error = await refusedUnchanged(cloud, 'INVALID_STATE', () => liu.call('room', 'book', rangeInput(DEMO_ROOMS.activity, day(3), '11:00', '12:00')));
    expect(error.message).toContain('节假日');
    const grid = await liu.ok('room', 'grid', { communityId: XFL, roomId: DEMO_ROOMS.activity, from: day(3), days: 1 });
    expect(grid.rooms[0].days[0].slots.find((s) => s.start === '11:00')).toMatchObject({ state: 'closed', label: '节假日' });
    expect((await zhang.ok('room', 'blackouts', { communityId: XFL })).map((b) => b.reason)).toContain('元旦放假');
    await staff.ok('room', 'removeBlackout', { id: added.id });
    const after = await liu.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(3), '11:00', '12:00'));
    await liu.ok('room', 'cancel', { id: after.id });
    await staff.ok('room', 'cancel', { id: standing.id, reason: '测试结束' });
  });

  test('a room that needs approval waits in the queue; staff approve it and the booker is told', async () => {
    const b = await liu.ok('room', 'book', rangeInput(DEMO_ROOMS.hall, day(2), '09:00', '10:00', { purpose: '楼组长会议' }));
    expect(b.status).toBe('pending');
    const queue = await staff.ok('room', 'approvalQueue', { communityId: XFL });
    expect(queue.items.map((x) => x.id)).toContain(b.id);
    expect(queue.items.find((x) => x.id === b.id)).toMatchObject({ bookerName: '刘建国', purpose: '楼组长会议', can: { review: true } });
    const approved = await staff.ok('room', 'review', { id: b.id, approve: true });
    expect(approved.status).toBe('confirmed');
    const told = await cloud.store.query('outbox', { where: { event: 'room.approved', 'data.bookingId': b.id } });
    expect(told.items).toHaveLength(1);
    await refusedUnchanged(cloud, 'INVALID_STATE', () => staff.call('room', 'review', { id: b.id, approve: true }));
    await liu.ok('room', 'cancel', { id: b.id });
  });

  test('a rejection needs a reason, frees the slots and gives the hours back', async () => {
    await refusedUnchanged(cloud, 'VALIDATION', () => staff.call('room', 'review', { id: 'bk_x', approve: false }));
    const b = await chen.ok('room', 'book', rangeInput(DEMO_ROOMS.hall, day(4), '15:00', '17:00'));
    const before = await chen.ok('room', 'myStanding', { communityId: XFL });
    const rejected = await staff.ok('room', 'review', { id: b.id, approve: false, reason: '当天已安排社区活动' });
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '当天已安排社区活动' });
    const after = await chen.ok('room', 'myStanding', { communityId: XFL });
    expect(after.activeBookings).toBe(before.activeBookings - 1);
    await zhao.ok('room', 'book', rangeInput(DEMO_ROOMS.hall, day(4), '15:00', '16:00'));
  });

  test('the booker cancels before the cut-off but not after; staff cancel any time with a reason, and the booker is told', async () => {
    const early = await zhao.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(1), '16:00', '17:00'));
    expect((await zhao.ok('room', 'cancel', { id: early.id })).status).toBe('cancelled');
    const late = await zhao.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(1), '17:00', '18:00'));
    cloud.setNow(instantOf(day(1), '16:00'));
    const error = await refusedUnchanged(cloud, 'INVALID_STATE', () => zhao.call('room', 'cancel', { id: late.id }));
    expect(error.message).toContain('2小时');
    await refusedUnchanged(cloud, 'VALIDATION', () => staff.call('room', 'cancel', { id: late.id }));
    const byStaff = await staff.ok('room', 'cancel', { id: late.id, reason: '活动室临时维修' });
    expect(byStaff).toMatchObject({ status: 'cancelled', cancelledBy: 'staff', cancelReason: '活动室临时维修' });
    expect((await cloud.store.query('outbox', { where: { event: 'room.cancelled', 'data.bookingId': late.id } })).items).toHaveLength(1);
    // Someone else's booking is not theirs to cancel.
    const other = await zhang.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(2), '19:00', '20:00'));
    await refusedUnchanged(cloud, 'FORBIDDEN', () => liu.call('room', 'cancel', { id: other.id }));
    await zhang.ok('room', 'cancel', { id: other.id });
  });

  test('check-in by the room code opens 15 minutes before the start and closes 15 after; the cron completes it after the end', async () => {
    const b = await chen.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(1), '19:00', '20:00'));
    cloud.setNow(instantOf(day(1), '18:40'));
    await refusedUnchanged(cloud, 'INVALID_STATE', () => chen.call('room', 'checkIn', { roomId: DEMO_ROOMS.activity, code: '1357' }));
    cloud.setNow(instantOf(day(1), '18:50'));
    expect((await chen.ok('room', 'booking', { id: b.id })).can.checkIn).toBe(true);
    await refusedUnchanged(cloud, 'VALIDATION', () => chen.call('room', 'checkIn', { roomId: DEMO_ROOMS.activity, code: '0000' }));
    const done = await chen.ok('room', 'checkIn', { roomId: DEMO_ROOMS.activity, code: '1357' });
    expect(done).toMatchObject({ id: b.id, status: 'checked_in', checkedInAt: instantOf(day(1), '18:50') });
    await refusedUnchanged(cloud, 'INVALID_STATE', () => chen.call('room', 'checkIn', { roomId: DEMO_ROOMS.activity, code: '1357' }));
    await cloud.tick(instantOf(day(1), '20:01'));
    expect((await chen.ok('room', 'booking', { id: b.id })).status).toBe('completed');
    expect((await chen.ok('room', 'myBookings', { when: 'past' })).items.map((x) => x.id)).toContain(b.id);
  });

  test('staff mark a booking checked in within the window', async () => {
    const b = await staff.ok('room', 'proxyBook', { ...rangeInput(DEMO_ROOMS.activity, day(1), '20:00', '21:00', { purpose: '合唱排练' }), residentId: 'u_demo7' });
    expect(b).toMatchObject({ status: 'confirmed', kind: 'proxy', bookerName: '赵磊', proxyBy: expect.any(String) });
    await refusedUnchanged(cloud, 'INVALID_STATE', () => staff.call('room', 'markCheckedIn', { id: b.id }));
    cloud.setNow(instantOf(day(1), '20:05'));
    expect((await staff.ok('room', 'markCheckedIn', { id: b.id })).status).toBe('checked_in');
    const mine = await zhao.ok('room', 'myBookings', {});
    expect(mine.items.find((x) => x.id === b.id)).toMatchObject({ mine: true, status: 'checked_in' });
  });

  test('代办 is only for verified residents of the community', async () => {
    await refusedUnchanged(cloud, 'VALIDATION', () => staff.call('room', 'proxyBook', { ...rangeInput(DEMO_ROOMS.activity, day(2), '08:00', '09:00'), residentId: 'u_demo8' }));
  });

  test('a no-show is released by the cron, counted against the booker, and the first waiting resident is offered it and accepts', async () => {
    const [sleeper, waiter] = await crowd(cloud, staff, 2, 'no-show');
    const b = await sleeper.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(2), '10:00', '11:00'));
    const wait = await waiter.ok('room', 'joinWaitlist', rangeInput(DEMO_ROOMS.activity, day(2), '10:00', '11:00', { purpose: '书画交流' }));
    expect(wait).toMatchObject({ status: 'waiting', position: 1, seq: expect.any(Number) });
    await cloud.tick(instantOf(day(2), '10:16'));
    cloud.setNow(instantOf(day(2), '10:17'));
    expect((await sleeper.ok('room', 'booking', { id: b.id })).status).toBe('no_show');
    expect((await sleeper.ok('room', 'myStanding', { communityId: XFL })).recentNoShows).toBe(1);
    const [offered] = (await waiter.ok('room', 'myWaits', {})).items;
    expect(offered).toMatchObject({ id: wait.id, status: 'offered', bookingId: expect.any(String) });
    const hold = await waiter.ok('room', 'booking', { id: offered.bookingId! });
    expect(hold).toMatchObject({ status: 'offered', can: { accept: true, decline: true } });
    expect((await cloud.store.query('outbox', { where: { event: 'room.offered', 'data.bookingId': hold.id } })).items).toHaveLength(1);
    const accepted = await waiter.ok('room', 'acceptOffer', { id: hold.id });
    expect(accepted).toMatchObject({ status: 'confirmed', can: { checkIn: true } });
    expect((await waiter.ok('room', 'checkIn', { roomId: DEMO_ROOMS.activity, code: '1357' })).status).toBe('checked_in');
  });

  test('three no-shows in 30 days suspend booking for 14 days; the resident sees why and until when', async () => {
    const [late] = await crowd(cloud, staff, 1, 'late-riser');
    let last = '';
    for (const n of [1, 2, 3]) {
      cloud.setNow(T0 + (n - 1) * DAY_MS);
      const b = await late.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, dayFrom(T0, n), '08:00', '08:30'));
      await cloud.tick(instantOf(dayFrom(T0, n), '08:16'));
      expect((await late.ok('room', 'booking', { id: b.id })).status).toBe('no_show');
      last = b.id;
    }
    cloud.setNow(instantOf(day(3), '09:00'));
    const standing = await late.ok('room', 'myStanding', { communityId: XFL });
    expect(standing.suspension).toEqual({ until: instantOf(day(3), '08:16') + 14 * DAY_MS, reason: expect.stringContaining('3次') });
    const error = await refusedUnchanged(cloud, 'SUSPENDED', () => late.call('room', 'book', rangeInput(DEMO_ROOMS.activity, day(4), '08:00', '08:30')));
    expect(error.message).toContain('暂停预约至');
    const told = await cloud.store.query<{ _id: string; data: { reason: string } }>('outbox', { where: { event: 'room.noShow', 'data.bookingId': last } });
    expect(told.items[0].data.reason).toContain('暂停预约至');
  });

  test('the waitlist is offered in order: a decline and a lapsed hold pass the range to the next in line', async () => {
    const taken = await zhang.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(5), '09:00', '10:00'));
    await refusedUnchanged(cloud, 'INVALID_STATE', () => liu.call('room', 'joinWaitlist', rangeInput(DEMO_ROOMS.activity, day(5), '15:00', '16:00')));
    const queue: Client[] = [liu, chen, zhao];
    const waits: WaitView[] = [];
    for (const who of queue) waits.push(await who.ok('room', 'joinWaitlist', rangeInput(DEMO_ROOMS.activity, day(5), '09:00', '10:00')));
    expect(waits.map((w) => w.position)).toEqual([1, 2, 3]);
    expect(waits.map((w) => w.seq)).toEqual([waits[0].seq, waits[0].seq + 1, waits[0].seq + 2]);

    await zhang.ok('room', 'cancel', { id: taken.id });
    const first = (await liu.ok('room', 'myWaits', {})).items.find((w) => w.id === waits[0].id)!;
    expect(first.status).toBe('offered');
    expect((await chen.ok('room', 'myWaits', {})).items.find((w) => w.id === waits[1].id)).toMatchObject({ status: 'waiting', position: 1 });
    // The hold claims the slots: nobody else can book them meanwhile.
    await refusedUnchanged(cloud, 'SLOT_TAKEN', () => host.call('room', 'book', rangeInput(DEMO_ROOMS.activity, day(5), '09:00', '09:30')));

    await liu.ok('room', 'declineOffer', { id: first.bookingId! });
    const second = (await chen.ok('room', 'myWaits', {})).items.find((w) => w.id === waits[1].id)!;
    expect(second).toMatchObject({ status: 'offered', holdUntil: T0 + 30 * MINUTE });

    await cloud.tick(T0 + 31 * MINUTE);
    cloud.setNow(T0 + 32 * MINUTE);
    expect((await chen.ok('room', 'myWaits', {})).items.find((w) => w.id === waits[1].id)?.status).toBe('lapsed');
    await refusedUnchanged(cloud, 'INVALID_STATE', () => chen.call('room', 'acceptOffer', { id: second.bookingId! }));
    const third = (await zhao.ok('room', 'myWaits', {})).items.find((w) => w.id === waits[2].id)!;
    expect(third.status).toBe('offered');
    expect((await zhao.ok('room', 'acceptOffer', { id: third.bookingId! })).status).toBe('confirmed');
    const audit = await cloud.store.query<{ _id: string; action: string; targetId: string }>('audit', { where: { action: 'room.offer' } });
    expect(audit.items.map((e) => e.targetId)).toEqual(expect.arrayContaining([first.bookingId, second.bookingId, third.bookingId]));
  });

  test('a resident leaves the waitlist', async () => {
    const held = await zhang.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(6), '09:00', '10:00'));
    const w = await chen.ok('room', 'joinWaitlist', rangeInput(DEMO_ROOMS.activity, day(6), '09:30', '10:30'));
    expect((await chen.ok('room', 'leaveWaitlist', { id: w.id })).status).toBe('left');
    await refusedUnchanged(cloud, 'INVALID_STATE', () => chen.call('room', 'leaveWaitlist', { id: w.id }));
    await zhang.ok('room', 'cancel', { id: held.id });
  });

  test('one resident is held to the active-booking and weekly-hour limits, and a cancellation gives both back', async () => {
    const [busy] = await crowd(cloud, staff, 1, 'busy-bee');
    const monday = firstOnWeekday(day(1), 0);
    const tuesday = dateAfter(monday, 1);
    const meeting = DEMO_ROOMS.meeting;
    await busy.ok('room', 'book', rangeInput(meeting, monday, '09:00', '12:00'));
    const second = await busy.ok('room', 'book', rangeInput(meeting, monday, '13:00', '16:00'));
    const hours = await refusedUnchanged(cloud, 'LIMIT_EXCEEDED', () => busy.call('room', 'book', rangeInput(meeting, tuesday, '09:00', '10:00')));
    expect(hours.message).toContain('每人每周最多预约6小时');
    await busy.ok('room', 'cancel', { id: second.id });
    await busy.ok('room', 'book', rangeInput(meeting, tuesday, '09:00', '10:00'));
    await busy.ok('room', 'book', rangeInput(meeting, tuesday, '10:00', '11:00'));
    const active = await refusedUnchanged(cloud, 'LIMIT_EXCEEDED', () => busy.call('room', 'book', rangeInput(meeting, tuesday, '11:00', '12:00')));
    expect(active.message).toContain('最多3个');
    expect(await busy.ok('room', 'myStanding', { communityId: XFL })).toMatchObject({ activeBookings: 3, maxActiveBookings: 3, suspension: null });
  });

  test('staff run a weekly series: every occurrence is a booking, a collision is reported, one occurrence can be cancelled, the series ended', async () => {
    const weekday = 4; // 周五
    const firstDate = day(1);
    const clashDate = firstOnWeekday(firstDate, weekday);
    const target = dateAfter(clashDate, 7);
    const clash = await zhang.ok('room', 'book', rangeInput(DEMO_ROOMS.hall, clashDate, '18:00', '19:00'));
    const s = await staff.ok('room', 'createSeries', { roomId: DEMO_ROOMS.hall, title: '少儿围棋班', organizer: '围棋协会', weekday, start: '18:30', end: '20:00', every: 1, firstDate, attendees: 12 });
    expect(s.occurrences.length).toBeGreaterThanOrEqual(12);
    const collided = s.occurrences.filter((o) => o.collision);
    expect(collided).toEqual([{ date: clash.date, bookingId: null, status: null, collision: '该时段已被预约' }]);
    expect(s.occurrences.filter((o) => o.bookingId).every((o) => o.status === 'confirmed')).toBe(true);
    expect(s.confirmedUntil).toBe(dayFrom(T0, 91));
    expect(s.needsConfirming).toBe(false);
    const grid = await liu.ok('room', 'grid', { communityId: XFL, roomId: DEMO_ROOMS.hall, from: target, days: 1 });
    expect(grid.rooms[0].days[0].slots.find((x) => x.start === '18:30')).toMatchObject({ state: 'taken', label: '已预约' });

    const one = s.occurrences.find((o) => o.bookingId)!;
    await staff.ok('room', 'cancel', { id: one.bookingId!, reason: '老师请假' });
    const after = await staff.ok('room', 'series', { id: s.id });
    expect(after.occurrences.find((o) => o.bookingId === one.bookingId)?.status).toBe('cancelled');

    const confirmed = await staff.ok('room', 'confirmSeries', { id: s.id });
    expect(confirmed.confirmedUntil).toBe(dayFrom(T0, 182));
    expect(confirmed.occurrences.length).toBeGreaterThanOrEqual(25);
    await refusedUnchanged(cloud, 'INVALID_STATE', () => staff.call('room', 'confirmSeries', { id: s.id }));

    const ended = await staff.ok('room', 'endSeries', { id: s.id, reason: '学期结束' });
    expect(ended.status).toBe('ended');
    expect(ended.occurrences.filter((o) => o.status === 'confirmed')).toEqual([]);
    expect((await staff.ok('room', 'seriesList', { communityId: XFL })).map((x) => x.id)).toContain(s.id);
  }, 60_000);

  test('staff edit a room, change its door code, and print the door QR (a PNG with the code under it)', async () => {
    const made = await staff.ok('room', 'createRoom', {
      communityId: XFL,
      name: '三楼舞蹈室',
      kind: '文体中心',
      capacity: 30,
      facilities: ['镜子'],
      photos: [],
      hours: Array.from({ length: 7 }, () => ({ open: '09:00', close: '18:00' })),
      slotMinutes: 60,
      maxMinutes: 120,
      horizonDays: 7,
      needsApproval: false,
      rules: '',
    });
    expect(made.checkInCode).toMatch(/^\d{4}$/);
    const edited = await staff.ok('room', 'updateRoom', { roomId: made.id, capacity: 25, inUse: false });
    expect(edited).toMatchObject({ capacity: 25, inUse: false, name: '三楼舞蹈室' });
    expect((await zhang.ok('room', 'rooms', { communityId: XFL })).map((r) => r.id)).not.toContain(made.id);
    await refusedUnchanged(cloud, 'INVALID_STATE', () => zhang.call('room', 'book', rangeInput(made.id, day(1), '09:00', '10:00')));
    await refusedUnchanged(cloud, 'VALIDATION', () => staff.call('room', 'updateRoom', { roomId: made.id, maxMinutes: 90 }));
    const reset = await staff.ok('room', 'resetCheckInCode', { roomId: made.id });
    expect(reset.checkInCode).not.toBe(made.checkInCode);
    const qr = await staff.ok('room', 'doorQr', { roomId: DEMO_ROOMS.hall });
    expect(qr).toMatchObject({ source: 'qrcode', scene: 'r=r_xfl_hall&c=2468', checkInCode: '2468', page: 'packages/room/checkin/index' });
    const png = Buffer.from(qr.image.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  test('staff see the day of every room with who booked', async () => {
    const b = await zhang.ok('room', 'book', rangeInput(DEMO_ROOMS.hall, day(6), '14:00', '15:00', { purpose: '读书会' }));
    const view = await staff.ok('room', 'dayView', { communityId: XFL, date: day(6) });
    expect(view.rooms.map((r) => r.room.name)).toEqual(expect.arrayContaining(['居民议事厅', '一楼活动室', '二楼会议室']));
    expect(view.rooms.find((r) => r.room.id === DEMO_ROOMS.hall)!.bookings.find((x) => x.id === b.id)).toMatchObject({ bookerName: '张桂芳', purpose: '读书会', status: 'pending' });
    await zhang.ok('room', 'cancel', { id: b.id });
  });

  test('a consultation plan holds the 议事厅 (the grid shows 议事厅：<topic>), a postponement moves it, a cancellation releases it', async () => {
    const people = await cast(cloud);
    const c = await consultationAt(cloud, people, 3);
    const meetingAt = instantOf(day(3), '19:00');
    const plan = { meetingAt, place: '居民议事厅', roomId: DEMO_ROOMS.hall, meetingMinutes: 90, invited: [], openSeats: 3, agenda: ['介绍背景'], rule: 'majority', quorum: 2, options: ['同意', '不同意'] };
    await host.ok('consultation', 'savePlan', { id: c.id, plan });
    const label = '议事厅：是否与邻近单位共享夜间车位';
    const slotsOn = async (date: string) => (await zhang.ok('room', 'grid', { communityId: XFL, roomId: DEMO_ROOMS.hall, from: date, days: 1 })).rooms[0].days[0].slots;
    expect((await slotsOn(day(3))).filter((s) => s.label === label).map((s) => s.start)).toEqual(['19:00', '19:30', '20:00']);
    // The same no-overlap rule: a resident cannot book into the meeting, and a plan cannot take a booked range.
    await refusedUnchanged(cloud, 'SLOT_TAKEN', () => zhang.call('room', 'book', rangeInput(DEMO_ROOMS.hall, day(3), '20:00', '21:00')));
    await zhang.ok('room', 'book', rangeInput(DEMO_ROOMS.hall, day(4), '19:00', '20:00'));
    await refusedUnchanged(cloud, 'SLOT_TAKEN', () => host.call('consultation', 'postpone', { id: c.id, reason: '改期', meetingAt: instantOf(day(4), '19:30') }));
    // Staff cannot cancel a meeting's room by hand.
    const meeting = (await staff.ok('room', 'dayView', { communityId: XFL, date: day(3) })).rooms.find((r) => r.room.id === DEMO_ROOMS.hall)!.bookings.find((b) => b.kind === 'consultation')!;
    expect(meeting).toMatchObject({ consultationId: c.id, publicLabel: label, status: 'confirmed' });
    await refusedUnchanged(cloud, 'INVALID_STATE', () => staff.call('room', 'cancel', { id: meeting.id, reason: '手动取消' }));

    await host.ok('consultation', 'postpone', { id: c.id, reason: '恰逢节日，改期', meetingAt: instantOf(day(5), '18:00') });
    expect((await slotsOn(day(3))).some((s) => s.label === label)).toBe(false);
    expect((await slotsOn(day(5))).filter((s) => s.label === label).map((s) => s.start)).toEqual(['18:00', '18:30', '19:00']);

    await host.ok('consultation', 'cancel', { id: c.id, reason: '议题已由物业解决' });
    expect((await slotsOn(day(5))).some((s) => s.label === label)).toBe(false);
    expect((await staff.ok('room', 'booking', { id: meeting.id })).status).toBe('cancelled');
  }, 60_000);

  test('a plan for another community\'s room, outside the hours, on a booked range or in a blackout is refused under the field the host fills, and nothing is written', async () => {
    const people = await cast(cloud);
    const c = await consultationAt(cloud, people, 3);
    const plan = { meetingAt: instantOf(day(3), '22:00'), place: '议事厅', roomId: DEMO_ROOMS.hall, invited: [], openSeats: 3, agenda: ['介绍'], rule: 'majority', quorum: 2, options: ['同意', '不同意'] };
    const hours = await refusedUnchanged(cloud, 'VALIDATION', () => host.call('consultation', 'savePlan', { id: c.id, plan }));
    expect(hours.fields).toEqual({ 'plan.meetingAt': '请在开放时间08:00–21:00内预约' });
    const other = await refusedUnchanged(cloud, 'VALIDATION', () => host.call('consultation', 'savePlan', { id: c.id, plan: { ...plan, meetingAt: instantOf(day(3), '10:00'), roomId: DEMO_ROOMS.heping } }));
    expect(other.fields).toEqual({ 'plan.roomId': '只能选择本社区的活动室' });
    // The page puts these under the meeting time: a host has no waitlist to join, so the words say what to do.
    const booked = await zhang.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(6), '10:00', '11:00'));
    const taken = await refusedUnchanged(cloud, 'SLOT_TAKEN', () => host.call('consultation', 'savePlan', { id: c.id, plan: { ...plan, meetingAt: instantOf(day(6), '09:30'), roomId: DEMO_ROOMS.activity, meetingMinutes: 60 } }));
    expect(taken).toMatchObject({ message: '这个时段活动室已被预约，请换个时间或换个活动室', fields: { meetingAt: '这个时段活动室已被预约，请换个时间或换个活动室' } });
    await zhang.ok('room', 'cancel', { id: booked.id });
    const from = instantOf(day(6), '08:00');
    const shut = await staff.ok('room', 'addBlackout', { communityId: XFL, roomId: DEMO_ROOMS.activity, kind: '装修', reason: '粉刷墙面', from, to: from + 4 * 3600_000 });
    const closed = await refusedUnchanged(cloud, 'INVALID_STATE', () => host.call('consultation', 'savePlan', { id: c.id, plan: { ...plan, meetingAt: instantOf(day(6), '09:30'), roomId: DEMO_ROOMS.activity } }));
    expect(closed.fields).toEqual({ 'plan.meetingAt': '该时段活动室停用（装修：粉刷墙面）' });
    await staff.ok('room', 'removeBlackout', { id: shut.id });
  }, 60_000);

  test('a resident\'s export lists their bookings and queue places; deleting the account frees their slots and keeps no name', async () => {
    const [leaving, holder] = await crowd(cloud, staff, 2, 'leaving');
    const mine = await leaving.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(5), '19:00', '20:00', { purpose: '私人聚会' }));
    await holder.ok('room', 'book', rangeInput(DEMO_ROOMS.activity, day(5), '20:00', '21:00'));
    const queued = await leaving.ok('room', 'joinWaitlist', rangeInput(DEMO_ROOMS.activity, day(5), '20:00', '21:00'));
    const data = (await leaving.ok('user', 'exportMyData', {})).records as Record<string, { _id: string }[]>;
    expect(data.bookings.map((b) => b._id)).toEqual([mine.id]);
    expect(data.roomWaits.map((w) => w._id)).toEqual([queued.id]);
    expect(data.roomBookers).toHaveLength(1);
    await leaving.ok('user', 'deleteMe', { confirm: '删除' });
    const after = await staff.ok('room', 'booking', { id: mine.id });
    expect(after).toMatchObject({ status: 'cancelled', bookerName: '已注销用户', purpose: '' });
    const grid = await zhang.ok('room', 'grid', { communityId: XFL, roomId: DEMO_ROOMS.activity, from: day(5), days: 1 });
    expect(grid.rooms[0].days[0].slots.find((x) => x.start === '19:00')?.state).toBe('free');
    expect(await cloud.store.get('roomBookers', `${XFL}:${mine.bookerId}`)).toBeNull();
  });

  test('the booker\'s bookings list upcoming ones soonest first', async () => {
    const list = (await zhang.ok('room', 'myBookings', { when: 'upcoming' })).items as BookingView[];
    const starts = list.map((b) => b.startAt);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(list.every((b) => ['offered', 'pending', 'confirmed', 'checked_in'].includes(b.status))).toBe(true);
  });

  test('a series nearing its confirmed-until date asks staff once to confirm another quarter', async () => {
    const s = await staff.ok('room', 'createSeries', { roomId: DEMO_ROOMS.activity, title: '广场舞排练', organizer: '舞蹈队', weekday: 0, start: '07:00', end: '08:00', every: 2, firstDate: day(1), attendees: 10 }).catch(() => null);
    // 一楼活动室 opens at 08:00: a series outside the hours is refused outright.
    expect(s).toBeNull();
    const ok = await staff.ok('room', 'createSeries', { roomId: DEMO_ROOMS.activity, title: '广场舞排练', organizer: '舞蹈队', weekday: 0, start: '08:00', end: '09:00', every: 2, firstDate: day(1), attendees: 10 });
    const near = T0 + 80 * DAY_MS;
    await cloud.tick(near);
    await cloud.tick(near + 3600_000);
    const asked = await cloud.store.query('outbox', { where: { event: 'room.seriesConfirm', 'data.seriesId': ok.id } });
    expect(asked.items).toHaveLength(1);
    cloud.setNow(near);
    expect((await staff.ok('room', 'series', { id: ok.id })).needsConfirming).toBe(true);
  });
});

