import { wishModule } from '@shared/wish/module';
import { defineServerModule } from '../core/module';
import { wishFunction } from './function';
import { WISH_JOBS } from './jobs';
import { forgetWishPeople, wishRecordsOf } from './personal-data';
import { WISH_EXPORT, WISH_STATS } from './stats';

export const wishServerModule = defineServerModule({
  shared: wishModule,
  fn: wishFunction,
  collections: {
    wishes: [
      // The wall, with and without a category filter.
      { fields: [['communityId', 'asc'], ['status', 'asc'], ['publishedAt', 'desc']] },
      { fields: [['communityId', 'asc'], ['category', 'asc'], ['status', 'asc'], ['publishedAt', 'desc']] },
      // Staff's lists.
      { fields: [['communityId', 'asc'], ['createdAt', 'desc']] },
      { fields: [['communityId', 'asc'], ['status', 'asc'], ['createdAt', 'asc']] },
      // My wishes, my claims.
      { fields: [['wisherId', 'asc'], ['createdAt', 'desc']] },
      { fields: [['claimantId', 'asc'], ['updatedAt', 'desc']] },
      // The cron's queues: claims by when they lapse, open wishes by deadline.
      { fields: [['status', 'asc'], ['claimDueAt', 'asc']] },
      { fields: [['status', 'asc'], ['deadline', 'asc']] },
    ],
    wishers: [],
    lovePoints: [
      { fields: [['userId', 'asc'], ['at', 'desc']] },
      { fields: [['communityId', 'asc'], ['month', 'asc']] },
    ],
    orgs: [
      { fields: [['communityId', 'asc'], ['appliedAt', 'desc']] },
      { fields: [['userId', 'asc'], ['appliedAt', 'desc']] },
    ],
  },
  personalData: { export: wishRecordsOf, erase: forgetWishPeople },
  jobs: WISH_JOBS,
  participation: { 'wish.submit': 'wish', 'wish.claim': 'claim' },
  stats: [WISH_STATS],
  exports: [WISH_EXPORT],
});
