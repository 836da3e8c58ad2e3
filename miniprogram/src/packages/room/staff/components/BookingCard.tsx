import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import type { BookingView } from '@shared/contract'
import { BookingStatus } from '../../components/BookingCard'
import { formatRange } from '../../format'

/** Who the booking is for, as staff see it: the resident, or the series' or meeting's own words. */
function whoFor(b: BookingView): string {
  if (b.kind === 'consultation') return b.publicLabel
  if (b.kind === 'series') return `固定预约：${b.purpose}`
  return b.bookerName ?? '（居民）'
}

/** A booking as staff see it: who, when, what for, how many, its state; the actions go inside. */
export function BookingCard({ booking: b, showRoom = true, children }: PropsWithChildren<{ booking: BookingView; showRoom?: boolean }>) {
  return (
    <View className="gz-card" data-testid="booking" data-booking-id={b.id}>
      <View className="gz-row">
        <BookingStatus booking={b} />
        {b.kind === 'proxy' ? <Text className="gz-tag">代办</Text> : null}
        {b.kind === 'series' ? <Text className="gz-tag">固定预约</Text> : null}
      </View>
      <Text className="rs-title">{showRoom ? `${b.roomName} · ` : ''}{formatRange(b)}</Text>
      <Text className="rs-line">预约人：{whoFor(b)}</Text>
      {b.kind !== 'series' ? <Text className="rs-line">用途：{b.purpose}</Text> : null}
      <Text className="rs-line">人数：{b.attendees}人</Text>
      {b.rejectReason ? <Text className="rs-line gz-muted">未通过理由：{b.rejectReason}</Text> : null}
      {b.cancelReason ? <Text className="rs-line gz-muted">取消原因：{b.cancelReason}</Text> : null}
      {children ? <View className="rs-actions">{children}</View> : null}
    </View>
  )
}
