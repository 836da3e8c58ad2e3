import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { ConsultationView, TimelineEntry } from '@shared/contract'
import { api } from '../../../services/api'
import { ApiCallError, toApiCallError } from '../../../services/errors'

/** How often a live meeting screen asks again: check-ins and the vote move while people watch. */
const LIVE_EVERY_MS = 4000

/**
 * One consultation and its public timeline. Reloads when the page comes back into view and on
 * pull-down; while `live(view)` holds it keeps asking, quietly, so a meeting screen stays current.
 */
export function useConsultation(id: string | undefined, live?: (view: ConsultationView) => boolean) {
  const [view, setView] = useState<ConsultationView | null>(null)
  const [timeline, setTimeline] = useState<TimelineEntry[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<ApiCallError | null>(null)
  const [visible, setVisible] = useState(true)
  const firstShow = useRef(true)

  const load = useCallback(
    async (quiet = false) => {
      if (!id) {
        setLoading(false)
        setError(new ApiCallError({ code: 'NOT_FOUND', message: '议事不存在' }))
        return
      }
      if (!quiet) {
        setLoading(true)
        setError(null)
      }
      try {
        const [v, t] = await Promise.all([api.consultation.get({ id }), api.consultation.timeline({ id })])
        setView(v)
        setTimeline(t)
        setError(null)
      } catch (e) {
        if (!quiet) setError(toApiCallError(e))
      } finally {
        if (!quiet) setLoading(false)
      }
    },
    [id],
  )

  useEffect(() => {
    void load()
  }, [load])
  useDidShow(() => {
    setVisible(true)
    if (!firstShow.current) void load(true)
    firstShow.current = false
  })
  useDidHide(() => setVisible(false))
  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh())
  })

  const isLive = !!view && visible && !!live?.(view)
  useEffect(() => {
    if (!isLive) return
    const timer = setInterval(() => void load(true), LIVE_EVERY_MS)
    return () => clearInterval(timer)
  }, [isLive, load])

  /** After an action that answers with the new view: show it, and fetch the timeline it added to. */
  const apply = useCallback(
    (next: ConsultationView) => {
      setView(next)
      if (id) void api.consultation.timeline({ id }).then(setTimeline, () => undefined)
    },
    [id],
  )

  return { view, timeline, loading, error, reload: load, apply }
}
