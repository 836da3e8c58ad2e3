import type { budgetContract, ProposalView } from '@shared/contract';
import { proposalReviewed } from '@shared/budget/notifications';
import { phaseProblem } from '@shared/budget/phases';
import { costProblem, editProblem, reviewProblem } from '@shared/budget/proposals';
import { AppError } from '@shared/errors';
import { change } from '../core/change';
import { hasRole } from '../core/caller';
import { newId } from '../core/ids';
import type { Handler, HandlerContext } from '../core/router';
import { applyPatch } from '../core/store/documents';
import { queryAll } from '../core/store/paging';
import { DuplicateError, inc, type Filter, type Patch, type TxStore } from '../core/store/port';
import { notify } from '../notify/notify';
import { displayName } from '../user/records';
import { NO_RATINGS, proposalView, ratingId, requireProposal, requireRound, supportId, type ProposalDoc, type RoundDoc } from './records';

type C = typeof budgetContract;

/** The proposal as the caller sees it: whether they proposed, 附议'd or rated it (two reads by id at most). */
export async function viewFor(ctx: HandlerContext, p: ProposalDoc): Promise<ProposalView> {
  const userId = ctx.caller.user?._id ?? null;
  const [support, rating] = userId
    ? await Promise.all([ctx.store.get('budgetSupports', supportId(p._id, userId)), p.implementation?.status === 'done' ? ctx.store.get<{ _id: string; level: ProposalView['ratedByMe'] }>('budgetRatings', ratingId(p._id, userId)) : null])
    : [null, null];
  return proposalView(p, { userId, supported: !!support, rated: rating?.level ?? null });
}

function categoryProblem(round: RoundDoc, category: string): Record<string, string> | null {
  return round.categories.includes(category) ? null : { category: `请选择本轮的类别：${round.categories.join('、')}` };
}

