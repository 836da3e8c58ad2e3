import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import type { InboxItem } from '@shared/contract'
import { api } from '../services/api'
import { reportError } from '../services/errors'
import { inboxLinkUrl, inboxUnreadStore, markAllInboxRead, markInboxRead } from '../services/inbox'
import { usePagedList } from './usePagedList'
import { useStore } from './useStore'

const PAGE_SIZE = 20

/** 我的消息: the messages newest first, the unread count, opening one (which reads it) and 全部已读. */
export function useInbox(enabled: boolean) {
  const unread = useStore(inboxUnreadStore)
  const fetchPage = useCallback(async (cursor: string | undefined) => {
    const page = await api.user.inbox({ cursor, limit: PAGE_SIZE })
    inboxUnreadStore.set(page.unread)
    return page
  }, [])
  const list = usePagedList<InboxItem>(fetchPage, 'inbox', { enabled })
  const [markingAll, setMarkingAll] = useState(false)
  const { setItems } = list

  const markShownRead = useCallback((ids: Set<string> | null) => setItems((items) => items.map((m) => (ids === null || ids.has(m.id) ? { ...m, read: true } : m))), [setItems])

  /**
   * Marks the message read, then opens what it is about. If marking fails the person still goes where the
   * message points: reading it matters more than the dot.
   */
  const open = async (message: InboxItem) => {
    if (!message.read) {
      try {
        await markInboxRead([message.id])
        markShownRead(new Set([message.id]))
      } catch (e) {
        reportError(e)
      }
    }
    const url = inboxLinkUrl(message.link)
    if (url) void Taro.navigateTo({ url })
  }

  const markAll = async () => {
    setMarkingAll(true)
    try {
      await markAllInboxRead()
      markShownRead(null)
      void Taro.showToast({ title: '已全部标为已读', icon: 'none' })
    } catch (e) {
      reportError(e)
    } finally {
      setMarkingAll(false)
    }
  }

  return { list, unread: unread ?? 0, open, markAll, markingAll }
}
