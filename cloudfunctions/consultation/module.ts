import { consultationModule } from '@shared/consultation/module';
import { CONSULTATION_EXPORT, CONSULTATION_STATS, SIGNUP_EXPORT } from './stats';
import { defineServerModule } from '../core/module';
import { consultationFunction } from './function';
import { consultationRecordsOf, forgetConsultationNames } from './personal-data';
import { remindTomorrowJob } from './reminders';

export const consultationServerModule = defineServerModule({
  shared: consultationModule,
  fn: consultationFunction,
  collections: {
    consultations: [
      { fields: [['communityId', 'asc'], ['updatedAt', 'desc']] },
      { fields: [['hostId', 'asc'], ['updatedAt', 'desc']] },
      { fields: [['step', 'asc'], ['updatedAt', 'desc']] },
      { fields: [['communityId', 'asc'], ['topicApproval', 'asc'], ['updatedAt', 'desc']] },
      // The day-before reminder's queue: active consultations by meeting time.
      { fields: [['state', 'asc'], ['plan.meetingAt', 'asc']] },
    ],
    opinions: [
      { fields: [['communityId', 'asc'], ['createdAt', 'desc']] },
      { fields: [['communityId', 'asc'], ['supportCount', 'desc']] },
      { fields: [['consultationId', 'asc'], ['createdAt', 'desc']] },
    ],
    opinionSupports: [{ fields: [['opinionId', 'asc']] }, { fields: [['userId', 'asc']] }],
    opinionComments: [{ fields: [['opinionId', 'asc'], ['createdAt', 'asc']] }, { fields: [['authorId', 'asc']] }],
    signups: [{ fields: [['consultationId', 'asc'], ['status', 'asc'], ['seq', 'asc']] }, { fields: [['userId', 'asc']] }],
    attendance: [{ fields: [['consultationId', 'asc'], ['at', 'asc']] }, { fields: [['userId', 'asc']] }],
    votes: [{ fields: [['consultationId', 'asc'], ['choice', 'asc']] }],
    meetingPoints: [{ fields: [['consultationId', 'asc'], ['seq', 'asc']] }],
    progressUpdates: [{ fields: [['consultationId', 'asc'], ['at', 'asc']] }],
    ratings: [{ fields: [['consultationId', 'asc']] }, { fields: [['userId', 'asc']] }],
  },
  personalData: { export: consultationRecordsOf, erase: forgetConsultationNames },
  jobs: [remindTomorrowJob],
  participation: {
    'opinion.submit': 'opinion',
    'opinion.support': 'support',
    'consultation.signUp': 'signup',
    'consultation.vote': 'vote',
    'consultation.rate': 'rating',
  },
  stats: [CONSULTATION_STATS],
  exports: [CONSULTATION_EXPORT, SIGNUP_EXPORT],
});
