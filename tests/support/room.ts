import { dateAfter, LIVE_STATUSES, minutesOf } from '@shared/room/rules';
import { shanghaiDate } from '@shared/time';
import type { UserDoc } from '../../cloudfunctions/core/caller';
import type { Store } from '../../cloudfunctions/core/store/port';
import { queryAll } from '../../cloudfunctions/core/store/paging';
import type { BookingDoc, SlotDoc } from '../../cloudfunctions/room/records';
import { DEMO_ROOMS } from '../../local-cloud/seed-rooms';
import type { Client, TestCloud } from './cloud';

export { DEMO_ROOMS };
export const XFL = 'c_xingfuli';

/** The Shanghai date `days` after the cloud's today. */
export const dayFrom = (now: number, days: number) => dateAfter(shanghaiDate(now), days);

export function rangeInput(roomId: string, date: string, start: string, end: string, extra: Partial<{ purpose: string; attendees: number }> = {}) {
  return { roomId, date, start, end, purpose: extra.purpose ?? '邻里活动', attendees: extra.attendees ?? 5 };
}

/**
 * The whole table, swept: no two live bookings of a room overlap in time, and every live booking's slots are
 * held by it and nothing else holds a slot. Returns the live bookings for further checks.
 */
export async function sweepNoOverlap(store: Store): Promise<BookingDoc[]> {
  const bookings = await queryAll<BookingDoc>(store, 'bookings');
  const live = bookings.filter((b) => [...LIVE_STATUSES, 'completed'].includes(b.status));
  const byRoomDay = new Map<string, BookingDoc[]>();
  for (const b of live) byRoomDay.set(`${b.roomId}|${b.date}`, [...(byRoomDay.get(`${b.roomId}|${b.date}`) ?? []), b]);
  for (const list of byRoomDay.values()) {
    const sorted = [...list].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    for (let i = 1; i < sorted.length; i++) {
      const [prev, next] = [sorted[i - 1], sorted[i]];
      if (minutesOf(next.start) < minutesOf(prev.end)) throw new Error(`overlap in ${next.roomId} on ${next.date}: ${prev._id} ${prev.start}-${prev.end} and ${next._id} ${next.start}-${next.end}`);
    }
  }
  const slots = await queryAll<SlotDoc>(store, 'roomSlots');
  const holders = new Map(slots.map((s) => [s._id, s.bookingId]));
  for (const b of live) for (const id of b.slotIds) if (holders.get(id) !== b._id) throw new Error(`slot ${id} of ${b._id} is held by ${holders.get(id) ?? 'nobody'}`);
  const liveIds = new Set(live.map((b) => b._id));
  for (const s of slots) if (!liveIds.has(s.bookingId)) throw new Error(`slot ${s._id} held by ${s.bookingId}, which is not live`);
  return live;
}

/**
 * Verified residents of 幸福里 written straight into the store: the crowd tests need hundreds, and verifying each
 * through the app is tested elsewhere. Each signs in by its openid like anyone else.
 */
export async function residents(cloud: TestCloud, size: number, prefix: string): Promise<Client[]> {
  const now = Date.now();
  for (let i = 0; i < size; i++) {
    const user: UserDoc = {
      _id: `u_${prefix}_${i}`,
      openid: `${prefix}-${i}`,
      nickname: `居民${i}`,
      avatarFileId: null,
      residency: { communityId: XFL, name: `居民${i}`, building: `${(i % 9) + 1}号楼`, unit: '1单元', room: `${100 + i}`, status: 'approved', reason: null, appliedAt: now, reviewedAt: now },
      roles: [],
      admin: false,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    await cloud.store.create('users', user);
  }
  return Promise.all(Array.from({ length: size }, (_, i) => cloud.login(`${prefix}-${i}`)));
}
