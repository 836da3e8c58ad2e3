import { AppError } from '@shared/errors';
import { checkInWindow, instantOf, minutesOf, NO_BOOKER, slotIdsOf, type BookerFacts, type BookingKind, type BookingStatus } from '@shared/room/rules';
import { DuplicateError, type TxStore } from '../core/store/port';
import { bookerKey, type BookerDoc, type BookingDoc, type RoomDoc, type SlotDoc } from './records';

/** The refusal when a range is taken: it says so, and points to the waitlist. */
export function slotTaken(): AppError {
  return new AppError('SLOT_TAKEN', '这个时段已被预约，可以加入候补，空出时按顺序为您保留', { start: '这个时段已被预约' });
}

/**
 * Claims a live booking's slots: one document per slot, by a deterministic id. A slot another live booking holds
 * already exists, and creating it again fails the transaction (SQLite's primary key, CloudBase's `_id`), so no
 * two live bookings of a room ever cover the same slot, whoever asks at the same moment.
 */
export async function claimSlots(tx: TxStore, booking: BookingDoc): Promise<void> {
  for (const id of booking.slotIds) {
    const slot: SlotDoc = {
      _id: id,
      communityId: booking.communityId,
      roomId: booking.roomId,
      date: booking.date,
      start: `${id.slice(-4, -2)}:${id.slice(-2)}`,
      bookingId: booking._id,
      bookerId: booking.bookerId,
      label: booking.publicLabel,
    };
    try {
      await tx.create('roomSlots', slot);
    } catch (error) {
      if (error instanceof DuplicateError) throw slotTaken();
      throw error;
    }
  }
}

/**
 * Frees a booking's slots, in the transaction that moves it out of a live state. That move is guarded on the
 * state it was found in, so this runs once per booking, and the slots are still its own.
 */
export async function releaseSlots(tx: TxStore, booking: Pick<BookingDoc, 'slotIds'>): Promise<void> {
  for (const id of booking.slotIds) await tx.remove('roomSlots', id);
}

export interface NewBooking {
  room: RoomDoc;
  date: string;
  start: string;
  end: string;
  purpose: string;
  attendees: number;
  status: BookingStatus;
  kind: BookingKind;
  bookerId: string | null;
  bookerName: string | null;
  proxyBy?: string | null;
  seriesId?: string | null;
  consultationId?: string | null;
  publicLabel: string;
  holdUntil?: number | null;
  waitId?: string | null;
}

export function newBooking(id: string, b: NewBooking, now: number): BookingDoc {
  const startAt = instantOf(b.date, b.start);
  const window = checkInWindow(startAt, now);
  return {
    _id: id,
    communityId: b.room.communityId,
    roomId: b.room._id,
    roomName: b.room.name,
    date: b.date,
    start: b.start,
    end: b.end,
    startAt,
    endAt: instantOf(b.date, b.end),
    minutes: minutesOf(b.end) - minutesOf(b.start),
    purpose: b.purpose,
    attendees: b.attendees,
    status: b.status,
    kind: b.kind,
    bookerId: b.bookerId,
    bookerName: b.bookerName,
    proxyBy: b.proxyBy ?? null,
    seriesId: b.seriesId ?? null,
    consultationId: b.consultationId ?? null,
    publicLabel: b.publicLabel,
    slotIds: slotIdsOf(b.room._id, b.date, b.start, b.end),
    counted: false,
    holdUntil: b.holdUntil ?? null,
    waitId: b.waitId ?? null,
    rejectReason: null,
    cancelReason: null,
    cancelledBy: null,
    checkedInAt: null,
    checkedInBy: null,
    checkInFrom: window.from,
    checkInUntil: window.until,
    createdAt: now,
    updatedAt: now,
  };
}

/** The booker's record as the transaction sees it (an empty one before their first booking), and whether it exists. */
export async function readBooker(tx: TxStore, communityId: string, userId: string): Promise<{ booker: BookerDoc; existed: boolean }> {
  const doc = await tx.get<BookerDoc>('roomBookers', bookerKey(communityId, userId));
  return { booker: doc ?? { _id: bookerKey(communityId, userId), communityId, userId, ...NO_BOOKER }, existed: doc !== null };
}

/** Writes the booker's record back: created on their first booking, replaced after. */
export async function writeBooker(tx: TxStore, read: { booker: BookerDoc; existed: boolean }, next: BookerFacts): Promise<void> {
  const fields = { active: next.active, weekMinutes: next.weekMinutes, noShows: next.noShows, suspendedUntil: next.suspendedUntil };
  const { booker } = read;
  if (read.existed) await tx.update('roomBookers', booker._id, fields);
  else await tx.create<BookerDoc>('roomBookers', { _id: booker._id, communityId: booker.communityId, userId: booker.userId, ...fields });
}
