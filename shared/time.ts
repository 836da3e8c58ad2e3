import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.locale('zh-cn');

/**
 * Business time is Asia/Shanghai. China has kept UTC+8 without daylight saving since 1991, so a fixed
 * offset is exact, and it avoids relying on Intl time-zone data, which some WeChat Android runtimes lack.
 * Cloud functions run in UTC: every date a person sees or a deadline is computed here, never with the
 * host's local time.
 */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
/** One day in milliseconds: the only place it is written out. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A dayjs in Shanghai time for an epoch-millisecond timestamp. */
export function shanghai(ts: number): dayjs.Dayjs {
  return dayjs(ts).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** Formats a timestamp in Shanghai time, e.g. `2026-11-24 09:30`. */
export function formatShanghai(ts: number, pattern = 'YYYY-MM-DD HH:mm'): string {
  return shanghai(ts).format(pattern);
}

/** Parses `YYYY-MM-DD` or `YYYY-MM-DD HH:mm` written in Shanghai time; NaN when malformed. */
export function parseShanghai(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h = '00', mi = '00'] = m;
  const ts = Date.UTC(+y, +mo - 1, +d, +h, +mi) - SHANGHAI_OFFSET_MINUTES * 60 * 1000;
  // Date.UTC rolls 02-30 over to March: refuse dates that do not exist.
  return formatShanghai(ts) === `${y}-${mo}-${d} ${h}:${mi}` ? ts : Number.NaN;
}

/** The Shanghai calendar date (`YYYY-MM-DD`) a timestamp falls on. */
export function shanghaiDate(ts: number): string {
  return formatShanghai(ts, 'YYYY-MM-DD');
}

/** Midnight in Shanghai at the start of the day containing `ts`. */
export function startOfShanghaiDay(ts: number): number {
  return parseShanghai(shanghaiDate(ts));
}

/** Whole Shanghai calendar days from the day of `from` to the day of `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: number, to: number): number {
  return Math.round((startOfShanghaiDay(to) - startOfShanghaiDay(from)) / DAY_MS);
}

export function addDays(ts: number, days: number): number {
  return ts + days * DAY_MS;
}

export { dayjs };
