import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { useMe } from '../../../hooks/useMe'
import { routes } from '../../../services/routes'

/**
 * Rooms belong to a community's own people. Shown instead of a room page to someone signed out (H5) or not yet
 * verified as a resident; null while that is not known or when the person has a community.
 */
export function NeedsResidency({ communityId, back }: { communityId: string; back: string }) {
  const { me, signedOut, loading } = useMe()
  if (signedOut) return <SignInNeeded back={back} />
  if (communityId || loading || !me) return null
  return (
    <View className="gz-card gz-stack" data-testid="needs-residency">
      <Text>活动室供本社区居民预约。认证为本社区居民后就可以预约了。</Text>
      <Button type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: routes.residency })}>
        去认证居民身份
      </Button>
    </View>
  )
}
