import { rate } from '@shared/dashboard/rollup';
import { formatShanghai } from '@shared/time';
import { WISH_STATUS_LABELS } from '@shared/wish/rules';
import type { ExportSpec, StatSpec } from '../core/module';
import { recorded } from '../core/stats';
import { pagesOf } from '../core/store/paging';
import type { WishDoc } from './records';

const CONFIRMED = ['wish.confirm', 'wish.confirmByPhone'];

/** 微心愿 on the staff dashboard, folded from the wishes' audit entries. */
export const WISH_STATS: StatSpec = {
  title: '微心愿',
  measures: [
    { key: 'wishSubmitted', actions: ['wish.submit', 'wish.proxySubmit'] },
    { key: 'wishFulfilled', actions: ['wish.fulfil'] },
    // Whole Shanghai days from the wish being made to the claimant's report (recorded on the entry by `fulfil`).
    { key: 'wishFulfilDays', actions: ['wish.fulfil'], value: (e) => recorded(e, 'days'), distribution: true },
    { key: 'wishConfirmed', actions: CONFIRMED },
    { key: 'wishPoints', actions: CONFIRMED, value: (e) => recorded(e, 'points') },
    // A correction takes the award back in the month it is made.
    { key: 'wishPoints', actions: ['wish.correctPoints'], value: (e) => -(recorded(e, 'points', 'before') ?? 0) },
  ],
  figures: [
    { key: 'submitted', label: '提交心愿', format: 'count', value: (m) => m.sum('wishSubmitted'), trend: true },
    { key: 'fulfilled', label: '已实现', format: 'count', value: (m) => m.sum('wishFulfilled'), trend: true },
    { key: 'confirmed', label: '已完成（确认感谢）', format: 'count', value: (m) => m.sum('wishConfirmed'), trend: true },
    { key: 'fulfilRate', label: '实现数/提交数', format: 'percent', value: (m) => rate(m.sum('wishFulfilled'), m.sum('wishSubmitted')), note: '同期实现的心愿可能是更早提交的' },
    { key: 'medianDays', label: '实现用时中位数', format: 'days', value: (m) => m.median('wishFulfilDays'), note: '从提交到认领人报告实现' },
    { key: 'points', label: '发放爱心积分', format: 'count', value: (m) => m.sum('wishPoints') },
  ],
};

const at = (ts: number | null | undefined) => (ts ? formatShanghai(ts) : '');

/** Every wish of the community, with the wisher's contact: staff see it on the desk already. */
export const WISH_EXPORT: ExportSpec = {
  key: 'wishes',
  label: '微心愿',
  personal: true,
  columns: [
    { key: 'id', header: '编号', width: 24 },
    { key: 'createdAt', header: '提交时间', width: 18 },
    { key: 'status', header: '状态', width: 10 },
    { key: 'category', header: '类别', width: 10 },
    { key: 'title', header: '心愿', width: 30 },
    { key: 'name', header: '心愿人', width: 10 },
    { key: 'building', header: '楼栋', width: 10 },
    { key: 'address', header: '门牌', width: 12 },
    { key: 'phone', header: '电话', width: 14 },
    { key: 'proxy', header: '代办', width: 6 },
    { key: 'value', header: '估计价值（元）', width: 14, numFmt: '#,##0' },
    { key: 'claimant', header: '认领人', width: 14 },
    { key: 'promised', header: '承诺日期', width: 12 },
    { key: 'fulfilledAt', header: '实现时间', width: 18 },
    { key: 'confirmedAt', header: '完成时间', width: 18 },
  ],
  async *rows(store, communityId) {
    for await (const page of pagesOf<WishDoc>(store, 'wishes', { where: { communityId }, orderBy: [['createdAt', 'desc']] })) {
      yield page.map((w) => ({
        id: w._id,
        createdAt: at(w.createdAt),
        status: WISH_STATUS_LABELS[w.status],
        category: w.category,
        title: w.title,
        name: w.name,
        building: w.building,
        address: w.address,
        phone: w.phone,
        proxy: w.proxyBy ? '是' : '',
        value: w.estimatedValue,
        claimant: w.claim?.claimantName ?? '',
        promised: w.claim?.promisedDate ?? '',
        fulfilledAt: at(w.fulfilment?.at),
        confirmedAt: at(w.confirmation?.at),
      }));
    }
  },
};
