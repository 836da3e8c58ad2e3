import type { roomContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import { blackoutOver, instantOf, minutesOf, quotaProblem, rangeProblem, withBooking, type Refusal } from '@shared/room/rules';
import { roomSettingsOf, type RoomSettings } from '@shared/room/settings';
import type { UserDoc } from '../core/caller';
import { newId } from '../core/ids';
import type { Handler, HandlerContext } from '../core/router';
import { getCommunity, requireUser } from '../user/records';
import type { BookingDoc, RoomDoc } from './records';
import { claimSlots, newBooking, readBooker, writeBooker } from './slots';
import { bookingView } from './views';

type C = typeof roomContract;

export function refuse(problem: Refusal | null): void {
  if (problem) throw new AppError(problem.code, problem.message, problem.field ? { [problem.field]: problem.message } : undefined);
}

/** The name staff see on a booking: the one given when verified, else the nickname. */
export function bookerName(user: Pick<UserDoc, 'nickname' | 'residency'>): string {
  return user.residency?.name || user.nickname || '居民';
}

export interface RangeAsked {
  date: string;
  start: string;
  end: string;
  purpose: string;
  attendees: number;
}

/** What must hold before anything is written: the room is in use, the range fits it, and no blackout covers it. */
export async function rangeGuards(ctx: HandlerContext, room: RoomDoc, r: RangeAsked): Promise<RoomSettings> {
  if (!room.inUse) throw new AppError('INVALID_STATE', '该活动室暂停使用');
  const settings = roomSettingsOf(await getCommunity(ctx.store, room.communityId));
  refuse(rangeProblem(room, r, ctx.now));
  refuse(blackoutProblem(room, instantOf(r.date, r.start), instantOf(r.date, r.end)));
  return settings;
}

export function blackoutProblem(room: RoomDoc, from: number, to: number): Refusal | null {
  const shut = blackoutOver(room.blackouts, room._id, from, to);
  return shut ? { code: 'INVALID_STATE', message: `该时段活动室停用（${shut.kind}：${shut.reason}）`, field: 'date' } : null;
}

/**
 * A resident's booking, in one transaction: their quota record read and rewritten (so ten at once from one person
 * are counted one after another), the slots claimed (a slot already held refuses the whole booking), the booking
 * and its audit entry.
 */
async function place(ctx: HandlerContext, room: RoomDoc, r: RangeAsked, who: UserDoc, proxyBy: string | null): Promise<BookingDoc> {
  const settings = await rangeGuards(ctx, room, r);
  const booking = newBooking(
    newId('bk'),
    {
      room,
      ...r,
      status: proxyBy || !room.needsApproval ? 'confirmed' : 'pending',
      kind: proxyBy ? 'proxy' : 'resident',
      bookerId: who._id,
      bookerName: bookerName(who),
      proxyBy,
      publicLabel: '已预约',
    },
    ctx.now,
  );
  booking.counted = true;
  const asked = { date: r.date, minutes: minutesOf(r.end) - minutesOf(r.start) };
  await ctx.store.transaction(async (tx) => {
    const read = await readBooker(tx, room.communityId, who._id);
    refuse(quotaProblem(read.booker, asked, settings, ctx.now));
    await claimSlots(tx, booking);
    await tx.create('bookings', booking);
    await writeBooker(tx, read, withBooking(read.booker, asked, ctx.now));
    await ctx.audit(tx, {
      communityId: room.communityId,
      action: proxyBy ? 'room.proxyBook' : 'room.book',
      targetType: 'booking',
      targetId: booking._id,
      before: null,
      after: { status: booking.status, roomId: room._id, date: r.date, start: r.start, end: r.end, bookerId: who._id },
    });
  });
  return booking;
}

export const book: Handler<C['book']> = async (input, ctx) => {
  const { roomId: _roomId, ...range } = input;
  return bookingView(ctx, await place(ctx, ctx.target, range, ctx.caller.user!, null));
};

/** 代办: the booking is the resident's (their quota, their name), made and audited by staff, and needs no approval. */
export const proxyBook: Handler<C['proxyBook']> = async (input, ctx) => {
  const { roomId: _roomId, residentId, ...range } = input;
  const resident = await requireUser(ctx.store, residentId);
  const home = resident.residency;
  if (!home || home.status !== 'approved' || home.communityId !== ctx.target.communityId || resident.deletedAt) {
    throw new AppError('VALIDATION', '只能为本社区已认证的居民代办', { residentId: '只能为本社区已认证的居民代办' });
  }
  return bookingView(ctx, await place(ctx, ctx.target, range, resident, ctx.caller.user!._id));
};
