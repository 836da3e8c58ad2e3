import { noticeModule } from '@shared/notice/module';
import { defineServerModule } from '../core/module';
import { noticeFunction } from './function';
import { noticeRecordsOf } from './personal-data';
import { expireNotices, publishScheduledNotices } from './schedule';
import { NOTICE_EXPORT, NOTICE_STATS } from './stats';

export const noticeServerModule = defineServerModule({
  shared: noticeModule,
  fn: noticeFunction,
  collections: {
    notices: [
      { fields: [['audience', 'asc'], ['status', 'asc'], ['publishAt', 'desc']] },
      { fields: [['communityId', 'asc'], ['updatedAt', 'desc']] },
      { fields: [['scope', 'asc'], ['updatedAt', 'desc']] },
      // The cron's queues: scheduled notices by publish time, published ones by expiry (./schedule.ts).
      { fields: [['status', 'asc'], ['publishAt', 'asc']] },
      { fields: [['status', 'asc'], ['expireAt', 'asc']] },
    ],
    noticeReads: [{ fields: [['userId', 'asc']] }],
  },
  personalData: { export: noticeRecordsOf },
  // Publishing first, so a run that comes late publishes and then expires a notice whose whole life it missed.
  jobs: [publishScheduledNotices, expireNotices],
  stats: [NOTICE_STATS],
  exports: [NOTICE_EXPORT],
});
