/**
 * Half a year of everyday life for the staff dashboard: each month a few 微心愿 go from the wish to the thanks in
 * 幸福里 and 和平, and staff publish a notice; the neighbours rate the 创享计划 projects finished last year. Made through the real actions on a clock moved back month by month, so
 * the audit entries the dashboard folds are the app's own; then the dashboard's fold runs once, so the figures show
 * on first start rather than at the first timer run.
 */
import type { NoticeView, WishView } from '@shared/contract';
import { DAY_MS } from '@shared/time';
import { SEALING_WINDOW_MS } from '../cloudfunctions/core/audit';
import type { Store } from '../cloudfunctions/core/store/port';
import type { ProposalDoc } from '../cloudfunctions/budget/records';
import { FOLD_BATCH, foldOnce } from '../cloudfunctions/dashboard/fold';
import { demoActions, type Call } from './demo-activity';

const XFL = 'c_xingfuli';
const HEPING = 'c_heping';
const [ZHANG, LIU, CHEN, ZHAO] = ['demo-resident-1', 'demo-resident-2', 'demo-resident-3', 'demo-resident-4'];
const STAFF = 'demo-staff';
const HEPING_STAFF = 'demo-staff-heping';
const WU = 'demo-resident-heping';
const ORG = 'demo-org';

const MONTHS = 6;

/** One month's wishes: who wishes, who claims, and how many days the claimant takes. */
const PLAN: { wisher: string; claimant: string; title: string; category: string; days: number }[][] = [
  [{ wisher: ZHANG, claimant: LIU, title: '想请人帮忙换个灯泡', category: '维修帮忙', days: 2 }],
  [
    { wisher: CHEN, claimant: ZHAO, title: '想学用手机视频通话', category: '助老服务', days: 5 },
    { wisher: ZHANG, claimant: ORG, title: '冬天想要一个暖手宝', category: '生活用品', days: 3 },
  ],
  [{ wisher: ZHAO, claimant: LIU, title: '孩子想要一本字典', category: '学习用品', days: 4 }],
  [
    { wisher: ZHANG, claimant: CHEN, title: '阳台晾衣架坏了想修一修', category: '维修帮忙', days: 1 },
    { wisher: LIU, claimant: ORG, title: '想要一副老花镜', category: '生活用品', days: 6 },
  ],
  [{ wisher: CHEN, claimant: ZHAO, title: '想请人陪着去银行', category: '助老服务', days: 2 }],
  [{ wisher: LIU, claimant: ZHANG, title: '想请人帮忙搬个柜子', category: '维修帮忙', days: 3 }],
];

async function wishThrough(call: Call, at: (t: number) => void, start: number, w: (typeof PLAN)[number][number]): Promise<void> {
  at(start);
  const made = await call<WishView>(w.wisher, 'wish', 'submit', { communityId: XFL, name: '邻居', phone: '13800000000', title: w.title, category: w.category, estimatedValue: 50, deadline: start + 20 * DAY_MS });
  at(start + 3 * 3600_000);
  await call(STAFF, 'wish', 'review', { id: made.id, approve: true });
  at(start + DAY_MS);
  await call(w.claimant, 'wish', 'claim', { id: made.id, promisedDate: start + (w.days + 2) * DAY_MS });
  at(start + w.days * DAY_MS);
  await call(w.claimant, 'wish', 'fulfil', { id: made.id, note: '已经办好了', photos: [] });
  at(start + (w.days + 1) * DAY_MS);
  await call(w.wisher, 'wish', 'confirm', { id: made.id, thanks: '谢谢邻居！' });
}

/** The neighbours rate the 2025 round's finished projects in the weeks after they were done. */
async function rateFinishedProjects(store: Store, call: Call, at: (t: number) => void, now: number): Promise<void> {
  const { items } = await store.query<ProposalDoc>('budgetProposals', { where: { communityId: XFL }, limit: 100 });
  const done = items.filter((p) => p.implementation?.status === 'done');
  const levels = ['satisfied', 'satisfied', 'basic', 'dissatisfied'];
  for (const p of done) {
    for (const [i, who] of [ZHANG, LIU, CHEN, ZHAO].entries()) {
      at(now - (20 - i * 4) * DAY_MS);
      await call(who, 'budget', 'rateProject', { id: p._id, level: levels[i] });
    }
  }
}

export async function seedMonths(store: Store, now: number): Promise<void> {
  const { call, at } = demoActions(store, now);
  for (let back = MONTHS; back >= 1; back -= 1) {
    const monthStart = now - back * 30 * DAY_MS;
    for (const [i, w] of PLAN[MONTHS - back].entries()) await wishThrough(call, at, monthStart + i * 7 * DAY_MS, w);
    at(monthStart + 10 * DAY_MS);
    await call<NoticeView>(STAFF, 'notice', 'create', { communityId: XFL, category: '活动', title: `第${MONTHS - back + 1}期邻里茶话会`, body: '欢迎居民来社区活动室喝茶聊天。' });
    // 和平: staff record 吴奶奶's neighbour's wish by phone (代办), and 吴奶奶 helps.
    at(monthStart + 12 * DAY_MS);
    const proxy = await call<WishView>(HEPING_STAFF, 'wish', 'proxySubmit', { communityId: HEPING, name: '郑爷爷', building: '2号楼', address: '1单元101', phone: '13800000009', title: '想请人帮忙取药', category: '助老服务', estimatedValue: 0, deadline: monthStart + 30 * DAY_MS });
    at(monthStart + 13 * DAY_MS);
    await call(WU, 'wish', 'claim', { id: proxy.id, promisedDate: monthStart + 15 * DAY_MS });
    at(monthStart + 14 * DAY_MS);
    await call(WU, 'wish', 'fulfil', { id: proxy.id, note: '药已送到', photos: [] });
    await call(HEPING_STAFF, 'wish', 'confirmByPhone', { id: proxy.id, note: '电话回访，郑爷爷说已收到' });
  }
  await rateFinishedProjects(store, call, at, now);
  at(now);
  // What the timer would fold in its first run, folded now.
  while ((await foldOnce(store, now + SEALING_WINDOW_MS, FOLD_BATCH)) === FOLD_BATCH);
}
