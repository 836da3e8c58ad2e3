import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ApiCallError } from '../services/errors'
import { goBackOrHome, hasPageBelow } from '../services/navigation'

/** What a missing document always reads as, whatever the action's own message adds. */
export const NOT_FOUND_TITLE = '不存在或已删除'

interface Props {
  loading?: boolean
  error?: ApiCallError | null
  empty?: boolean
  emptyText?: string
  onRetry?: () => void
}

/**
 * The loading / failed / nothing-here states every list and detail page shares. A failure offers 重试, except a
 * missing document (NOT_FOUND), which offers the way back instead.
 */
export function StateView({ loading, error, empty, emptyText = '暂时还没有内容', onRetry }: Props) {
  if (loading) {
    return (
      <View className="gz-state" aria-busy="true">
        <View className="gz-spinner" />
        <Text className="gz-state__text">正在加载…</Text>
      </View>
    )
  }
  if (error?.code === 'NOT_FOUND') {
    // Trying again cannot bring it back: the way out is back where the person came from (or home).
    return (
      <View className="gz-state gz-state--error gz-state--missing" role="alert">
        <Text className="gz-state__title">{missingTitle(error.message)}</Text>
        <Button type="primary" onClick={() => void goBackOrHome()}>
          {hasPageBelow() ? '返回' : '回到首页'}
        </Button>
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

/** "议事不存在" → "议事不存在或已删除"; anything else → "内容不存在或已删除". */
export function missingTitle(message: string | undefined): string {
  if (message?.endsWith(NOT_FOUND_TITLE)) return message
  const m = message?.match(/^(.{1,12})不存在$/)
  return `${m ? m[1] : '内容'}${NOT_FOUND_TITLE}`
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
