import { DAY_MS, parseShanghai, shanghai, shanghaiDate } from '../time';
import type { RoomSettings } from './settings';

/** The kinds of room a community opens (DOMAIN §2). */
export const ROOM_KINDS = ['活动室', '会议室', '议事厅', '文体中心'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** Why a room is shut for a while: renovation, a public holiday, or the community's own event. */
export const BLACKOUT_KINDS = ['装修', '节假日', '社区活动'] as const;
export type BlackoutKind = (typeof BLACKOUT_KINDS)[number];

export const SLOT_SIZES = [15, 30, 60] as const;
export type SlotMinutes = (typeof SLOT_SIZES)[number];

/** Opening hours of one weekday, `HH:mm` in Shanghai time; null when the room is shut that day. */
export interface OpeningHours {
  open: string;
  close: string;
}

/** Seven entries, 周一 first (index 0) to 周日 (index 6). */
export type WeekHours = (OpeningHours | null)[];

export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/**
 * A booking's life. `offered` is a waitlist hold: it claims the slots until `holdUntil`, then `lapsed` (no answer)
 * or `declined`, or it becomes `pending`/`confirmed` when accepted.
 */
export const BOOKING_STATUSES = ['offered', 'pending', 'confirmed', 'checked_in', 'completed', 'rejected', 'cancelled', 'no_show', 'lapsed', 'declined'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  offered: '候补待确认',
  pending: '待审核',
  confirmed: '已预约',
  checked_in: '已签到',
  completed: '已完成',
  rejected: '未通过',
  cancelled: '已取消',
  no_show: '未签到',
  lapsed: '候补已过期',
  declined: '已放弃候补',
};

/** Statuses that hold their slots: only these claim `roomSlots` documents. */
export const LIVE_STATUSES: readonly BookingStatus[] = ['offered', 'pending', 'confirmed', 'checked_in'];

/** Who a booking is for: a resident's own, staff's 代办, an occurrence of a series, or a consultation's meeting. */
export type BookingKind = 'resident' | 'proxy' | 'series' | 'consultation';

export type WaitStatus = 'waiting' | 'offered' | 'booked' | 'lapsed' | 'declined' | 'left' | 'expired';

export const WAIT_STATUS_LABELS: Record<WaitStatus, string> = {
  waiting: '排队中',
  offered: '已为您保留',
  booked: '已预约',
  lapsed: '保留已过期',
  declined: '已放弃',
  left: '已退出',
  expired: '已过期',
};

/** Check-in opens this long before the start and closes this long after it. */
export const CHECK_IN_BEFORE_MS = 15 * 60 * 1000;
export const CHECK_IN_AFTER_MS = 15 * 60 * 1000;

/** The window over which no-shows are counted. */
export const NO_SHOW_WINDOW_MS = 30 * DAY_MS;

/** A refusal in words: a stable code, the Chinese message, and the field it concerns. */
export interface Refusal {
  code: 'VALIDATION' | 'LIMIT_EXCEEDED' | 'INVALID_STATE' | 'SUSPENDED' | 'SLOT_TAKEN' | 'FORBIDDEN';
  message: string;
  field?: string;
}

/** Minutes since midnight of an `HH:mm`; NaN when malformed. */
export function minutesOf(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : hhmm === '24:00' ? 24 * 60 : Number.NaN;
}

/** `HH:mm` of minutes since midnight. */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Midnight in Shanghai of a `YYYY-MM-DD`, by arithmetic: the grid works this out hundreds of times a request, and
 * Shanghai keeps UTC+8 all year. NaN when malformed.
 */
export function midnightOf(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) - 8 * 3600_000 : Number.NaN;
}

/** 0 for 周一 … 6 for 周日, of a `YYYY-MM-DD`. */
export function weekdayOf(date: string): number {
  return (new Date(midnightOf(date) + 8 * 3600_000).getUTCDay() + 6) % 7;
}

