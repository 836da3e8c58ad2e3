import type { NoticeStatus } from '../contract/notice';

/** Stored instead of "no expiry", so one range condition finds live notices on both databases. */
export const NEVER = 8.64e15;

/**
 * A notice's stored state. 'scheduled' → 'published' → 'expired' are moved by the cron (`notice/schedule.ts`), up to
 * one timer period late; readers go by the clock (`noticeStatus`), so none of them waits for it.
 */
export type StoredNoticeStatus = 'draft' | 'scheduled' | 'published' | 'expired' | 'unpublished';

export interface NoticeTiming {
  status: StoredNoticeStatus;
  publishAt: number | null;
  expireAt: number;
}

/** What a reader sees of a notice's state at `now`: a scheduled or published one by its times, the rest as stored. */
export function noticeStatus(n: NoticeTiming, now: number): NoticeStatus {
  if (n.status !== 'published' && n.status !== 'scheduled') return n.status;
  if (n.publishAt !== null && n.publishAt > now) return 'scheduled';
  if (n.expireAt <= now) return 'expired';
  return 'published';
}

/** The stored status a publication at `publishAt` starts in. */
export function publishedStatus(publishAt: number, now: number): 'scheduled' | 'published' {
  return publishAt > now ? 'scheduled' : 'published';
}

export function isVisible(n: NoticeTiming, now: number): boolean {
  return noticeStatus(n, now) === 'published';
}

/** The audience key a notice is filed under: one community, or every community of a street. */
export function audienceOf(scope: 'community' | 'street', communityId: string, streetId: string): string {
  return scope === 'street' ? `street:${streetId}` : communityId;
}

/** The audiences a reader in `communityId` sees: their community's and their street's. */
export function audiencesFor(communityId: string | null, streetId: string): string[] {
  return communityId ? [communityId, `street:${streetId}`] : [`street:${streetId}`];
}

export function excerpt(body: string, length = 60): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/** A publish time must not be in the past by more than a minute (clock drift between phone and cloud). */
export function checkPublishAt(publishAt: number | undefined, now: number): 'ok' | 'past' {
  return publishAt !== undefined && publishAt < now - 60_000 ? 'past' : 'ok';
}

export function checkExpiry(expireAt: number | null | undefined, publishAt: number, now: number): 'ok' | 'before-publish' {
  if (expireAt === null || expireAt === undefined) return 'ok';
  return expireAt <= Math.max(publishAt, now) ? 'before-publish' : 'ok';
}
