import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { durationWords } from '@shared/room/rules'
import { Page } from '../../../../components/Page'
import { StateView } from '../../../../components/StateView'
import { useLoaded } from '../../../../hooks/useLoaded'
import { api } from '../../../../services/api'
import { roomStaffRoutes } from '../../../../services/roomStaffRoutes'
import { useOnReturn } from '../../../../hooks/useOnReturn'
import { hoursWords } from '../../format'
import '../staff.scss'

/** Staff's rooms, those out of use too: each opens its editor and its door poster; a new one is one tap. */
export default function StaffRoomsPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const rooms = useLoaded(() => api.room.rooms({ communityId, includeOutOfUse: true }), communityId || null)
  useOnReturn(rooms.reload)
  usePullDownRefresh(() => void rooms.reload().finally(() => Taro.stopPullDownRefresh()))
  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <Page>
      <Text className="page-title">活动室</Text>
      <Button type="primary" block size="large" data-testid="new-room" onClick={() => go(roomStaffRoutes.newRoom(communityId))}>
        新建活动室
      </Button>
      <View className="rs-gap" />
      <StateView loading={rooms.loading} error={rooms.error} empty={rooms.data?.length === 0} emptyText="还没有活动室，点上面的按钮新建" onRetry={() => void rooms.reload()} />
      {(rooms.data ?? []).map((r) => (
        <View key={r.id} className="gz-card" data-testid="staff-room" data-room-id={r.id}>
          <View className="gz-row">
            <Text className="gz-tag">{r.kind}</Text>
            {r.needsApproval ? <Text className="gz-tag gz-tag--orange">需审核</Text> : null}
            {r.inUse ? null : <Text className="gz-tag gz-tag--gray">已停用</Text>}
          </View>
          <Text className="rs-title">{r.name}</Text>
          <Text className="rs-line">容纳{r.capacity}人 · 每段{r.slotMinutes}分钟 · 最长{durationWords(r.maxMinutes)} · 可提前{r.horizonDays}天</Text>
          <Text className="rs-line">{hoursWords(r.hours)}</Text>
          {r.facilities.length ? <Text className="rs-line gz-muted">设施：{r.facilities.join('、')}</Text> : null}
          <View className="rs-actions">
            <Button block size="large" data-testid="edit-room" onClick={() => go(roomStaffRoutes.editRoom(communityId, r.id))}>
              修改
            </Button>
            <Button block size="large" data-testid="room-poster" onClick={() => go(roomStaffRoutes.poster(r.id))}>
              门口签到二维码
            </Button>
            <Button block size="large" onClick={() => go(roomStaffRoutes.blackouts(communityId, r.id))}>
              停用时段
            </Button>
          </View>
        </View>
      ))}
    </Page>
  )
}
