import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'

export default function HomePage() {
  return (
    <View className="page">
      <Text className="page-title">首页</Text>
      <Text className="page-intro">社区公告、微心愿与创享计划将在这里展示。</Text>
      <Cell.Group>
        <Cell
          title="社区公告"
          extra="查看"
          clickable
          onClick={() => Taro.navigateTo({ url: '/packages/notice/detail/index' })}
        />
      </Cell.Group>
      <Button type="primary" block>
        我要许愿
      </Button>
    </View>
  )
}
