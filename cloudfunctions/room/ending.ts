import { AppError } from '@shared/errors';
import { withNoShow, withoutBooking, type BookingStatus } from '@shared/room/rules';
import type { RoomSettings } from '@shared/room/settings';
import { change } from '../core/change';
import type { HandlerContext } from '../core/router';
import type { Patch, TxStore } from '../core/store/port';
import type { BookingDoc } from './records';
import { readBooker, releaseSlots, writeBooker } from './slots';
import { offerFreed } from './offers';

export interface Ending {
  to: BookingStatus;
  action: string;
  note?: string | null;
  patch?: Patch;
  /** What the booker's record keeps: cancelled or rejected hours go back; a no-show counts against them. */
  booker: 'giveBack' | 'used' | 'noShow';
  settings: RoomSettings;
  /** Notifications and other writes that stand or fall with the move. */
  also?(tx: TxStore, next: BookingDoc): Promise<void>;
}

/**
 * Moves a booking out of the state it was found in, in one transaction with its audit entry: a live booking's
 * slots are freed, its booker's record updated, the waitlist entry it came from closed. Once committed, the
 * freed range is offered to the first in line whose own range is now free.
 */
export async function endBooking(ctx: HandlerContext, b: BookingDoc, e: Ending): Promise<BookingDoc> {
  const releases = e.to !== 'completed';
  const next = await change(ctx, {
    collection: 'bookings',
    doc: b,
    guard: { status: b.status },
    patch: { status: e.to, counted: false, ...(e.patch ?? {}), updatedAt: ctx.now },
    audit: { action: e.action, targetType: 'booking', communityId: b.communityId, note: e.note ?? null, before: { status: b.status }, after: { status: e.to, minutes: b.minutes } },
    refused: (now) => (now ? new AppError('INVALID_STATE', `该预约${statusWords(now.status)}，请刷新查看`) : new AppError('NOT_FOUND', '预约不存在')),
    also: async (tx, moved) => {
      if (releases) await releaseSlots(tx, b);
      if (b.counted && b.bookerId) {
        const read = await readBooker(tx, b.communityId, b.bookerId);
        let facts = withoutBooking(read.booker, { date: b.date, minutes: b.minutes }, e.booker === 'giveBack');
        if (e.booker === 'noShow') facts = withNoShow(facts, ctx.now, e.settings);
        await writeBooker(tx, read, facts);
      }
      if (b.waitId && b.status === 'offered') {
        await tx.update('roomWaits', b.waitId, { status: e.to === 'declined' ? 'declined' : 'lapsed', updatedAt: ctx.now }, { if: { status: 'offered' } });
      }
      if (e.also) await e.also(tx, moved);
    },
  });
  if (releases) await offerFreed(ctx, b.roomId, b.date);
  return next;
}

const STATUS_WORDS: Partial<Record<BookingStatus, string>> = {
  pending: '正在审核',
  confirmed: '已预约',
  checked_in: '已签到',
  completed: '已完成',
  rejected: '已未通过',
  cancelled: '已取消',
  no_show: '已按未签到处理',
  lapsed: '保留已过期',
  declined: '已放弃',
  offered: '正在为候补保留',
};

function statusWords(status: BookingStatus): string {
  return STATUS_WORDS[status] ?? '已变化';
}
