import { implementationActions } from './implementation';
import { proposalActions } from './proposals';
import { resultActions } from './results';
import { roundActions } from './rounds';
import { votingActions } from './voting';

export type { BallotProjectView, RoundSummary, RoundTimelineEntry, RoundView } from './rounds';
export type { ProposalView } from './proposals';
export type { BallotReceipt, PaperBallotView, PublishedBallot } from './voting';
export type { FileLink, PbExport } from './results';
export type { ImplementationUpdateView } from './implementation';

/** The budget function's actions: a round, its proposals, the vote, the results and carrying out the winners. */
export const budgetContract = { ...roundActions, ...proposalActions, ...votingActions, ...resultActions, ...implementationActions };
