import { View, Text } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'

export default function MinePage() {
  return (
    <View className="page">
      <Text className="page-title">我的</Text>
      <Text className="page-intro">个人资料、我的心愿与我的预约。</Text>
      <Cell title="登录" extra="敬请期待" />
      <Button type="primary" block>
        登录
      </Button>
    </View>
  )
}
