import { formatShanghai } from '@shared/time';
import type { ExportSpec, StatSpec } from '../core/module';
import { when } from '../core/stats';
import { pagesOf, queryAll } from '../core/store/paging';
import type { NoticeDoc } from './records';

/** Published notices; their readers change without an audit entry, so the cron samples them (`samples`). */
export const NOTICE_STATS: StatSpec = {
  title: '公告',
  measures: [
    // Published at once, or later by the cron when a scheduled notice's time comes.
    { key: 'noticePublished', actions: ['notice.publish'], value: when('status', 'published') },
    { key: 'noticePublished', actions: ['notice.goLive'] },
  ],
  samples: [
    {
      key: 'noticeReaders',
      // The unique readers of each notice the community published in the month, as counted so far.
      async values(store, communityId, from, to) {
        const notices = await queryAll<NoticeDoc>(store, 'notices', {
          where: { audience: communityId, status: { in: ['published', 'expired'] }, publishAt: { gte: from, lt: to } },
          orderBy: [['publishAt', 'desc']],
        });
        return notices.map((n) => n.readCount);
      },
    },
  ],
  figures: [
    { key: 'published', label: '发布公告', format: 'count', value: (m) => m.sum('noticePublished'), trend: true },
    { key: 'medianReaders', label: '每条公告阅读人数（中位数）', format: 'decimal', value: (m) => m.median('noticeReaders'), note: '登录后打开过的不同居民，每人只计一次' },
  ],
};

const STATUS_WORDS: Record<string, string> = { draft: '草稿', scheduled: '定时发布', published: '已发布', expired: '已过期', unpublished: '已撤回' };

/** The community's notices with their unique readers. */
export const NOTICE_EXPORT: ExportSpec = {
  key: 'notices',
  label: '公告与阅读人数',
  personal: false,
  columns: [
    { key: 'publishAt', header: '发布时间', width: 18 },
    { key: 'category', header: '类别', width: 10 },
    { key: 'title', header: '标题', width: 36 },
    { key: 'status', header: '状态', width: 10 },
    { key: 'pinned', header: '置顶', width: 6 },
    { key: 'readers', header: '阅读人数', width: 10 },
  ],
  async *rows(store, communityId) {
    for await (const page of pagesOf<NoticeDoc>(store, 'notices', { where: { communityId }, orderBy: [['updatedAt', 'desc']] })) {
      yield page.map((n) => ({
        publishAt: n.publishAt ? formatShanghai(n.publishAt) : '',
        category: n.category,
        title: n.title,
        status: STATUS_WORDS[n.status] ?? n.status,
        pinned: n.pinned ? '是' : '',
        readers: n.readCount,
      }));
    }
  },
};
