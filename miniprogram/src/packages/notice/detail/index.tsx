import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Picture } from '../../../components/Picture'
import { Button } from '@nutui/nutui-react-taro'
import { Page } from '../../../components/Page'
import { StateView } from '../../../components/StateView'
import { useNotice } from '../../../hooks/useNotices'
import { useFileUrls } from '../../../hooks/useFileUrls'
import { formatDateTime } from '../../../services/format'
import { moduleLinkUrl } from '../../../services/links'
import './index.scss'

export default function NoticeDetailPage() {
  const { params } = useRouter()
  const { notice, loading, error, reload } = useNotice(params.id)
  const images = useFileUrls(notice?.images ?? [])
  // A notice a module published leads to what it is about: 报名参加 on a 协商公告, 查看结果 on a 结果公示.
  const sourceUrl = moduleLinkUrl(notice?.source)

  return (
    <Page>
      <Text className="page-title">公告详情</Text>
      <StateView loading={loading} error={error} onRetry={reload} />
      {notice && !loading ? (
        <View className="gz-card notice-detail">
          <View className="gz-row">
            {notice.pinned ? <Text className="gz-tag gz-tag--primary">置顶</Text> : null}
            <Text className="gz-tag">{notice.category}</Text>
          </View>
          <Text className="notice-detail__title">{notice.title}</Text>
          <View className="gz-stack notice-detail__meta">
            <Text className="gz-muted">发布单位：{notice.communityName}</Text>
            <Text className="gz-muted">发布时间：{formatDateTime(notice.publishAt)}</Text>
            {notice.expireAt ? <Text className="gz-muted">有效期至：{formatDateTime(notice.expireAt)}</Text> : null}
            <Text className="gz-muted">已有 {notice.readCount} 人阅读</Text>
          </View>
          <Text className="notice-detail__body" userSelect>
            {notice.body}
          </Text>
          {sourceUrl ? (
            <Button type="primary" block size="large" className="notice-detail__source" data-testid="notice-source" onClick={() => void Taro.navigateTo({ url: sourceUrl })}>
              {notice.source?.label ?? '查看详情'}
            </Button>
          ) : null}
          {images?.map((url, i) =>
            url ? (
              <Picture
                key={notice.images[i]}
                alt={`公告第${i + 1}张图片，点按看大图`}
                role="button"
                className="notice-detail__image"
                src={url}
                mode="widthFix"
                onClick={() => Taro.previewImage({ current: url, urls: images.filter(Boolean) })}
              />
            ) : (
              <Text key={notice.images[i]} className="notice-detail__missing">
                图片暂时无法显示
              </Text>
            ),
          )}
        </View>
      ) : null}
    </Page>
  )
}
