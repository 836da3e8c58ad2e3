import type { BlackoutView, BookingView, RoomCard, RoomView, WaitView } from '@shared/contract';
import { BOOKING_STATUS_LABELS, WAIT_STATUS_LABELS } from '@shared/room/rules';
import { hasRole } from '../core/caller';
import type { HandlerContext } from '../core/router';
import type { BlackoutDoc, BookingDoc, RoomDoc, WaitDoc } from './records';

export function isStaffOf(ctx: HandlerContext, communityId: string): boolean {
  return hasRole(ctx.caller, 'staff', communityId);
}

export function roomCard(room: RoomDoc): RoomCard {
  return {
    id: room._id,
    communityId: room.communityId,
    name: room.name,
    kind: room.kind,
    capacity: room.capacity,
    facilities: room.facilities,
    photos: room.photos,
    needsApproval: room.needsApproval,
    inUse: room.inUse,
  };
}

export function roomView(ctx: HandlerContext, room: RoomDoc): RoomView {
  return {
    ...roomCard(room),
    hours: room.hours,
    slotMinutes: room.slotMinutes,
    maxMinutes: room.maxMinutes,
    horizonDays: room.horizonDays,
    rules: room.rules,
    // The code opens the door's check-in to anyone who has it: staff print it, residents read it at the door.
    checkInCode: isStaffOf(ctx, room.communityId) ? room.checkInCode : null,
    createdAt: room.createdAt,
    updatedAt: room.updatedAt,
  };
}

export function blackoutView(b: BlackoutDoc): BlackoutView {
  return { id: b._id, communityId: b.communityId, roomId: b.roomId, roomName: b.roomName, kind: b.kind, reason: b.reason, from: b.from, to: b.to };
}

export function bookingView(ctx: HandlerContext, b: BookingDoc): BookingView {
  const me = ctx.caller.user?._id ?? null;
  const mine = me !== null && b.bookerId === me;
  const staff = isStaffOf(ctx, b.communityId);
  const inWindow = ctx.now >= b.checkInFrom && ctx.now <= b.checkInUntil;
  const held = b.status === 'offered' && (b.holdUntil ?? 0) > ctx.now;
  return {
    id: b._id,
    communityId: b.communityId,
    roomId: b.roomId,
    roomName: b.roomName,
    date: b.date,
    start: b.start,
    end: b.end,
    startAt: b.startAt,
    endAt: b.endAt,
    purpose: mine || staff || b.kind === 'consultation' ? b.purpose : '',
    attendees: b.attendees,
    status: b.status,
    statusLabel: BOOKING_STATUS_LABELS[b.status],
    kind: b.kind,
    bookerId: mine || staff ? b.bookerId : null,
    bookerName: mine || staff ? b.bookerName : null,
    publicLabel: b.publicLabel,
    seriesId: b.seriesId,
    consultationId: b.consultationId,
    proxyBy: staff ? b.proxyBy : null,
    holdUntil: b.holdUntil,
    rejectReason: mine || staff ? b.rejectReason : null,
    cancelReason: mine || staff ? b.cancelReason : null,
    cancelledBy: b.cancelledBy,
    checkedInAt: b.checkedInAt,
    checkInFrom: b.checkInFrom,
    checkInUntil: b.checkInUntil,
    mine,
    can: {
      cancel: b.kind !== 'consultation' && ((mine && (b.status === 'pending' || b.status === 'confirmed')) || (staff && (b.status === 'pending' || b.status === 'confirmed'))),
      checkIn: mine && b.status === 'confirmed' && inWindow,
      accept: (mine || staff) && held,
      decline: (mine || staff) && held,
      review: staff && b.status === 'pending',
      markCheckedIn: staff && b.status === 'confirmed' && inWindow,
    },
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
  };
}

export function waitView(w: WaitDoc, position: number | null): WaitView {
  return {
    id: w._id,
    communityId: w.communityId,
    roomId: w.roomId,
    roomName: w.roomName,
    date: w.date,
    start: w.start,
    end: w.end,
    purpose: w.purpose,
    attendees: w.attendees,
    status: w.status,
    statusLabel: WAIT_STATUS_LABELS[w.status],
    seq: w.seq,
    position,
    bookingId: w.bookingId,
    holdUntil: w.holdUntil,
    createdAt: w.createdAt,
  };
}
