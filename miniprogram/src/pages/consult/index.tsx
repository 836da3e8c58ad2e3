import { View, Text } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'

export default function ConsultPage() {
  return (
    <View className="page">
      <Text className="page-title">议事</Text>
      <Text className="page-intro">居民议事厅按六步议事流程协商社区事务。</Text>
      <Cell title="参与议事" extra="敬请期待" />
      <Button type="primary" block>
        参与议事
      </Button>
    </View>
  )
}
