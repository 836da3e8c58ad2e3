import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { WishCard as Card, WishView } from '@shared/contract'
import { WISH_STATUS_LABELS } from '@shared/wish/rules'
import { formatShanghai } from '@shared/time'
import { routes } from '../../../services/routes'

const TONE: Record<string, string> = { published: 'gz-tag--green', claimed: 'gz-tag--orange', fulfilled: 'gz-tag--orange', confirmed: 'gz-tag--primary', submitted: 'gz-tag--gray' }

export function StatusTag({ status }: { status: Card['status'] }) {
  return <Text className={`gz-tag ${TONE[status] ?? 'gz-tag--gray'}`}>{WISH_STATUS_LABELS[status]}</Text>
}

/** One wish on the wall or in a list: who (masked), where (building only), what, by when. Tap to open. */
export function WishCard({ wish }: { wish: Card | WishView }) {
  const overdue = 'claim' in wish && !!wish.claim?.overdue
  return (
    <View
      className={`gz-card ws-card${overdue ? ' ws-card--overdue' : ''}`}
      role="button"
      data-testid="wish-card"
      onClick={() => void Taro.navigateTo({ url: routes.wishDetail(wish.id) })}
    >
      <View className="ws-card__meta">
        <StatusTag status={wish.status} />
        <Text className="gz-tag gz-tag--gray">{wish.category}</Text>
        {wish.proxy ? <Text className="gz-tag gz-tag--gray">社区代办</Text> : null}
        {overdue ? <Text className="gz-tag gz-text-danger">认领已逾期</Text> : null}
      </View>
      <Text className="ws-card__title">{wish.title}</Text>
      <View className="ws-card__meta">
        <Text>{wish.maskedName}</Text>
        <Text>{wish.building}</Text>
        <Text>约{wish.estimatedValue}元</Text>
        <Text>{formatShanghai(wish.deadline - 1, 'M月D日')}前</Text>
      </View>
    </View>
  )
}
