import type { budgetContract, PaperBallotView } from '@shared/contract';
import { ballotProblem } from '@shared/budget/ballot';
import { paperVoterKey, voterUnitKey } from '@shared/budget/voter-unit';
import { AppError } from '@shared/errors';
import { newId } from '../core/ids';
import type { Handler } from '../core/router';
import { queryAll } from '../core/store/paging';
import { DuplicateError } from '../core/store/port';
import { displayName, requireUser } from '../user/records';
import { votingClosedProblem } from './access';
import { alreadyVoted, serverReceipt } from './ballots';
import { ballotId, markerId, votesTarget, type BallotDoc, type PaperBallotDoc, type RoundDoc } from './records';

type C = typeof budgetContract;

function view(p: PaperBallotDoc, receipt: string | null = null): PaperBallotView {
  return {
    id: p._id,
    roundId: p.roundId,
    voterLabel: p.voterLabel,
    reason: p.reason,
    enteredByName: p.enteredByName,
    status: p.status,
    countersignedByName: p.countersignedByName,
    projects: p.projects,
    receipt,
    at: p.at,
  };
}

/** Whose paper ballot this is: a verified resident's account, or an address and name; and their voter unit. */
async function paperVoter(store: Parameters<typeof requireUser>[0], round: RoundDoc, input: { userId?: string; building?: string; unit?: string; name?: string }) {
  if (input.userId) {
    const person = await requireUser(store, input.userId);
    const r = person.residency;
    if (!r || r.status !== 'approved' || r.communityId !== round.communityId) throw new AppError('VALIDATION', '此人不是本社区已认证的居民', { userId: '此人不是本社区已认证的居民' });
    return { userId: person._id, label: `${r.building} ${r.unit} ${displayName(person)}`, key: voterUnitKey(round.voterUnit, { ...r, userId: person._id }) };
  }
  const who = { building: input.building!, unit: input.unit!, name: input.name! };
  const key = round.voterUnit === 'household' ? voterUnitKey('household', { userId: null, ...who }) : paperVoterKey(who);
  return { userId: null, label: `${who.building} ${who.unit} ${who.name}`, key };
}

/**
 * Staff enter a paper ballot (an elder without a phone) with the reason; it counts only once a second staff member
 * countersigns it. Until then it holds the choice, so staff can check it against the paper.
 */
export const enterPaperBallot: Handler<C['enterPaperBallot']> = async (input, ctx) => {
  const round = ctx.target;
  const closed = votingClosedProblem(round, ctx.now);
  if (closed) throw new AppError('INVALID_STATE', closed);
  const invalid = ballotProblem(round.ballotRule, round.budget, round.ballotProjects, input.projects);
  if (invalid) throw new AppError('VALIDATION', invalid, { projects: invalid });
  const voter = await paperVoter(ctx.store, round, input);
  if (await ctx.store.get('budgetVoters', markerId(round._id, voter.key))) throw new AppError('CONFLICT', alreadyVoted(round, false));
  const staff = ctx.caller.user!;
  const doc: PaperBallotDoc = {
    _id: newId('pb'),
    roundId: round._id,
    communityId: round.communityId,
    unitKey: voter.key,
    userId: voter.userId,
    voterLabel: voter.label,
    reason: input.reason,
    projects: [...input.projects].sort(),
    enteredBy: staff._id,
    enteredByName: displayName(staff),
    status: 'pending',
    countersignedBy: null,
    countersignedByName: null,
    at: ctx.now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('budgetPaperBallots', doc);
    await ctx.audit(tx, { communityId: round.communityId, action: 'budget.enterPaperBallot', targetType: 'budgetPaperBallot', targetId: doc._id, before: null, after: { voter: doc.voterLabel }, note: doc.reason });
  });
  return view(doc);
};

/**
 * A second staff member countersigns: then, in one transaction, the voter unit is marked as voted, the anonymous
 * ballot is written (voting method paper) and the entry forgets the choice. The receipt is shown once, for the slip
 * handed to the voter; nothing stored ties it to them.
 */
export const countersignPaperBallot: Handler<C['countersignPaperBallot']> = async (input, ctx) => {
  const round = ctx.target;
  const closed = votingClosedProblem(round, ctx.now);
  if (closed) throw new AppError('INVALID_STATE', closed);
  const paper = await ctx.store.get<PaperBallotDoc>('budgetPaperBallots', input.paperId);
  if (!paper || paper.roundId !== round._id) throw new AppError('NOT_FOUND', '纸质选票不存在');
  if (paper.status !== 'pending') throw new AppError('INVALID_STATE', '这张纸质选票已经复核过了');
  const staff = ctx.caller.user!;
  if (paper.enteredBy === staff._id) throw new AppError('FORBIDDEN', '复核须由录入人以外的另一位工作人员进行');
  const receipt = serverReceipt();
  const ballot: BallotDoc = { _id: ballotId(round._id, receipt), roundId: round._id, receipt, projects: paper.projects!, method: 'paper' };
  const patch = { status: 'countersigned' as const, projects: null, countersignedBy: staff._id, countersignedByName: displayName(staff) };
  try {
    await ctx.store.transaction(async (tx) => {
      if (!(await tx.update('budgetPaperBallots', paper._id, patch, { if: { status: 'pending' } }))) throw new AppError('INVALID_STATE', '这张纸质选票已经复核过了');
      await tx.create('budgetVoters', { _id: markerId(round._id, paper.unitKey), roundId: round._id, communityId: round.communityId, userId: paper.userId, method: 'paper', at: ctx.now });
      await tx.create('budgetBallots', ballot);
      await ctx.audit(tx, { communityId: round.communityId, action: 'budget.countersignPaperBallot', targetType: 'budgetPaperBallot', targetId: paper._id, before: { status: 'pending' }, after: { status: 'countersigned' } });
      await ctx.audit(tx, { communityId: round.communityId, action: 'budget.castBallot', targetType: 'budgetRound', targetId: votesTarget(round._id), before: null, after: 'cast', note: '纸质选票' });
    });
  } catch (error) {
    if (error instanceof DuplicateError && error.collection === 'budgetVoters') throw new AppError('CONFLICT', `${alreadyVoted(round, false)}，这张纸质选票不能计入`);
    throw error;
  }
  return view({ ...paper, ...patch }, receipt);
};

export const listPaperBallots: Handler<C['listPaperBallots']> = async (input, ctx) => {
  const docs = await queryAll<PaperBallotDoc>(ctx.store, 'budgetPaperBallots', { where: { roundId: input.id }, orderBy: [['at', 'desc']] });
  return docs.map((d) => view(d));
};
