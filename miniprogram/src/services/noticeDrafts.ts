import type { NoticeView } from '@shared/contract'
import { api } from './api'

/**
 * There is no "get one notice for editing" action (notice.get serves readers and hides drafts), so the editor
 * takes the notice the managed list already loaded, or pages through that list to find it.
 */
const managed = new Map<string, NoticeView>()

export function rememberManaged(notices: NoticeView[]): void {
  for (const n of notices) managed.set(n.id, n)
}

export async function findManagedNotice(communityId: string, id: string): Promise<NoticeView | null> {
  const known = managed.get(id)
  if (known) return known
  let cursor: string | undefined
  for (let page = 0; page < 20; page++) {
    const result = await api.notice.listManaged({ communityId, cursor, limit: 100 })
    rememberManaged(result.items)
    const found = result.items.find((n) => n.id === id)
    if (found) return found
    if (!result.nextCursor) return null
    cursor = result.nextCursor
  }
  return null
}
