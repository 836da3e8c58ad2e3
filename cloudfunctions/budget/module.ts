import { budgetModule } from '@shared/budget/module';
import { defineServerModule } from '../core/module';
import { budgetFunction } from './function';
import { budgetRecordsOf, forgetBudgetNames } from './personal-data';
import { BALLOT_EXPORT, BUDGET_STATS, PROPOSAL_EXPORT } from './stats';
import { closeVotingJob, endCollectionJob, openVotingJob, publishResultsJob } from './schedule';

export const budgetServerModule = defineServerModule({
  shared: budgetModule,
  fn: budgetFunction,
  collections: {
    budgetRounds: [
      { fields: [['communityId', 'asc'], ['updatedAt', 'desc']] },
      { fields: [['communityId', 'asc'], ['phase', 'asc'], ['updatedAt', 'desc']] },
      { fields: [['phase', 'asc'], ['updatedAt', 'desc']] },
      // The cron's queues: rounds by phase and the date that moves them on.
      { fields: [['phase', 'asc'], ['collectTo', 'asc']] },
      { fields: [['phase', 'asc'], ['voteFrom', 'asc']] },
      { fields: [['phase', 'asc'], ['voteTo', 'asc']] },
      { fields: [['phase', 'asc'], ['results', 'asc'], ['closedAt', 'asc']] },
    ],
    budgetProposals: [
      { fields: [['roundId', 'asc'], ['createdAt', 'asc']] },
      { fields: [['roundId', 'asc'], ['status', 'asc'], ['createdAt', 'asc']] },
      { fields: [['proposerId', 'asc']] },
    ],
    budgetSupports: [{ fields: [['proposalId', 'asc']] }, { fields: [['roundId', 'asc']] }, { fields: [['userId', 'asc']] }],
    // Has-voted markers, one per voter unit and round (by id): the turnout counts them.
    budgetVoters: [{ fields: [['roundId', 'asc']] }, { fields: [['userId', 'asc']] }],
    // Anonymous ballots, by id round + receipt; listed in receipt order.
    budgetBallots: [{ fields: [['roundId', 'asc'], ['receipt', 'asc']] }],
    budgetPaperBallots: [{ fields: [['roundId', 'asc'], ['at', 'desc']] }, { fields: [['userId', 'asc']] }],
    budgetUpdates: [{ fields: [['proposalId', 'asc'], ['at', 'asc']] }],
    budgetRatings: [{ fields: [['proposalId', 'asc']] }, { fields: [['userId', 'asc']] }],
  },
  personalData: { export: budgetRecordsOf, erase: forgetBudgetNames },
  jobs: [endCollectionJob, openVotingJob, closeVotingJob, publishResultsJob],
  participation: {
    'budget.submitProposal': 'opinion',
    'budget.supportProposal': 'support',
    'budget.castBallot': 'vote',
    'budget.rateProject': 'rating',
  },
  stats: [BUDGET_STATS],
  exports: [PROPOSAL_EXPORT, BALLOT_EXPORT],
});
