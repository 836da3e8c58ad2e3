import { roomModule } from '@shared/room/module';
import { defineServerModule } from '../core/module';
import { roomFunction } from './function';

export const roomServerModule = defineServerModule({
  shared: roomModule,
  fn: roomFunction,
  collections: {
    rooms: [{ fields: [['communityId', 'asc'], ['createdAt', 'asc']] }],
    roomBlackouts: [{ fields: [['communityId', 'asc'], ['to', 'asc']] }],
    bookings: [],
    roomSlots: [],
    roomBookers: [],
    roomQueues: [],
    roomWaits: [],
    roomSeries: [],
  },
});