/** The epoch ms of a Shanghai date and time of day. */
export function instantOf(date: string, time: string): number {
  return midnightOf(date) + minutesOf(time) * 60 * 1000;
}

/**
 * Bookings claim their time in 15-minute units counted from midnight, whatever the room's slot size: a room's
 * slot size or opening hours may change while bookings stand, and units that never move keep two bookings made
 * under different settings from covering the same minutes unseen.
 */
export const CLAIM_MINUTES = 15;

/** A slot document's id: one per room, day and 15-minute unit, so two bookings of one unit collide on the id. */
export function slotId(roomId: string, date: string, minutes: number): string {
  return `${roomId}:${date}:${hhmm(minutes).replace(':', '')}`;
}

/** The unit ids a range covers, start included, end excluded. */
export function slotIdsOf(roomId: string, date: string, start: string, end: string): string[] {
  const ids: string[] = [];
  const from = Math.floor(minutesOf(start) / CLAIM_MINUTES) * CLAIM_MINUTES;
  for (let m = from; m < minutesOf(end); m += CLAIM_MINUTES) ids.push(slotId(roomId, date, m));
  return ids;
}

/** The start times (`HH:mm`) of every slot a room offers on a date; none when it is shut that day. */
export function slotStarts(hours: WeekHours, date: string, slotMinutes: number): string[] {
  const day = hours[weekdayOf(date)];
  if (!day) return [];
  const starts: string[] = [];
  for (let m = minutesOf(day.open); m + slotMinutes <= minutesOf(day.close); m += slotMinutes) starts.push(hhmm(m));
  return starts;
}

/** The Monday (`YYYY-MM-DD`) of the Shanghai week a date falls in: the key hours per week are counted under. */
export function weekOf(date: string): string {
  return shanghaiDate(parseShanghai(date) - weekdayOf(date) * DAY_MS);
}

/** `YYYY-MM-DD` a number of days after a date. */
export function dateAfter(date: string, days: number): string {
  return shanghaiDate(parseShanghai(date) + days * DAY_MS);
}

/** What the rules need to know of a room. */
export interface RoomFacts {
  capacity: number;
  hours: WeekHours;
  slotMinutes: number;
  maxMinutes: number;
  horizonDays: number;
}

export interface RangeRequest {
  date: string;
  start: string;
  end: string;
  attendees: number;
}

/**
 * Why a range cannot be booked in a room as a resident asks it (hours, slot boundaries, longest booking,
 * horizon, capacity), or null. Blackouts and taken slots are checked apart: they depend on other documents.
 */
export function rangeProblem(room: RoomFacts, r: RangeRequest, now: number, opts: { ignoreHorizon?: boolean } = {}): Refusal | null {
  const start = minutesOf(r.start);
  const end = minutesOf(r.end);
  const day = parseShanghai(r.date);
  if (Number.isNaN(day)) return { code: 'VALIDATION', message: '日期格式不正确', field: 'date' };
  if (Number.isNaN(start)) return { code: 'VALIDATION', message: '开始时间格式不正确', field: 'start' };
  if (Number.isNaN(end)) return { code: 'VALIDATION', message: '结束时间格式不正确', field: 'end' };
  if (end <= start) return { code: 'VALIDATION', message: '结束时间须晚于开始时间', field: 'end' };
  const hours = room.hours[weekdayOf(r.date)];
  if (!hours) return { code: 'VALIDATION', message: `该活动室${WEEKDAY_LABELS[weekdayOf(r.date)]}不开放`, field: 'date' };
  const open = minutesOf(hours.open);
  if (start < open || end > minutesOf(hours.close)) return { code: 'VALIDATION', message: `请在开放时间${hours.open}–${hours.close}内预约`, field: 'start' };
  if ((start - open) % room.slotMinutes !== 0 || (end - open) % room.slotMinutes !== 0) {
    return { code: 'VALIDATION', message: `请按${room.slotMinutes}分钟一段选择时间`, field: 'start' };
  }
  if (end - start > room.maxMinutes) return { code: 'LIMIT_EXCEEDED', message: `每次最长预约${durationWords(room.maxMinutes)}`, field: 'end' };
  if (r.attendees > room.capacity) return { code: 'LIMIT_EXCEEDED', message: `该活动室最多容纳${room.capacity}人`, field: 'attendees' };
  if (instantOf(r.date, r.start) <= now) return { code: 'VALIDATION', message: '开始时间已过，请选择以后的时间', field: 'start' };
  if (!opts.ignoreHorizon && day > parseShanghai(shanghaiDate(now)) + room.horizonDays * DAY_MS) {
    return { code: 'LIMIT_EXCEEDED', message: `最多可预约${room.horizonDays}天以内`, field: 'date' };
  }
  return null;
}

