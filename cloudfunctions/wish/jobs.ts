import { wishDueSoon } from '@shared/wish/notifications';
import { REMIND_BEFORE_MS } from '@shared/wish/rules';
import type { Job, JobOutcome } from '../core/jobs';
import type { HandlerContext } from '../core/router';
import { notified, notify } from '../notify/notify';
import { closeForWisher } from './access';
import { tellReleased } from './moves';
import type { WishDoc } from './records';

const LAPSE_REASON = '超过承诺日期未完成';

/**
 * A claim whose promised day is over goes back on the wall, and the wisher is told. Each wish in its own
 * transaction, guarded on the claim the query found, so a run repeated or overlapping another releases once.
 */
export async function releaseOverdueClaims(ctx: HandlerContext, batch: number): Promise<JobOutcome> {
  const due = await ctx.store.query<WishDoc>('wishes', { where: { status: 'claimed', claimDueAt: { lte: ctx.now } }, orderBy: [['claimDueAt', 'asc'], ['_id', 'asc']], limit: batch });
  let done = 0;
  for (const wish of due.items) {
    const moved = await ctx.store.transaction(async (tx) => {
      const patch = { status: 'published', claimantId: null, claim: null, claimDueAt: null, fulfilment: null, updatedAt: ctx.now };
      if (!(await tx.update('wishes', wish._id, patch, { if: { status: 'claimed', claimantId: wish.claimantId, claimDueAt: { lte: ctx.now } } }))) return false;
      await ctx.audit(tx, { communityId: wish.communityId, action: 'wish.lapse', targetType: 'wish', targetId: wish._id, note: LAPSE_REASON, before: { status: 'claimed' }, after: { status: 'published' } });
      await tellReleased(ctx, tx, wish, LAPSE_REASON);
      return true;
    });
    if (moved) done++;
  }
  return { done, more: due.nextCursor !== null };
}

/** A wish nobody took up by its deadline (or that was never reviewed by then) expires, and stops counting against its wisher. */
export async function expireWishes(ctx: HandlerContext, batch: number): Promise<JobOutcome> {
  const due = await ctx.store.query<WishDoc>('wishes', { where: { status: { in: ['submitted', 'published'] }, deadline: { lte: ctx.now } }, orderBy: [['deadline', 'asc'], ['_id', 'asc']], limit: batch });
  let done = 0;
  for (const wish of due.items) {
    const moved = await ctx.store.transaction(async (tx) => {
      if (!(await tx.update('wishes', wish._id, { status: 'expired', updatedAt: ctx.now }, { if: { status: wish.status, deadline: { lte: ctx.now } } }))) return false;
      await ctx.audit(tx, { communityId: wish.communityId, action: 'wish.expire', targetType: 'wish', targetId: wish._id, before: { status: wish.status }, after: { status: 'expired' } });
      await closeForWisher(tx, wish);
      return true;
    });
    if (moved) done++;
  }
  return { done, more: due.nextCursor !== null };
}

/** The reminder's outbox id: one per claim, so running every five minutes reminds once, and a new claim anew. */
export const dueSoonId = (w: Pick<WishDoc, '_id' | 'claim'>) => `wd:${w._id}:${w.claim!.claimedAt.toString(36)}`;

/** A day before a claim's promised day ends, the claimant hears about it once. */
export async function remindClaimants(ctx: HandlerContext, batch: number): Promise<JobOutcome> {
  const due = await ctx.store.query<WishDoc>('wishes', {
    where: { status: 'claimed', claimDueAt: { gt: ctx.now, lte: ctx.now + REMIND_BEFORE_MS } },
    orderBy: [['claimDueAt', 'asc'], ['_id', 'asc']],
    limit: batch,
  });
  let done = 0;
  for (const wish of due.items) {
    if (!wish.claim || !wish.claimantId) continue;
    const id = dueSoonId(wish);
    if (await notified(ctx.store, id)) continue;
    const event = wishDueSoon.with({ communityId: wish.communityId, wishId: wish._id, title: wish.title, claimantName: wish.claim.claimantName, promisedDate: wish.claim.promisedDate });
    if (await ctx.store.transaction((tx) => notify(ctx, tx, event, [wish.claimantId!], { id }))) done++;
  }
  return { done, more: due.nextCursor !== null };
}

// Releasing first, so a claim that lapsed past the wish's deadline expires in the same run.
export const WISH_JOBS: readonly Job[] = [
  { name: 'wish.releaseOverdue', batch: 50, run: releaseOverdueClaims },
  { name: 'wish.expire', batch: 50, run: expireWishes },
  { name: 'wish.remindClaimants', batch: 50, run: remindClaimants },
];
