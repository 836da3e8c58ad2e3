import type { NoticeCategory, NoticeScope, NoticeSource, NoticeSummary, NoticeView } from '@shared/contract';
import { excerpt, NEVER, noticeStatus, type StoredNoticeStatus } from '@shared/notice/rules';
import { AppError } from '@shared/errors';
import type { Store, TxStore } from '../core/store/port';
import { NOTICE_CATEGORIES } from '@shared/modules';

declare module '../core/router' {
  interface CollectionDocs {
    notices: NoticeDoc;
  }
}

export interface NoticeDoc {
  _id: string;
  /** null for a street-wide notice. */
  communityId: string | null;
  communityName: string;
  streetId: string;
  audience: string;
  scope: NoticeScope;
  category: NoticeCategory;
  title: string;
  body: string;
  images: string[];
  attachments: string[];
  pinned: boolean;
  status: StoredNoticeStatus;
  publishAt: number | null;
  expireAt: number;
  readCount: number;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
  source: NoticeSource | null;
}

export async function requireNotice(store: Store | TxStore, id: string): Promise<NoticeDoc> {
  const notice = await store.get<NoticeDoc>('notices', id);
  if (!notice) throw new AppError('NOT_FOUND', '公告不存在或已删除');
  return notice;
}

export function noticeSummary(n: NoticeDoc): NoticeSummary {
  return {
    id: n._id,
    title: n.title,
    category: n.category,
    scope: n.scope,
    communityId: n.communityId,
    communityName: n.communityName,
    pinned: n.pinned,
    publishAt: n.publishAt,
    coverFileId: n.images[0] ?? null,
    excerpt: excerpt(n.body),
  };
}

export function noticeView(n: NoticeDoc, now: number): NoticeView {
  return {
    ...noticeSummary(n),
    body: n.body,
    images: n.images,
    attachments: n.attachments,
    status: noticeStatus(n, now),
    expireAt: n.expireAt >= NEVER ? null : n.expireAt,
    readCount: n.readCount,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    source: n.source,
  };
}

/** The audit chain a notice's changes go to: its community's, or the street's for street-wide notices. */
export function auditChainOf(n: Pick<NoticeDoc, 'communityId' | 'streetId'>): string {
  return n.communityId ?? n.streetId;
}

/** A category some module declares (shared/modules.ts); anything else is refused where it was typed. */
export function requireCategory(category: string | undefined): void {
  if (category !== undefined && !NOTICE_CATEGORIES.includes(category)) {
    throw new AppError('VALIDATION', '请选择有效的分类', { category: '请选择有效的分类' });
  }
}

