import type { RoundView } from '@shared/contract';
import { householdProblem, voterUnitKey } from '@shared/budget/voter-unit';
import { countableAt, phaseProblem } from '@shared/budget/phases';
import { satisfactionRate } from '@shared/budget/implementation';
import { hasRole, residentCommunity, type Caller } from '../core/caller';
import type { HandlerContext } from '../core/router';
import { markerId, roundSummary, type RoundDoc } from './records';

/** The caller's voter unit in this round, or why they have none: not a resident here, or no address for 一户一票. */
export function unitOf(caller: Caller, round: Pick<RoundDoc, 'communityId' | 'voterUnit'>): { key: string } | { problem: string } {
  const user = caller.user;
  if (!user || residentCommunity(caller) !== round.communityId || !user.residency) return { problem: '仅本社区已认证的居民可以投票' };
  if (round.voterUnit === 'household') {
    const problem = householdProblem(user.residency);
    if (problem) return { problem };
  }
  return { key: voterUnitKey(round.voterUnit, { ...user.residency, userId: user._id }) };
}

/** Why nobody can vote in this round now: the phase, or its hours. */
export function votingClosedProblem(round: RoundDoc, now: number): string | null {
  if (phaseProblem(round.phase, 'voting')) return round.phase === 'collect' || round.phase === 'review' ? '投票尚未开始' : '投票已经截止';
  if (now >= round.voteTo) return '投票已经截止';
  if (now < round.voteFrom) return '投票尚未开始';
  return null;
}

/** Why the caller cannot vote now, before looking at whether they have: the phase, the hours, who they are. */
export function votingProblem(caller: Caller, round: RoundDoc, now: number): string | null {
  const closed = votingClosedProblem(round, now);
  if (closed) return closed;
  const unit = unitOf(caller, round);
  return 'problem' in unit ? unit.problem : null;
}

export function canManage(caller: Caller, round: Pick<RoundDoc, 'communityId'>): boolean {
  return hasRole(caller, 'staff', round.communityId);
}

/** The round as the caller sees it: the running results never, the turnout always, their own unit's vote. */
export async function roundView(ctx: HandlerContext, r: RoundDoc): Promise<RoundView> {
  const unit = unitOf(ctx.caller, r);
  const [turnout, marker] = await Promise.all([
    r.phase === 'collect' || r.phase === 'review' ? 0 : ctx.store.count('budgetVoters', { roundId: r._id }),
    'key' in unit && r.phase !== 'collect' && r.phase !== 'review' ? ctx.store.get('budgetVoters', markerId(r._id, unit.key)) : null,
  ]);
  const voted = marker !== null;
  const problem = votingProblem(ctx.caller, r, ctx.now);
  // Bookkeeping stays out of the view.
  const { _id, ratingCounts, createdBy, createdAt, proposalCount, reviewedAt, ...rest } = r;
  void [_id, createdBy, createdAt, proposalCount, reviewedAt];
  return {
    ...rest,
    ...roundSummary(r),
    turnout: r.results ? r.results.voters : turnout,
    countableAt: r.closedAt === null ? null : countableAt(r.closedAt),
    satisfactionRate: satisfactionRate(ratingCounts),
    me: { voted, cannotVote: voted ? (r.voterUnit === 'household' ? '您家已经投过票了' : '您已经投过票了') : problem },
    canManage: canManage(ctx.caller, r),
  };
}
