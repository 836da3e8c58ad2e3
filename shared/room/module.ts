import { roomContract } from '../contract/room';
import { defineModule } from '../module';
import { ROOM_EVENTS } from './notifications';
import { roomSettings } from './settings';
import { ROOM_AUDIT_LABELS } from './timeline';

export const roomModule = defineModule({
  name: 'room',
  contract: roomContract,
  settings: roomSettings,
  auditLabels: ROOM_AUDIT_LABELS,
  events: ROOM_EVENTS,
  residentsCan: '预约活动室',
});

export { roomSettingsOf, type RoomSettings } from './settings';
