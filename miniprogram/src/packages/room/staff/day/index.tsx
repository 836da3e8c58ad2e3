import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { BookingView } from '@shared/contract'
import { WEEKDAY_LABELS, dateAfter, weekdayOf } from '@shared/room/rules'
import { shanghaiDate } from '@shared/time'
import { Page } from '../../../../components/Page'
import { ReasonAction } from '../../../../components/ReasonAction'
import { StateView } from '../../../../components/StateView'
import { useAction } from '../../../../hooks/useAction'
import { useLoaded } from '../../../../hooks/useLoaded'
import { api } from '../../../../services/api'
import { maxLengthOf } from '../../../../services/limits'
import { formatRange } from '../../format'
import { BookingCard } from '../components/BookingCard'
import { useOnReturn } from '../../../../hooks/useOnReturn'
import '../staff.scss'

const REASON_MAX = maxLengthOf('room', 'cancel', 'reason')

/** Every room's bookings on one day, in their states: staff mark a booking checked in, or cancel it with a reason. */
export default function DayViewPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const [date, setDate] = useState(params.date ?? shanghaiDate(Date.now()))
  const day = useLoaded(() => api.room.dayView({ communityId, date }), communityId ? `${communityId}|${date}` : null)
  const act = useAction()
  useOnReturn(day.reload)
  usePullDownRefresh(() => void day.reload().finally(() => Taro.stopPullDownRefresh()))

  const replace = (next: BookingView | undefined) => {
    if (!next || !day.data) return next
    day.setData({ ...day.data, rooms: day.data.rooms.map((r) => ({ ...r, bookings: r.bookings.map((b) => (b.id === next.id ? next : b)) })) })
    return next
  }
  const markCheckedIn = async (b: BookingView) => replace(await act.run(`in:${b.id}`, () => api.room.markCheckedIn({ id: b.id }), { success: '已签到' }))
  const cancel = async (b: BookingView, reason: string) => replace(await act.run(`cancel:${b.id}`, () => api.room.cancel({ id: b.id, reason }), { success: '已取消' }))
  const today = shanghaiDate(Date.now())

  return (
    <Page>
      <Text className="page-title">每日安排</Text>
      <View className="gz-row rs-day__pick">
        <Button size="large" data-testid="day-prev" onClick={() => setDate(dateAfter(date, -1))}>
          ‹ 前一天
        </Button>
        <Picker mode="date" value={date} onChange={(e) => setDate(String(e.detail.value))}>
          <View className="gz-choice" role="button" data-testid="day-date">
            {date} {WEEKDAY_LABELS[weekdayOf(date)]}
            {date === today ? '（今天）' : ''}
          </View>
        </Picker>
        <Button size="large" data-testid="day-next" onClick={() => setDate(dateAfter(date, 1))}>
          后一天 ›
        </Button>
      </View>
      <StateView loading={day.loading} error={day.error} empty={day.data?.rooms.length === 0} emptyText="还没有活动室" onRetry={() => void day.reload()} />
      {(day.data?.rooms ?? []).map(({ room, bookings }) => (
        <View key={room.id} data-testid="day-room" data-room-id={room.id}>
          <Text className="gz-section-title">
            {room.name}
            {room.inUse ? '' : '（已停用）'}
          </Text>
          {bookings.length === 0 ? <Text className="gz-card gz-muted rs-line">这一天没有预约</Text> : null}
          {bookings.map((b) => (
            <BookingCard key={b.id} booking={b} showRoom={false}>
              {b.can.markCheckedIn ? (
                <Button type="primary" block size="large" loading={act.busy === `in:${b.id}`} data-testid="mark-checked-in" onClick={() => void markCheckedIn(b)}>
                  标记已签到
                </Button>
              ) : null}
              {b.can.cancel ? (
                <ReasonAction
                  label="取消预约"
                  reasonLabel="取消的原因"
                  hint="原因会告诉预约的居民"
                  maxLength={REASON_MAX}
                  busy={act.busy === `cancel:${b.id}`}
                  danger
                  testId="staff-cancel"
                  confirm={{ title: '取消这个预约？', content: `${room.name} ${formatRange(b)} 的预约将被取消，时段给候补的居民，不能恢复。`, confirmText: '取消预约', danger: true }}
                  onConfirm={(reason) => cancel(b, reason)}
                />
              ) : null}
            </BookingCard>
          ))}
        </View>
      ))}
    </Page>
  )
}
