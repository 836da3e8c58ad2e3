import { earliestOpening, earlyStartProblem, HOUR_MS, opensEarly } from '@shared/consultation/opening';
import { parseShanghai } from '@shared/time';

const meetingAt = parseShanghai('2026-12-05 19:00');

describe('when the host may open the meeting', () => {
  test('from the window before the meeting on, no reason is needed', () => {
    expect(earliestOpening(meetingAt, 2)).toBe(parseShanghai('2026-12-05 17:00'));
    expect(opensEarly(meetingAt, parseShanghai('2026-12-05 17:00'), 2)).toBe(false);
    expect(earlyStartProblem(meetingAt, parseShanghai('2026-12-05 17:00'), 2, undefined)).toBeNull();
    expect(earlyStartProblem(meetingAt, parseShanghai('2026-12-05 21:00'), 2, undefined)).toBeNull();
  });

  test('a minute earlier needs a reason, and the refusal names the meeting time and the window', () => {
    const now = parseShanghai('2026-12-05 16:59');
    expect(opensEarly(meetingAt, now, 2)).toBe(true);
    expect(earlyStartProblem(meetingAt, now, 2, undefined)).toBe(
      '会议定于12月5日 19:00，会前2小时内可以直接开始；现在提前开始，请写明理由，理由会记入议事记录并通知已报名的人',
    );
    expect(earlyStartProblem(meetingAt, now, 2, '  ')).not.toBeNull();
    expect(earlyStartProblem(meetingAt, now, 2, '暴雨预警，提前开会')).toBeNull();
  });

  test('days early (the 12月1日 case from the issue) needs a reason too', () => {
    expect(earlyStartProblem(meetingAt, parseShanghai('2026-12-01 10:00'), 2, undefined)).toContain('请写明理由');
  });

  test('the window is the community setting: 0 means only from the scheduled time', () => {
    expect(opensEarly(meetingAt, meetingAt - 1, 0)).toBe(true);
    expect(opensEarly(meetingAt, meetingAt, 0)).toBe(false);
    expect(opensEarly(meetingAt, meetingAt - 24 * HOUR_MS, 24)).toBe(false);
  });
});
