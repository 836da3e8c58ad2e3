import type { ErrorCode } from '../errors';
import { DAY_MS, formatShanghai, startOfShanghaiDay } from '../time';
import type { WishSettings } from './settings';

/**
 * A wish's life (DOMAIN §1): submitted (待审核) → published (可认领) → claimed (已认领) → fulfilled (已实现) →
 * confirmed (已完成), with the branches rejected, withdrawn, expired, and a claim released back to published.
 */
export type WishStatus = 'submitted' | 'published' | 'claimed' | 'fulfilled' | 'confirmed' | 'rejected' | 'withdrawn' | 'expired';

export const WISH_STATUSES: readonly WishStatus[] = ['submitted', 'published', 'claimed', 'fulfilled', 'confirmed', 'rejected', 'withdrawn', 'expired'];

export const WISH_STATUS_LABELS: Record<WishStatus, string> = {
  submitted: '待审核',
  published: '可认领',
  claimed: '已认领',
  fulfilled: '已实现',
  confirmed: '已完成',
  rejected: '未通过',
  withdrawn: '已撤回',
  expired: '已过期',
};

/** A wish still counts against its wisher's limit until it is done or closed. */
export const OPEN_STATUSES: readonly WishStatus[] = ['submitted', 'published', 'claimed', 'fulfilled'];

/** Visitors and volunteers see a wish once staff have published it; before that, and after a refusal, it is private. */
export const PUBLIC_STATUSES: readonly WishStatus[] = ['published', 'claimed', 'fulfilled', 'confirmed'];

