import { wishContract } from '../contract/wish';
import { defineModule } from '../module';
import { WISH_EVENTS } from './notifications';
import { wishSettings } from './settings';
import { WISH_AUDIT_LABELS } from './timeline';

export const wishModule = defineModule({
  name: 'wish',
  contract: wishContract,
  settings: wishSettings,
  auditLabels: WISH_AUDIT_LABELS,
  events: WISH_EVENTS,
});

export { wishSettingsOf, type WishSettings } from './settings';
