import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiCallError, type ApiCallError } from '../services/errors'

/**
 * A small read that belongs to one part of a page (the sign-up list, the points made): loads when
 * `key` changes, and `reload` refreshes it after an action. Nothing loads while `key` is null.
 */
export function useLoaded<T>(load: () => Promise<T>, key: string | null) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<ApiCallError | null>(null)
  const [loading, setLoading] = useState(key !== null)
  const loadRef = useRef(load)
  loadRef.current = load
  const generation = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    setLoading(true)
    try {
      const value = await loadRef.current()
      if (mine !== generation.current) return
      setData(value)
      setError(null)
    } catch (e) {
      if (mine === generation.current) setError(toApiCallError(e))
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    if (key !== null) void reload()
  }, [key, reload])

  return { data, error, loading: loading && data === null, reload, setData }
}