export function isOpen(status: WishStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function isPublic(status: WishStatus): boolean {
  return PUBLIC_STATUSES.includes(status);
}

/** Everything that moves a wish, and the states it may move from. */
export type WishMove = 'approve' | 'reject' | 'withdraw' | 'claim' | 'release' | 'fulfil' | 'confirm' | 'confirmByPhone' | 'expire';

export const MOVES: Record<WishMove, { from: readonly WishStatus[]; to: WishStatus; label: string }> = {
  approve: { from: ['submitted'], to: 'published', label: '审核通过' },
  reject: { from: ['submitted'], to: 'rejected', label: '不予通过' },
  // Once someone has taken it on, the wisher talks to them (or to staff) instead of pulling it away.
  withdraw: { from: ['submitted', 'published'], to: 'withdrawn', label: '撤回' },
  claim: { from: ['published'], to: 'claimed', label: '认领' },
  release: { from: ['claimed'], to: 'published', label: '放弃认领' },
  fulfil: { from: ['claimed'], to: 'fulfilled', label: '报告完成' },
  confirm: { from: ['fulfilled'], to: 'confirmed', label: '确认完成' },
  // Staff may close a 代办 wish on the elder's word on the phone, whether or not the claimant reported first.
  confirmByPhone: { from: ['claimed', 'fulfilled'], to: 'confirmed', label: '电话确认完成' },
  expire: { from: ['submitted', 'published'], to: 'expired', label: '到期' },
};

export interface Refusal {
  code: ErrorCode;
  message: string;
  field?: string;
}

/** Why `move` cannot happen to a wish in `status`, or null when it can. A claim lost to another is a CONFLICT: 已被认领. */
export function moveProblem(status: WishStatus, move: WishMove): Refusal | null {
  if (MOVES[move].from.includes(status)) return null;
  if (move === 'claim' && (status === 'claimed' || status === 'fulfilled' || status === 'confirmed')) {
    return { code: 'CONFLICT', message: '这个心愿已被认领，看看其他心愿吧' };
  }
  return { code: 'INVALID_STATE', message: `这个心愿${WISH_STATUS_LABELS[status]}，不能${MOVES[move].label}` };
}

/** Words kept whole when they follow a surname: they name no one by themselves (王阿姨, 李大爷). */
const KIN_TITLES = ['阿姨', '大爷', '奶奶', '爷爷', '叔叔', '婶婶', '大妈', '大姐', '大哥', '伯伯', '婆婆', '姥姥', '姥爷', '外婆', '外公', '女士', '先生', '老师', '师傅', '同学', '小朋友'];

/**
 * The name the public wall shows: a surname and a kinship title stay as they are (王阿姨); any other name keeps
 * its first character only (张**). Never the full name, whatever was typed.
 */
export function maskName(name: string): string {
  const n = name.replace(/\s+/g, '');
  if (!n) return '居民';
  const first = Array.from(n)[0];
  const rest = n.slice(first.length);
  if (KIN_TITLES.includes(rest)) return n;
  return `${first}**`;
}

/** A mainland mobile or a landline with area code: the claimant must be able to call. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** The moment a date stops counting: midnight at the end of that Shanghai day. */
export function endOfDay(ts: number): number {
  return startOfShanghaiDay(ts) + DAY_MS;
}

/** What a new wish must satisfy beyond its schema: a known category, the value cap, a deadline still ahead. */
export function wishProblem(w: { category: string; estimatedValue: number; deadline: number }, settings: WishSettings, now: number): Refusal | null {
  if (!settings.categories.includes(w.category)) return { code: 'VALIDATION', message: '请选择有效的分类', field: 'category' };
  if (w.estimatedValue > settings.maxValue) {
    return { code: 'LIMIT_EXCEEDED', message: `心愿的估计价值不能超过${settings.maxValue}元`, field: 'estimatedValue' };
  }
  if (endOfDay(w.deadline) <= now) return { code: 'VALIDATION', message: '截止日期不能早于今天', field: 'deadline' };
  if (w.deadline > now + MAX_DEADLINE_DAYS * DAY_MS) return { code: 'VALIDATION', message: `截止日期最多在${MAX_DEADLINE_DAYS}天以内`, field: 'deadline' };
  return null;
}

/** A wish waits at most this long for someone to take it up. */
export const MAX_DEADLINE_DAYS = 90;

/** The open-wish limit: refused when the wisher already has `open` wishes not yet done. */
export function openLimitProblem(open: number, settings: WishSettings): Refusal | null {
  if (open < settings.maxOpenWishes) return null;
  return { code: 'LIMIT_EXCEEDED', message: `您已有${open}个心愿在进行中，最多${settings.maxOpenWishes}个，请等心愿完成后再许新的心愿` };
}

export interface Claimant {
  userId: string;
  /** A verified resident of the wish's community, or a 爱心单位 there. */
  eligible: boolean;
}

/**
 * Whether this person may take up this wish with this promise: not their own, only while it waits, and a
 * promise from today up to the community's longest promise.
 */
export function claimProblem(
  wish: { status: WishStatus; wisherId: string | null },
  claimant: Claimant,
  promisedDate: number,
  settings: WishSettings,
  now: number,
): Refusal | null {
  if (!claimant.eligible) return { code: 'FORBIDDEN', message: '仅本社区已认证的居民或爱心单位可以认领心愿' };
  if (wish.wisherId === claimant.userId) return { code: 'FORBIDDEN', message: '不能认领自己的心愿' };
  const state = moveProblem(wish.status, 'claim');
  if (state) return state;
  return promiseProblem(promisedDate, settings, now);
}

export function promiseProblem(promisedDate: number, settings: WishSettings, now: number): Refusal | null {
  if (endOfDay(promisedDate) <= now) return { code: 'VALIDATION', message: '承诺日期不能早于今天', field: 'promisedDate' };
  const latest = endOfDay(now + settings.longestPromiseDays * DAY_MS);
  if (endOfDay(promisedDate) > latest) {
    return { code: 'VALIDATION', message: `承诺日期最晚为${formatShanghai(latest - DAY_MS, 'M月D日')}（${settings.longestPromiseDays}天内）`, field: 'promisedDate' };
  }
  return null;
}

/** How long before a promised date the claimant is reminded. */
export const REMIND_BEFORE_MS = DAY_MS;

/** A claim is overdue once its promised day is over. */
export function isOverdue(claimDueAt: number | null, now: number): boolean {
  return claimDueAt !== null && claimDueAt <= now;
}
