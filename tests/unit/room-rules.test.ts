import {
  blackoutOver,
  cancelProblem,
  checkInWindow,
  doorScene,
  firstOnWeekday,
  instantOf,
  NO_BOOKER,
  parseDoorScene,
  publicLabel,
  quotaProblem,
  rangeProblem,
  recentNoShows,
  seriesDates,
  slotIdsOf,
  slotStarts,
  weekdayOf,
  weekOf,
  withBooking,
  withNoShow,
  withoutBooking,
  type RoomFacts,
  type WeekHours,
} from '@shared/room/rules';
import { roomSettings } from '@shared/room/settings';
import { DAY_MS, parseShanghai } from '@shared/time';

const settings = roomSettings.defaults;
// 2026-12-07 is a Monday.
const MONDAY = '2026-12-07';
const NOW = parseShanghai('2026-12-06 12:00');
const hours: WeekHours = [...Array.from({ length: 5 }, () => ({ open: '08:00', close: '21:00' })), { open: '09:00', close: '17:00' }, null];
const room: RoomFacts = { capacity: 20, hours, slotMinutes: 30, maxMinutes: 120, horizonDays: 7 };
const ask = (date: string, start: string, end: string, attendees = 5) => ({ date, start, end, attendees });

describe('slots', () => {
  test('a booking claims one document per 15-minute unit from midnight, named room:date:HHmm', () => {
    expect(slotIdsOf('r1', MONDAY, '09:00', '10:00')).toEqual(['r1:2026-12-07:0900', 'r1:2026-12-07:0915', 'r1:2026-12-07:0930', 'r1:2026-12-07:0945']);
  });

  test('two ranges share a unit exactly when they overlap, whatever slot size each was booked under', () => {
    const a = new Set(slotIdsOf('r1', MONDAY, '09:00', '10:00'));
    expect(slotIdsOf('r1', MONDAY, '09:45', '11:00').some((id) => a.has(id))).toBe(true);
    expect(slotIdsOf('r1', MONDAY, '10:00', '11:00').some((id) => a.has(id))).toBe(false);
    expect(slotIdsOf('r2', MONDAY, '09:00', '10:00').some((id) => a.has(id))).toBe(false);
  });

  test('a day offers its slots within the opening hours, none when shut', () => {
    expect(slotStarts(hours, MONDAY, 60)).toEqual(['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00', '18:00', '19:00', '20:00']);
    expect(slotStarts(hours, '2026-12-12', 120)).toEqual(['09:00', '11:00', '13:00', '15:00']);
    expect(slotStarts(hours, '2026-12-13', 30)).toEqual([]);
  });

  test('weekdays and weeks are Shanghai ones, 周一 first', () => {
    expect(weekdayOf(MONDAY)).toBe(0);
    expect(weekdayOf('2026-12-13')).toBe(6);
    expect(weekOf('2026-12-13')).toBe(MONDAY);
    expect(weekOf('2026-12-14')).toBe('2026-12-14');
  });
});

describe('opening hours and limits', () => {
  test('a range inside the hours, on the slots, short enough, soon enough and small enough is fine', () => {
    expect(rangeProblem(room, ask(MONDAY, '09:00', '11:00'), NOW)).toBeNull();
  });

  test.each([
    ['before opening', ask(MONDAY, '07:30', '08:30'), 'VALIDATION', '开放时间08:00–21:00'],
    ['after closing', ask(MONDAY, '20:30', '21:30'), 'VALIDATION', '开放时间'],
    ['a shut day', ask('2026-12-13', '09:00', '10:00'), 'VALIDATION', '周日不开放'],
    ['off the slot boundary', ask(MONDAY, '09:15', '10:15'), 'VALIDATION', '30分钟一段'],
    ['end before start', ask(MONDAY, '10:00', '09:00'), 'VALIDATION', '晚于开始时间'],
    ['longer than allowed', ask(MONDAY, '09:00', '11:30'), 'LIMIT_EXCEEDED', '最长预约2小时'],
    ['over capacity', ask(MONDAY, '09:00', '10:00', 21), 'LIMIT_EXCEEDED', '最多容纳20人'],
    ['beyond the horizon', ask('2026-12-14', '09:00', '10:00'), 'LIMIT_EXCEEDED', '7天以内'],
    ['already begun', ask('2026-12-05', '09:00', '10:00'), 'VALIDATION', '开始时间已过'],
  ])('refused: %s', (_what, r, code, words) => {
    const problem = rangeProblem(room, r, NOW);
    expect(problem?.code).toBe(code);
    expect(problem?.message).toContain(words);
  });

  test('the horizon counts whole days from today, and staff series may ignore it', () => {
    expect(rangeProblem(room, ask('2026-12-13', '09:00', '10:00'), NOW)?.message).toContain('周日不开放');
    expect(rangeProblem(room, ask('2026-12-12', '09:00', '10:00'), NOW)).toBeNull();
    expect(rangeProblem(room, ask('2026-12-21', '09:00', '10:00'), NOW, { ignoreHorizon: true })).toBeNull();
  });

  test('a blackout for all rooms or this room covers an overlapping range; another room\'s does not', () => {
    const from = instantOf(MONDAY, '12:00');
    const list = [
      { roomId: 'r2', kind: '装修' as const, reason: '刷墙', from, to: from + 3600_000 },
      { roomId: null, kind: '节假日' as const, reason: '放假', from: from + DAY_MS, to: from + 2 * DAY_MS },
    ];
    expect(blackoutOver(list, 'r1', from, from + 3600_000)).toBeNull();
    expect(blackoutOver(list, 'r2', from + 1800_000, from + 5400_000)?.kind).toBe('装修');
    expect(blackoutOver(list, 'r1', from + DAY_MS - 60_000, from + DAY_MS + 60_000)?.kind).toBe('节假日');
    expect(blackoutOver(list, 'r2', from + 3600_000, from + 7200_000)).toBeNull();
  });
});

