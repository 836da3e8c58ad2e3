import { View, Text } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'

export default function ServicesPage() {
  return (
    <View className="page">
      <Text className="page-title">服务</Text>
      <Text className="page-intro">活动室预约、微心愿认领等社区服务。</Text>
      <Cell title="预约活动室" extra="敬请期待" />
      <Button type="primary" block>
        预约活动室
      </Button>
    </View>
  )
}
