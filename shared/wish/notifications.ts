import { defineEvent, type EventData, type EventSpec } from '../events';
import { formatShanghai } from '../time';

export interface WishEventData extends EventData {
  wishId: string;
  title: string;
}

interface ClaimData extends WishEventData {
  claimantName: string;
  promisedDate: number;
}

interface ReleaseData extends WishEventData {
  reason: string;
}

interface ConfirmData extends WishEventData {
  points: number;
  thanks: string;
}

const link = (d: WishEventData) => ({ module: 'wish', id: d.wishId });
const page = (d: WishEventData) => `packages/wish/detail/index?id=${d.wishId}`;

export const wishClaimed = defineEvent<ClaimData>({
  type: 'wish.claimed',
  label: '心愿被认领',
  when: '您的心愿有人认领时',
  title: () => '您的心愿有人认领了',
  body: (d) => `“${d.title}”已由${d.claimantName}认领，承诺在${formatShanghai(d.promisedDate, 'M月D日')}前完成。`,
  link,
  template: { key: 'WISH_STATUS', page, fields: (d) => ({ thing1: d.title, phrase2: '已认领', thing3: `${d.claimantName}认领` }) },
});

export const wishFulfilled = defineEvent<WishEventData>({
  type: 'wish.fulfilled',
  label: '心愿已实现',
  when: '认领人报告心愿已实现时',
  title: () => '您的心愿已实现，请确认',
  body: (d) => `认领人报告“${d.title}”已经完成，请您确认并说句谢谢。`,
  link,
  template: { key: 'WISH_STATUS', page, fields: (d) => ({ thing1: d.title, phrase2: '已实现', thing3: '请确认并致谢' }) },
});

export const wishReleased = defineEvent<ReleaseData>({
  type: 'wish.released',
  label: '认领已取消',
  when: '认领人放弃或超过承诺日期、心愿重新开放认领时',
  title: () => '您的心愿重新等待认领',
  body: (d) => `“${d.title}”的认领已取消（${d.reason}），心愿已重新开放认领。`,
  link,
  template: { key: 'WISH_STATUS', page, fields: (d) => ({ thing1: d.title, phrase2: '重新开放', thing3: d.reason }) },
});

export const wishDueSoon = defineEvent<ClaimData>({
  type: 'wish.dueSoon',
  label: '承诺日期将到',
  when: '您认领的心愿承诺日期前一天',
  title: () => '您认领的心愿快到承诺日期了',
  body: (d) => `“${d.title}”承诺在${formatShanghai(d.promisedDate, 'M月D日')}前完成，完成后请在心愿页报告。`,
  link,
  template: { key: 'WISH_STATUS', page, fields: (d) => ({ thing1: d.title, phrase2: '即将到期', thing3: `请于${formatShanghai(d.promisedDate, 'M月D日')}前完成` }) },
});

export const wishConfirmed = defineEvent<ConfirmData>({
  type: 'wish.confirmed',
  label: '心愿已完成',
  when: '您实现的心愿被确认完成时',
  title: () => '心愿已完成，感谢您的爱心',
  body: (d) => `“${d.title}”已确认完成，您获得${d.points}爱心积分。${d.thanks ? `留言：${d.thanks}` : ''}`,
  link,
  template: { key: 'WISH_STATUS', page, fields: (d) => ({ thing1: d.title, phrase2: '已完成', thing3: `获得${d.points}爱心积分` }) },
});

/** The 微心愿 events on the manifest, in the order the preferences page lists them. */
export const WISH_EVENTS: readonly EventSpec[] = [wishClaimed, wishFulfilled, wishReleased, wishDueSoon, wishConfirmed];

/** Asked for when a resident makes a wish (what happens to it) and when someone claims (the reminder, the thanks). */
export const WISHER_TEMPLATE_KEYS = ['WISH_STATUS'];
