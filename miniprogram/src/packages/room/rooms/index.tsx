import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { StateView } from '../../../components/StateView'
import { useLoaded } from '../../../hooks/useLoaded'
import { useMe } from '../../../hooks/useMe'
import { useOnReturn } from '../../../hooks/useOnReturn'
import { api } from '../../../services/api'
import { hasRoleIn } from '../../../services/roles'
import { roomStaffRoutes } from '../../../services/roomStaffRoutes'
import { routes } from '../../../services/routes'
import { RoomCard } from '../components/RoomCard'
import { NeedsResidency } from '../components/NeedsResidency'
import { SuspensionNote } from '../components/SuspensionNote'
import { residentOf, roomCommunity } from '../community'
import '../room.scss'

/** The community's rooms, with photos, facilities, capacity and whether staff approve; tap one to book. */
export default function RoomsPage() {
  const { params } = useRouter()
  const { me } = useMe()
  const communityId = roomCommunity(params.communityId, me)
  const resident = residentOf(me, communityId)
  const staff = hasRoleIn(me, 'staff', communityId)
  const rooms = useLoaded(() => api.room.rooms({ communityId }), communityId || null)
  const standing = useLoaded(() => api.room.myStanding({ communityId }), resident ? communityId : null)
  const refresh = () => Promise.all([rooms.reload(), resident ? standing.reload() : null])
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useOnReturn(refresh)

  return (
    <Page>
      <Text className="page-title">活动室</Text>
      <Text className="page-intro">社区的活动室、会议室、议事厅和文体中心向居民开放。选一间，看看哪天哪个时段空着，点一下就能预约。</Text>
      <NeedsResidency communityId={communityId} back={routes.rooms()} />
      {staff ? (
        <View className="rm-links">
          <View className="rm-link" role="button" data-testid="room-staff" onClick={() => void Taro.navigateTo({ url: roomStaffRoutes.desk(communityId) })}>
            活动室管理
          </View>
        </View>
      ) : null}
      {resident ? (
        <View className="rm-links">
          <View className="rm-link" role="button" data-testid="my-bookings" onClick={() => void Taro.navigateTo({ url: routes.myBookings })}>
            我的预约
          </View>
          <View className="rm-link" role="button" onClick={() => void Taro.navigateTo({ url: routes.roomCheckIn() })}>
            到场签到
          </View>
        </View>
      ) : null}
      <SuspensionNote standing={standing.data} />
      {communityId ? <StateView loading={rooms.loading} error={rooms.error} empty={rooms.data?.length === 0} emptyText="社区还没有开放活动室" onRetry={() => void rooms.reload()} /> : null}
      {(rooms.data ?? []).map((room) => (
        <RoomCard key={room.id} room={room} />
      ))}
    </Page>
  )
}
