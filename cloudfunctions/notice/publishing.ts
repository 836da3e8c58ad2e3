import type { NoticeCategory, NoticeScope, NoticeSource } from '@shared/contract';
import { audienceOf, NEVER, publishedStatus } from '@shared/notice/rules';
import { newId } from '../core/ids';
import type { HandlerContext } from '../core/router';
import type { TxStore } from '../core/store/port';
import { STREET_ID } from '../user/communities';
import type { CommunityDoc } from '../user/records';
import { auditChainOf, type NoticeDoc } from './records';

export interface NoticeDraft {
  scope: NoticeScope;
  category: NoticeCategory;
  title: string;
  body: string;
  images?: string[];
  attachments?: string[];
  pinned?: boolean;
  expireAt?: number | null;
  source?: NoticeSource | null;
}

/**
 * Writes a new notice inside the caller's transaction. Staff drafts and the notices that workflows publish
 * (a consultation's 协商公告 and 结果公示) are all made here, so they share one shape and one audit trail.
 */
export async function writeNotice(
  ctx: HandlerContext,
  tx: TxStore,
  community: Pick<CommunityDoc, '_id' | 'name' | 'streetId'>,
  draft: NoticeDraft,
  publishAt: number | null,
): Promise<NoticeDoc> {
  const streetId = community.streetId ?? STREET_ID;
  const notice: NoticeDoc = {
    _id: newId('n'),
    communityId: draft.scope === 'street' ? null : community._id,
    communityName: draft.scope === 'street' ? '全街道' : community.name,
    streetId,
    audience: audienceOf(draft.scope, community._id, streetId),
    scope: draft.scope,
    category: draft.category,
    title: draft.title,
    body: draft.body,
    images: draft.images ?? [],
    attachments: draft.attachments ?? [],
    pinned: draft.pinned ?? false,
    status: publishAt === null ? 'draft' : publishedStatus(publishAt, ctx.now),
    publishAt,
    expireAt: draft.expireAt ?? NEVER,
    readCount: 0,
    createdBy: ctx.caller.user?._id ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    source: draft.source ?? null,
  };
  await tx.create('notices', notice);
  await ctx.audit(tx, {
    communityId: auditChainOf(notice),
    action: publishAt === null ? 'notice.create' : 'notice.publish',
    targetType: 'notice',
    targetId: notice._id,
    before: null,
    after: { status: notice.status, title: notice.title, publishAt },
  });
  return notice;
}

/** Publishes a notice on behalf of a workflow, now. Used by other modules inside their own transaction. */
export function publishNotice(
  ctx: HandlerContext,
  tx: TxStore,
  community: Pick<CommunityDoc, '_id' | 'name' | 'streetId'>,
  draft: Omit<NoticeDraft, 'scope'>,
): Promise<NoticeDoc> {
  return writeNotice(ctx, tx, community, { ...draft, scope: 'community' }, ctx.now);
}
