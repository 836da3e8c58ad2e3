import { formatShanghai } from '@shared/time';
import type { UserDoc } from '../core/caller';
import type { ExportSpec, StatSpec } from '../core/module';
import { pagesOf } from '../core/store/paging';
import type { Store } from '../core/store/port';
import { displayName } from './records';

/** Residents verified and applications made, folded from the residency audit entries. */
export const RESIDENT_STATS: StatSpec = {
  title: '居民认证',
  measures: [
    { key: 'residencyApplied', actions: ['residency.apply'] },
    { key: 'residencyApproved', actions: ['residency.approve'] },
  ],
  figures: [
    { key: 'applied', label: '认证申请', format: 'count', value: (m) => m.sum('residencyApplied') },
    { key: 'approved', label: '通过认证', format: 'count', value: (m) => m.sum('residencyApproved'), trend: true },
  ],
};

/** Verified residents of a community: the voter units of a 一人一票 round when it is counted. */
export function countVerifiedResidents(store: Store, communityId: string): Promise<number> {
  return store.count('users', { 'residency.communityId': communityId, 'residency.status': 'approved' });
}

const STATUS_WORDS: Record<string, string> = { pending: '待审核', approved: '已认证', rejected: '未通过' };

/**
 * Everyone who applied to live in the community and where their application stands: the name and address staff
 * check on 居民认证审核. The phone is never there: reviewing an application deletes it.
 */
export const RESIDENT_EXPORT: ExportSpec = {
  key: 'residents',
  label: '居民与认证状态',
  personal: true,
  columns: [
    { key: 'name', header: '姓名', width: 12 },
    { key: 'nickname', header: '微信昵称', width: 14 },
    { key: 'building', header: '楼栋', width: 10 },
    { key: 'unit', header: '单元', width: 10 },
    { key: 'room', header: '房号', width: 8 },
    { key: 'status', header: '认证状态', width: 10 },
    { key: 'appliedAt', header: '申请时间', width: 18 },
    { key: 'reviewedAt', header: '审核时间', width: 18 },
  ],
  async *rows(store, communityId) {
    for await (const page of pagesOf<UserDoc>(store, 'users', { where: { 'residency.communityId': communityId }, orderBy: [['residency.status', 'asc']] })) {
      yield page.map((u) => {
        const r = u.residency!;
        return {
          name: r.name ?? '',
          nickname: displayName(u),
          building: r.building,
          unit: r.unit,
          room: r.room ?? '',
          status: STATUS_WORDS[r.status] ?? r.status,
          appliedAt: formatShanghai(r.appliedAt),
          reviewedAt: r.reviewedAt ? formatShanghai(r.reviewedAt) : '',
        };
      });
    }
  },
};
