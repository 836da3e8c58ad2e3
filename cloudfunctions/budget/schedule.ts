import { COUNT_SETTLE_MS } from '@shared/budget/phases';
import { AppError } from '@shared/errors';
import type { Job, JobOutcome } from '../core/jobs';
import type { HandlerContext } from '../core/router';
import type { RoundDoc } from './records';
import { publishRoundResults } from './results';
import { moveRound } from './rounds';

/**
 * The round's dates, kept by the cron as the system actor: 征集 ends at `collectTo`, voting opens at `voteFrom` (once
 * every proposal is reviewed) and closes at `voteTo`, and the result is counted and published a minute after the
 * close. Each round moves under a guard on the phase it was found in, so a run repeated or racing staff changes
 * nothing twice; a round that cannot move yet (proposals still waiting for review) is left for staff.
 */
async function moveDue(ctx: HandlerContext, batch: number, phase: RoundDoc['phase'], dueBy: 'collectTo' | 'voteFrom' | 'voteTo', move: (r: RoundDoc) => Promise<unknown>): Promise<JobOutcome> {
  const due = await ctx.store.query<RoundDoc>('budgetRounds', { where: { phase, [dueBy]: { lte: ctx.now } }, orderBy: [[dueBy, 'asc'], ['_id', 'asc']], limit: batch });
  let done = 0;
  for (const r of due.items) {
    if (r.imported) continue;
    try {
      await move(r);
      done++;
    } catch (error) {
      // Not ready (staff still reviewing) or moved by someone else meanwhile: the next run, or staff, carry on.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { done, more: due.nextCursor !== null && done > 0 };
}

export const endCollectionJob: Job = { name: 'budget.endCollection', batch: 20, run: (ctx, batch) => moveDue(ctx, batch, 'collect', 'collectTo', (r) => moveRound(ctx, r, '征集截止')) };
export const openVotingJob: Job = { name: 'budget.openVoting', batch: 20, run: (ctx, batch) => moveDue(ctx, batch, 'review', 'voteFrom', (r) => moveRound(ctx, r, '按计划开始投票')) };
export const closeVotingJob: Job = { name: 'budget.closeVoting', batch: 20, run: (ctx, batch) => moveDue(ctx, batch, 'voting', 'voteTo', (r) => moveRound(ctx, r, '按计划截止投票')) };

/** Rounds closed at least a minute ago and not yet counted. */
export const publishResultsJob: Job = {
  name: 'budget.publishResults',
  batch: 5,
  run: async (ctx, batch) => {
    const due = await ctx.store.query<RoundDoc>('budgetRounds', { where: { phase: 'results', results: null, closedAt: { lte: ctx.now - COUNT_SETTLE_MS } }, orderBy: [['closedAt', 'asc'], ['_id', 'asc']], limit: batch });
    let done = 0;
    for (const r of due.items) {
      try {
        await publishRoundResults(ctx, r);
        done++;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    return { done, more: due.nextCursor !== null && done > 0 };
  },
};
