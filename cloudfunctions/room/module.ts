import { roomModule } from '@shared/room/module';
import { defineServerModule } from '../core/module';
import { roomFunction } from './function';
import { ROOM_JOBS } from './jobs';
import { forgetRoomPeople, roomRecordsOf } from './personal-data';
import { BOOKING_EXPORT, ROOM_STATS, ROOM_USE_EXPORT } from './stats';

export const roomServerModule = defineServerModule({
  shared: roomModule,
  fn: roomFunction,
  collections: {
    rooms: [{ fields: [['communityId', 'asc'], ['createdAt', 'asc']] }],
    roomBlackouts: [{ fields: [['communityId', 'asc'], ['to', 'asc']] }],
    bookings: [
      // My bookings; check-in finds the caller's booking of a room whose window has opened.
      { fields: [['bookerId', 'asc'], ['status', 'asc'], ['startAt', 'asc']] },
      { fields: [['bookerId', 'asc'], ['roomId', 'asc'], ['status', 'asc'], ['checkInFrom', 'desc']] },
      // Staff: the approval queue, the day view; a blackout's clashes; a series' occurrences.
      { fields: [['communityId', 'asc'], ['status', 'asc'], ['startAt', 'asc']] },
      { fields: [['communityId', 'asc'], ['date', 'asc'], ['startAt', 'asc']] },
      { fields: [['roomId', 'asc'], ['status', 'asc'], ['startAt', 'asc']] },
      { fields: [['seriesId', 'asc'], ['startAt', 'asc']] },
      // The cron's queues: holds lapsing, no-shows, completion, pending past their start.
      { fields: [['status', 'asc'], ['holdUntil', 'asc']] },
      { fields: [['status', 'asc'], ['kind', 'asc'], ['checkInUntil', 'asc']] },
      { fields: [['status', 'asc'], ['kind', 'asc'], ['endAt', 'asc']] },
      { fields: [['status', 'asc'], ['startAt', 'asc']] },
    ],
    // The grid reads a room's (or a community's) slots by date; the ids themselves are the no-overlap proof.
    roomSlots: [{ fields: [['roomId', 'asc'], ['date', 'asc']] }, { fields: [['communityId', 'asc'], ['date', 'asc']] }],
    roomBookers: [{ fields: [['userId', 'asc']] }],
    roomQueues: [],
    roomWaits: [
      { fields: [['roomId', 'asc'], ['date', 'asc'], ['status', 'asc'], ['seq', 'asc']] },
      { fields: [['userId', 'asc'], ['createdAt', 'desc']] },
      { fields: [['status', 'asc'], ['endAt', 'asc']] },
    ],
    roomSeries: [
      { fields: [['communityId', 'asc'], ['createdAt', 'desc']] },
      { fields: [['status', 'asc'], ['confirmedUntil', 'asc']] },
    ],
  },
  personalData: { export: roomRecordsOf, erase: forgetRoomPeople },
  jobs: ROOM_JOBS,
  participation: { 'room.book': 'booking' },
  stats: [ROOM_STATS],
  exports: [BOOKING_EXPORT, ROOM_USE_EXPORT],
});
