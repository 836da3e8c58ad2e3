import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { MyStanding } from '@shared/contract'
import { formatShanghai } from '@shared/time'
import { routes } from '../../../services/routes'

/** A red line on the room pages while booking is suspended; tap to see why. */
export function SuspensionNote({ standing }: { standing: MyStanding | null }) {
  if (!standing?.suspension || standing.suspension.until <= Date.now()) return null
  return (
    <View className="rm-alert" role="button" data-testid="suspension-note" onClick={() => void Taro.navigateTo({ url: routes.roomSuspension(standing.communityId) })}>
      您的预约已暂停到{formatShanghai(standing.suspension.until, 'M月D日 HH:mm')}。点这里看原因 ›
    </View>
  )
}
