import { useCallback, useEffect, useState } from 'react'
import type { NoticeCategory, NoticeSummary, NoticeView } from '@shared/contract'
import { api } from '../services/api'
import { ApiCallError, toApiCallError } from '../services/errors'
import { usePagedList } from './usePagedList'

const PAGE_SIZE = 10

/** The home feed: the reader's community and the street, pinned first (the server orders it). */
export function useNoticeFeed(category: NoticeCategory | undefined, communityId: string | undefined, enabled = true) {
  const fetchPage = useCallback(
    (cursor: string | undefined) => api.notice.list({ category, communityId, cursor, limit: PAGE_SIZE }),
    [category, communityId],
  )
  return usePagedList<NoticeSummary>(fetchPage, `${category ?? 'all'}:${communityId ?? ''}`, { enabled })
}

/** One notice; opening it counts the reader once (the server keeps the count unique). */
export function useNotice(id: string | undefined) {
  const [notice, setNotice] = useState<NoticeView | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<ApiCallError | null>(null)
  const load = useCallback(async () => {
    if (!id) {
      setLoading(false)
      setError(new ApiCallError({ code: 'NOT_FOUND' }))
      return
    }
    setLoading(true)
    setError(null)
    try {
      setNotice(await api.notice.get({ id }))
    } catch (e) {
      setError(toApiCallError(e))
    } finally {
      setLoading(false)
    }
  }, [id])
  useEffect(() => {
    void load()
  }, [load])
  return { notice, loading, error, reload: load }
}
