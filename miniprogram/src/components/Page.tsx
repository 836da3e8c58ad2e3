import type { PropsWithChildren } from 'react'
import { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { IS_TOURIST_PREVIEW, TOURIST_PREVIEW_MESSAGE } from '../services/cloud'
import { dismissDraftNote, DRAFT_RESTORED, restoredDraftPages } from '../services/drafts'
import { inboxUnreadStore } from '../services/inbox'
import { isTabPage } from '../services/routes'
import { currentTabStore } from '../services/tabs'
import { useLargeText } from '../hooks/useLargeText'
import { textSizeClass, type TextSize } from '../services/display'
import { usePageKey } from '../hooks/useLeaveGuard'
import { useStore } from '../hooks/useStore'
import { NavBar } from './NavBar'
import { PrivacyPrompt } from './PrivacyPrompt'
import { TabBar } from './TabBar'

/**
 * Every page's root, so every page gets the same rules without asking:
 * - 长辈版: classes that raise one CSS variable (`--gz-scale`); all sizes in our styles and NutUI's font
 *   variables are multiplied by it;
 * - H5: a bar with 返回 (or 首页 when nothing is below) on sub-pages, and our own tab bar on the tab pages (weapp
 *   has its native bar and `custom-tab-bar`);
 * - the note when a form's unsent draft was restored.
 */
export function Page({ children, className }: PropsWithChildren<{ className?: string }>) {
  const { textSize } = useLargeText()
  const pageKey = usePageKey()
  const path = (pageKey ?? '').split('?')[0]
  const h5 = process.env.TARO_ENV === 'h5'
  const tabbed = h5 && isTabPage(path)
  useDidShow(() => {
    if (isTabPage(path)) currentTabStore.set(path)
  })
  return (
    <View className={`gz-page${textSizeClass(textSize)}${tabbed ? ' gz-page--tabbed' : ''}${className ? ` ${className}` : ''}`}>
      {h5 && !tabbed ? <NavBar pageKey={pageKey} /> : null}
      {IS_TOURIST_PREVIEW ? (
        <View className="gz-preview-banner">
          <Text>{TOURIST_PREVIEW_MESSAGE}</Text>
        </View>
      ) : null}
      <DraftNote page={pageKey ?? ''} />
      {children}
      {tabbed ? <H5TabBar current={path} size={textSize} /> : null}
      <PrivacyPrompt />
    </View>
  )
}

function H5TabBar({ current, size }: { current: string; size: TextSize }) {
  const unread = useStore(inboxUnreadStore)
  return <TabBar current={current} size={size} badge={unread ? { index: 3, count: unread } : null} />
}

function DraftNote({ page }: { page: string }) {
  const pages = useStore(restoredDraftPages)
  if (!pages.includes(page)) return null
  return (
    <View className="gz-draft-note" role="status">
      <Text className="gz-draft-note__text">{DRAFT_RESTORED}</Text>
      <Text className="gz-link" role="button" onClick={() => dismissDraftNote(page)}>
        知道了
      </Text>
    </View>
  )
}

export function PageTitle({ children }: PropsWithChildren) {
  return <View className="page-title">{children}</View>
}
