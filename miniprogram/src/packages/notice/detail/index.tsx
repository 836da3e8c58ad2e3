import { View, Text } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'

export default function NoticeDetailPage() {
  return (
    <View className="page">
      <Text className="page-title">公告详情</Text>
      <Cell title="公告内容" description="公告正文将在这里显示。" />
    </View>
  )
}
