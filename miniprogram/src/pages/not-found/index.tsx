import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Page } from '../../components/Page'
import { routes } from '../../services/routes'

/** Where an unknown address lands (the app's `onPageNotFound`): a mistyped or outdated link, never a blank page. */
export default function NotFoundPage() {
  return (
    <Page>
      <Text className="page-title">页面不存在</Text>
      <View className="gz-state gz-state--missing" role="alert">
        <Text className="gz-state__text">这个地址没有对应的页面，可能链接写错了，或者页面已经下线。</Text>
        <Button type="primary" onClick={() => void Taro.reLaunch({ url: routes.home })}>
          回到首页
        </Button>
      </View>
    </Page>
  )
}
