import type { CommentView, consultationContract, OpinionView } from '@shared/contract';
import { ROLE_LABELS } from '@shared/contract';
import { collectingProblem } from '@shared/consultation/collection';
import { AppError } from '@shared/errors';
import { roleIn } from '../core/caller';
import { newId } from '../core/ids';
import type { Handler, HandlerContext } from '../core/router';
import { queryAll } from '../core/store/paging';
import { DuplicateError, inc, type Filter } from '../core/store/port';
import { displayName } from '../user/records';
import { opinionView, requireConsultation, requireOpinion, supportId, type OpinionDoc } from './records';

type C = typeof consultationContract;

async function viewOf(ctx: HandlerContext, o: OpinionDoc, supported?: boolean): Promise<OpinionView> {
  const userId = ctx.caller.user?._id ?? null;
  const mine = supported ?? (userId ? !!(await ctx.store.get('opinionSupports', supportId(o._id, userId))) : false);
  return opinionView(o, { userId, supported: mine });
}

export const submitOpinion: Handler<C['submitOpinion']> = async (input, ctx) => {
  const user = ctx.caller.user!;
  const consultation = input.consultationId ? await requireConsultation(ctx.store, input.consultationId) : null;
  if (consultation) {
    if (consultation.communityId !== input.communityId) throw new AppError('VALIDATION', '该议事不属于这个社区', { consultationId: '该议事不属于这个社区' });
    const closed = collectingProblem(consultation, ctx.now);
    if (closed) throw new AppError('INVALID_STATE', closed);
  }
  const opinion: OpinionDoc = {
    _id: newId('op'),
    communityId: input.communityId,
    consultationId: consultation?._id ?? null,
    authorId: user._id,
    authorName: displayName(user),
    title: input.title,
    description: input.description,
    category: input.category,
    photos: input.photos,
    supportCount: 0,
    commentCount: 0,
    tags: [],
    mergedInto: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('opinions', opinion);
    if (consultation) await tx.update('consultations', consultation._id, { opinionCount: inc(1) });
    await ctx.audit(tx, { communityId: opinion.communityId, action: 'opinion.submit', targetType: 'opinion', targetId: opinion._id, before: null, after: { title: opinion.title, consultationId: opinion.consultationId } });
  });
  return opinionView(opinion, { userId: user._id, supported: false });
};

export const listOpinions: Handler<C['listOpinions']> = async (input, ctx) => {
  const where: Filter = { communityId: input.communityId, mergedInto: null };
  if (input.consultationId) where.consultationId = input.consultationId;
  else if (input.unlinked) where.consultationId = null;
  const page = await ctx.store.query<OpinionDoc>('opinions', {
    where,
    orderBy: input.sort === 'support' ? [['supportCount', 'desc'], ['createdAt', 'desc']] : [['createdAt', 'desc']],
    limit: input.limit,
    cursor: input.cursor,
  });
  const userId = ctx.caller.user?._id ?? null;
  const supported = userId
    ? await Promise.all(page.items.map((o) => ctx.store.get('opinionSupports', supportId(o._id, userId))))
    : page.items.map(() => null);
  return { items: page.items.map((o, i) => opinionView(o, { userId, supported: !!supported[i] })), nextCursor: page.nextCursor };
};

export const getOpinion: Handler<C['getOpinion']> = async (input, ctx) => {
  const opinion = await requireOpinion(ctx.store, input.id);
  const comments = await ctx.store.query<CommentView & { _id: string }>('opinionComments', { where: { opinionId: opinion._id }, orderBy: [['createdAt', 'asc']], limit: 100 });
  return {
    opinion: await viewOf(ctx, opinion),
    comments: comments.items.map(({ _id, authorName, authorRole, body, createdAt }) => ({ id: _id, authorName, authorRole, body, createdAt })),
  };
};

/** 附议: one per resident, made exact by the support's id being opinion + resident. */
export const support: Handler<C['support']> = async (input, ctx) => {
  const opinion = ctx.target;
  if (opinion.mergedInto) throw new AppError('INVALID_STATE', '该意见已合并到其他意见，请到合并后的意见附议');
  const userId = ctx.caller.user!._id;
  // 附议 counts other residents who share the concern; the author already counts as its voice.
  if (opinion.authorId === userId) throw new AppError('FORBIDDEN', '不能附议自己提的意见');
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.create('opinionSupports', { _id: supportId(opinion._id, userId), opinionId: opinion._id, userId, at: ctx.now });
      await tx.update('opinions', opinion._id, { supportCount: inc(1) });
      // On record like every 附议 to a 创享计划 proposal: the dashboard counts it as taking part.
      await ctx.audit(tx, { communityId: opinion.communityId, action: 'opinion.support', targetType: 'opinion', targetId: opinion._id, before: null, after: { supportCount: opinion.supportCount + 1 } });
    });
  } catch (error) {
    if (error instanceof DuplicateError) throw new AppError('CONFLICT', '您已附议过这条意见');
    throw error;
  }
  return opinionView({ ...opinion, supportCount: opinion.supportCount + 1 }, { userId, supported: true });
};

