import type { roomContract } from '@shared/contract';
import { LIVE_STATUSES, recentNoShows, weekOf, type BookingStatus } from '@shared/room/rules';
import { roomSettingsOf } from '@shared/room/settings';
import { shanghaiDate } from '@shared/time';
import type { Handler } from '../core/router';
import { getCommunity } from '../user/records';
import { bookerKey, type BookerDoc, type BookingDoc } from './records';
import { roomsOf } from './rooms';
import { bookingView, roomCard } from './views';

type C = typeof roomContract;

const ENDED: BookingStatus[] = ['completed', 'rejected', 'cancelled', 'no_show', 'lapsed', 'declined'];

export const booking: Handler<C['booking']> = async (_input, ctx) => bookingView(ctx, ctx.target);

/** Upcoming: live bookings and holds, soonest first. Past: the ended ones, latest first. */
export const myBookings: Handler<C['myBookings']> = async (input, ctx) => {
  const upcoming = input.when === 'upcoming';
  const page = await ctx.store.query<BookingDoc>('bookings', {
    where: { bookerId: ctx.caller.user?._id ?? '-', status: { in: upcoming ? [...LIVE_STATUSES] : ENDED } },
    orderBy: [['startAt', upcoming ? 'asc' : 'desc'], ['_id', 'asc']],
    limit: input.limit,
    cursor: input.cursor,
  });
  return { items: page.items.map((b) => bookingView(ctx, b)), nextCursor: page.nextCursor };
};

/** What a resident has used of their limits, and, when suspended, why and until when. */
export const myStanding: Handler<C['myStanding']> = async (input, ctx) => {
  const settings = roomSettingsOf(await getCommunity(ctx.store, input.communityId));
  const booker = await ctx.store.get<BookerDoc>('roomBookers', bookerKey(input.communityId, ctx.caller.user!._id));
  const noShows = booker ? recentNoShows(booker, ctx.now) : 0;
  const suspended = booker?.suspendedUntil && booker.suspendedUntil > ctx.now ? booker.suspendedUntil : null;
  return {
    communityId: input.communityId,
    activeBookings: booker?.active ?? 0,
    maxActiveBookings: settings.maxActiveBookings,
    minutesThisWeek: booker?.weekMinutes[weekOf(shanghaiDate(ctx.now))] ?? 0,
    maxHoursPerWeek: settings.maxHoursPerWeek,
    cancelCutoffHours: settings.cancelCutoffHours,
    recentNoShows: noShows,
    noShowLimit: settings.noShowLimit,
    suspendDays: settings.suspendDays,
    suspension: suspended ? { until: suspended, reason: `30天内${settings.noShowLimit}次预约后未签到，暂停预约${settings.suspendDays}天` } : null,
  };
};

/** Staff's day: every room, with every booking that day, holds and ended ones included. */
export const dayView: Handler<C['dayView']> = async (input, ctx) => {
  const [rooms, page] = await Promise.all([
    roomsOf(ctx, input.communityId),
    ctx.store.query<BookingDoc>('bookings', { where: { communityId: input.communityId, date: input.date }, orderBy: [['startAt', 'asc'], ['_id', 'asc']], limit: 100 }),
  ]);
  return {
    date: input.date,
    rooms: rooms.map((room) => ({ room: roomCard(room), bookings: page.items.filter((b) => b.roomId === room._id).map((b) => bookingView(ctx, b)) })),
  };
};
