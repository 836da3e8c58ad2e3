import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Picture } from '../../../components/Picture'
import type { RoomCard as Card } from '@shared/contract'
import { useFileUrls } from '../../../hooks/useFileUrls'
import { routes } from '../../../services/routes'

/** A room's tags: its kind, how many it holds, and whether staff approve bookings. */
export function RoomTags({ room }: { room: Card }) {
  return (
    <View className="rm-meta">
      <Text className="gz-tag gz-tag--gray">{room.kind}</Text>
      <Text className="gz-tag gz-tag--gray">可容纳{room.capacity}人</Text>
      <Text className={`gz-tag ${room.needsApproval ? 'gz-tag--orange' : 'gz-tag--green'}`}>{room.needsApproval ? '需社区审核' : '约了就能用'}</Text>
      {room.inUse ? null : <Text className="gz-tag gz-text-danger">已停用</Text>}
    </View>
  )
}

export function Facilities({ list }: { list: string[] }) {
  if (!list.length) return null
  return <Text className="rm-line">设施：{list.join('、')}</Text>
}

/** One room in the list: its first photo, name, tags and facilities. Tap to see when it is free. */
export function RoomCard({ room }: { room: Card }) {
  const urls = useFileUrls(room.photos.slice(0, 1))
  return (
    <View className="gz-card rm-card" role="button" data-testid="room-card" onClick={() => void Taro.navigateTo({ url: routes.room(room.id) })}>
      {urls?.[0] ? <Picture className="rm-card__photo" src={urls[0]} mode="aspectFill" alt={`${room.name}的照片`} /> : null}
      <Text className="rm-card__title">{room.name}</Text>
      <RoomTags room={room} />
      <Facilities list={room.facilities} />
    </View>
  )
}
