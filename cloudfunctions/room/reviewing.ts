import type { roomContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import { bookingApproved, bookingRejected } from '@shared/room/notifications';
import { roomSettingsOf } from '@shared/room/settings';
import { change } from '../core/change';
import type { Handler } from '../core/router';
import { notify } from '../notify/notify';
import { getCommunity } from '../user/records';
import { endBooking } from './ending';
import type { BookingDoc } from './records';
import { bookingView } from './views';

type C = typeof roomContract;

/** Staff approve a pending booking, or refuse it with a reason, which frees its slots for the waitlist. */
export const review: Handler<C['review']> = async (input, ctx) => {
  const b = ctx.target;
  if (b.status !== 'pending') throw new AppError('INVALID_STATE', '该预约不在待审核状态');
  const told = { communityId: b.communityId, bookingId: b._id, roomName: b.roomName, startAt: b.startAt };
  if (input.approve) {
    const next = await change(ctx, {
      collection: 'bookings',
      doc: b,
      guard: { status: 'pending' },
      patch: { status: 'confirmed', updatedAt: ctx.now },
      audit: { action: 'room.approve', targetType: 'booking', communityId: b.communityId },
      refused: () => new AppError('INVALID_STATE', '该预约已被处理，请刷新查看'),
      also: async (tx) => void (b.bookerId && (await notify(ctx, tx, bookingApproved.with(told), [b.bookerId]))),
    });
    return bookingView(ctx, next);
  }
  const reason = input.reason!;
  const settings = roomSettingsOf(await getCommunity(ctx.store, b.communityId));
  const next = await endBooking(ctx, b, {
    to: 'rejected',
    action: 'room.reject',
    note: reason,
    patch: { rejectReason: reason },
    booker: 'giveBack',
    settings,
    also: async (tx) => void (b.bookerId && (await notify(ctx, tx, bookingRejected.with({ ...told, reason }), [b.bookerId]))),
  });
  return bookingView(ctx, next);
};

/** Pending bookings, the soonest first: the ones whose time comes first are the ones to settle first. */
export const approvalQueue: Handler<C['approvalQueue']> = async (input, ctx) => {
  const page = await ctx.store.query<BookingDoc>('bookings', {
    where: { communityId: input.communityId, status: 'pending' },
    orderBy: [['startAt', 'asc'], ['_id', 'asc']],
    limit: input.limit,
    cursor: input.cursor,
  });
  return { items: page.items.map((b) => bookingView(ctx, b)), nextCursor: page.nextCursor };
};
