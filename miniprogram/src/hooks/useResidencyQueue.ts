import { useEffect } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { ResidencyQueueCount } from '@shared/contract'
import { refreshResidencyQueue, residencyQueueStore } from '../services/residencyQueue'
import { useStore } from './useStore'

/**
 * Waiting residency applications for the badges on 我的 and on 社区管理, asked again whenever the page comes back
 * into view. `enabled`: only for staff.
 */
export function useResidencyQueue(enabled: boolean): ResidencyQueueCount[] | null {
  const counts = useStore(residencyQueueStore)
  useEffect(() => {
    if (enabled) void refreshResidencyQueue()
  }, [enabled])
  useDidShow(() => {
    if (enabled) void refreshResidencyQueue()
  })
  return enabled ? counts : null
}
