import { userModule } from '@shared/user/module';
import { defineServerModule } from '../core/module';
import { userFunction } from './function';
import { inboxRecordsOf } from './inbox';
import { eraseRoleHolders } from './roles';
import { RESIDENT_EXPORT, RESIDENT_STATS } from './stats';

export const userServerModule = defineServerModule({
  shared: userModule,
  fn: userFunction,
  collections: {
    users: [
      { fields: [['openid', 'asc']], unique: true },
      { fields: [['residency.communityId', 'asc'], ['residency.status', 'asc']] },
      // Residents by building and unit (a key prefix), and the neighbours at an applicant's flat.
      { fields: [['residency.communityId', 'asc'], ['residency.status', 'asc'], ['residency.household', 'asc']] },
      // The street admin finds a future staff member by nickname.
      { fields: [['nickname', 'asc']] },
    ],
    roleHolders: [{ fields: [['communityId', 'asc'], ['role', 'asc'], ['since', 'asc']] }],
    communities: [{ fields: [['streetId', 'asc']] }],
    inbox: [{ fields: [['userId', 'asc'], ['createdAt', 'desc']] }],
  },
  personalData: { export: inboxRecordsOf, erase: eraseRoleHolders },
  stats: [RESIDENT_STATS],
  exports: [RESIDENT_EXPORT],
});
