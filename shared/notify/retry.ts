import { sendableAt } from './quiet';

/**
 * What to do after a subscription message failed, by WeChat's error code. A send with no code at all (a timeout, a
 * dropped connection) is treated as transient.
 */
export const MAX_TRIES = 5;

/** The user has no acceptance left for this template: sending again cannot succeed until they accept again. */
export const NO_SUBSCRIPTION = 43101;

/** Errors that will fail the same way every time: a bad openid, template id, page or field. */
const PERMANENT = new Set([40003, 40037, 41030, 47003]);

const MINUTE = 60 * 1000;
const MAX_DELAY = 2 * 60 * MINUTE;

export type SendState = 'queued' | 'sending' | 'sent' | 'skipped' | 'failed' | 'dead';

export type AfterFailure =
  | { state: 'queued'; nextAt: number }
  | { state: 'skipped' | 'failed' | 'dead'; reason: string };

/** 1, 4, 16, 64 minutes…, at most two hours, and never into quiet hours. */
export function retryDelay(tries: number): number {
  return Math.min(MINUTE * 4 ** Math.max(0, tries - 1), MAX_DELAY);
}

/** `tries` counts the attempt that just failed. */
export function afterFailure(code: number | null, tries: number, now: number): AfterFailure {
  if (code === NO_SUBSCRIPTION) return { state: 'skipped', reason: 'no-subscription' };
  if (code !== null && PERMANENT.has(code)) return { state: 'failed', reason: `wechat-${code}` };
  if (tries >= MAX_TRIES) return { state: 'dead', reason: code === null ? 'network' : `wechat-${code}` };
  return { state: 'queued', nextAt: sendableAt(now + retryDelay(tries)) };
}
