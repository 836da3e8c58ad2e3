import type { roomContract, WaitView } from '@shared/contract';
import { AppError } from '@shared/errors';
import { checkInWindow, instantOf, quotaProblem, slotIdsOf, suspensionRefusal } from '@shared/room/rules';
import { change } from '../core/change';
import { newId } from '../core/ids';
import type { Handler, HandlerContext } from '../core/router';
import { bookerName, rangeGuards, refuse } from './booking';
import { endBooking } from './ending';
import { bookerKey, queueKey, requireRoom, type BookerDoc, type QueueDoc, type SlotDoc, type WaitDoc } from './records';
import { readBooker, writeBooker } from './slots';
import { withBooking } from '@shared/room/rules';
import { roomSettingsOf } from '@shared/room/settings';
import { getCommunity } from '../user/records';
import { bookingView, waitView } from './views';

type C = typeof roomContract;

/**
 * Queues for a taken range. The entry's number comes from the room-and-day counter, raised in the transaction
 * that writes the entry: people joining at once conflict on the counter and get consecutive numbers, in the order
 * their transactions commit.
 */
export const joinWaitlist: Handler<C['joinWaitlist']> = async (input, ctx) => {
  const room = ctx.target;
  const { roomId: _roomId, ...range } = input;
  const settings = await rangeGuards(ctx, room, range);
  const user = ctx.caller.user!;
  const booker = await ctx.store.get<BookerDoc>('roomBookers', bookerKey(room.communityId, user._id));
  if (booker?.suspendedUntil && booker.suspendedUntil > ctx.now) refuse(suspensionRefusal(booker.suspendedUntil, settings));
  const held = await ctx.store.query<SlotDoc>('roomSlots', { where: { roomId: room._id, date: range.date }, limit: 100 });
  const taken = new Set(held.items.map((s) => s._id));
  const units = slotIdsOf(room._id, range.date, range.start, range.end);
  if (!units.some((id) => taken.has(id))) throw new AppError('INVALID_STATE', '这个时段现在空着，可以直接预约');
  if (held.items.some((s) => s.bookerId === user._id && units.includes(s._id))) throw new AppError('INVALID_STATE', '这个时段已是您的预约');
  const wait: WaitDoc = {
    _id: newId('wt'),
    communityId: room.communityId,
    roomId: room._id,
    roomName: room.name,
    ...range,
    startAt: instantOf(range.date, range.start),
    endAt: instantOf(range.date, range.end),
    userId: user._id,
    userName: bookerName(user),
    seq: 0,
    status: 'waiting',
    bookingId: null,
    holdUntil: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.store.transaction(async (tx) => {
    const key = queueKey(room._id, range.date);
    const queue = await tx.get<QueueDoc>('roomQueues', key);
    wait.seq = (queue?.seq ?? 0) + 1;
    if (queue) await tx.update('roomQueues', key, { seq: wait.seq });
    else await tx.create<QueueDoc>('roomQueues', { _id: key, seq: wait.seq });
    await tx.create('roomWaits', wait);
    await ctx.audit(tx, { communityId: room.communityId, action: 'room.joinWaitlist', targetType: 'roomWait', targetId: wait._id, before: null, after: { roomId: room._id, date: range.date, start: range.start, end: range.end, seq: wait.seq } });
  });
  return withPosition(ctx, wait);
};

export const leaveWaitlist: Handler<C['leaveWaitlist']> = async (_input, ctx) => {
  const w = ctx.target;
  if (w.status === 'offered') throw new AppError('INVALID_STATE', '已为您保留时段，请在预约里确认或放弃');
  if (w.status !== 'waiting') throw new AppError('INVALID_STATE', '已不在候补中');
  const next = await change(ctx, {
    collection: 'roomWaits',
    doc: w,
    guard: { status: 'waiting' },
    patch: { status: 'left', updatedAt: ctx.now },
    audit: { action: 'room.leaveWaitlist', targetType: 'roomWait', communityId: w.communityId },
    refused: () => new AppError('INVALID_STATE', '候补状态刚刚变化（可能已为您保留），请刷新查看'),
  });
  return waitView(next, null);
};

export const myWaits: Handler<C['myWaits']> = async (input, ctx) => {
  const page = await ctx.store.query<WaitDoc>('roomWaits', { where: { userId: ctx.caller.user?._id ?? '-' }, orderBy: [['createdAt', 'desc'], ['_id', 'desc']], limit: input.limit, cursor: input.cursor });
  return { items: await Promise.all(page.items.map((w) => withPosition(ctx, w))), nextCursor: page.nextCursor };
};

/** Its place among those still waiting for that room and day: those with a smaller number, plus one. */
async function withPosition(ctx: HandlerContext, w: WaitDoc): Promise<WaitView> {
  if (w.status !== 'waiting') return waitView(w, null);
  const ahead = await ctx.store.count('roomWaits', { roomId: w.roomId, date: w.date, status: 'waiting', seq: { lt: w.seq } });
  return waitView(w, ahead + 1);
}

/**
 * Accepting a hold makes it the resident's booking (pending where the room needs approval), counted in their
 * quota in the same transaction; the slots it holds stay claimed throughout.
 */
export const acceptOffer: Handler<C['acceptOffer']> = async (_input, ctx) => {
  const b = ctx.target;
  if (b.status !== 'offered') throw new AppError('INVALID_STATE', '没有待确认的候补保留');
  if ((b.holdUntil ?? 0) <= ctx.now) throw new AppError('INVALID_STATE', '保留时间已过，时段已顺延给下一位');
  const room = await requireRoom(ctx.store, b.roomId);
  const settings = roomSettingsOf(await getCommunity(ctx.store, b.communityId));
  const status = room.needsApproval ? 'pending' : 'confirmed';
  const asked = { date: b.date, minutes: b.minutes };
  const next = await change(ctx, {
    collection: 'bookings',
    doc: b,
    guard: { status: 'offered', holdUntil: { gt: ctx.now } },
    patch: { status, counted: true, holdUntil: null, checkInUntil: checkInWindow(b.startAt, ctx.now).until, updatedAt: ctx.now },
    audit: { action: 'room.accept', targetType: 'booking', communityId: b.communityId, before: { status: 'offered' }, after: { status } },
    refused: () => new AppError('INVALID_STATE', '保留时间已过，时段已顺延给下一位'),
    also: async (tx) => {
      const read = await readBooker(tx, b.communityId, b.bookerId!);
      refuse(quotaProblem(read.booker, asked, settings, ctx.now));
      await writeBooker(tx, read, withBooking(read.booker, asked, ctx.now));
      if (b.waitId) await tx.update('roomWaits', b.waitId, { status: 'booked', holdUntil: null, updatedAt: ctx.now });
    },
  });
  return bookingView(ctx, next);
};

export const declineOffer: Handler<C['declineOffer']> = async (_input, ctx) => {
  const b = ctx.target;
  if (b.status !== 'offered') throw new AppError('INVALID_STATE', '没有待确认的候补保留');
  const settings = roomSettingsOf(await getCommunity(ctx.store, b.communityId));
  const next = await endBooking(ctx, b, { to: 'declined', action: 'room.decline', booker: 'used', settings, patch: { holdUntil: null } });
  return bookingView(ctx, next);
};
