import type { budgetContract, ImplementationUpdateView } from '@shared/contract';
import { statusAfter, type Implementation } from '@shared/budget/implementation';
import { AppError } from '@shared/errors';
import { change } from '../core/change';
import { newId } from '../core/ids';
import type { Handler, HandlerContext } from '../core/router';
import { DuplicateError, inc } from '../core/store/port';
import { viewFor } from './proposals';
import { ratingId, requireProposal, requireRound, type ProposalDoc, type UpdateDoc } from './records';

type C = typeof budgetContract;

function requireTracked(p: ProposalDoc): Implementation {
  if (!p.implementation) throw new AppError('INVALID_STATE', '只有入选并进入实施阶段的项目才有实施进展');
  return p.implementation;
}

function changeImplementation(ctx: HandlerContext, p: ProposalDoc, implementation: Implementation, action: string, note: string | null, also?: Parameters<typeof change<ProposalDoc>>[1]['also']) {
  return change(ctx, {
    collection: 'budgetProposals',
    doc: p,
    // Two staff updating at once: the second is told to refresh rather than overwrite the first.
    guard: { updatedAt: p.updatedAt },
    patch: { implementation, updatedAt: ctx.now },
    audit: { action: `budget.${action}`, targetType: 'budgetProposal', communityId: p.communityId, note, before: p.implementation, after: implementation },
    refused: () => new AppError('CONFLICT', '该项目的进展刚刚被其他人更新，请刷新后再试'),
    also,
  });
}

export const setMilestones: Handler<C['setMilestones']> = async (input, ctx) => {
  const p = ctx.target;
  const current = requireTracked(p);
  const done = new Map(current.milestones.map((m) => [m.title, m.done]));
  const milestones = input.milestones.map((m) => ({ ...m, done: done.get(m.title) ?? false }));
  return viewFor(ctx, await changeImplementation(ctx, p, { ...current, milestones }, 'setMilestones', null));
};

export const addImplementationUpdate: Handler<C['addImplementationUpdate']> = async (input, ctx) => {
  const p = ctx.target;
  const current = requireTracked(p);
  if (current.status === 'done') throw new AppError('INVALID_STATE', '项目已完成，不能再更新进展');
  if (input.milestoneDone !== undefined && input.milestoneDone >= current.milestones.length) throw new AppError('VALIDATION', '实施节点不存在', { milestoneDone: '实施节点不存在' });
  const status = statusAfter(input.progress, input.spent);
  const implementation: Implementation = {
    status,
    progress: input.progress,
    spent: input.spent,
    milestones: current.milestones.map((m, i) => (i === input.milestoneDone ? { ...m, done: true } : m)),
    doneAt: status === 'done' ? ctx.now : null,
  };
  const update: UpdateDoc = { _id: newId('bu'), proposalId: p._id, roundId: p.roundId, text: input.text, photos: input.photos, progress: input.progress, spent: input.spent, at: ctx.now };
  await changeImplementation(ctx, p, implementation, 'addImplementationUpdate', input.text, (tx) => tx.create('budgetUpdates', update));
  return { id: update._id, text: update.text, photos: update.photos, progress: update.progress, spent: update.spent, at: update.at };
};

export const listImplementationUpdates: Handler<C['listImplementationUpdates']> = async (input, ctx) => {
  const page = await ctx.store.query<UpdateDoc>('budgetUpdates', { where: { proposalId: input.id }, orderBy: [['at', 'asc']], limit: 100 });
  return page.items.map(({ _id, text, photos, progress, spent, at }): ImplementationUpdateView => ({ id: _id, text, photos, progress, spent, at }));
};

/** Once per resident, on a finished project; the round's satisfaction rate counts every winner's ratings. */
export const rateProject: Handler<C['rateProject']> = async (input, ctx) => {
  const p = ctx.target;
  const user = ctx.caller.user!;
  if (p.implementation?.status !== 'done') throw new AppError('INVALID_STATE', '项目完成后才能评价');
  const round = await requireRound(ctx.store, p.roundId);
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.create('budgetRatings', { _id: ratingId(p._id, user._id), proposalId: p._id, roundId: p.roundId, userId: user._id, level: input.level, at: ctx.now });
      await tx.update('budgetProposals', p._id, { [`ratingCounts.${input.level}`]: inc(1) });
      await tx.update('budgetRounds', round._id, { [`ratingCounts.${input.level}`]: inc(1) });
      await ctx.audit(tx, { communityId: p.communityId, action: 'budget.rateProject', targetType: 'budgetProposal', targetId: p._id, before: null, after: input.level });
    });
  } catch (error) {
    if (error instanceof DuplicateError) throw new AppError('CONFLICT', '您已经评价过了');
    throw error;
  }
  return viewFor(ctx, await requireProposal(ctx.store, p._id));
};
