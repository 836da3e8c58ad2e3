import { AppError } from '@shared/errors';
import { hhmm, LIVE_STATUSES, minutesOf, publicLabel, rangeProblem } from '@shared/room/rules';
import { formatShanghai, shanghaiDate } from '@shared/time';
import type { HandlerContext } from '../core/router';
import type { TxStore } from '../core/store/port';
import { blackoutProblem, refuse } from './booking';
import { meetingBookingId, requireRoom, type BookingDoc } from './records';
import { claimSlots, newBooking, releaseSlots } from './slots';

/** What a consultation's plan asks of the room module: a room of its community, from the meeting time, for so long. */
export interface MeetingAsk {
  consultationId: string;
  communityId: string;
  roomId: string;
  meetingAt: number;
  minutes: number;
  topic: string;
}

export { DEFAULT_MEETING_MINUTES } from '@shared/room/meeting';

/**
 * Checks a meeting's room and time before the consultation's transaction: the room is the community's, the time
 * fits its hours and slots (how far ahead residents may book does not apply), and no blackout covers it. Returns
 * the booking to hold, under the id that follows from the consultation's.
 */
export async function planMeetingRoom(ctx: HandlerContext, ask: MeetingAsk): Promise<BookingDoc> {
  const room = await requireRoom(ctx.store, ask.roomId);
  if (room.communityId !== ask.communityId) throw new AppError('VALIDATION', '只能选择本社区的活动室', { 'plan.roomId': '只能选择本社区的活动室' });
  if (!room.inUse) throw new AppError('INVALID_STATE', '该活动室暂停使用', { 'plan.roomId': '该活动室暂停使用' });
  const date = shanghaiDate(ask.meetingAt);
  const start = formatShanghai(ask.meetingAt, 'HH:mm');
  const end = hhmm(minutesOf(start) + ask.minutes);
  if (minutesOf(start) + ask.minutes > 24 * 60) throw new AppError('VALIDATION', '会议须在当天结束', { 'plan.meetingMinutes': '会议须在当天结束' });
  const range = { date, start, end, attendees: 1 };
  const fits = rangeProblem({ ...room, maxMinutes: 24 * 60 }, range, ctx.now, { ignoreHorizon: true });
  refuse(fits && { ...fits, field: 'plan.meetingAt' });
  const shut = blackoutProblem(room, ask.meetingAt, ask.meetingAt + ask.minutes * 60_000);
  refuse(shut && { ...shut, field: 'plan.meetingAt' });
  return newBooking(
    meetingBookingId(ask.consultationId),
    { room, date, start, end, purpose: ask.topic, attendees: 1, status: 'confirmed', kind: 'consultation', bookerId: null, bookerName: null, consultationId: ask.consultationId, publicLabel: publicLabel('consultation', ask.topic) },
    ctx.now,
  );
}

/** A taken range is the meeting time's problem, said to the host, who has no waitlist to join. */
function meetingSlotTaken(error: unknown): never {
  if (error instanceof AppError && error.code === 'SLOT_TAKEN') {
    const message = '这个时段活动室已被预约，请换个时间或换个活动室';
    throw new AppError('SLOT_TAKEN', message, { meetingAt: message });
  }
  throw error;
}

/**
 * Inside the consultation's own transaction: the meeting's booking is made, moved or released so it matches the
 * plan. Only the slots that change are freed or claimed; a slot another booking holds refuses the whole change
 * with SLOT_TAKEN, so a meeting can never overlap a booking either.
 */
export async function holdMeetingRoom(ctx: HandlerContext, tx: TxStore, consultationId: string, communityId: string, planned: BookingDoc | null): Promise<void> {
  const id = meetingBookingId(consultationId);
  const existing = await tx.get<BookingDoc>('bookings', id);
  const held = existing && LIVE_STATUSES.includes(existing.status) ? existing : null;
  if (!planned) {
    if (!held) return;
    await releaseSlots(tx, held);
    await tx.update('bookings', id, { status: 'cancelled', cancelledBy: 'system', cancelReason: '议事已取消', updatedAt: ctx.now });
    await ctx.audit(tx, { communityId, action: 'room.releaseForConsultation', targetType: 'booking', targetId: id, before: { status: held.status }, after: { status: 'cancelled' } });
    return;
  }
  // Slot ids name the room, so a meeting moved to another room keeps none of its old ones.
  const wanted = new Set(planned.slotIds);
  const stays = (held?.slotIds ?? []).filter((s) => wanted.has(s));
  if (held) await releaseSlots(tx, { slotIds: held.slotIds.filter((s) => !wanted.has(s)) });
  await claimSlots(tx, { ...planned, slotIds: planned.slotIds.filter((s) => !stays.includes(s)) }).catch(meetingSlotTaken);
  for (const s of stays) await tx.update('roomSlots', s, { label: planned.publicLabel });
  if (existing) {
    const { _id, createdAt: _createdAt, ...fields } = planned;
    await tx.update('bookings', id, { ...fields, updatedAt: ctx.now });
  } else await tx.create('bookings', planned);
  await ctx.audit(tx, {
    communityId,
    action: held ? 'room.moveForConsultation' : 'room.reserveForConsultation',
    targetType: 'booking',
    targetId: id,
    before: held ? { roomId: held.roomId, date: held.date, start: held.start, end: held.end } : null,
    after: { roomId: planned.roomId, date: planned.date, start: planned.start, end: planned.end },
  });
}

