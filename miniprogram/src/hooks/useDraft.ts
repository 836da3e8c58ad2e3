import { useCallback, useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { clearDraft, dismissDraftNote, DRAFT_RESTORED, hasText, markDraftRestored, readDraft, saveDraft } from '../services/drafts'
import { useLeaveGuard, usePageKey } from './useLeaveGuard'

const SAVE_DELAY_MS = 400

/**
 * Keeps `value` on the phone under `key` while it holds text not yet sent (`unsent`: by default, any text; a form
 * that loads saved text says when it differs), and gives it back once when the form opens again
 * (`restore`), with the note 已恢复未发送的草稿. Call `clear()` when the text has been sent. No key: nothing kept
 * (the key may wait for an id to load).
 */
export function useDraft<T>(key: string | undefined, value: T, restore: (draft: T) => void, unsent: boolean = hasText(value)): { clear: () => void } {
  const page = usePageKey() ?? ''
  const restoreRef = useRef(restore)
  restoreRef.current = restore
  const restoredFor = useRef<string | undefined>(undefined)
  const unsentRef = useRef(unsent)
  unsentRef.current = unsent
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    if (!key || restoredFor.current === key) return
    restoredFor.current = key
    const draft = readDraft<T>(key)
    if (draft === undefined || !hasText(draft)) return
    restoreRef.current(draft)
    markDraftRestored(page)
    void Taro.showToast({ title: DRAFT_RESTORED, icon: 'none', duration: 2000 })
  }, [key, page])

  useEffect(() => {
    if (!key || restoredFor.current !== key) return
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      timer.current = undefined
      if (unsentRef.current) saveDraft(key, value)
      else clearDraft(key)
    }, SAVE_DELAY_MS)
    return () => {
      if (timer.current) clearTimeout(timer.current)
    }
  }, [key, value])

  // A draft typed just before the page closes is still written.
  const latest = useRef({ key, value })
  latest.current = { key, value }
  useEffect(
    () => () => {
      const { key: k, value: v } = latest.current
      if (k && timer.current && unsentRef.current) saveDraft(k, v)
    },
    [],
  )

  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = undefined
    if (key) clearDraft(key)
    dismissDraftNote(page)
  }, [key, page])

  return { clear }
}

/**
 * For text kept in a page's own state rather than `useForm`: kept on the phone until sent (`useDraft`) and guarding
 * the page while `unsent` (`useLeaveGuard`). Call `clear()` once it has been sent.
 */
export function useKeptText<T>(key: string | undefined, value: T, restore: (draft: T) => void, unsent: boolean): { clear: () => void } {
  useLeaveGuard(unsent)
  return useDraft(key, value, restore, unsent)
}
