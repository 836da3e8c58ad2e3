import type { roomContract, SeriesView } from '@shared/contract';
import { AppError } from '@shared/errors';
import { dateAfter, firstOnWeekday, instantOf, QUARTER_DAYS, rangeProblem, SERIES_CONFIRM_NOTICE_DAYS, seriesDates } from '@shared/room/rules';
import { roomSettingsOf } from '@shared/room/settings';
import { shanghaiDate } from '@shared/time';
import { change } from '../core/change';
import { newId } from '../core/ids';
import type { Handler, HandlerContext } from '../core/router';
import { getCommunity } from '../user/records';
import { blackoutProblem, refuse } from './booking';
import { endBooking } from './ending';
import { requireRoom, type BookingDoc, type RoomDoc, type SeriesDoc } from './records';
import { claimSlots, newBooking } from './slots';

type C = typeof roomContract;

/** Confirming may reach at most this far ahead: a series is looked at again at least every other quarter. */
const FURTHEST_CONFIRM_DAYS = 2 * QUARTER_DAYS;

export const createSeries: Handler<C['createSeries']> = async (input, ctx) => {
  const room = ctx.target;
  if (!room.inUse) throw new AppError('INVALID_STATE', '该活动室暂停使用');
  const today = shanghaiDate(ctx.now);
  if (input.lastDate && input.lastDate < input.firstDate) throw new AppError('VALIDATION', '结束日期须不早于开始日期', { lastDate: '结束日期须不早于开始日期' });
  const first = firstOnWeekday(input.firstDate > today ? input.firstDate : dateAfter(today, 1), input.weekday);
  refuse(rangeProblem(room, { date: first, start: input.start, end: input.end, attendees: input.attendees }, ctx.now, { ignoreHorizon: true }));
  const series: SeriesDoc = {
    _id: newId('rs'),
    communityId: room.communityId,
    roomId: room._id,
    roomName: room.name,
    title: input.title,
    organizer: input.organizer,
    weekday: input.weekday,
    start: input.start,
    end: input.end,
    every: input.every,
    firstDate: first,
    lastDate: input.lastDate ?? null,
    confirmedUntil: dateAfter(today, QUARTER_DAYS),
    madeThrough: dateAfter(first, -1),
    attendees: input.attendees,
    status: 'active',
    collisions: [],
    createdBy: ctx.caller.user!._id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('roomSeries', series);
    await ctx.audit(tx, { communityId: room.communityId, action: 'room.createSeries', targetType: 'roomSeries', targetId: series._id, before: null, after: { roomId: room._id, weekday: series.weekday, start: series.start, end: series.end, every: series.every, confirmedUntil: series.confirmedUntil } });
  });
  return seriesView(ctx, await makeOccurrences(ctx, series, room));
};

/**
 * Makes the occurrences from where the series stopped up to its confirmed-until date (or its own last date), each
 * a real booking claiming its slots in its own transaction. One that collides with a booking or a blackout is not
 * made and is recorded with why, for staff to see; nothing is dropped silently.
 */
export async function makeOccurrences(ctx: HandlerContext, series: SeriesDoc, room: RoomDoc): Promise<SeriesDoc> {
  const through = series.lastDate && series.lastDate < series.confirmedUntil ? series.lastDate : series.confirmedUntil;
  const dates = seriesDates(series.firstDate, series.every, through).filter((d) => d > series.madeThrough);
  const collisions: SeriesDoc['collisions'] = [];
  for (const date of dates) {
    const reason = await makeOne(ctx, series, room, date);
    if (reason) collisions.push({ date, reason });
  }
  if (!dates.length) return series;
  const patch = { madeThrough: through, collisions: [...series.collisions, ...collisions], updatedAt: ctx.now };
  await ctx.store.update('roomSeries', series._id, patch);
  return { ...series, ...patch };
}

/** One occurrence; the reason it could not be made, or null. */
async function makeOne(ctx: HandlerContext, series: SeriesDoc, room: RoomDoc, date: string): Promise<string | null> {
  if (instantOf(date, series.start) <= ctx.now) return '时间已过';
  const hours = rangeProblem(room, { date, start: series.start, end: series.end, attendees: series.attendees }, ctx.now, { ignoreHorizon: true });
  if (hours) return hours.message;
  const shut = blackoutProblem(room, instantOf(date, series.start), instantOf(date, series.end));
  if (shut) return shut.message;
  const booking = newBooking(
    newId('bk'),
    { room, date, start: series.start, end: series.end, purpose: series.title, attendees: series.attendees, status: 'confirmed', kind: 'series', bookerId: null, bookerName: series.organizer, seriesId: series._id, publicLabel: '已预约' },
    ctx.now,
  );
  try {
    await ctx.store.transaction(async (tx) => {
      await claimSlots(tx, booking);
      await tx.create('bookings', booking);
      await ctx.audit(tx, { communityId: series.communityId, action: 'room.seriesOccurrence', targetType: 'booking', targetId: booking._id, before: null, after: { seriesId: series._id, date, start: series.start, end: series.end } });
    });
    return null;
  } catch (error) {
    if (error instanceof AppError && error.code === 'SLOT_TAKEN') return '该时段已被预约';
    throw error;
  }
}

