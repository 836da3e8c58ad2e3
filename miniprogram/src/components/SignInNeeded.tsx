import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { routes } from '../services/routes'

/** H5 only (weapp is always signed in): a page that needs to know who you are. */
export function SignInNeeded({ back }: { back: string }) {
  return (
    <View className="gz-card gz-stack">
      <Text>请先登录，再使用这项功能。</Text>
      <Button type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: routes.login(back) })}>
        去登录
      </Button>
    </View>
  )
}
