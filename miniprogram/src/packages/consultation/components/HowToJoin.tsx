import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MeView } from '@shared/contract'
import { routes } from '../../../services/routes'
import { isSignedIn } from '../../../services/session'

/**
 * For anyone who cannot yet take part in this community's pool: the way in, one step at a time, with the button
 * for the step they are at (sign in on H5, then apply for residency, which staff verify).
 */
export function HowToJoin({ me, communityId, back }: { me: MeView | null; communityId: string; back: string }) {
  const signedIn = isSignedIn() && !!me
  const residency = me?.residency ?? null
  const elsewhere = residency?.status === 'approved' && residency.communityId !== communityId
  return (
    <View className="gz-card gz-stack" data-testid="how-to-join">
      <Text className="cs-card-title">怎样参与</Text>
      {elsewhere ? (
        <Text>您已认证为{residency?.communityName}居民，只能在本社区的意见池提意见和附议。</Text>
      ) : (
        <>
          <Text>本社区居民可以提意见、附议别人的意见，附议多的意见更容易被纳入议事。</Text>
          <Text className={signedIn ? 'gz-muted' : ''}>第一步：登录{signedIn ? '（已完成）' : ''}</Text>
          {!signedIn ? (
            <Button type="primary" block size="large" data-testid="join-sign-in" onClick={() => void Taro.navigateTo({ url: routes.login(back) })}>
              去登录
            </Button>
          ) : null}
          <Text className={residency?.status === 'pending' ? 'gz-muted' : ''}>
            第二步：申请认证为本社区居民（填写楼栋和单元，社区工作者核对）{residency?.status === 'pending' ? '（已申请，等待审核）' : ''}
          </Text>
          {signedIn && residency?.status !== 'pending' ? (
            <Button type="primary" block size="large" data-testid="join-apply" onClick={() => void Taro.navigateTo({ url: routes.residency })}>
              {residency?.status === 'rejected' ? '重新申请认证' : '申请居民认证'}
            </Button>
          ) : null}
        </>
      )}
    </View>
  )
}
