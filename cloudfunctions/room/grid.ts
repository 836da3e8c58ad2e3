import type { GridDay, GridSlot, roomContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import { blackoutOver, dateAfter, hhmm, midnightOf, minutesOf, slotIdsOf, slotStarts, weekdayOf } from '@shared/room/rules';
import { DAY_MS, parseShanghai, shanghaiDate } from '@shared/time';
import type { Handler, HandlerContext } from '../core/router';
import { queryAll } from '../core/store/paging';
import type { Filter } from '../core/store/port';
import type { RoomDoc, SlotDoc } from './records';
import { requireRoom } from './records';
import { roomsOf } from './rooms';
import { isStaffOf, roomCard } from './views';

type C = typeof roomContract;

/**
 * The availability grid reads the rooms and the slot documents of the days shown (by room or community and date),
 * never the bookings: a slot document carries the public label of the booking holding it.
 */
export const grid: Handler<C['grid']> = async (input, ctx) => {
  if (Number.isNaN(parseShanghai(input.from))) throw new AppError('VALIDATION', '开始日期格式不正确', { from: '开始日期格式不正确' });
  const to = dateAfter(input.from, input.days - 1);
  const rooms = input.roomId ? [await roomOfCommunity(ctx, input.roomId, input.communityId)] : (await roomsOf(ctx, input.communityId)).filter((r) => r.inUse);
  const where: Filter = input.roomId ? { roomId: input.roomId, date: { gte: input.from, lte: to } } : { communityId: input.communityId, date: { gte: input.from, lte: to } };
  const held = new Map((await queryAll<SlotDoc>(ctx.store, 'roomSlots', { where, orderBy: [['_id', 'asc']] })).map((s) => [s._id, s]));
  const dates = Array.from({ length: input.days }, (_, i) => dateAfter(input.from, i));
  return {
    communityId: input.communityId,
    from: input.from,
    days: input.days,
    rooms: rooms.map((room) => ({
      room: roomCard(room),
      slotMinutes: room.slotMinutes,
      maxMinutes: room.maxMinutes,
      days: dates.map((date) => gridDay(ctx, room, date, held, isStaffOf(ctx, room.communityId))),
    })),
  };
};

async function roomOfCommunity(ctx: HandlerContext, roomId: string, communityId: string): Promise<RoomDoc> {
  const room = await requireRoom(ctx.store, roomId);
  if (room.communityId !== communityId) throw new AppError('FORBIDDEN', '不能查看其他社区的活动室');
  return room;
}

/**
 * One room's day. Every instant is the day's Shanghai midnight plus minutes, worked out once per day: the grid
 * has hundreds of slots a week and answers many people at once.
 */
function gridDay(ctx: HandlerContext, room: RoomDoc, date: string, held: Map<string, SlotDoc>, staff: boolean): GridDay {
  const me = ctx.caller.user?._id ?? null;
  const midnight = midnightOf(date);
  const weekday = weekdayOf(date);
  const hours = room.hours[weekday] ?? null;
  const bookable = staff || midnight <= parseShanghai(shanghaiDate(ctx.now)) + room.horizonDays * DAY_MS;
  const slots = slotStarts(room.hours, date, room.slotMinutes).map((start): GridSlot => {
    const from = minutesOf(start);
    const end = hhmm(from + room.slotMinutes);
    const holder = slotIdsOf(room._id, date, start, end)
      .map((id) => held.get(id))
      .find((s) => s !== undefined);
    const base = { start, end, mine: false, bookingId: null };
    if (holder) {
      const mine = me !== null && holder.bookerId === me;
      return { ...base, state: 'taken', label: holder.label, mine, bookingId: mine || staff ? holder.bookingId : null };
    }
    const at = midnight + from * MINUTE_MS;
    if (at <= ctx.now) return { ...base, state: 'closed', label: '已过' };
    const shut = blackoutOver(room.blackouts, room._id, at, at + room.slotMinutes * MINUTE_MS);
    if (shut) return { ...base, state: 'closed', label: shut.kind };
    if (!bookable) return { ...base, state: 'closed', label: '暂未开放预约' };
    return { ...base, state: 'free', label: null };
  });
  return { date, weekday, hours, slots };
}

const MINUTE_MS = 60_000;
