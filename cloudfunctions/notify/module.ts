import { notifyModule } from '@shared/notify/module';
import { defineServerModule } from '../core/module';
import { deliverOutboxJob } from './deliver';
import { notifyFunction } from './function';
import { forgetNotifySettings, notifyRecordsOf } from './personal-data';

export const notifyServerModule = defineServerModule({
  shared: notifyModule,
  fn: notifyFunction,
  collections: {
    // The cron's queue (not yet delivered, oldest first) and 通知发件箱 (a community's, newest first).
    outbox: [
      { fields: [['delivered', 'asc'], ['createdAt', 'asc']] },
      { fields: [['communityId', 'asc'], ['createdAt', 'desc']] },
    ],
    // Due sends, one outbox entry's sends, and a person's for the privacy export.
    subscriptionSends: [
      { fields: [['state', 'asc'], ['nextAt', 'asc']] },
      { fields: [['outboxId', 'asc'], ['state', 'asc']] },
      { fields: [['userId', 'asc']] },
    ],
    // One document per person, under their user id: read by id only.
    notifySettings: [],
  },
  personalData: { export: notifyRecordsOf, erase: forgetNotifySettings },
  jobs: [deliverOutboxJob],
});
