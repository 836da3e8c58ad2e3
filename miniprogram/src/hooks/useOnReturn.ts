import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/** Runs `reload` when the person comes back to the page (after an editor), not on its first showing. */
export function useOnReturn(reload: () => unknown) {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
}
