import { contract } from '@shared/contract';
import { defineFunction } from '../core/router';
import { castBallot, findBallot, listBallots } from './ballots';
import { addImplementationUpdate, listImplementationUpdates, rateProject, setMilestones } from './implementation';
import { exportExcel } from './excel';
import { exportPb, importPb } from './pabulib';
import { countersignPaperBallot, enterPaperBallot, listPaperBallots } from './paper';
import { editProposal, getProposal, listProposals, mergeProposals, reviewProposal, submitProposal, supportProposal, withdrawSupport } from './proposals';
import { publishResults } from './results';
import { advanceRound, createRound, getRound, listRounds, roundTimeline, updateRound } from './rounds';

export const budgetFunction = defineFunction('budget', contract.budget, {
  createRound,
  updateRound,
  listRounds,
  getRound,
  advanceRound,
  roundTimeline,
  submitProposal,
  editProposal,
  listProposals,
  getProposal,
  supportProposal,
  withdrawSupport,
  reviewProposal,
  mergeProposals,
  castBallot,
  enterPaperBallot,
  countersignPaperBallot,
  listPaperBallots,
  findBallot,
  listBallots,
  publishResults,
  exportPb,
  exportExcel,
  importPb,
  setMilestones,
  addImplementationUpdate,
  listImplementationUpdates,
  rateProject,
});
