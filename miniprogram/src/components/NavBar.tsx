import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { hasPageBelow, leaveBack, leaveHome } from '../services/navigation'

/**
 * H5 only: the bar WeChat draws natively on weapp. 返回 when there is a page below; 首页 when there is none (the
 * page was opened by a link or a reload). Both ask first when the page holds unsent text.
 */
export function NavBar({ pageKey }: { pageKey?: string }) {
  // Fixed for the page's life: what is below it does not change while it is shown.
  const below = useMemo(() => hasPageBelow(), [])
  const title = useMemo(() => {
    const page = Taro.getCurrentInstance()?.page as { config?: { navigationBarTitleText?: string } } | undefined
    return page?.config?.navigationBarTitleText ?? ''
  }, [])
  return (
    <View className="gz-navbar">
      {below ? (
        <View className="gz-navbar__btn" role="button" aria-label="返回上一页" onClick={() => void leaveBack(pageKey)}>
          ‹ 返回
        </View>
      ) : (
        <View className="gz-navbar__btn" role="button" aria-label="回到首页" onClick={() => void leaveHome(pageKey)}>
          ⌂ 首页
        </View>
      )}
      <Text className="gz-navbar__title">{title}</Text>
    </View>
  )
}