export const seriesList: Handler<C['seriesList']> = async (input, ctx) => {
  const page = await ctx.store.query<SeriesDoc>('roomSeries', { where: { communityId: input.communityId }, orderBy: [['createdAt', 'desc']], limit: 100 });
  return Promise.all(page.items.map((s) => seriesView(ctx, s)));
};

export const series: Handler<C['series']> = async (_input, ctx) => seriesView(ctx, ctx.target);

/** Another quarter: the confirmed-until date moves on by a quarter (no further than two ahead) and its occurrences are made. */
export const confirmSeries: Handler<C['confirmSeries']> = async (_input, ctx) => {
  const s = ctx.target;
  if (s.status !== 'active') throw new AppError('INVALID_STATE', '该固定预约已结束');
  const today = shanghaiDate(ctx.now);
  const base = s.confirmedUntil > today ? s.confirmedUntil : today;
  const until = dateAfter(base, QUARTER_DAYS);
  if (until > dateAfter(today, FURTHEST_CONFIRM_DAYS)) throw new AppError('INVALID_STATE', `已确认到${s.confirmedUntil}，临近到期再续期`);
  const next = await change(ctx, {
    collection: 'roomSeries',
    doc: s,
    guard: { status: 'active', confirmedUntil: s.confirmedUntil },
    patch: { confirmedUntil: until, updatedAt: ctx.now },
    audit: { action: 'room.confirmSeries', targetType: 'roomSeries', communityId: s.communityId },
    refused: () => new AppError('CONFLICT', '该固定预约刚被其他人续期或结束，请刷新查看'),
  });
  return seriesView(ctx, await makeOccurrences(ctx, next, await requireRoom(ctx.store, s.roomId)));
};

/** Ends the series and cancels its occurrences still to come; each freed range goes to the waitlist. */
export const endSeries: Handler<C['endSeries']> = async (input, ctx) => {
  const s = ctx.target;
  if (s.status !== 'active') throw new AppError('INVALID_STATE', '该固定预约已结束');
  const next = await change(ctx, {
    collection: 'roomSeries',
    doc: s,
    guard: { status: 'active' },
    patch: { status: 'ended', updatedAt: ctx.now },
    audit: { action: 'room.endSeries', targetType: 'roomSeries', communityId: s.communityId, note: input.reason },
    refused: () => new AppError('INVALID_STATE', '该固定预约已结束'),
  });
  const settings = roomSettingsOf(await getCommunity(ctx.store, s.communityId));
  for (const b of await occurrencesOf(ctx, s._id)) {
    if ((b.status !== 'confirmed' && b.status !== 'pending') || b.startAt <= ctx.now) continue;
    await endBooking(ctx, b, { to: 'cancelled', action: 'room.staffCancel', note: input.reason, patch: { cancelReason: input.reason, cancelledBy: 'staff' }, booker: 'giveBack', settings });
  }
  return seriesView(ctx, next);
};

async function occurrencesOf(ctx: HandlerContext, seriesId: string): Promise<BookingDoc[]> {
  return (await ctx.store.query<BookingDoc>('bookings', { where: { seriesId }, orderBy: [['startAt', 'asc']], limit: 100 })).items;
}

export function needsConfirming(s: SeriesDoc, now: number): boolean {
  const soon = dateAfter(shanghaiDate(now), SERIES_CONFIRM_NOTICE_DAYS);
  return s.status === 'active' && s.confirmedUntil <= soon && (s.lastDate === null || s.lastDate > s.confirmedUntil);
}

async function seriesView(ctx: HandlerContext, s: SeriesDoc): Promise<SeriesView> {
  const made = await occurrencesOf(ctx, s._id);
  const occurrences = [
    ...made.map((b) => ({ date: b.date, bookingId: b._id, status: b.status, collision: null })),
    ...s.collisions.map((c) => ({ date: c.date, bookingId: null, status: null, collision: c.reason })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return {
    id: s._id,
    communityId: s.communityId,
    roomId: s.roomId,
    roomName: s.roomName,
    title: s.title,
    organizer: s.organizer,
    weekday: s.weekday,
    start: s.start,
    end: s.end,
    every: s.every,
    firstDate: s.firstDate,
    lastDate: s.lastDate,
    confirmedUntil: s.confirmedUntil,
    needsConfirming: needsConfirming(s, ctx.now),
    status: s.status,
    attendees: s.attendees,
    occurrences,
    createdAt: s.createdAt,
  };
}
