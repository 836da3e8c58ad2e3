import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Picture } from './Picture'
import type { NoticeSummary } from '@shared/contract'
import { formatDateTime } from '../services/format'
import { routes } from '../services/routes'
import { useFileUrls } from '../hooks/useFileUrls'

export function NoticeCard({ notice }: { notice: NoticeSummary }) {
  const cover = useFileUrls(notice.coverFileId ? [notice.coverFileId] : [])?.[0]
  return (
    <View className="gz-card notice-card" role="link" data-notice-id={notice.id} onClick={() => Taro.navigateTo({ url: routes.noticeDetail(notice.id) })}>
      <View className="gz-row notice-card__tags">
        {notice.pinned ? <Text className="gz-tag gz-tag--primary">置顶</Text> : null}
        <Text className="gz-tag">{notice.category}</Text>
        <Text className="gz-muted">{notice.communityName}</Text>
      </View>
      <Text className="notice-card__title">{notice.title}</Text>
      {cover ? <Picture className="notice-card__cover" src={cover} mode="aspectFill" alt="" /> : null}
      <Text className="notice-card__excerpt">{notice.excerpt}</Text>
      <Text className="gz-muted">{formatDateTime(notice.publishAt)}</Text>
    </View>
  )
}
