import { waitlistOffered } from '@shared/room/notifications';
import { roomSettingsOf } from '@shared/room/settings';
import { AppError } from '@shared/errors';
import { newId } from '../core/ids';
import type { HandlerContext } from '../core/router';
import { notify } from '../notify/notify';
import { getCommunity } from '../user/records';
import type { RoomDoc, WaitDoc } from './records';
import { claimSlots, newBooking } from './slots';

/** The entry was offered or closed by someone else meanwhile: go on to the next in line. */
class NotWaiting extends Error {}

/**
 * Offers what is free of a room's day to its waitlist, in queue order: each waiting entry whose range is now
 * wholly free gets a hold, a booking in state `offered` that claims the slots until `holdUntil`, so nobody else
 * takes them meanwhile. Entries whose range is still partly taken keep their place. Runs after a release commits,
 * and from the cron in case a request died between the two; two runs at once offer each entry once (the entry
 * moves only from `waiting`) and each slot once (the slot ids).
 */
export async function offerFreed(ctx: HandlerContext, roomId: string, date: string): Promise<number> {
  const waiting = await ctx.store.query<WaitDoc>('roomWaits', { where: { roomId, date, status: 'waiting' }, orderBy: [['seq', 'asc']], limit: 50 });
  const due = waiting.items.filter((w) => w.endAt > ctx.now);
  if (!due.length) return 0;
  const room = await ctx.store.get<RoomDoc>('rooms', roomId);
  if (!room || !room.inUse) return 0;
  const settings = roomSettingsOf(await getCommunity(ctx.store, room.communityId));
  let offered = 0;
  for (const w of due) {
    const holdUntil = ctx.now + settings.holdMinutes * 60_000;
    const booking = newBooking(
      newId('bk'),
      { room, date: w.date, start: w.start, end: w.end, purpose: w.purpose, attendees: w.attendees, status: 'offered', kind: 'resident', bookerId: w.userId, bookerName: w.userName, publicLabel: '已预约', holdUntil, waitId: w._id },
      ctx.now,
    );
    try {
      await ctx.store.transaction(async (tx) => {
        if (!(await tx.update('roomWaits', w._id, { status: 'offered', bookingId: booking._id, holdUntil, updatedAt: ctx.now }, { if: { status: 'waiting' } }))) throw new NotWaiting();
        await claimSlots(tx, booking);
        await tx.create('bookings', booking);
        await ctx.audit(tx, { communityId: room.communityId, action: 'room.offer', targetType: 'booking', targetId: booking._id, note: `候补第${w.seq}号`, before: null, after: { status: 'offered', holdUntil, waitId: w._id } });
        await notify(ctx, tx, waitlistOffered.with({ communityId: room.communityId, bookingId: booking._id, roomName: room.name, startAt: booking.startAt, holdUntil }), [w.userId]);
      });
      offered++;
    } catch (error) {
      if (error instanceof NotWaiting || (error instanceof AppError && error.code === 'SLOT_TAKEN')) continue;
      throw error;
    }
  }
  return offered;
}

