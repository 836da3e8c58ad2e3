import { noticeModule } from '@shared/notice/module';
import { defineServerModule } from '../core/module';
import { noticeFunction } from './function';
import { noticeRecordsOf } from './personal-data';

export const noticeServerModule = defineServerModule({
  shared: noticeModule,
  fn: noticeFunction,
  collections: {
    notices: [
      { fields: [['audience', 'asc'], ['status', 'asc'], ['publishAt', 'desc']] },
      { fields: [['communityId', 'asc'], ['updatedAt', 'desc']] },
      { fields: [['scope', 'asc'], ['updatedAt', 'desc']] },
    ],
    noticeReads: [{ fields: [['userId', 'asc']] }],
  },
  personalData: { export: noticeRecordsOf },
});
