import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { TabBar } from '../components/TabBar'
import { useLargeText } from '../hooks/useLargeText'
import { inboxUnreadStore } from '../services/inbox'
import { useStore } from '../hooks/useStore'
import { currentTabStore } from '../services/tabs'

/**
 * weapp: WeChat's own tab bar has fixed 10 px labels that ignore 长辈版 (`tabBar.custom` in app.config.ts hands
 * the drawing to this component). WeChat makes one per tab page; the tab on screen comes from `Page`
 * (`currentTabStore`), or else the page on top when the bar is made.
 */
export default function CustomTabBar() {
  const { textSize } = useLargeText()
  const unread = useStore(inboxUnreadStore)
  const shown = useStore(currentTabStore)
  const made = useMemo(() => {
    const pages = Taro.getCurrentPages()
    const top = pages[pages.length - 1] as { route?: string } | undefined
    return `/${(top?.route ?? '').replace(/^\//, '')}`
  }, [])
  return <TabBar current={shown || made} size={textSize} badge={unread ? { index: 3, count: unread } : null} />
}
