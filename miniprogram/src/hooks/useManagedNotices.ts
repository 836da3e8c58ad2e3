import { useCallback, useRef } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { NoticeScope, NoticeView } from '@shared/contract'
import { api } from '../services/api'
import { usePagedList } from './usePagedList'

/**
 * 公告管理's list: one community's notices, or (the street admin's) the street-wide ones, drafts and reader
 * counts included. Refreshed when the page comes back from the editor.
 */
export function useManagedNotices(communityId: string | undefined, scope: NoticeScope) {
  const fetchPage = useCallback(
    (cursor: string | undefined) => api.notice.listManaged({ communityId: communityId as string, scope, cursor, limit: 20 }),
    [communityId, scope],
  )
  // The street-wide list is the same whichever community is picked, so switching communities keeps it.
  const key = scope === 'street' ? 'street' : `community:${communityId ?? ''}`
  const list = usePagedList<NoticeView>(fetchPage, key, { enabled: !!communityId })
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && communityId) void list.reload()
    shownOnce.current = true
  })
  return list
}
