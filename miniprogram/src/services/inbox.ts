import type { InboxItem } from '@shared/contract'
import { api } from './api'
import { moduleLinkUrl } from './links'
import { isSignedIn, onSessionChange } from './session'
import { createStore } from './store'

/** How many messages are unread, for the badge on 我的; null until first asked (or when signed out). */
export const inboxUnreadStore = createStore<number | null>(null)

let inflight: Promise<void> | null = null

/**
 * Asks for the unread count only (a one-item page). A failure leaves the badge as it was: it is a hint, and
 * the inbox page itself shows any error with 重试.
 */
export function refreshInboxUnread(): Promise<void> {
  if (!isSignedIn()) {
    inboxUnreadStore.set(null)
    return Promise.resolve()
  }
  if (inflight) return inflight
  inflight = api.user
    .inbox({ limit: 1 })
    .then((page) => inboxUnreadStore.set(page.unread))
    .catch(() => undefined)
    .finally(() => {
      inflight = null
    })
  return inflight
}

/** Where a message's link opens; messages about anything else open nowhere. */
export function inboxLinkUrl(link: InboxItem['link']): string | null {
  return moduleLinkUrl(link)
}

/** The action takes at most this many ids at once. */
const MARK_BATCH = 100

export async function markInboxRead(ids: string[]): Promise<number> {
  let updated = 0
  for (let i = 0; i < ids.length; i += MARK_BATCH) {
    updated += (await api.user.markInboxRead({ ids: ids.slice(i, i + MARK_BATCH) })).updated
  }
  inboxUnreadStore.set((n) => (n === null ? n : Math.max(0, n - updated)))
  return updated
}

/**
 * 全部已读: the unread ones may lie beyond the pages loaded so far, so this walks the inbox from the newest
 * until it has found as many unread as the server counts (or the inbox ends).
 */
export async function markAllInboxRead(): Promise<void> {
  const unreadIds: string[] = []
  let cursor: string | undefined
  let unread = Infinity
  for (let page = 0; page < 50 && unreadIds.length < unread; page++) {
    const result = await api.user.inbox({ cursor, limit: 100 })
    unread = result.unread
    unreadIds.push(...result.items.filter((m) => !m.read).map((m) => m.id))
    if (!result.nextCursor) break
    cursor = result.nextCursor
  }
  if (Number.isFinite(unread)) inboxUnreadStore.set(unread)
  if (unreadIds.length) await markInboxRead(unreadIds)
}

onSessionChange(() => {
  inboxUnreadStore.set(null)
})