export const withdrawSupport: Handler<C['withdrawSupport']> = async (input, ctx) => {
  const opinion = ctx.target;
  const userId = ctx.caller.user!._id;
  const removed = await ctx.store.transaction(async (tx) => {
    if (!(await tx.remove('opinionSupports', supportId(opinion._id, userId)))) return false;
    await tx.update('opinions', opinion._id, { supportCount: inc(-1) });
    return true;
  });
  if (!removed) throw new AppError('INVALID_STATE', '您还没有附议这条意见');
  return opinionView({ ...opinion, supportCount: opinion.supportCount - 1 }, { userId, supported: false });
};

export const comment: Handler<C['comment']> = async (input, ctx) => {
  const opinion = ctx.target;
  const user = ctx.caller.user!;
  const role = roleIn(ctx.caller, opinion.communityId);
  const doc = {
    _id: newId('cm'),
    opinionId: opinion._id,
    authorId: user._id,
    authorName: displayName(user),
    authorRole: ROLE_LABELS[role],
    body: input.body,
    createdAt: ctx.now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.create('opinionComments', doc);
    await tx.update('opinions', opinion._id, { commentCount: inc(1) });
  });
  return { id: doc._id, authorName: doc.authorName, authorRole: doc.authorRole, body: doc.body, createdAt: doc.createdAt };
};

export const tagOpinion: Handler<C['tagOpinion']> = async (input, ctx) => {
  const opinion = ctx.target;
  const tags = [...new Set(input.tags)];
  await ctx.store.transaction(async (tx) => {
    await tx.update('opinions', opinion._id, { tags, updatedAt: ctx.now });
    await ctx.audit(tx, { communityId: opinion.communityId, action: 'opinion.tag', targetType: 'opinion', targetId: opinion._id, before: opinion.tags, after: tags });
  });
  return viewOf(ctx, { ...opinion, tags });
};

/**
 * Folds duplicates into one opinion. Their supporters move with them, each counted once even if they
 * supported several of the merged opinions; the duplicates stay readable, pointing at the survivor.
 */
export const mergeOpinions: Handler<C['mergeOpinions']> = async (input, ctx) => {
  const keeper = ctx.target;
  if (keeper.mergedInto) throw new AppError('INVALID_STATE', '这条意见已被合并，请选择合并后的意见');
  const duplicates = await Promise.all([...new Set(input.duplicateIds)].filter((id) => id !== keeper._id).map((id) => requireOpinion(ctx.store, id)));
  if (!duplicates.length) throw new AppError('VALIDATION', '请选择其他意见进行合并', { duplicateIds: '请选择其他意见进行合并' });
  for (const d of duplicates) {
    if (d.communityId !== keeper.communityId) throw new AppError('VALIDATION', '只能合并同一社区的意见', { duplicateIds: '只能合并同一社区的意见' });
    if (d.mergedInto) throw new AppError('INVALID_STATE', `“${d.title}”已被合并过`);
  }
  for (const d of duplicates) {
    const supports = await queryAll<{ _id: string; userId: string; at: number }>(ctx.store, 'opinionSupports', { where: { opinionId: d._id }, orderBy: [['at', 'asc']] });
    // Whoever wrote the surviving opinion does not become its supporter by having supported a duplicate.
    for (const s of supports.filter((x) => x.userId !== keeper.authorId)) {
      try {
        await ctx.store.create('opinionSupports', { _id: supportId(keeper._id, s.userId), opinionId: keeper._id, userId: s.userId, at: s.at, mergedFrom: d._id });
      } catch (error) {
        if (!(error instanceof DuplicateError)) throw error;
      }
    }
  }
  // Counted afresh rather than added, so a supporter of both is not counted twice.
  const supportCount = await ctx.store.count('opinionSupports', { opinionId: keeper._id });
  await ctx.store.transaction(async (tx) => {
    for (const d of duplicates) await tx.update('opinions', d._id, { mergedInto: keeper._id, updatedAt: ctx.now });
    await tx.update('opinions', keeper._id, { supportCount, updatedAt: ctx.now });
    await ctx.audit(tx, { communityId: keeper.communityId, action: 'opinion.merge', targetType: 'opinion', targetId: keeper._id, before: { supportCount: keeper.supportCount }, after: { supportCount, merged: duplicates.map((d) => d._id) } });
  });
  return viewOf(ctx, { ...keeper, supportCount });
};
