import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { BookingView } from '@shared/contract'
import { formatShanghai } from '@shared/time'
import type { useAction } from '../../../hooks/useAction'
import { api } from '../../../services/api'
import { confirmIrreversible } from '../../../services/confirm'
import { routes } from '../../../services/routes'
import { formatRange } from '../format'

const TONE: Partial<Record<BookingView['status'], string>> = {
  offered: 'gz-tag--orange',
  pending: 'gz-tag--orange',
  confirmed: 'gz-tag--green',
  checked_in: 'gz-tag--primary',
  completed: 'gz-tag--primary',
}

export function BookingStatus({ booking }: { booking: BookingView }) {
  return <Text className={`gz-tag ${TONE[booking.status] ?? 'gz-tag--gray'}`}>{booking.statusLabel}</Text>
}

/** A booking in a list: room, when, what for. Tap to open it; its buttons act at once. */
export function BookingCard({ booking: b, act, onChanged }: { booking: BookingView; act: Act; onChanged: (b: BookingView) => void }) {
  return (
    <View className="gz-card rm-card" data-testid="booking-card" data-status={b.status}>
      <View role="button" onClick={() => void Taro.navigateTo({ url: routes.roomBooking(b.id) })}>
        <View className="rm-meta">
          <BookingStatus booking={b} />
          <Text className="gz-tag gz-tag--gray">{b.roomName}</Text>
        </View>
        <Text className="rm-card__title">{formatRange(b)}</Text>
        <Text className="rm-line">
          {b.purpose} · {b.attendees}人
        </Text>
        {b.status === 'offered' && b.holdUntil ? <Text className="rm-line gz-text-danger">候补到位，为您保留到{formatShanghai(b.holdUntil, 'M月D日 HH:mm')}，请尽快确认</Text> : null}
      </View>
      <BookingActions booking={b} act={act} onChanged={onChanged} />
    </View>
  )
}

type Act = ReturnType<typeof useAction>

/**
 * What the booker may do now: check in while the window is open, cancel before the cut-off (asked first), accept
 * or decline a waitlist offer before its hold runs out (declining asked first).
 */
export function BookingActions({ booking: b, act, onChanged }: { booking: BookingView; act: Act; onChanged: (b: BookingView) => void }) {
  const busy = (k: string) => act.busy === `${k}:${b.id}`
  const run = async (key: string, call: () => Promise<BookingView>, success: string) => {
    const next = await act.run(`${key}:${b.id}`, call, { success })
    if (next) onChanged(next)
  }
  const cancel = async () => {
    const ok = await confirmIrreversible({
      title: '取消这个预约？',
      content: `${b.roomName} ${formatRange(b)} 的预约将被取消，时段会让给排队候补的居民，取消后不能恢复。`,
      confirmText: '取消预约',
      danger: true,
    })
    if (ok) await run('cancel', () => api.room.cancel({ id: b.id }), '已取消')
  }
  const decline = async () => {
    const ok = await confirmIrreversible({ title: '放弃这个时段？', content: '放弃后时段会留给排在您后面的居民，不能再要回。', confirmText: '放弃', danger: true })
    if (ok) await run('decline', () => api.room.declineOffer({ id: b.id }), '已放弃')
  }
  const live = b.status === 'pending' || b.status === 'confirmed'
  if (!b.mine) return null
  return (
    <View className="rm-actions">
      {b.can.checkIn ? (
        <Button type="primary" block size="large" data-testid="booking-checkin" onClick={() => void Taro.navigateTo({ url: routes.roomCheckIn(b.roomId) })}>
          签到
        </Button>
      ) : null}
      {b.can.accept ? (
        <Button type="primary" block size="large" loading={busy('accept')} data-testid="offer-accept" onClick={() => void run('accept', () => api.room.acceptOffer({ id: b.id }), '已确认')}>
          确认要这个时段
        </Button>
      ) : null}
      {b.can.decline ? (
        <Button block size="large" loading={busy('decline')} data-testid="offer-decline" onClick={() => void decline()}>
          不要了，让给下一位
        </Button>
      ) : null}
      {b.can.cancel ? (
        <Button block size="large" loading={busy('cancel')} data-testid="booking-cancel" onClick={() => void cancel()}>
          取消预约
        </Button>
      ) : live && !b.can.checkIn ? (
        <Text className="gz-muted">已过自行取消的截止时间，如需取消请联系社区工作者。</Text>
      ) : null}
    </View>
  )
}
