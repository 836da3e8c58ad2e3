import type { BallotProjectView, ProposalView, RoundSummary } from '@shared/contract';
import type { BallotRule } from '@shared/budget/ballot';
import type { Implementation, SatisfactionLevel } from '@shared/budget/implementation';
import type { Phase } from '@shared/budget/phases';
import type { OnBehalfKind, ProposalStatus } from '@shared/budget/proposals';
import type { RoundResults, SelectionRule } from '@shared/budget/results';
import type { VoterUnit } from '@shared/budget/voter-unit';
import { AppError } from '@shared/errors';
import type { Store, TxStore } from '../core/store/port';

declare module '../core/router' {
  interface CollectionDocs {
    budgetRounds: RoundDoc;
    budgetProposals: ProposalDoc;
  }
}

export interface RoundDoc {
  _id: string;
  communityId: string;
  communityName: string;
  name: string;
  description: string;
  budget: number;
  projectCap: number;
  categories: string[];
  collectTo: number;
  voteFrom: number;
  voteTo: number;
  ballotRule: BallotRule;
  voterUnit: VoterUnit;
  selectionRule: SelectionRule;
  supportThreshold: number;
  phase: Phase;
  /** Raised by every proposal in the round's own transaction, so a proposal racing the end of 征集 conflicts with it. */
  proposalCount: number;
  /** Touched by every review, so a review racing the vote's opening conflicts with it. */
  reviewedAt: number | null;
  /** Fixed when voting opens: the eligible proposals at their reviewed cost, earliest submitted first. */
  ballotProjects: BallotProjectView[];
  closedAt: number | null;
  results: RoundResults | null;
  resultNoticeId: string | null;
  ratingCounts: Record<SatisfactionLevel, number>;
  imported: boolean;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ProposalDoc {
  _id: string;
  roundId: string;
  communityId: string;
  title: string;
  description: string;
  category: string;
  location: string;
  photos: string[];
  cost: number;
  adjustedCost: number | null;
  /** The resident who proposed it; null when staff entered it for someone (代办). */
  proposerId: string | null;
  proposerName: string;
  onBehalf: OnBehalfKind | null;
  /** Staff who entered it on someone's behalf. */
  enteredBy: string | null;
  supportCount: number;
  status: ProposalStatus;
  reviewReason: string | null;
  mergedInto: string | null;
  implementation: Implementation | null;
  ratingCounts: Record<SatisfactionLevel, number>;
  createdAt: number;
  updatedAt: number;
}

/**
 * That a voter unit has voted in a round: its id is round + unit, so a second ballot from the unit clashes on it
 * inside the ballot's own transaction. It names who voted (for the results message) and never the ballot.
 */
export interface VoterMarkerDoc {
  _id: string;
  roundId: string;
  communityId: string;
  /** Who cast it online; the paper voter's account if they have one; else null. */
  userId: string | null;
  method: 'online' | 'paper';
  at: number;
}

/**
 * A ballot, secret: its id is round + receipt, it holds no voter and no time, and its id is not time-ordered, so
 * nothing stored ties it to the marker or the audit entry written in the same transaction.
 */
export interface BallotDoc {
  _id: string;
  roundId: string;
  receipt: string;
  projects: string[];
  method: 'online' | 'paper';
}

export interface PaperBallotDoc {
  _id: string;
  roundId: string;
  communityId: string;
  unitKey: string;
  userId: string | null;
  voterLabel: string;
  reason: string;
  /** Until the countersignature; then cleared, and the choice lives only on the anonymous ballot. */
  projects: string[] | null;
  enteredBy: string;
  enteredByName: string;
  status: 'pending' | 'countersigned';
  countersignedBy: string | null;
  countersignedByName: string | null;
  at: number;
}

export interface UpdateDoc {
  _id: string;
  proposalId: string;
  roundId: string;
  text: string;
  photos: string[];
  progress: number;
  spent: number;
  at: number;
}

export const markerId = (roundId: string, unitKey: string) => `${roundId}:${unitKey}`;
export const ballotId = (roundId: string, receipt: string) => `${roundId}:${receipt}`;
export const supportId = (proposalId: string, userId: string) => `${proposalId}:${userId}`;
export const ratingId = (proposalId: string, userId: string) => `${proposalId}:${userId}`;
/** Ballot audit entries are filed under the round's votes, so the round's own timeline never reads through them. */
export const votesTarget = (roundId: string) => `${roundId}-votes`;

export const NO_RATINGS: Record<SatisfactionLevel, number> = { satisfied: 0, basic: 0, dissatisfied: 0 };

type RoundProgress = 'phase' | 'proposalCount' | 'reviewedAt' | 'ballotProjects' | 'closedAt' | 'results' | 'resultNoticeId' | 'ratingCounts' | 'imported';

/** What a new round holds before anything has happened to it: no proposals, ballot, count or ratings yet. */
export function untouchedRound(): Pick<RoundDoc, RoundProgress> {
  return { phase: 'collect', proposalCount: 0, reviewedAt: null, ballotProjects: [], closedAt: null, results: null, resultNoticeId: null, ratingCounts: { ...NO_RATINGS }, imported: false };
}

export async function requireRound(store: Store | TxStore, id: string): Promise<RoundDoc> {
  const r = await store.get<RoundDoc>('budgetRounds', id);
  if (!r) throw new AppError('NOT_FOUND', '该轮创享计划不存在');
  return r;
}

export async function requireProposal(store: Store | TxStore, id: string): Promise<ProposalDoc> {
  const p = await store.get<ProposalDoc>('budgetProposals', id);
  if (!p) throw new AppError('NOT_FOUND', '提案不存在');
  return p;
}

export function roundSummary(r: RoundDoc): RoundSummary {
  return {
    id: r._id,
    communityId: r.communityId,
    communityName: r.communityName,
    name: r.name,
    phase: r.phase,
    budget: r.budget,
    projectCap: r.projectCap,
    collectTo: r.collectTo,
    voteFrom: r.voteFrom,
    voteTo: r.voteTo,
    imported: r.imported,
    updatedAt: r.updatedAt,
  };
}

export function proposalView(p: ProposalDoc, me: { userId: string | null; supported: boolean; rated: SatisfactionLevel | null }): ProposalView {
  return {
    id: p._id,
    roundId: p.roundId,
    communityId: p.communityId,
    title: p.title,
    description: p.description,
    category: p.category,
    location: p.location,
    photos: p.photos,
    cost: p.cost,
    adjustedCost: p.adjustedCost,
    proposerName: p.proposerName,
    onBehalf: p.onBehalf,
    supportCount: p.supportCount,
    status: p.status,
    reviewReason: p.reviewReason,
    mergedInto: p.mergedInto,
    createdAt: p.createdAt,
    implementation: p.implementation,
    ratingCounts: p.ratingCounts,
    mine: me.userId !== null && me.userId === p.proposerId,
    supportedByMe: me.supported,
    ratedByMe: me.rated,
  };
}
