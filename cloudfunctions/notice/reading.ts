import type { noticeContract } from '@shared/contract';
import { audiencesFor, isVisible } from '@shared/notice/rules';
import { AppError } from '@shared/errors';
import { residentCommunity } from '../core/caller';
import type { Handler } from '../core/router';
import { DuplicateError, inc, type Filter } from '../core/store/port';
import { STREET_ID } from '../user/communities';
import { noticeSummary, noticeView, requireCategory, requireNotice, type NoticeDoc } from './records';

type C = typeof noticeContract;

/** Live notices for a reader: their community's and the street's, pinned first, newest first. */
export const list: Handler<C['list']> = async (input, ctx) => {
  requireCategory(input.category);
  const communityId = input.communityId ?? residentCommunity(ctx.caller);
  const where: Filter = {
    audience: { in: audiencesFor(communityId, STREET_ID) },
    // A scheduled notice whose time has come shows before the cron marks it published.
    status: { in: ['published', 'scheduled'] },
    publishAt: { lte: ctx.now },
    expireAt: { gt: ctx.now },
  };
  if (input.category) where.category = input.category;
  const page = await ctx.store.query<NoticeDoc>('notices', {
    where,
    // Ids begin with their creation time, so they break ties between notices published in the same instant.
    orderBy: [['pinned', 'desc'], ['publishAt', 'desc'], ['_id', 'desc']],
    limit: input.limit,
    cursor: input.cursor,
  });
  return { items: page.items.map(noticeSummary), nextCursor: page.nextCursor };
};

/**
 * Reads a notice. A signed-in reader is counted once however often they open it: the read marker's id is
 * notice + reader, so a second marker is a duplicate and the count is not raised again.
 */
export const get: Handler<C['get']> = async (input, ctx) => {
  const notice = await requireNotice(ctx.store, input.id);
  if (!isVisible(notice, ctx.now)) throw new AppError('NOT_FOUND', '公告不存在或已撤回');
  const userId = ctx.caller.user?._id;
  if (!userId) return noticeView(notice, ctx.now);
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.create('noticeReads', { _id: `${notice._id}:${userId}`, noticeId: notice._id, userId, at: ctx.now });
      await tx.update('notices', notice._id, { readCount: inc(1) });
    });
    return noticeView({ ...notice, readCount: notice.readCount + 1 }, ctx.now);
  } catch (error) {
    if (error instanceof DuplicateError) return noticeView(notice, ctx.now);
    throw error;
  }
};
