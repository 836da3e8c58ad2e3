import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

interface Props {
  category: string
  title: string
  body: string
  /** The button residents will find under the notice (报名参加, 查看结果). */
  button: string
  busy: boolean
  testId: string
  onPublish: () => void
  onBack: () => void
}

/**
 * The notice exactly as residents will read it, made by the same shared functions the server publishes with, shown
 * before anything goes out. Publishing from here still asks once (`confirmIrreversible`).
 */
export function NoticePreview({ category, title, body, button, busy, testId, onPublish, onBack }: Props) {
  return (
    <View className="gz-card gz-stack cs-preview" data-testid={testId}>
      <Text className="cs-card-title">发布前预览</Text>
      <Text className="gz-muted">居民在公告栏看到的就是下面这样，请核对。</Text>
      <View className="cs-preview__notice gz-stack">
        <View className="gz-row">
          <Text className="gz-tag">{category}</Text>
        </View>
        <Text className="cs-preview__title">{title}</Text>
        <Text className="cs-preview__body">{body}</Text>
        <Text className="gz-muted">公告下方有“{button}”按钮，点开就是本议事。</Text>
      </View>
      <View className="cs-actions">
        <Button block size="large" onClick={onBack} data-testid={`${testId}-back`}>
          返回修改
        </Button>
        <Button type="primary" block size="large" loading={busy} onClick={onPublish} data-testid={`${testId}-publish`}>
          发布这条公告
        </Button>
      </View>
    </View>
  )
}
