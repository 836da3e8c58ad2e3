import { instantOf } from '@shared/room/rules';
import type { Client, TestCloud } from '../../tests/support/cloud';
import { dayFrom, DEMO_ROOMS, rangeInput, XFL } from '../../tests/support/room';

/**
 * 活动室 in the ops script: every room action once or more, bookings by several residents so `room.book` is a mean
 * over first and later bookings (the booker's record is created on the first), the cron's releases and offers.
 */
export async function roomSession(cloud: TestCloud, staff: Client, residents: Client[]): Promise<void> {
  const now = cloud.runtime.now();
  const day = (n: number) => dayFrom(now, n);
  const [a, b, c, d] = residents;
  const act = DEMO_ROOMS.activity;

  await a.ok('room', 'rooms', { communityId: XFL });
  await a.ok('room', 'room', { roomId: act });
  const made = await staff.ok('room', 'createRoom', {
    communityId: XFL,
    name: '跑分活动室',
    kind: '活动室',
    capacity: 10,
    facilities: [],
    photos: [],
    hours: Array.from({ length: 7 }, () => ({ open: '08:00', close: '21:00' })),
    slotMinutes: 30,
    maxMinutes: 120,
    horizonDays: 7,
    needsApproval: false,
    rules: '',
  });
  await staff.ok('room', 'updateRoom', { roomId: made.id, capacity: 12 });
  await staff.ok('room', 'resetCheckInCode', { roomId: made.id });
  await staff.ok('room', 'doorQr', { roomId: act });
  const blackout = await staff.ok('room', 'addBlackout', { communityId: XFL, roomId: made.id, kind: '装修', reason: '刷墙', from: instantOf(day(6), '08:00'), to: instantOf(day(6), '21:00') });
  await a.ok('room', 'blackouts', { communityId: XFL });
  await staff.ok('room', 'removeBlackout', { id: blackout.id });

  // Bookings: each resident's first and second, in a room booked at once and one that needs approval.
  const booked = [];
  for (const [i, who] of [a, b, c, d].entries()) {
    booked.push(await who.ok('room', 'book', rangeInput(act, day(1), `${9 + i}:00`.padStart(5, '0'), `${9 + i}:30`.padStart(5, '0'))));
    booked.push(await who.ok('room', 'book', rangeInput(DEMO_ROOMS.hall, day(2), `${9 + i}:00`.padStart(5, '0'), `${9 + i}:30`.padStart(5, '0'))));
  }
  await staff.ok('room', 'proxyBook', { ...rangeInput(act, day(1), '15:00', '16:00'), residentId: 'u_demo7' });
  await a.ok('room', 'grid', { communityId: XFL, from: day(1), days: 1 });
  await a.ok('room', 'grid', { communityId: XFL, roomId: act, from: day(1), days: 7 });
  await a.ok('room', 'booking', { id: booked[0].id });
  await a.ok('room', 'myBookings', {});
  await a.ok('room', 'myStanding', { communityId: XFL });
  await staff.ok('room', 'approvalQueue', { communityId: XFL });
  await staff.ok('room', 'dayView', { communityId: XFL, date: day(1) });
  await staff.ok('room', 'review', { id: booked[1].id, approve: true });
  await staff.ok('room', 'review', { id: booked[3].id, approve: false, reason: '当天有社区活动' });

  // The waitlist: two queue, a cancellation offers the first, who declines; the second accepts; one leaves.
  await b.ok('room', 'joinWaitlist', rangeInput(act, day(1), '09:00', '09:30'));
  await c.ok('room', 'joinWaitlist', rangeInput(act, day(1), '09:00', '09:30'));
  const leaving = await d.ok('room', 'joinWaitlist', rangeInput(act, day(1), '10:00', '10:30'));
  await d.ok('room', 'leaveWaitlist', { id: leaving.id });
  await a.ok('room', 'cancel', { id: booked[0].id });
  const offerB = (await b.ok('room', 'myWaits', {})).items.find((w) => w.status === 'offered')!;
  await b.ok('room', 'declineOffer', { id: offerB.bookingId! });
  const offerC = (await c.ok('room', 'myWaits', {})).items.find((w) => w.status === 'offered')!;
  await c.ok('room', 'acceptOffer', { id: offerC.bookingId! });

  // Check-in at the door and by staff, then the cron completes and releases.
  cloud.setNow(instantOf(day(1), '10:50'));
  await c.ok('room', 'checkIn', { roomId: act, code: '1357' });
  cloud.setNow(instantOf(day(1), '09:50'));
  await staff.ok('room', 'markCheckedIn', { id: booked[2].id });
  cloud.setNow(now);
  await cloud.tick(instantOf(day(1), '17:00'));

  // A series, confirmed for another quarter, then ended.
  const series = await staff.ok('room', 'createSeries', { roomId: act, title: '书法班', organizer: '书法协会', weekday: 3, start: '19:00', end: '20:00', every: 1, firstDate: day(1), attendees: 10 });
  await staff.ok('room', 'seriesList', { communityId: XFL });
  await staff.ok('room', 'series', { id: series.id });
  await staff.ok('room', 'confirmSeries', { id: series.id });
  await staff.ok('room', 'endSeries', { id: series.id, reason: '学期结束' });
}
