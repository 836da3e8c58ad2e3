import { addDays, calendarDaysBetween, formatShanghai, parseShanghai, shanghaiDate, startOfShanghaiDay } from '@shared/time';

describe('Shanghai business time', () => {
  test('16:30 UTC is already the next day in Shanghai', () => {
    const ts = Date.UTC(2026, 10, 24, 16, 30);
    expect(shanghaiDate(ts)).toBe('2026-11-25');
    expect(formatShanghai(ts)).toBe('2026-11-25 00:30');
  });

  test('15:59 UTC is still the same day in Shanghai', () => {
    expect(shanghaiDate(Date.UTC(2026, 10, 24, 15, 59))).toBe('2026-11-24');
  });

  test('parseShanghai reads a wall-clock time as UTC+8', () => {
    expect(parseShanghai('2026-11-25 00:30')).toBe(Date.UTC(2026, 10, 24, 16, 30));
    expect(parseShanghai('2026-11-25')).toBe(Date.UTC(2026, 10, 24, 16, 0));
    expect(parseShanghai('2026-11-25T08:00')).toBe(Date.UTC(2026, 10, 25, 0, 0));
  });

  test.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-11-24 24:00', '2026-11-24 09:60', '24/11/2026', '', 'tomorrow'])(
    'parseShanghai refuses %p',
    (text) => {
      expect(parseShanghai(text)).toBeNaN();
    },
  );

  test('parseShanghai accepts a leap day that exists', () => {
    expect(shanghaiDate(parseShanghai('2028-02-29'))).toBe('2028-02-29');
  });

  test('formatting and parsing round-trip', () => {
    const ts = Date.UTC(2026, 0, 1, 3, 7);
    expect(parseShanghai(formatShanghai(ts))).toBe(ts);
  });

  test('startOfShanghaiDay is Shanghai midnight, not UTC midnight', () => {
    const ts = Date.UTC(2026, 10, 24, 20, 0); // 04:00 on the 25th in Shanghai
    expect(startOfShanghaiDay(ts)).toBe(Date.UTC(2026, 10, 24, 16, 0));
  });

  test('calendarDaysBetween counts Shanghai dates crossed, not 24-hour spans', () => {
    const lateEvening = parseShanghai('2026-11-24 23:50');
    const justAfterMidnight = parseShanghai('2026-11-25 00:10');
    expect(calendarDaysBetween(lateEvening, justAfterMidnight)).toBe(1);
    expect(calendarDaysBetween(justAfterMidnight, lateEvening)).toBe(-1);
    // 23 hours apart, but on the same Shanghai day.
    expect(calendarDaysBetween(parseShanghai('2026-11-25 00:10'), parseShanghai('2026-11-25 23:10'))).toBe(0);
  });

  test('calendarDaysBetween across a UTC midnight that is not a Shanghai midnight', () => {
    // 23:30 and 00:30 UTC are 07:30 and 08:30 in Shanghai, the same day.
    expect(calendarDaysBetween(Date.UTC(2026, 10, 24, 23, 30), Date.UTC(2026, 10, 25, 0, 30))).toBe(0);
  });

  test('calendarDaysBetween across a month and a year end', () => {
    expect(calendarDaysBetween(parseShanghai('2026-12-30 12:00'), parseShanghai('2027-01-02 08:00'))).toBe(3);
    expect(calendarDaysBetween(parseShanghai('2026-02-28'), parseShanghai('2026-03-01'))).toBe(1);
  });

  test('addDays moves by whole days of 24 hours', () => {
    const ts = parseShanghai('2026-11-24 09:30');
    expect(formatShanghai(addDays(ts, 3))).toBe('2026-11-27 09:30');
    expect(formatShanghai(addDays(ts, -1))).toBe('2026-11-23 09:30');
  });
});
