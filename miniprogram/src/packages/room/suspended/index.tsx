import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MyStanding } from '@shared/contract'
import { durationWords } from '@shared/room/rules'
import { formatShanghai } from '@shared/time'
import { Page } from '../../../components/Page'
import { StateView } from '../../../components/StateView'
import { useLoaded } from '../../../hooks/useLoaded'
import { useMe } from '../../../hooks/useMe'
import { api } from '../../../services/api'
import { routes } from '../../../services/routes'
import { NeedsResidency } from '../components/NeedsResidency'
import { roomCommunity } from '../community'
import '../room.scss'

/** Why I cannot book: how many no-shows in 30 days, the rule, and until when; and the limits I am using. */
export default function SuspendedPage() {
  const { params } = useRouter()
  const { me } = useMe()
  const communityId = roomCommunity(params.communityId, me)
  const standing = useLoaded(() => api.room.myStanding({ communityId }), communityId || null)
  usePullDownRefresh(() => {
    void standing.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const s = standing.data
  return (
    <Page>
      <Text className="page-title">我的预约情况</Text>
      <NeedsResidency communityId={communityId} back={routes.roomSuspension(params.communityId)} />
      <StateView loading={standing.loading} error={standing.error} onRetry={() => void standing.reload()} />
      {s ? (
        <>
          <Suspension standing={s} />
          <View className="gz-card" data-testid="limits">
            <Text className="gz-section-title">我的额度</Text>
            <Text className="rm-line">
              未完成的预约：{s.activeBookings}个（最多{s.maxActiveBookings}个）
            </Text>
            <Text className="rm-line">
              本周已约：{durationWords(s.minutesThisWeek)}（每周最多{s.maxHoursPerWeek}小时）
            </Text>
            <Text className="rm-line">开始前{s.cancelCutoffHours}小时内不能自己取消</Text>
            <Text className="rm-line">
              30天内未签到：{s.recentNoShows}次（{s.noShowLimit}次会暂停预约{s.suspendDays}天）
            </Text>
          </View>
        </>
      ) : null}
    </Page>
  )
}

function Suspension({ standing: s }: { standing: MyStanding }) {
  if (!s.suspension || s.suspension.until <= Date.now()) {
    return (
      <View className="gz-card">
        <Text className="rm-ok" data-testid="not-suspended">
          您可以正常预约
        </Text>
      </View>
    )
  }
  return (
    <View className="gz-card" data-testid="suspension">
      <Text className="gz-section-title">预约已暂停</Text>
      <Text className="rm-line">暂停到</Text>
      <Text className="rm-big">{formatShanghai(s.suspension.until, 'M月D日 HH:mm')}</Text>
      <Text className="rm-line">{s.suspension.reason}</Text>
      <Text className="rm-line">
        原因：30天内有{s.recentNoShows}次预约后没有签到。按社区规定，{s.noShowLimit}次未签到暂停预约{s.suspendDays}天，到时自动恢复。
      </Text>
      <Text className="gz-muted">如有特殊情况，请联系社区工作者。</Text>
    </View>
  )
}
