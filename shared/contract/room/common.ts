import { z } from 'zod';
import type { BlackoutKind, BookingKind, BookingStatus, OpeningHours, RoomKind, WaitStatus } from '../../room/rules';
import { id, text } from '../fields';

export const roomTarget = { collection: 'rooms', idField: 'roomId' } as const;
export const bookingTarget = { collection: 'bookings', idField: 'id' } as const;
export const waitTarget = { collection: 'roomWaits', idField: 'id' } as const;
export const seriesTarget = { collection: 'roomSeries', idField: 'id' } as const;

/** A calendar date in Shanghai, `YYYY-MM-DD`. */
export function date(label = '日期'): z.ZodString {
  return z
    .string({ required_error: `请选择${label}`, invalid_type_error: `${label}格式不正确` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式不正确`);
}

/** A time of day, `HH:mm` (24:00 allowed as a closing time). */
export function time(label: string): z.ZodString {
  return z
    .string({ required_error: `请选择${label}`, invalid_type_error: `${label}格式不正确` })
    .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, `${label}格式不正确`);
}

export const attendees = z
  .number({ required_error: '请填写参加人数', invalid_type_error: '参加人数须为数字' })
  .int('参加人数须为整数')
  .min(1, '参加人数至少1人')
  .max(1000, '参加人数过多');

/** What a resident asks for: a room, a day, a range on its slots, why, and how many come. */
export const rangeInput = {
  roomId: id('活动室'),
  date: date(),
  start: time('开始时间'),
  end: time('结束时间'),
  purpose: text('用途', { min: 2, max: 60 }),
  attendees,
};

/** The public face of a room: what residents see on the room list. */
export interface RoomCard {
  id: string;
  communityId: string;
  name: string;
  kind: RoomKind;
  capacity: number;
  facilities: string[];
  /** Cloud file ids, as wishes and notices keep them. */
  photos: string[];
  needsApproval: boolean;
  /** False while staff have taken it out of use: not listed to residents, not bookable. */
  inUse: boolean;
}

export interface RoomView extends RoomCard {
  /** Seven entries, 周一 first; null when shut that day. */
  hours: (OpeningHours | null)[];
  slotMinutes: number;
  /** Longest booking, in minutes. */
  maxMinutes: number;
  /** How many days ahead residents may book. */
  horizonDays: number;
  rules: string;
  /** The code typed at the door on H5 (printed under the door QR). Staff only; null for everyone else. */
  checkInCode: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface BlackoutView {
  id: string;
  communityId: string;
  /** Null: every room of the community. */
  roomId: string | null;
  roomName: string | null;
  kind: BlackoutKind;
  reason: string;
  from: number;
  to: number;
}

export interface BookingView {
  id: string;
  communityId: string;
  roomId: string;
  roomName: string;
  date: string;
  start: string;
  end: string;
  startAt: number;
  endAt: number;
  purpose: string;
  attendees: number;
  status: BookingStatus;
  statusLabel: string;
  kind: BookingKind;
  /** The resident it is for; null for a consultation's meeting or a series. */
  bookerId: string | null;
  /** The booker's name: to the booker and staff only; null for everyone else. */
  bookerName: string | null;
  /** What the grid shows for it: 已预约, or 议事厅：<topic>. */
  publicLabel: string;
  seriesId: string | null;
  consultationId: string | null;
  /** Staff who booked on the resident's behalf (代办). */
  proxyBy: string | null;
  /** A waitlist hold: the time it lapses. */
  holdUntil: number | null;
  rejectReason: string | null;
  cancelReason: string | null;
  cancelledBy: 'booker' | 'staff' | 'system' | null;
  checkedInAt: number | null;
  checkInFrom: number;
  checkInUntil: number;
  mine: boolean;
  /** What the caller may do now; the server checks again. */
  can: {
    cancel: boolean;
    checkIn: boolean;
    accept: boolean;
    decline: boolean;
    review: boolean;
    markCheckedIn: boolean;
  };
  createdAt: number;
  updatedAt: number;
}

export interface GridSlot {
  start: string;
  end: string;
  /** closed: outside the hours, in a blackout, already begun, or beyond how far ahead one may book. */
  state: 'free' | 'taken' | 'closed';
  /** taken: 已预约 or 议事厅：<topic>; closed: the blackout kind, 已过, or 暂未开放预约; free: null. */
  label: string | null;
  /** The caller's own booking holds it. */
  mine: boolean;
  /** The booking holding it, for the caller's own bookings and for staff; null otherwise. */
  bookingId: string | null;
}

export interface GridDay {
  date: string;
  /** 0 = 周一 … 6 = 周日. */
  weekday: number;
  /** Null when the room is shut that day. */
  hours: OpeningHours | null;
  slots: GridSlot[];
}

export interface RoomGrid {
  communityId: string;
  from: string;
  days: number;
  rooms: { room: RoomCard; slotMinutes: number; maxMinutes: number; days: GridDay[] }[];
}

export interface WaitView {
  id: string;
  communityId: string;
  roomId: string;
  roomName: string;
  date: string;
  start: string;
  end: string;
  purpose: string;
  attendees: number;
  status: WaitStatus;
  statusLabel: string;
  /** Its number in the room's queue for that day: first come, first offered. */
  seq: number;
  /** 1-based place among those still waiting for that room and day; null once no longer waiting. */
  position: number | null;
  /** The held booking while offered (accept or decline it), then the booking it became. */
  bookingId: string | null;
  holdUntil: number | null;
  createdAt: number;
}

/** Where a resident stands: limits used and any suspension, with why and until when. */
export interface MyStanding {
  communityId: string;
  activeBookings: number;
  maxActiveBookings: number;
  /** Minutes booked in the current week (周一 to 周日). */
  minutesThisWeek: number;
  maxHoursPerWeek: number;
  cancelCutoffHours: number;
  /** No-shows in the last 30 days, and how many suspend booking. */
  recentNoShows: number;
  noShowLimit: number;
  suspendDays: number;
  suspension: { until: number; reason: string } | null;
}

export interface SeriesOccurrence {
  date: string;
  /** Null when it collided and was not made. */
  bookingId: string | null;
  status: BookingStatus | null;
  /** Why it was not made (已被预约, 停用：装修…); null when made. */
  collision: string | null;
}

export interface SeriesView {
  id: string;
  communityId: string;
  roomId: string;
  roomName: string;
  title: string;
  /** Who runs it (the class or group), shown to staff. */
  organizer: string;
  /** 0 = 周一 … 6 = 周日. */
  weekday: number;
  start: string;
  end: string;
  /** 1 weekly, 2 every other week. */
  every: 1 | 2;
  firstDate: string;
  /** Its own last date, if it has one. */
  lastDate: string | null;
  /** Occurrences are made only up to here until staff re-confirm it for another quarter. */
  confirmedUntil: string;
  needsConfirming: boolean;
  status: 'active' | 'ended';
  attendees: number;
  /** Its occurrences from today on, and the ones that collided. */
  occurrences: SeriesOccurrence[];
  createdAt: number;
}

export const reason = text('原因', { min: 2, max: 200 });