/** 2小时, 1小时30分钟, 45分钟. */
export function durationWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h ? `${h}小时` : ''}${m ? `${m}分钟` : ''}` || '0分钟';
}

/** A blackout as the rules see it: a room (null for all rooms) shut from one instant to another. */
export interface BlackoutFacts {
  roomId: string | null;
  kind: BlackoutKind;
  reason: string;
  from: number;
  to: number;
}

/** The first blackout overlapping a range in a room, if any. */
export function blackoutOver(blackouts: readonly BlackoutFacts[], roomId: string, from: number, to: number): BlackoutFacts | null {
  return blackouts.find((b) => (b.roomId === null || b.roomId === roomId) && b.from < to && b.to > from) ?? null;
}

/**
 * A resident's booking record in one community: live bookings, minutes booked per week (by the week's Monday),
 * the times of their no-shows and any suspension. One document, written in each booking's transaction, so ten
 * bookings at once from one person conflict and are counted one after another.
 */
export interface BookerFacts {
  active: number;
  weekMinutes: Record<string, number>;
  noShows: number[];
  suspendedUntil: number | null;
}

export const NO_BOOKER: BookerFacts = { active: 0, weekMinutes: {}, noShows: [], suspendedUntil: null };

/** Why this resident may not book this range now: suspended, too many live bookings, or too many hours that week. */
export function quotaProblem(booker: BookerFacts, r: { date: string; minutes: number }, settings: RoomSettings, now: number): Refusal | null {
  if (booker.suspendedUntil !== null && booker.suspendedUntil > now) return suspensionRefusal(booker.suspendedUntil, settings);
  if (booker.active >= settings.maxActiveBookings) {
    return { code: 'LIMIT_EXCEEDED', message: `您已有${booker.active}个预约未完成，最多${settings.maxActiveBookings}个，请用完或取消后再约` };
  }
  const used = booker.weekMinutes[weekOf(r.date)] ?? 0;
  if (used + r.minutes > settings.maxHoursPerWeek * 60) {
    return { code: 'LIMIT_EXCEEDED', message: `每人每周最多预约${settings.maxHoursPerWeek}小时，这一周您已约${durationWords(used)}`, field: 'end' };
  }
  return null;
}

export function suspensionRefusal(until: number, settings: RoomSettings): Refusal {
  return {
    code: 'SUSPENDED',
    message: `30天内${settings.noShowLimit}次预约未签到，暂停预约至${shanghai(until).format('M月D日 HH:mm')}`,
  };
}

/** The booker's record after a booking is made: one more live booking, its minutes added to its week. */
export function withBooking(booker: BookerFacts, r: { date: string; minutes: number }, now: number): BookerFacts {
  const week = weekOf(r.date);
  const thisWeek = weekOf(shanghaiDate(now));
  // Weeks already over are dropped, so the document stays small.
  const weekMinutes = Object.fromEntries(Object.entries(booker.weekMinutes).filter(([w]) => w >= thisWeek));
  weekMinutes[week] = (weekMinutes[week] ?? 0) + r.minutes;
  return { ...booker, active: booker.active + 1, weekMinutes };
}

/** The booker's record after a live booking ends: cancelled or rejected give its hours back; used or missed do not. */
export function withoutBooking(booker: BookerFacts, r: { date: string; minutes: number }, giveBackHours: boolean): BookerFacts {
  const weekMinutes = { ...booker.weekMinutes };
  const week = weekOf(r.date);
  if (giveBackHours && weekMinutes[week] !== undefined) weekMinutes[week] = Math.max(0, weekMinutes[week] - r.minutes);
  return { ...booker, active: Math.max(0, booker.active - 1), weekMinutes };
}

/**
 * A no-show counted against the booker: the ones older than 30 days drop off; at the limit, booking is
 * suspended for the set number of days from now.
 */
export function withNoShow(booker: BookerFacts, at: number, settings: RoomSettings): BookerFacts {
  const noShows = [...booker.noShows.filter((t) => t > at - NO_SHOW_WINDOW_MS), at];
  const suspendedUntil = noShows.length >= settings.noShowLimit ? at + settings.suspendDays * DAY_MS : booker.suspendedUntil;
  return { ...booker, noShows, suspendedUntil };
}

/** No-shows within the last 30 days. */
export function recentNoShows(booker: BookerFacts, now: number): number {
  return booker.noShows.filter((t) => t > now - NO_SHOW_WINDOW_MS).length;
}

/** The check-in window: from 15 minutes before the start to 15 minutes after it (or after a late confirmation). */
export function checkInWindow(startAt: number, confirmedAt: number): { from: number; until: number } {
  return { from: startAt - CHECK_IN_BEFORE_MS, until: Math.max(startAt, confirmedAt) + CHECK_IN_AFTER_MS };
}

/** Why a booker may not cancel now: only before the cut-off. Staff may cancel at any time, with a reason. */
export function cancelProblem(startAt: number, now: number, settings: RoomSettings): Refusal | null {
  if (now > startAt - settings.cancelCutoffHours * 3600_000) {
    return { code: 'INVALID_STATE', message: `开始前${settings.cancelCutoffHours}小时内不能自行取消，请联系社区工作者` };
  }
  return null;
}

/**
 * The door QR's scene, which WeChat caps at 32 characters: `r=<roomId>&c=<check-in code>`. Scanning it opens the
 * check-in page with both, so a person at the door checks in without typing.
 */
export function doorScene(roomId: string, code: string): string {
  return `r=${roomId}&c=${code}`;
}

/** The room and code in a door QR's scene (the page's `scene` option, URL-decoded); null when it is not one. */
export function parseDoorScene(scene: string): { roomId: string; code: string } | null {
  const m = /^r=([A-Za-z0-9_-]+)&c=([0-9]{4,8})$/.exec(scene);
  return m ? { roomId: m[1], code: m[2] } : null;
}

/** The public words for a taken slot: 已预约, or 议事厅：<topic> for a consultation's meeting. */
export function publicLabel(kind: BookingKind, topic?: string | null): string {
  return kind === 'consultation' && topic ? `议事厅：${topic}` : '已预约';
}

/** The dates of a series from its first date up to an end date (both included), every 1 or 2 weeks. */
export function seriesDates(firstDate: string, every: 1 | 2, through: string): string[] {
  const dates: string[] = [];
  for (let d = firstDate; d <= through; d = dateAfter(d, 7 * every)) dates.push(d);
  return dates;
}

/** The first date on or after `from` falling on a weekday (0 = 周一). */
export function firstOnWeekday(from: string, weekday: number): string {
  return dateAfter(from, (weekday - weekdayOf(from) + 7) % 7);
}

/** A series is confirmed a quarter at a time: occurrences are made only up to the confirmed-until date. */
export const QUARTER_DAYS = 91;

/** The series needs re-confirming when its confirmed-until date is within this many days. */
export const SERIES_CONFIRM_NOTICE_DAYS = 14;
