import { AppError } from '@shared/errors';
import { bookingNoShow, seriesNeedsConfirming } from '@shared/room/notifications';
import { dateAfter, SERIES_CONFIRM_NOTICE_DAYS, withNoShow } from '@shared/room/rules';
import { roomSettingsOf, type RoomSettings } from '@shared/room/settings';
import { shanghai, shanghaiDate } from '@shared/time';
import type { Job, JobOutcome } from '../core/jobs';
import type { HandlerContext } from '../core/router';
import type { Filter } from '../core/store/port';
import { notified, notify } from '../notify/notify';
import { getCommunity } from '../user/records';
import type { RoleHolderDoc } from '../user/roles';
import { endBooking, type Ending } from './ending';
import { offerFreed } from './offers';
import { bookerKey, type BookerDoc, type BookingDoc, type SeriesDoc, type WaitDoc } from './records';
import { needsConfirming } from './series';

/** Each run reads a community's settings once, however many of its bookings fall due. */
function settingsCache(ctx: HandlerContext) {
  const known = new Map<string, RoomSettings>();
  return async (communityId: string) => {
    if (!known.has(communityId)) known.set(communityId, roomSettingsOf(await getCommunity(ctx.store, communityId)));
    return known.get(communityId)!;
  };
}

/**
 * Ends each due booking with its own guarded move: one that someone else moved meanwhile (checked in at the last
 * second, accepted, cancelled) is refused by the guard and skipped, so a run repeated or overlapping another ends
 * nothing twice.
 */
async function endDue(ctx: HandlerContext, where: Filter, orderBy: string, batch: number, ending: (b: BookingDoc, settings: RoomSettings) => Promise<Omit<Ending, 'settings'>>): Promise<JobOutcome> {
  const due = await ctx.store.query<BookingDoc>('bookings', { where, orderBy: [[orderBy, 'asc'], ['_id', 'asc']], limit: batch });
  const settingsOf = settingsCache(ctx);
  let done = 0;
  for (const b of due.items) {
    const settings = await settingsOf(b.communityId);
    try {
      await endBooking(ctx, b, { ...(await ending(b, settings)), settings });
      done++;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'INVALID_STATE')) throw error;
    }
  }
  return { done, more: due.nextCursor !== null };
}

/** A waitlist hold nobody accepted in time lapses; the next in line is offered the range. */
export const lapseHolds = (ctx: HandlerContext, batch: number) =>
  endDue(ctx, { status: 'offered', holdUntil: { lte: ctx.now } }, 'holdUntil', batch, async () => ({ to: 'lapsed', action: 'room.lapse', booker: 'used', patch: { holdUntil: null } }));

/**
 * Nobody checked in by 15 minutes after the start: the slots go back (to the waitlist first), the booking counts
 * against its booker, and at the limit their booking is suspended. Series and consultation meetings are not
 * checked in, so they never lapse this way.
 */
export const markNoShows = (ctx: HandlerContext, batch: number) =>
  endDue(ctx, { status: 'confirmed', kind: { in: ['resident', 'proxy'] }, checkInUntil: { lte: ctx.now } }, 'checkInUntil', batch, async (b, settings) => {
    const booker = await ctx.store.get<BookerDoc>('roomBookers', bookerKey(b.communityId, b.bookerId!));
    const after = booker ? withNoShow(booker, ctx.now, settings) : null;
    const suspended = after?.suspendedUntil && after.suspendedUntil > ctx.now;
    const reason = suspended
      ? `30天内已${settings.noShowLimit}次未签到，暂停预约至${shanghai(after!.suspendedUntil!).format('M月D日')}`
      : `30天内未签到满${settings.noShowLimit}次将暂停预约${settings.suspendDays}天`;
    return {
      to: 'no_show',
      action: 'room.noShow',
      booker: 'noShow',
      also: async (tx) => void (await notify(ctx, tx, bookingNoShow.with({ communityId: b.communityId, bookingId: b._id, roomName: b.roomName, startAt: b.startAt, reason }), [b.bookerId!])),
    };
  });

/** Used bookings end when their time does: checked-in ones, and the series and meetings that need no check-in. */
export async function completeBookings(ctx: HandlerContext, batch: number): Promise<JobOutcome> {
  const completed = async (): Promise<Omit<Ending, 'settings'>> => ({ to: 'completed', action: 'room.complete', booker: 'used' });
  const checkedIn = await endDue(ctx, { status: 'checked_in', endAt: { lte: ctx.now } }, 'endAt', batch, completed);
  const unattended = await endDue(ctx, { status: 'confirmed', kind: { in: ['series', 'consultation'] }, endAt: { lte: ctx.now } }, 'endAt', batch, completed);
  return { done: checkedIn.done + unattended.done, more: checkedIn.more || unattended.more };
}

