import type { BlackoutFacts, BookerFacts, BookingKind, BookingStatus, RoomKind, WaitStatus, WeekHours } from '@shared/room/rules';
import { AppError } from '@shared/errors';
import type { Store, TxStore } from '../core/store/port';

declare module '../core/router' {
  interface CollectionDocs {
    rooms: RoomDoc;
    bookings: BookingDoc;
    roomWaits: WaitDoc;
    roomSeries: SeriesDoc;
    roomBlackouts: BlackoutDoc;
  }
}

/** A blackout as each room it covers keeps a copy of it: bookings and the grid check it without another read. */
export interface RoomBlackout extends BlackoutFacts {
  id: string;
}

export interface RoomDoc {
  _id: string;
  communityId: string;
  name: string;
  kind: RoomKind;
  capacity: number;
  facilities: string[];
  photos: string[];
  hours: WeekHours;
  slotMinutes: number;
  maxMinutes: number;
  horizonDays: number;
  needsApproval: boolean;
  rules: string;
  checkInCode: string;
  inUse: boolean;
  /** Copies of the blackouts that cover it and have not ended (its own and the community's all-rooms ones). */
  blackouts: RoomBlackout[];
  createdAt: number;
  updatedAt: number;
}

/** The record of a blackout, which staff list and remove; each room it covers holds a copy. */
export interface BlackoutDoc extends BlackoutFacts {
  _id: string;
  communityId: string;
  roomName: string | null;
  createdBy: string;
  createdAt: number;
}

export interface BookingDoc {
  _id: string;
  communityId: string;
  roomId: string;
  roomName: string;
  date: string;
  start: string;
  end: string;
  startAt: number;
  endAt: number;
  minutes: number;
  purpose: string;
  attendees: number;
  status: BookingStatus;
  kind: BookingKind;
  bookerId: string | null;
  bookerName: string | null;
  proxyBy: string | null;
  seriesId: string | null;
  consultationId: string | null;
  publicLabel: string;
  /** The `roomSlots` ids it claims while live; a released booking keeps the list for the record. */
  slotIds: string[];
  /** Counted in its booker's `roomBookers` record (live, not a hold): releasing it gives the place back. */
  counted: boolean;
  holdUntil: number | null;
  waitId: string | null;
  rejectReason: string | null;
  cancelReason: string | null;
  cancelledBy: 'booker' | 'staff' | 'system' | null;
  checkedInAt: number | null;
  checkedInBy: string | null;
  checkInFrom: number;
  checkInUntil: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * One slot of one room on one day, held by one booking: id `<roomId>:<YYYY-MM-DD>:<HHmm>`. Creating a slot
 * document whose id exists fails the whole transaction, so two live bookings can never cover the same slot.
 */
export interface SlotDoc {
  _id: string;
  communityId: string;
  roomId: string;
  date: string;
  start: string;
  bookingId: string;
  bookerId: string | null;
  label: string;
}

/** A resident's quotas and no-shows in one community: id `<communityId>:<userId>`. */
export interface BookerDoc extends BookerFacts {
  _id: string;
  communityId: string;
  userId: string;
}

/** The queue counter of one room and day: id `<roomId>:<date>`; a waitlist entry's `seq` is taken from it. */
export interface QueueDoc {
  _id: string;
  seq: number;
}

export interface WaitDoc {
  _id: string;
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
  userId: string;
  userName: string;
  seq: number;
  status: WaitStatus;
  bookingId: string | null;
  holdUntil: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface SeriesDoc {
  _id: string;
  communityId: string;
  roomId: string;
  roomName: string;
  title: string;
  organizer: string;
  weekday: number;
  start: string;
  end: string;
  every: 1 | 2;
  firstDate: string;
  lastDate: string | null;
  confirmedUntil: string;
  /** The last date occurrences have been made up to. */
  madeThrough: string;
  attendees: number;
  status: 'active' | 'ended';
  /** Dates that collided when their occurrence was made, and why. */
  collisions: { date: string; reason: string }[];
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export const bookerKey = (communityId: string, userId: string) => `${communityId}:${userId}`;
export const queueKey = (roomId: string, date: string) => `${roomId}:${date}`;
/** A consultation's meeting has one booking, moved with it: its id follows from the consultation's. */
export const meetingBookingId = (consultationId: string) => `mtg_${consultationId}`;

export async function requireRoom(store: Store | TxStore, roomId: string): Promise<RoomDoc> {
  const room = await store.get<RoomDoc>('rooms', roomId);
  if (!room) throw new AppError('NOT_FOUND', '活动室不存在');
  return room;
}

export async function requireBooking(store: Store | TxStore, id: string): Promise<BookingDoc> {
  const booking = await store.get<BookingDoc>('bookings', id);
  if (!booking) throw new AppError('NOT_FOUND', '预约不存在');
  return booking;
}
