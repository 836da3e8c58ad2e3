import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'

interface Props {
  label: string
  value?: string
  url: string
  testId?: string
  /** A count to notice (unread messages, waiting applications); nothing shows at 0. */
  badge?: number | null
  /** What the count is, read by screen readers after the number: 条未读, 份待审核. */
  badgeLabel?: string
}

/** One row of a `gz-menu` list that opens a page, with an optional count badge. */
export function MenuItem({ label, value, url, testId, badge, badgeLabel = '条未读' }: Props) {
  return (
    <View className="gz-menu__item" role="button" data-testid={testId} onClick={() => void Taro.navigateTo({ url })}>
      <Text className="gz-menu__label">{label}</Text>
      {badge ? (
        <Text className="gz-badge" data-testid={testId ? `${testId}-badge` : undefined} aria-label={`${badge}${badgeLabel}`}>
          {badge > 99 ? '99+' : badge}
        </Text>
      ) : null}
      <Text className="gz-menu__value">{value ?? ''}</Text>
    </View>
  )
}
