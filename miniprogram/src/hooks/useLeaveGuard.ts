import { useEffect, useRef } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { addLeaveGuard, LEAVE_MESSAGE } from '../services/leaveGuard'

/** This page's key for leave guards: Taro's path of the page instance (unique per opened page on H5). */
export function usePageKey(): string | undefined {
  const router = useRouter() as { path?: string } | null
  return router?.path
}

/**
 * Ask before leaving while `dirty` (text typed and not yet sent). `useForm` calls it for every form; a page that
 * keeps its text in plain state calls it itself.
 */
export function useLeaveGuard(dirty: boolean): void {
  const page = usePageKey() ?? ''
  const dirtyRef = useRef(dirty)
  dirtyRef.current = dirty

  useEffect(() => addLeaveGuard(page, () => dirtyRef.current), [page])

  // weapp: WeChat's own back (the bar's arrow, the swipe, Android's back key) asks with its own dialog.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return
    try {
      if (dirty) void Taro.enableAlertBeforeUnload({ message: LEAVE_MESSAGE })
      else void Taro.disableAlertBeforeUnload()
    } catch {
      // base libraries before 2.12 have neither
    }
  }, [dirty])
}
