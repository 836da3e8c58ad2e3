import { DAY_MS as DAY, shanghai, startOfShanghaiDay } from '../time';

/**
 * Quiet hours: a subscription message lands as a phone notification, so none goes out between 21:00 and 08:00
 * Shanghai time. The in-app inbox is read when the person chooses, so it never waits.
 */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;

const HOUR = 60 * 60 * 1000;

export function inQuietHours(ts: number): boolean {
  const hour = shanghai(ts).hour();
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/** The first moment at or after `ts` when a subscription message may go out. */
export function sendableAt(ts: number): number {
  if (!inQuietHours(ts)) return ts;
  const morning = startOfShanghaiDay(ts) + QUIET_UNTIL_HOUR * HOUR;
  return ts < morning ? morning : morning + DAY;
}
