import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { Page } from '@shared/contract'
import { toApiCallError, type ApiCallError } from '../services/errors'

export type FetchPage<T> = (cursor: string | undefined) => Promise<Page<T>>

export interface PagedList<T> {
  items: T[]
  /** First page on its way (nothing to show yet). */
  loading: boolean
  loadingMore: boolean
  /** The first page failed: show the message and a 重试 button. */
  error: ApiCallError | null
  /** A later page failed: the list stays, with a 重试 at its foot. */
  moreError: ApiCallError | null
  empty: boolean
  hasMore: boolean
  reload: () => Promise<void>
  loadMore: () => Promise<void>
  /** Local edits after an action (an approved application leaves the queue). */
  setItems: (update: (items: T[]) => T[]) => void
}

/**
 * A cursor-paged list with the page's pull-to-refresh and reach-bottom wired in. The page config needs
 * `enablePullDownRefresh: true`. `key` restarts the list (a new category or community).
 */
export function usePagedList<T>(fetchPage: FetchPage<T>, key: string, options: { enabled?: boolean } = {}): PagedList<T> {
  const enabled = options.enabled ?? true
  const [items, setItemsState] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(enabled)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<ApiCallError | null>(null)
  const [moreError, setMoreError] = useState<ApiCallError | null>(null)
  // Answers to an earlier key (or an earlier refresh) arrive late sometimes: only the latest may land.
  const generation = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const busy = useRef(false)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    busy.current = true
    setLoading(true)
    setError(null)
    setMoreError(null)
    try {
      const page = await fetchRef.current(undefined)
      if (mine !== generation.current) return
      setItemsState(page.items)
      setCursor(page.nextCursor)
    } catch (e) {
      if (mine !== generation.current) return
      setItemsState([])
      setCursor(null)
      setError(toApiCallError(e))
    } finally {
      if (mine === generation.current) {
        busy.current = false
        setLoading(false)
      }
    }
  }, [])

  const loadMore = useCallback(async () => {
    if (busy.current || !cursor) return
    const mine = generation.current
    busy.current = true
    setLoadingMore(true)
    setMoreError(null)
    try {
      const page = await fetchRef.current(cursor)
      if (mine !== generation.current) return
      setItemsState((prev) => [...prev, ...page.items])
      setCursor(page.nextCursor)
    } catch (e) {
      if (mine === generation.current) setMoreError(toApiCallError(e))
    } finally {
      if (mine === generation.current) {
        busy.current = false
        setLoadingMore(false)
      }
    }
  }, [cursor])

  useEffect(() => {
    if (enabled) void reload()
  }, [key, enabled, reload])

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void loadMore()
  })

  const setItems = useCallback((update: (items: T[]) => T[]) => setItemsState(update), [])

  return {
    items,
    loading,
    loadingMore,
    error,
    moreError,
    empty: !loading && !error && items.length === 0,
    hasMore: cursor !== null,
    reload,
    loadMore,
    setItems,
  }
}
