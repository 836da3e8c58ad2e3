import { LIVE_STATUSES } from '@shared/room/rules';
import { queryAll } from '../core/store/paging';
import type { Store } from '../core/store/port';
import type { BookerDoc, BookingDoc, WaitDoc } from './records';
import { releaseSlots } from './slots';

/** What 活动室 holds about one person: their bookings, their waitlist entries and their quota record. */
export async function roomRecordsOf(store: Store, userId: string): Promise<Record<string, unknown[]>> {
  return {
    bookings: await queryAll(store, 'bookings', { where: { bookerId: userId } }),
    roomWaits: await queryAll(store, 'roomWaits', { where: { userId } }),
    roomBookers: await queryAll(store, 'roomBookers', { where: { userId } }),
  };
}

/**
 * On erasure their bookings still to come are cancelled and their slots freed (each guarded on the state found), their
 * queue places given up, and every booking keeps its time and room with no name or purpose; the quota record goes.
 */
export async function forgetRoomPeople(store: Store, userId: string): Promise<void> {
  for (const b of await queryAll<BookingDoc>(store, 'bookings', { where: { bookerId: userId } })) {
    const live = LIVE_STATUSES.includes(b.status);
    await store.transaction(async (tx) => {
      const anonymous = { bookerName: '已注销用户', purpose: '' };
      if (!live) return void (await tx.update('bookings', b._id, anonymous));
      if (!(await tx.update('bookings', b._id, { ...anonymous, status: 'cancelled', cancelledBy: 'system', cancelReason: '账号已注销', counted: false }, { if: { status: b.status } }))) return;
      await releaseSlots(tx, b);
    });
  }
  for (const w of await queryAll<WaitDoc>(store, 'roomWaits', { where: { userId } })) {
    await store.update('roomWaits', w._id, { userName: '已注销用户', purpose: '', ...(w.status === 'waiting' ? { status: 'left' } : {}) });
  }
  for (const r of await queryAll<BookerDoc>(store, 'roomBookers', { where: { userId } })) await store.remove('roomBookers', r._id);
}
