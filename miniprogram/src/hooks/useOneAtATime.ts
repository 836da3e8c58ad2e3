import { useCallback, useRef, useState } from 'react'

/**
 * Wraps an async action so that a call made while one is still running is dropped. NutUI's Button does not
 * pass `disabled` or `loading` on to WeChat's native button (an `openType` button such as chooseAvatar
 * keeps firing), so a busy look alone does not stop a second tap.
 */
export function useOneAtATime<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const busy = useRef(false)
  const [running, setRunning] = useState(false)
  const run = useCallback(
    async (...args: A) => {
      if (busy.current) return
      busy.current = true
      setRunning(true)
      try {
        await action(...args)
      } finally {
        busy.current = false
        setRunning(false)
      }
    },
    [action],
  )
  return { run, running }
}
