import { useEffect } from 'react'
import { useDidShow } from '@tarojs/taro'
import { inboxUnreadStore, refreshInboxUnread } from '../services/inbox'
import { useStore } from './useStore'

/**
 * The unread count for the 我的 badge, asked again whenever the page comes back into view (a message read
 * in the inbox, or a new one since). `enabled`: only once someone is signed in.
 */
export function useInboxUnread(enabled: boolean): number | null {
  const unread = useStore(inboxUnreadStore)
  useEffect(() => {
    if (enabled) void refreshInboxUnread()
  }, [enabled])
  useDidShow(() => {
    if (enabled) void refreshInboxUnread()
  })
  return enabled ? unread : null
}
