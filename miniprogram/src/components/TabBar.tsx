import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Picture } from './Picture'
import { TABS } from '../services/tabs'
import { textSizeClass, type TextSize } from '../services/display'
import './TabBar.scss'

/**
 * The four tabs, drawn by us so their labels are readable (14 px, about 19 px and 23 px in 长辈版) instead of WeChat's and
 * Taro's fixed 10 px. `current` is the tab page's path; `size` sets the text scale on the bar itself, which on
 * weapp lives outside any page.
 */
export function TabBar({ current, size, badge }: { current: string; size: TextSize; badge?: { index: number; count: number } | null }) {
  return (
    <View className={`gz-tabbar${textSizeClass(size)}`} role="tablist">
      {TABS.map((tab, index) => {
        const on = tab.url === current
        return (
          <View
            key={tab.url}
            className={`gz-tabbar__item${on ? ' gz-tabbar__item--on' : ''}`}
            role="tab"
            aria-selected={on}
            onClick={() => {
              if (!on) void Taro.switchTab({ url: tab.url })
            }}
          >
            <View className="gz-tabbar__icon-wrap">
              <Picture className="gz-tabbar__icon" src={on ? tab.activeIcon : tab.icon} mode="aspectFit" alt="" />
              {badge && badge.index === index && badge.count > 0 ? (
                <Text className="gz-tabbar__badge" aria-label={`${badge.count}条未读`}>
                  {badge.count > 99 ? '99+' : badge.count}
                </Text>
              ) : null}
            </View>
            <Text className="gz-tabbar__label">{tab.text}</Text>
          </View>
        )
      })}
    </View>
  )
}