export const submitProposal: Handler<C['submitProposal']> = async (input, ctx) => {
  const round = ctx.target;
  const problem = phaseProblem(round.phase, 'collect');
  if (problem) throw new AppError('INVALID_STATE', '提案征集已经结束');
  const user = ctx.caller.user!;
  const staff = hasRole(ctx.caller, 'staff', round.communityId);
  if (input.onBehalf && !staff) throw new AppError('FORBIDDEN', '只有社区工作者可以代办提案');
  if (!input.onBehalf && !hasRole(ctx.caller, 'resident', round.communityId)) {
    throw new AppError('VALIDATION', '工作人员代办时请填写提案人', { 'onBehalf.name': '请填写提案人姓名或组织名称' });
  }
  const category = categoryProblem(round, input.category);
  if (category) throw new AppError('VALIDATION', category.category, category);
  const cost = costProblem(input.cost, round);
  if (cost) throw new AppError('VALIDATION', cost, { cost });
  const proposal: ProposalDoc = {
    _id: newId('bp'),
    roundId: round._id,
    communityId: round.communityId,
    title: input.title,
    description: input.description,
    category: input.category,
    location: input.location,
    photos: input.photos,
    cost: input.cost,
    adjustedCost: null,
    proposerId: input.onBehalf ? null : user._id,
    proposerName: input.onBehalf ? input.onBehalf.name : displayName(user),
    onBehalf: input.onBehalf?.kind ?? null,
    enteredBy: input.onBehalf ? user._id : null,
    supportCount: 0,
    status: 'submitted',
    reviewReason: null,
    mergedInto: null,
    implementation: null,
    ratingCounts: { ...NO_RATINGS },
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.store.transaction(async (tx) => {
    // Written under the round's phase: a proposal racing the end of 征集 conflicts with it instead of slipping in.
    if (!(await tx.update('budgetRounds', round._id, { proposalCount: inc(1) }, { if: { phase: 'collect' } }))) throw new AppError('INVALID_STATE', '提案征集已经结束');
    await tx.create('budgetProposals', proposal);
    await ctx.audit(tx, {
      communityId: round.communityId,
      action: 'budget.submitProposal',
      targetType: 'budgetProposal',
      targetId: proposal._id,
      before: null,
      after: { title: proposal.title, cost: proposal.cost, onBehalf: proposal.onBehalf },
      note: proposal.onBehalf ? `代办：${proposal.proposerName}` : null,
    });
  });
  return viewFor(ctx, proposal);
};

/** Changes a proposal while it is still as the caller saw it, with its audit entry. */
function changeProposal(
  ctx: HandlerContext,
  p: ProposalDoc,
  patch: Patch,
  record: { action: string; note?: string | null; before?: unknown; after?: unknown },
  options: { guard?: Filter; also?: (tx: TxStore, next: ProposalDoc) => Promise<void> } = {},
): Promise<ProposalDoc> {
  const fullPatch = { ...patch, updatedAt: ctx.now };
  return change(ctx, {
    collection: 'budgetProposals',
    doc: p,
    guard: options.guard ?? { status: p.status },
    patch: fullPatch,
    audit: { action: `budget.${record.action}`, targetType: 'budgetProposal', communityId: p.communityId, note: record.note ?? null, ...('before' in record ? { before: record.before } : {}), ...('after' in record ? { after: record.after } : {}) },
    refused: (now) => (now ? new AppError('INVALID_STATE', '操作未生效：该提案刚刚被其他人更新，请刷新后再试') : new AppError('NOT_FOUND', '提案不存在')),
    also: options.also,
  });
}

export const editProposal: Handler<C['editProposal']> = async (input, ctx) => {
  const p = ctx.target;
  const round = await requireRound(ctx.store, p.roundId);
  const problem = editProblem(round.phase, p.status);
  if (problem) throw new AppError('INVALID_STATE', problem);
  const { id, ...changes } = input;
  void id;
  const patch = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  if (patch.category !== undefined) {
    const category = categoryProblem(round, patch.category as string);
    if (category) throw new AppError('VALIDATION', category.category, category);
  }
  if (patch.cost !== undefined) {
    const cost = costProblem(patch.cost as number, round);
    if (cost) throw new AppError('VALIDATION', cost, { cost });
  }
  if (!Object.keys(patch).length) return viewFor(ctx, p);
  const next = await changeProposal(ctx, p, patch, { action: 'editProposal' }, { guard: { status: 'submitted' } });
  return viewFor(ctx, next);
};

export const listProposals: Handler<C['listProposals']> = async (input, ctx) => {
  const where = { roundId: input.roundId, ...(input.status ? { status: input.status } : {}) };
  const page = await ctx.store.query<ProposalDoc>('budgetProposals', { where, orderBy: [['createdAt', 'asc']], limit: input.limit, cursor: input.cursor });
  const userId = ctx.caller.user?._id ?? null;
  const supported = userId ? await Promise.all(page.items.map((p) => ctx.store.get('budgetSupports', supportId(p._id, userId)))) : [];
  return { items: page.items.map((p, i) => proposalView(p, { userId, supported: !!supported[i], rated: null })), nextCursor: page.nextCursor };
};

export const getProposal: Handler<C['getProposal']> = async (input, ctx) => viewFor(ctx, await requireProposal(ctx.store, input.id));

/** 附议 while the proposal can still gather support (征集 and 审核), once per resident (the support's id is proposal + person). */
export const supportProposal: Handler<C['supportProposal']> = async (_input, ctx) => {
  const p = ctx.target;
  const user = ctx.caller.user!;
  if (p.status !== 'submitted' && p.status !== 'eligible') throw new AppError('INVALID_STATE', '该提案不能再附议');
  if (p.proposerId === user._id) throw new AppError('INVALID_STATE', '不能附议自己的提案');
  const round = await requireRound(ctx.store, p.roundId);
  if (round.phase !== 'collect' && round.phase !== 'review') throw new AppError('INVALID_STATE', '投票开始后不能再附议');
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.create('budgetSupports', { _id: supportId(p._id, user._id), proposalId: p._id, roundId: p.roundId, userId: user._id, at: ctx.now });
      await tx.update('budgetProposals', p._id, { supportCount: inc(1) });
      await ctx.audit(tx, { communityId: p.communityId, action: 'budget.supportProposal', targetType: 'budgetProposal', targetId: p._id, before: null, after: 'supported' });
    });
  } catch (error) {
    if (error instanceof DuplicateError) throw new AppError('CONFLICT', '您已经附议过了');
    throw error;
  }
  return viewFor(ctx, await requireProposal(ctx.store, p._id));
};

export const withdrawSupport: Handler<C['withdrawSupport']> = async (_input, ctx) => {
  const p = ctx.target;
  const user = ctx.caller.user!;
  const round = await requireRound(ctx.store, p.roundId);
  if (round.phase !== 'collect' && round.phase !== 'review') throw new AppError('INVALID_STATE', '投票开始后不能再撤回附议');
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.remove('budgetSupports', supportId(p._id, user._id)))) throw new AppError('INVALID_STATE', '您还没有附议');
    await tx.update('budgetProposals', p._id, { supportCount: inc(-1) });
    await ctx.audit(tx, { communityId: p.communityId, action: 'budget.withdrawSupport', targetType: 'budgetProposal', targetId: p._id, before: 'supported', after: null });
  });
  return viewFor(ctx, await requireProposal(ctx.store, p._id));
};

