import { randomInt } from 'node:crypto';
import type { budgetContract, PublishedBallot } from '@shared/contract';
import { ballotProblem, newReceipt, RECEIPT_ALPHABET } from '@shared/budget/ballot';
import { AppError } from '@shared/errors';
import type { Handler } from '../core/router';
import { DuplicateError, type Store } from '../core/store/port';
import { unitOf, votingClosedProblem } from './access';
import { ballotId, markerId, requireRound, votesTarget, type BallotDoc, type RoundDoc } from './records';

type C = typeof budgetContract;

/** A receipt drawn with the platform's cryptographic randomness, for ballots whose app sent none (and paper ones). */
export function serverReceipt(): string {
  return newReceipt(() => randomInt(RECEIPT_ALPHABET.length) / RECEIPT_ALPHABET.length);
}

/** The words for a second ballot from the same voter unit. */
export function alreadyVoted(round: Pick<RoundDoc, 'voterUnit'>, self: boolean): string {
  if (round.voterUnit === 'household') return self ? '您家已经投过票了（一户一票），选票提交后不能更改' : '您家已有家庭成员投过票了，本轮一户一票';
  return '您已经投过票了，选票提交后不能更改';
}

/**
 * One ballot per voter unit, final once cast. In one transaction: the has-voted marker, whose id is round + unit (a
 * second ballot from the unit, however simultaneous, clashes on it, on SQLite and under CloudBase's snapshot
 * isolation alike, because the marker is the very document the decision rests on); the ballot, which names no voter;
 * and the audit entry, which says that a ballot was cast and never what it chose. Two reads (the caller and the
 * round, by the router) and three writes; the round is not written, so a thousand voters never contend. A ballot
 * racing the close is counted: the count waits until every accepted ballot has landed (`COUNT_SETTLE_MS`).
 */
export const castBallot: Handler<C['castBallot']> = async (input, ctx) => {
  const round = ctx.target;
  const closed = votingClosedProblem(round, ctx.now);
  if (closed) throw new AppError('INVALID_STATE', closed);
  const unit = unitOf(ctx.caller, round);
  if ('problem' in unit) throw new AppError('FORBIDDEN', unit.problem);
  const invalid = ballotProblem(round.ballotRule, round.budget, round.ballotProjects, input.projects);
  if (invalid) throw new AppError('VALIDATION', invalid, { projects: invalid });
  const receipt = input.receipt ?? serverReceipt();
  const projects = [...input.projects].sort();
  const ballot: BallotDoc = { _id: ballotId(round._id, receipt), roundId: round._id, receipt, projects, method: 'online' };
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.create('budgetVoters', { _id: markerId(round._id, unit.key), roundId: round._id, communityId: round.communityId, userId: ctx.caller.user!._id, method: 'online', at: ctx.now });
      await tx.create('budgetBallots', ballot);
      await ctx.audit(tx, { communityId: round.communityId, action: 'budget.castBallot', targetType: 'budgetRound', targetId: votesTarget(round._id), before: null, after: 'cast' });
    });
  } catch (error) {
    if (error instanceof DuplicateError && error.collection === 'budgetVoters') {
      // Whether it was this very person (a retry, a second phone) or someone else in the household.
      throw new AppError('CONFLICT', alreadyVoted(round, round.voterUnit === 'resident' || (await selfVoted(ctx.store, markerId(round._id, unit.key), ctx.caller.user!._id))));
    }
    if (error instanceof DuplicateError) throw new AppError('CONFLICT', '回执码重复，请重新提交');
    throw error;
  }
  return { receipt, roundId: round._id, projects };
};

async function selfVoted(store: Store, id: string, userId: string): Promise<boolean> {
  const marker = await store.get<{ _id: string; userId: string | null }>('budgetVoters', id);
  return marker?.userId === userId;
}

function published(round: RoundDoc): void {
  if (!round.results) throw new AppError('INVALID_STATE', '结果公示后才能查看选票');
  if (round.imported) throw new AppError('INVALID_STATE', '导入的测试轮次只保存结果，请查看原文件中的选票');
}

function publishedBallot(b: BallotDoc): PublishedBallot {
  return { receipt: b.receipt, projects: b.projects, method: b.method };
}

export const findBallot: Handler<C['findBallot']> = async (input, ctx) => {
  const round = await requireRound(ctx.store, input.id);
  published(round);
  const ballot = await ctx.store.get<BallotDoc>('budgetBallots', ballotId(round._id, input.receipt));
  if (!ballot) throw new AppError('NOT_FOUND', '没有找到这个回执码对应的选票，请核对后再试', { receipt: '没有找到这个回执码' });
  return publishedBallot(ballot);
};

/** The anonymous ballots, in receipt order (random, so the order says nothing about who voted when). */
export const listBallots: Handler<C['listBallots']> = async (input, ctx) => {
  const round = await requireRound(ctx.store, input.id);
  published(round);
  const page = await ctx.store.query<BallotDoc>('budgetBallots', { where: { roundId: round._id }, orderBy: [['receipt', 'asc']], limit: input.limit, cursor: input.cursor });
  return { items: page.items.map(publishedBallot), nextCursor: page.nextCursor };
};
