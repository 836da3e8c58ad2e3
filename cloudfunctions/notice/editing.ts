import type { noticeContract } from '@shared/contract';
import { checkExpiry, checkPublishAt, isVisible, NEVER, publishedStatus } from '@shared/notice/rules';
import { AppError } from '@shared/errors';
import { hasRole } from '../core/caller';
import { change } from '../core/change';
import type { Handler, HandlerContext } from '../core/router';
import type { Filter } from '../core/store/port';
import { getCommunity } from '../user/records';
import { writeNotice } from './publishing';
import { auditChainOf, noticeView, requireCategory, type NoticeDoc } from './records';

type C = typeof noticeContract;

export const create: Handler<C['create']> = async (input, ctx) => {
  if (input.scope === 'street' && !hasRole(ctx.caller, 'admin')) throw new AppError('FORBIDDEN', '仅街道管理员可以发布全街道公告');
  const { communityId, ...draft } = input;
  requireCategory(draft.category);
  if (checkExpiry(draft.expireAt, ctx.now, ctx.now) !== 'ok') throw new AppError('VALIDATION', '截止时间须晚于现在', { expireAt: '截止时间须晚于现在' });
  const community = await getCommunity(ctx.store, communityId);
  const notice = await ctx.store.transaction((tx) => writeNotice(ctx, tx, community, draft, null));
  return noticeView(notice, ctx.now);
};

export const update: Handler<C['update']> = async (input, ctx) => {
  const notice = ctx.target;
  const { id, expireAt: newExpiry, ...changes } = input;
  requireCategory(changes.category);
  const expireAt = newExpiry === undefined ? undefined : (newExpiry ?? NEVER);
  if (expireAt !== undefined && checkExpiry(expireAt, notice.publishAt ?? ctx.now, ctx.now) !== 'ok') {
    throw new AppError('VALIDATION', '截止时间须晚于发布时间', { expireAt: '截止时间须晚于发布时间' });
  }
  // Moving the expiry of a notice the cron has expired brings it back, as it always did by the clock.
  const revived = expireAt !== undefined && notice.status === 'expired' ? { status: 'published' as const } : {};
  const patch: Partial<NoticeDoc> = { ...changes, ...(expireAt !== undefined ? { expireAt } : {}), ...revived, updatedAt: ctx.now };
  return changeNotice(ctx, notice, patch, 'notice.update', { updatedAt: notice.updatedAt });
};

export const publish: Handler<C['publish']> = async (input, ctx) => {
  const notice = ctx.target;
  if (isVisible(notice, ctx.now)) throw new AppError('INVALID_STATE', '公告已发布');
  if (checkPublishAt(input.publishAt, ctx.now) === 'past') throw new AppError('VALIDATION', '发布时间不能早于现在', { publishAt: '发布时间不能早于现在' });
  const publishAt = input.publishAt ?? ctx.now;
  if (checkExpiry(notice.expireAt, publishAt, ctx.now) !== 'ok') throw new AppError('INVALID_STATE', '截止时间已过，请先修改截止时间');
  return changeNotice(ctx, notice, { status: publishedStatus(publishAt, ctx.now), publishAt, updatedAt: ctx.now }, 'notice.publish', { updatedAt: notice.updatedAt });
};

export const unpublish: Handler<C['unpublish']> = async (input, ctx) => {
  const notice = ctx.target;
  if (notice.status === 'draft' || notice.status === 'unpublished') throw new AppError('INVALID_STATE', '只有已发布的公告可以撤回');
  return changeNotice(ctx, notice, { status: 'unpublished', updatedAt: ctx.now }, 'notice.unpublish', { status: notice.status });
};

export const pin: Handler<C['pin']> = async (input, ctx) => {
  const notice = ctx.target;
  if (notice.pinned === input.pinned) return noticeView(notice, ctx.now);
  return changeNotice(ctx, notice, { pinned: input.pinned, updatedAt: ctx.now }, input.pinned ? 'notice.pin' : 'notice.unpin', { pinned: notice.pinned });
};

/** Staff read any of their notices, drafts included, without counting as a reader. */
export const getManaged: Handler<C['getManaged']> = async (_input, ctx) => noticeView(ctx.target, ctx.now);

export const listManaged: Handler<C['listManaged']> = async (input, ctx) => {
  if (input.scope === 'street' && !hasRole(ctx.caller, 'admin')) throw new AppError('FORBIDDEN', '仅街道管理员可以管理全街道公告');
  const page = await ctx.store.query<NoticeDoc>('notices', {
    where: input.scope === 'street' ? { scope: 'street' } : { communityId: input.communityId },
    orderBy: [['updatedAt', 'desc']],
    limit: input.limit,
    cursor: input.cursor,
  });
  return { items: page.items.map((n) => noticeView(n, ctx.now)), nextCursor: page.nextCursor };
};

/** A guarded change to one notice and its audit entry, together; street-wide notices are the admin's. */
async function changeNotice(ctx: HandlerContext, notice: NoticeDoc, patch: Partial<NoticeDoc>, action: string, guard: Filter) {
  if (notice.scope === 'street' && !hasRole(ctx.caller, 'admin')) throw new AppError('FORBIDDEN', '仅街道管理员可以修改全街道公告');
  const next = await change(ctx, {
    collection: 'notices',
    doc: notice,
    guard,
    patch,
    audit: { action, targetType: 'notice', communityId: auditChainOf(notice) },
    refused: () => new AppError('CONFLICT', '公告刚刚被其他人修改，请刷新后重试'),
  });
  return noticeView(next, ctx.now);
}
