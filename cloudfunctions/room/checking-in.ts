import type { roomContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import { change } from '../core/change';
import type { Handler, HandlerContext } from '../core/router';
import type { BookingDoc } from './records';
import { bookingView } from './views';

type C = typeof roomContract;

const WINDOW_WORDS = '签到时间为开始前15分钟到开始后15分钟';

/**
 * At the door: the room's code (typed on H5, carried by the door QR's scene on WeChat) checks in the caller's own
 * booking of that room whose window is open now.
 */
export const checkIn: Handler<C['checkIn']> = async (input, ctx) => {
  const room = ctx.target;
  if (input.code !== room.checkInCode) throw new AppError('VALIDATION', '签到码不对，请看门口二维码下方的数字', { code: '签到码不对' });
  const mine = await ctx.store.query<BookingDoc>('bookings', {
    where: { bookerId: ctx.caller.user!._id, roomId: room._id, status: 'confirmed', checkInFrom: { lte: ctx.now } },
    orderBy: [['checkInFrom', 'desc']],
    limit: 5,
  });
  const open = mine.items.find((b) => b.checkInUntil >= ctx.now);
  if (!open) throw new AppError('INVALID_STATE', `您现在没有这间活动室可签到的预约（${WINDOW_WORDS}）`);
  return bookingView(ctx, await markIn(ctx, open, 'room.checkIn'));
};

/** Staff mark a booking checked in, within the same window. */
export const markCheckedIn: Handler<C['markCheckedIn']> = async (_input, ctx) => {
  const b = ctx.target;
  if (b.status !== 'confirmed') throw new AppError('INVALID_STATE', b.status === 'checked_in' ? '该预约已签到' : '只有已预约的可以签到');
  if (ctx.now < b.checkInFrom || ctx.now > b.checkInUntil) throw new AppError('INVALID_STATE', `不在签到时间内（${WINDOW_WORDS}）`);
  return bookingView(ctx, await markIn(ctx, b, 'room.markCheckedIn'));
};

async function markIn(ctx: HandlerContext, b: BookingDoc, action: string): Promise<BookingDoc> {
  return change(ctx, {
    collection: 'bookings',
    doc: b,
    // The window is part of the guard: the no-show job may be releasing it at this very moment.
    guard: { status: 'confirmed', checkInUntil: { gte: ctx.now } },
    patch: { status: 'checked_in', checkedInAt: ctx.now, checkedInBy: ctx.caller.user!._id, updatedAt: ctx.now },
    audit: { action, targetType: 'booking', communityId: b.communityId },
    refused: (now) => new AppError('INVALID_STATE', now?.status === 'checked_in' ? '该预约已签到' : `签到时间已过（${WINDOW_WORDS}）`),
  });
}
