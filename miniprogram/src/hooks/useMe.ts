import { useEffect } from 'react'
import { useDidShow } from '@tarojs/taro'
import { loadMe, meStore } from '../services/me'
import { useStore } from './useStore'

/**
 * The signed-in person, shared by every page. Reloaded whenever a page using it comes back into view,
 * so a role granted or a residency approved meanwhile shows without restarting.
 */
export function useMe() {
  const state = useStore(meStore)
  useEffect(() => {
    void loadMe()
  }, [])
  useDidShow(() => {
    void loadMe()
  })
  return { ...state, reload: loadMe }
}
