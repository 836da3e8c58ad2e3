import { Text } from '@tarojs/components'
import { Page } from '../../../components/Page'

export default function Placeholder() {
  return (
    <Page>
      <Text className="page-title">即将上线</Text>
    </Page>
  )
}