/** A booking still waiting for approval when its time comes is cancelled, and its hours go back to the booker. */
export const expirePending = (ctx: HandlerContext, batch: number) =>
  endDue(ctx, { status: 'pending', startAt: { lte: ctx.now } }, 'startAt', batch, async () => ({
    to: 'cancelled',
    action: 'room.expirePending',
    booker: 'giveBack',
    note: '开始前未完成审核',
    patch: { cancelReason: '开始前未完成审核', cancelledBy: 'system' },
  }));

/** Waitlist entries whose time has passed stop waiting. */
export async function expireWaits(ctx: HandlerContext, batch: number): Promise<JobOutcome> {
  const due = await ctx.store.query<WaitDoc>('roomWaits', { where: { status: 'waiting', endAt: { lte: ctx.now } }, orderBy: [['endAt', 'asc'], ['_id', 'asc']], limit: batch });
  let done = 0;
  for (const w of due.items) {
    const moved = await ctx.store.transaction(async (tx) => {
      if (!(await tx.update('roomWaits', w._id, { status: 'expired', updatedAt: ctx.now }, { if: { status: 'waiting' } }))) return false;
      await ctx.audit(tx, { communityId: w.communityId, action: 'room.expireWait', targetType: 'roomWait', targetId: w._id, before: { status: 'waiting' }, after: { status: 'expired' } });
      return true;
    });
    if (moved) done++;
  }
  return { done, more: due.nextCursor !== null };
}

/** Offers again whatever a request freed but died before offering: the waiting entries' room-days, soonest first. */
export async function offerWaiting(ctx: HandlerContext, batch: number): Promise<JobOutcome> {
  const waiting = await ctx.store.query<WaitDoc>('roomWaits', { where: { status: 'waiting', endAt: { gt: ctx.now } }, orderBy: [['endAt', 'asc'], ['_id', 'asc']], limit: batch });
  const days = new Map(waiting.items.map((w) => [`${w.roomId}|${w.date}`, w]));
  let done = 0;
  for (const w of days.values()) done += await offerFreed(ctx, w.roomId, w.date);
  return { done, more: waiting.nextCursor !== null };
}

/** The outbox id of a series' reminder: one per confirmed-until date, so it is sent once however often the cron runs. */
const confirmReminderId = (s: SeriesDoc) => `rsc:${s._id}:${s.confirmedUntil}`;

/** Series nearing their confirmed-until date ask the community's staff, once, to confirm another quarter. */
export async function remindSeries(ctx: HandlerContext, batch: number): Promise<JobOutcome> {
  const soon = dateAfter(shanghaiDate(ctx.now), SERIES_CONFIRM_NOTICE_DAYS);
  const due = await ctx.store.query<SeriesDoc>('roomSeries', { where: { status: 'active', confirmedUntil: { lte: soon } }, orderBy: [['confirmedUntil', 'asc'], ['_id', 'asc']], limit: batch });
  let done = 0;
  for (const s of due.items) {
    if (!needsConfirming(s, ctx.now) || (await notified(ctx.store, confirmReminderId(s)))) continue;
    const staff = await ctx.store.query<RoleHolderDoc>('roleHolders', { where: { communityId: s.communityId, role: 'staff' }, limit: 100 });
    const event = seriesNeedsConfirming.with({ communityId: s.communityId, seriesId: s._id, roomName: s.roomName, title: s.title, confirmedUntil: s.confirmedUntil });
    if (await ctx.store.transaction((tx) => notify(ctx, tx, event, staff.items.map((h) => h.userId), { id: confirmReminderId(s) }))) done++;
  }
  return { done, more: due.nextCursor !== null };
}

// Holds lapse and no-shows are released first, so the waitlist is offered in the same run; completion after.
export const ROOM_JOBS: readonly Job[] = [
  { name: 'room.lapseHolds', batch: 50, run: lapseHolds },
  { name: 'room.markNoShows', batch: 50, run: markNoShows },
  { name: 'room.expirePending', batch: 50, run: expirePending },
  { name: 'room.complete', batch: 50, run: completeBookings },
  { name: 'room.expireWaits', batch: 50, run: expireWaits },
  { name: 'room.offerWaiting', batch: 50, run: offerWaiting },
  { name: 'room.remindSeries', batch: 20, run: remindSeries },
];
