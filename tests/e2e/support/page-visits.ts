/**
 * Every page of the app, read from `miniprogram/src/app.config.ts` (the main package and every subpackage), and how
 * the elder audit opens each: as whom, and with which query. A page added to app.config.ts without a line here
 * fails the audit with its path, so no page goes unchecked.
 */
import { dateAfter, weekdayOf } from '@shared/room/rules';
import { shanghaiDate } from '@shared/time';
import { dataAs } from './cloud';

export const XFL = 'c_xingfuli';
const RESIDENT = 'demo-resident-1';
const WISHER = 'demo-resident-4';
const HOST = 'demo-host';
const STAFF = 'demo-staff';
const ADMIN = 'demo-admin';
const ORG = 'demo-org';

/** Documents the pages show: from the demo seed, or made through the API once per run (`makeFixtures`). */
export interface Fixtures {
  noticeId: string;
  consultationId: string;
  opinionId: string;
  /** A booking of 张阿姨's and a weekly class in the 议事厅, made in the evenings a week or more ahead. */
  bookingId: string;
  seriesId: string;
}

export interface Visit {
  /** Signed in as this openid; none opens the page as a visitor. */
  as?: string;
  query?: (f: Fixtures) => string;
}

const HALL = 'r_xfl_hall';
const VOTING_ROUND = 'br_demo_voting';
const COUNTED_ROUND = 'br_demo_2025';

export const PAGE_VISITS: Record<string, Visit> = {
  'pages/home/index': { as: RESIDENT },
  'pages/consult/index': { as: RESIDENT },
  'pages/services/index': { as: RESIDENT },
  'pages/mine/index': { as: STAFF },
  'pages/not-found/index': {},
  'packages/notice/detail/index': { as: RESIDENT, query: (f) => `?id=${f.noticeId}` },
  'packages/mine/profile/index': { as: RESIDENT },
  'packages/mine/residency/index': { as: RESIDENT },
  'packages/mine/data/index': { as: RESIDENT },
  'packages/mine/inbox/index': { as: RESIDENT },
  'packages/mine/notify/index': { as: RESIDENT },
  'packages/admin/notices/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/admin/notice-edit/index': { as: STAFF, query: (f) => `?communityId=${XFL}&id=${f.noticeId}` },
  'packages/admin/residency/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/admin/outbox/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/admin/community/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/admin/members/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/admin/settings/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/admin/communities/index': { as: ADMIN },
  'packages/admin/staff/index': { as: ADMIN, query: () => `?communityId=${XFL}` },
  'packages/consultation/detail/index': { as: RESIDENT, query: (f) => `?id=${f.consultationId}` },
  'packages/consultation/host/index': { as: HOST, query: (f) => `?id=${f.consultationId}` },
  'packages/consultation/hosted/index': { as: HOST },
  'packages/consultation/create/index': { as: HOST, query: () => `?communityId=${XFL}` },
  'packages/consultation/opinions/index': { as: RESIDENT, query: () => `?communityId=${XFL}` },
  'packages/consultation/opinion/index': { as: RESIDENT, query: (f) => `?id=${f.opinionId}` },
  'packages/consultation/opinion-new/index': { as: RESIDENT, query: () => `?communityId=${XFL}` },
  'packages/consultation/staff/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/consultation/audit/index': { as: STAFF, query: (f) => `?communityId=${XFL}&id=${f.consultationId}` },
  'packages/budget/rounds/index': { as: RESIDENT },
  'packages/budget/round/index': { as: RESIDENT, query: () => `?id=${VOTING_ROUND}` },
  'packages/budget/edit/index': { as: STAFF, query: () => `?id=${VOTING_ROUND}` },
  'packages/budget/proposal/index': { as: RESIDENT, query: () => `?id=${VOTING_ROUND}_p0` },
  'packages/budget/proposal-new/index': { as: RESIDENT, query: () => `?roundId=${VOTING_ROUND}` },
  'packages/budget/ballot/index': { as: RESIDENT, query: () => `?id=${VOTING_ROUND}` },
  'packages/budget/receipt/index': { as: RESIDENT, query: () => `?id=${COUNTED_ROUND}` },
  'packages/budget/results/index': { as: RESIDENT, query: () => `?id=${COUNTED_ROUND}` },
  'packages/budget/review/index': { as: STAFF, query: () => `?id=${VOTING_ROUND}` },
  'packages/budget/staff/index': { as: STAFF, query: () => `?id=${VOTING_ROUND}` },
  'packages/wish/wall/index': { as: RESIDENT },
  'packages/wish/detail/index': { as: RESIDENT, query: () => '?id=w_demo1' },
  'packages/wish/new/index': { as: RESIDENT, query: () => `?communityId=${XFL}` },
  'packages/wish/mine/index': { as: WISHER },
  'packages/wish/points/index': { as: WISHER },
  'packages/wish/staff/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/wish/org/index': { as: ORG, query: () => `?communityId=${XFL}` },
  'packages/room/rooms/index': { as: RESIDENT },
  'packages/room/room/index': { as: RESIDENT, query: () => `?id=${HALL}` },
  'packages/room/book/index': { as: RESIDENT, query: () => `?roomId=${HALL}` },
  'packages/room/mine/index': { as: RESIDENT },
  'packages/room/booking/index': { as: RESIDENT, query: (f) => `?id=${f.bookingId}` },
  'packages/room/checkin/index': { as: RESIDENT, query: () => `?roomId=${HALL}` },
  'packages/room/suspended/index': { as: RESIDENT, query: () => `?communityId=${XFL}` },
  'packages/room/staff/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/room/staff/rooms/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/room/staff/room-edit/index': { as: STAFF, query: () => `?communityId=${XFL}&roomId=${HALL}` },
  'packages/room/staff/blackouts/index': { as: STAFF, query: () => `?communityId=${XFL}&roomId=${HALL}` },
  'packages/room/staff/poster/index': { as: STAFF, query: () => `?roomId=${HALL}` },
  'packages/room/staff/day/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/room/staff/series/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/room/staff/series-new/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/room/staff/series-detail/index': { as: STAFF, query: (f) => `?id=${f.seriesId}` },
  'packages/room/staff/proxy/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/dashboard/index/index': { as: STAFF, query: () => `?communityId=${XFL}` },
  'packages/login/index': {},
};