export const reviewProposal: Handler<C['reviewProposal']> = async (input, ctx) => {
  const p = ctx.target;
  const round = await requireRound(ctx.store, p.roundId);
  const problem = reviewProblem(input.verdict, p, round);
  if (problem) throw new AppError('INVALID_STATE', problem);
  const adjustedCost = input.verdict === 'eligible' ? (input.adjustedCost ?? null) : null;
  const cost = input.verdict === 'eligible' ? costProblem(adjustedCost ?? p.cost, round) : null;
  if (cost) throw new AppError('VALIDATION', `${cost}，请填写调整后的费用`, { adjustedCost: cost });
  const patch = { status: input.verdict, reviewReason: input.reason || null, adjustedCost };
  const next = await changeProposal(ctx, p, patch, { action: 'reviewProposal', note: input.reason || null }, {
    // Reviews happen before voting: a review racing the vote's opening conflicts with it on the round.
    guard: { status: p.status, supportCount: { gte: input.verdict === 'eligible' ? round.supportThreshold : 0 } },
    also: async (tx) => {
      if (!(await tx.update('budgetRounds', round._id, { reviewedAt: ctx.now }, { if: { phase: { in: ['collect', 'review'] } } }))) throw new AppError('INVALID_STATE', '投票开始后不能再审核提案');
      if (p.proposerId) {
        await notify(ctx, tx, proposalReviewed.with({ communityId: p.communityId, roundId: round._id, roundName: round.name, proposalId: p._id, title: p.title, verdict: input.verdict, reason: input.reason }), [p.proposerId]);
      }
    },
  });
  return viewFor(ctx, next);
};

/** Duplicates are merged into this proposal: they leave the ballot, and their supporters support this one, counted once. */
export const mergeProposals: Handler<C['mergeProposals']> = async (input, ctx) => {
  const p = ctx.target;
  const round = await requireRound(ctx.store, p.roundId);
  if (round.phase !== 'collect' && round.phase !== 'review') throw new AppError('INVALID_STATE', '投票开始后不能再合并提案');
  if (p.status === 'merged') throw new AppError('INVALID_STATE', '该提案已合并到其他提案');
  const ids = [...new Set(input.duplicateIds)].filter((id) => id !== p._id);
  const duplicates = await Promise.all(ids.map((id) => requireProposal(ctx.store, id)));
  for (const d of duplicates) {
    if (d.roundId !== p.roundId) throw new AppError('VALIDATION', `「${d.title}」不是本轮的提案`, { duplicateIds: '只能合并本轮的提案' });
    if (d.status === 'merged') throw new AppError('INVALID_STATE', `「${d.title}」已经合并过了`);
  }
  const supporters = new Set<string>();
  for (const d of duplicates) {
    for (const s of await queryAll<{ _id: string; userId: string }>(ctx.store, 'budgetSupports', { where: { proposalId: d._id } })) supporters.add(s.userId);
    // The duplicate's proposer supports the merged proposal too.
    if (d.proposerId) supporters.add(d.proposerId);
  }
  supporters.delete(p.proposerId ?? '');
  const next = await changeProposal(ctx, p, {}, { action: 'mergeProposals', before: null, after: { merged: ids } }, {
    guard: { status: p.status },
    also: async (tx, next) => {
      let added = 0;
      for (const d of duplicates) {
        if (!(await tx.update('budgetProposals', d._id, { status: 'merged', mergedInto: p._id, updatedAt: ctx.now }, { if: { status: d.status } }))) {
          throw new AppError('INVALID_STATE', `「${d.title}」刚刚被其他人更新，请刷新后再试`);
        }
      }
      for (const userId of supporters) {
        if (await tx.get('budgetSupports', supportId(p._id, userId))) continue;
        await tx.create('budgetSupports', { _id: supportId(p._id, userId), proposalId: p._id, roundId: p.roundId, userId, at: ctx.now });
        added++;
      }
      if (added) await tx.update('budgetProposals', p._id, { supportCount: inc(added) });
      next.supportCount += added;
    },
  });
  return viewFor(ctx, applyPatch(next, {}));
};
