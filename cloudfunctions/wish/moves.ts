import type { wishContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import { award } from '@shared/wish/ledger';
import { wishClaimed, wishConfirmed, wishFulfilled, wishReleased } from '@shared/wish/notifications';
import { claimProblem, endOfDay } from '@shared/wish/rules';
import { calendarDaysBetween } from '@shared/time';
import { hasRole } from '../core/caller';
import type { Handler, HandlerContext } from '../core/router';
import type { TxStore } from '../core/store/port';
import { notify } from '../notify/notify';
import { displayName } from '../user/records';
import { closeForWisher, moveWish, settingsOf, viewFor } from './access';
import { orgId, requireMove, type LedgerDoc, type OrgDoc, type WishDoc } from './records';
import { refuse } from './submitting';

type C = typeof wishContract;

const about = (w: WishDoc) => ({ communityId: w.communityId, wishId: w._id, title: w.title });

export const review: Handler<C['review']> = async (input, ctx) => {
  const wish = ctx.target;
  if (input.approve) {
    requireMove(wish, 'approve');
    return viewFor(ctx, await moveWish(ctx, wish, 'approve', { publishedAt: ctx.now }));
  }
  requireMove(wish, 'reject');
  const reason = input.reason ?? '';
  const next = await moveWish(ctx, wish, 'reject', { rejectReason: reason }, { note: reason, also: (tx) => closeForWisher(tx, wish) });
  return viewFor(ctx, next);
};

export const withdraw: Handler<C['withdraw']> = async (_input, ctx) => {
  const wish = ctx.target;
  requireMove(wish, 'withdraw');
  return viewFor(ctx, await moveWish(ctx, wish, 'withdraw', {}, { also: (tx) => closeForWisher(tx, wish) }));
};

/**
 * Exactly one claim wins however many arrive at once: the wish moves from published to claimed under a guard on
 * its state, in one transaction with its audit entry and the wisher's message. The losers are told 已被认领.
 * Three reads (the caller, the wish, the community's settings) and three writes (the wish, the audit entry, the
 * outbox entry); the wisher's inbox item is written by the cron's delivery, within five minutes, so a rush of
 * volunteers costs no more than that.
 */
export const claim: Handler<C['claim']> = async (input, ctx) => {
  const wish = ctx.target;
  const user = ctx.caller.user!;
  const settings = await settingsOf(ctx.store, wish.communityId);
  const problem = claimProblem(wish, { userId: user._id, eligible: true }, input.promisedDate, settings, ctx.now);
  if (problem) refuse(problem);
  const resident = hasRole(ctx.caller, 'resident', wish.communityId);
  const claimantName = resident ? displayName(user) : await orgName(ctx, wish.communityId, user._id);
  const claim = { claimantName, claimantKind: resident ? ('resident' as const) : ('org' as const), promisedDate: input.promisedDate, claimedAt: ctx.now };
  const next = await moveWish(ctx, wish, 'claim', { claimantId: user._id, claim, claimDueAt: endOfDay(input.promisedDate) }, {
    guard: { status: 'published' },
    also: async (tx) => {
      if (wish.wisherId) await notify({ now: ctx.now }, tx, wishClaimed.with({ ...about(wish), claimantName, promisedDate: input.promisedDate }), [wish.wisherId]);
    },
  });
  return viewFor(ctx, next);
};

async function orgName(ctx: HandlerContext, communityId: string, userId: string): Promise<string> {
  const org = await ctx.store.get<OrgDoc>('orgs', orgId(communityId, userId));
  return org?.orgName ?? displayName(ctx.caller.user);
}

/** The claimant gives up (or staff take the claim back): the wish is open to others again, and the wisher is told. */
export const release: Handler<C['release']> = async (input, ctx) => {
  const wish = ctx.target;
  requireMove(wish, 'release');
  const reason = input.reason || (wish.claimantId === ctx.caller.user!._id ? '认领人放弃认领' : '社区工作者取消了认领');
  const next = await moveWish(ctx, wish, 'release', { claimantId: null, claim: null, claimDueAt: null, fulfilment: null }, {
    guard: { status: 'claimed', claimantId: wish.claimantId },
    note: reason,
    also: (tx) => tellReleased(ctx, tx, wish, reason),
  });
  return viewFor(ctx, next);
};

export async function tellReleased(ctx: { now: number }, tx: TxStore, wish: WishDoc, reason: string): Promise<void> {
  if (wish.wisherId) await notify(ctx, tx, wishReleased.with({ ...about(wish), reason }), [wish.wisherId]);
}

export const fulfil: Handler<C['fulfil']> = async (input, ctx) => {
  const wish = ctx.target;
  if (wish.claimantId !== ctx.caller.user!._id) throw new AppError('FORBIDDEN', '只有认领人可以报告心愿已实现');
  requireMove(wish, 'fulfil');
  const fulfilment = { note: input.note, photos: input.photos, at: ctx.now };
  const next = await moveWish(ctx, wish, 'fulfil', { fulfilment }, {
    guard: { status: 'claimed', claimantId: wish.claimantId },
    facts: { days: calendarDaysBetween(wish.createdAt, ctx.now) },
    also: async (tx) => {
      if (wish.wisherId) await notify(ctx, tx, wishFulfilled.with(about(wish)), [wish.wisherId]);
    },
  });
  return viewFor(ctx, next);
};

/** The wisher (or staff, for them) confirms and thanks; the claimant's 爱心积分 are awarded here and only here. */
export const confirm: Handler<C['confirm']> = async (input, ctx) => {
  const wish = ctx.target;
  requireMove(wish, 'confirm');
  const by = wish.wisherId === ctx.caller.user!._id ? ('wisher' as const) : ('staff' as const);
  return viewFor(ctx, await confirmWish(ctx, wish, 'confirm', { by, thanks: input.thanks, note: null, at: ctx.now }));
};

/** 代办: staff call the resident, hear it is done, and close the wish with a note of the call. */
export const confirmByPhone: Handler<C['confirmByPhone']> = async (input, ctx) => {
  const wish = ctx.target;
  requireMove(wish, 'confirmByPhone');
  return viewFor(ctx, await confirmWish(ctx, wish, 'confirmByPhone', { by: 'phone', thanks: '', note: input.note, at: ctx.now }));
};

/**
 * Confirmation and the award land together. The award's id is the wish's, and the move is guarded on the state
 * seen, so two confirmations at once award once.
 */
async function confirmWish(ctx: HandlerContext, wish: WishDoc, move: 'confirm' | 'confirmByPhone', confirmation: NonNullable<WishDoc['confirmation']>): Promise<WishDoc> {
  const claim = wish.claim;
  if (!claim || !wish.claimantId) throw new AppError('INVALID_STATE', '这个心愿还没有人认领');
  const claimantId = wish.claimantId;
  const { pointsPerWish } = await settingsOf(ctx.store, wish.communityId);
  return moveWish(ctx, wish, move, { confirmation, claimDueAt: null }, {
    guard: { status: wish.status, claimantId },
    note: confirmation.note,
    facts: { points: pointsPerWish },
    also: async (tx) => {
      const entry = award({ userId: claimantId, name: claim.claimantName, communityId: wish.communityId, wishId: wish._id, household: wish.household, points: pointsPerWish, at: ctx.now, note: null });
      const { id, ...rest } = entry;
      await tx.create<LedgerDoc>('lovePoints', { _id: id, ...rest, title: wish.title });
      await closeForWisher(tx, wish);
      await notify(ctx, tx, wishConfirmed.with({ ...about(wish), points: pointsPerWish, thanks: confirmation.thanks }), [claimantId]);
    },
  });
}