type AppConfig = { pages: string[]; subPackages?: { root: string; pages: string[] }[] };

/** The H5 build's pages, in app.config.ts order: the file is evaluated as Taro does, with `defineAppConfig`. */
export function appPages(): string[] {
  const g = globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig };
  g.defineAppConfig = (c) => c;
  const saved = process.env.TARO_ENV;
  process.env.TARO_ENV = 'h5';
  try {
    let config: AppConfig | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- evaluated only after defineAppConfig and TARO_ENV are set
      config = (require('../../../miniprogram/src/app.config') as { default: AppConfig }).default;
    });
    if (!config) throw new Error('读不到 miniprogram/src/app.config.ts');
    return [...config.pages, ...(config.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
  } finally {
    process.env.TARO_ENV = saved;
  }
}

/** How to open a page; a page nobody wrote down fails loudly with its path. */
export function visitFor(path: string): Visit {
  const visit = PAGE_VISITS[path];
  if (!visit) {
    throw new Error(`页面 ${path} 还没有写进 tests/e2e/support/page-visits.ts 的 PAGE_VISITS：写明用哪个账号、带什么参数打开它，长辈版检查才能覆盖这一页`);
  }
  return visit;
}

/** A notice from the demo seed, and a consultation with an opinion made through the API, as a host and a resident would. */
export async function makeFixtures(): Promise<Fixtures> {
  const feed = await dataAs<{ items: { id: string; communityId: string | null }[] }>(RESIDENT, 'notice', 'list', { communityId: XFL });
  const notice = feed.items.find((n) => n.communityId === XFL);
  if (!notice) throw new Error('演示数据里没有幸福里的公告');
  const now = Date.now();
  const consultation = await dataAs<{ id: string }>(HOST, 'consultation', 'create', {
    communityId: XFL,
    theme: '小区停车难怎么解决',
    collectFrom: now - 60_000,
    collectTo: now + 3 * 86_400_000,
  });
  const opinion = await dataAs<{ id: string }>(RESIDENT, 'consultation', 'submitOpinion', {
    communityId: XFL,
    consultationId: consultation.id,
    title: '晚上车位不够，车停到消防通道上',
    description: '建议错峰共享附近单位的车位，晚上七点到早上七点开放给居民。',
    category: '其他',
  });
  // Late evenings a week and more ahead, where the other e2e files never book the 议事厅.
  const today = shanghaiDate(now);
  const booking = await dataAs<{ id: string }>(RESIDENT, 'room', 'book', {
    roomId: HALL, date: dateAfter(today, 6), start: '20:00', end: '20:30', purpose: '楼组读书会', attendees: 8,
  });
  const firstDate = dateAfter(today, 9);
  const series = await dataAs<{ id: string }>(STAFF, 'room', 'createSeries', {
    roomId: HALL, title: '京剧兴趣班', organizer: '社区京剧社', weekday: weekdayOf(firstDate), start: '20:30', end: '21:00', every: 1, firstDate, attendees: 12,
  });
  return { noticeId: notice.id, consultationId: consultation.id, opinionId: opinion.id, bookingId: booking.id, seriesId: series.id };
}
