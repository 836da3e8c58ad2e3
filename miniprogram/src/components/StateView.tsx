import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ApiCallError } from '../services/errors'

interface Props {
  loading?: boolean
  error?: ApiCallError | null
  empty?: boolean
  emptyText?: string
  onRetry?: () => void
}

/** The loading / failed / nothing-here states every list and detail page shares. */
export function StateView({ loading, error, empty, emptyText = '暂时还没有内容', onRetry }: Props) {
  if (loading) {
    return (
      <View className="gz-state" aria-busy="true">
        <View className="gz-spinner" />
        <Text className="gz-state__text">正在加载…</Text>
      </View>
    )
  }
  if (error) {
    return (
      <View className="gz-state gz-state--error" role="alert">
        <Text className="gz-state__text">{error.message}</Text>
        {onRetry ? (
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        ) : null}
      </View>
    )
  }
  if (empty) {
    return (
      <View className="gz-state gz-state--empty">
        <Text className="gz-state__text">{emptyText}</Text>
      </View>
    )
  }
  return null
}

/** The foot of a paged list: more is loading, failed (重试), or everything is shown. */
export function ListFooter({ loadingMore, moreError, hasMore, count, onRetry }: { loadingMore: boolean; moreError: ApiCallError | null; hasMore: boolean; count: number; onRetry: () => void }) {
  if (loadingMore) return <Text className="gz-list-foot">正在加载更多…</Text>
  if (moreError) {
    return (
      <View className="gz-list-foot">
        <Text>{moreError.message}</Text>
        <Button size="small" onClick={onRetry}>
          重试
        </Button>
      </View>
    )
  }
  if (!hasMore && count > 0) return <Text className="gz-list-foot">没有更多了</Text>
  return null
}