describe('quotas', () => {
  test('live bookings and the week\'s hours are counted; a cancellation gives both back, a no-show only the place', () => {
    let b = NO_BOOKER;
    for (let i = 0; i < 2; i++) {
      expect(quotaProblem(b, { date: MONDAY, minutes: 120 }, settings, NOW)).toBeNull();
      b = withBooking(b, { date: MONDAY, minutes: 120 }, NOW);
    }
    expect(b).toMatchObject({ active: 2, weekMinutes: { [MONDAY]: 240 } });
    expect(quotaProblem(b, { date: '2026-12-08', minutes: 150 }, settings, NOW)?.message).toContain('每人每周最多预约6小时');
    expect(quotaProblem(b, { date: '2026-12-14', minutes: 150 }, settings, NOW)).toBeNull();
    b = withBooking(b, { date: '2026-12-08', minutes: 60 }, NOW);
    expect(quotaProblem(b, { date: '2026-12-14', minutes: 30 }, settings, NOW)?.message).toContain('最多3个');
    expect(withoutBooking(b, { date: MONDAY, minutes: 120 }, true)).toMatchObject({ active: 2, weekMinutes: { [MONDAY]: 180 } });
    expect(withoutBooking(b, { date: MONDAY, minutes: 120 }, false)).toMatchObject({ active: 2, weekMinutes: { [MONDAY]: 300 } });
  });

  test('weeks already over are dropped from the record', () => {
    const old = { ...NO_BOOKER, weekMinutes: { '2026-11-23': 120 } };
    expect(withBooking(old, { date: MONDAY, minutes: 60 }, NOW).weekMinutes).toEqual({ [MONDAY]: 60 });
  });
});

describe('no-shows', () => {
  test('the third no-show within 30 days suspends booking for 14 days from then; older ones drop off', () => {
    let b = withNoShow(NO_BOOKER, NOW - 40 * DAY_MS, settings);
    b = withNoShow(b, NOW - 10 * DAY_MS, settings);
    b = withNoShow(b, NOW - DAY_MS, settings);
    expect(b.suspendedUntil).toBeNull();
    expect(recentNoShows(b, NOW)).toBe(2);
    b = withNoShow(b, NOW, settings);
    expect(b.suspendedUntil).toBe(NOW + 14 * DAY_MS);
    const refusal = quotaProblem(b, { date: MONDAY, minutes: 30 }, settings, NOW + DAY_MS);
    expect(refusal).toMatchObject({ code: 'SUSPENDED', message: expect.stringContaining('暂停预约至12月20日') });
    expect(quotaProblem(b, { date: '2026-12-21', minutes: 30 }, settings, NOW + 15 * DAY_MS)).toBeNull();
  });
});

describe('check-in, cancelling, the door and series', () => {
  test('check-in opens 15 minutes before the start and closes 15 after it, or after a late confirmation', () => {
    const start = instantOf(MONDAY, '09:00');
    expect(checkInWindow(start, NOW)).toEqual({ from: start - 900_000, until: start + 900_000 });
    expect(checkInWindow(start, start + 600_000)).toEqual({ from: start - 900_000, until: start + 600_000 + 900_000 });
  });

  test('the booker may cancel until the cut-off', () => {
    const start = instantOf(MONDAY, '09:00');
    expect(cancelProblem(start, start - 3 * 3600_000, settings)).toBeNull();
    expect(cancelProblem(start, start - 3600_000, settings)?.message).toContain('2小时内不能自行取消');
  });

  test('the door scene carries the room and its code within 32 characters, and reads back', () => {
    const scene = doorScene('r_mx5mo8g636268a6e', '2468');
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(parseDoorScene(scene)).toEqual({ roomId: 'r_mx5mo8g636268a6e', code: '2468' });
    expect(parseDoorScene('id=123')).toBeNull();
  });

  test('a consultation shows its topic on the grid, anything else 已预约', () => {
    expect(publicLabel('consultation', '停车难')).toBe('议事厅：停车难');
    expect(publicLabel('resident')).toBe('已预约');
  });

  test('a series falls on its weekday, every week or every other week, through its end', () => {
    expect(firstOnWeekday('2026-12-09', 0)).toBe('2026-12-14');
    expect(seriesDates('2026-12-14', 2, '2027-01-11')).toEqual(['2026-12-14', '2026-12-28', '2027-01-11']);
    expect(seriesDates('2026-12-14', 1, '2026-12-27')).toEqual(['2026-12-14', '2026-12-21']);
  });
});
