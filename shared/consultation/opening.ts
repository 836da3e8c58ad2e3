import { formatShanghai } from '../time';

export const HOUR_MS = 60 * 60 * 1000;

/** The earliest the host may open a meeting set for `meetingAt` without saying why. */
export function earliestOpening(meetingAt: number, earlyStartHours: number): number {
  return meetingAt - earlyStartHours * HOUR_MS;
}

/** Whether opening now would be earlier than the community allows without a reason. */
export function opensEarly(meetingAt: number, now: number, earlyStartHours: number): boolean {
  return now < earliestOpening(meetingAt, earlyStartHours);
}

/** What the host is told when opening now needs a reason; the same words on the server and on the button. */
export function earlyStartText(meetingAt: number, earlyStartHours: number): string {
  return `会议定于${formatShanghai(meetingAt, 'M月D日 HH:mm')}，会前${earlyStartHours}小时内可以直接开始；现在提前开始，请写明理由，理由会记入议事记录并通知已报名的人`;
}

/**
 * Why the meeting cannot be opened now with this reason; null when it can. From `earlyStartHours` before the
 * meeting on, no reason is needed; earlier, a reason must be given (DOMAIN §3 step 5, the host's early start).
 */
export function earlyStartProblem(meetingAt: number, now: number, earlyStartHours: number, reason: string | undefined): string | null {
  if (!opensEarly(meetingAt, now, earlyStartHours)) return null;
  return reason && reason.trim() ? null : earlyStartText(meetingAt, earlyStartHours);
}
