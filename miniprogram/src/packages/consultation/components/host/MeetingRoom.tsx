import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { RoomView } from '@shared/contract'
import { meetingLengths } from '@shared/room/meeting'
import { durationWords } from '@shared/room/rules'
import { formatShanghai } from '@shared/time'
import { Choices } from '../../../../components/Choices'
import { Field } from '../../../../components/Field'
import { StateView } from '../../../../components/StateView'
import type { ApiCallError } from '../../../../services/errors'
import { routes } from '../../../../services/routes'

/** The choice that holds no room: the meeting is outdoors or somewhere 活动室 does not book. */
const NO_ROOM = ''

interface Props {
  rooms: RoomView[] | null
  loading: boolean
  error: ApiCallError | null
  onRetry: () => void
  roomId: string
  minutes: number
  /** The meeting's day, YYYY-MM-DD: the room's grid opens on it. */
  date: string
  errors: Record<string, string>
  onRoom: (room: RoomView | null) => void
  onMinutes: (minutes: number) => void
}

/**
 * Which of the community's rooms the meeting holds, and for how long. The plan claims the room's slots when it is
 * saved, so the host can look at the room's free times first (看看空闲时段).
 */
export function MeetingRoomFields({ rooms, loading, error, onRetry, roomId, minutes, date, errors, onRoom, onMinutes }: Props) {
  const room = rooms?.find((r) => r.id === roomId) ?? null
  const options = [...(rooms ?? []).map((r) => ({ value: r.id, label: `${r.name}（${r.capacity}人）` })), { value: NO_ROOM, label: '不用活动室（室外或其他地点）' }]
  return (
    <>
      <Field label="会议室" error={errors.roomId} hint="选了活动室，保存方案时就为会议占用这段时间" name="roomId">
        <StateView loading={loading} error={rooms ? null : error} onRetry={onRetry} />
        {rooms ? <Choices layout="rows" label="会议室" options={options} value={roomId} onChange={(id) => onRoom(rooms.find((r) => r.id === id) ?? null)} /> : null}
      </Field>
      {room ? (
        <>
          <Field label="会议时长" error={errors.meetingMinutes} hint={`按这间屋每${room.slotMinutes}分钟一段，最长${durationWords(room.maxMinutes)}`} name="meetingMinutes">
            <Choices label="会议时长" options={meetingLengths(room).map((m) => ({ value: String(m), label: durationWords(m) }))} value={String(minutes)} onChange={(m) => onMinutes(Number(m))} />
          </Field>
          <View className="cs-link-row" role="link" data-testid="room-free-times" onClick={() => void Taro.navigateTo({ url: routes.room(room.id, date) })}>
            <Text>看看空闲时段（{room.name}）</Text>
            <Text className="cs-picker__arrow">›</Text>
          </View>
        </>
      ) : null}
    </>
  )
}

/** 居民议事厅 · 6月1日 19:00–21:00: the room a saved plan holds, and from when to when. */
export function heldRoomWords(roomName: string, meetingAt: number, minutes: number): string {
  return `${roomName} · ${formatShanghai(meetingAt, 'M月D日 HH:mm')}–${formatShanghai(meetingAt + minutes * 60_000, 'HH:mm')}`
}
