import { userModule } from '@shared/user/module';
import { defineServerModule } from '../core/module';
import { userFunction } from './function';
import { inboxRecordsOf } from './inbox';

export const userServerModule = defineServerModule({
  shared: userModule,
  fn: userFunction,
  collections: {
    users: [{ fields: [['openid', 'asc']], unique: true }, { fields: [['residency.communityId', 'asc'], ['residency.status', 'asc']] }],
    communities: [{ fields: [['streetId', 'asc']] }],
    inbox: [{ fields: [['userId', 'asc'], ['createdAt', 'desc']] }],
  },
  personalData: { export: inboxRecordsOf },
});
