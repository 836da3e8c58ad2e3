import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { BookingView } from '@shared/contract'
import { formatShanghai } from '@shared/time'
import { Page } from '../../../components/Page'
import { StateView } from '../../../components/StateView'
import { useAction } from '../../../hooks/useAction'
import { useLoaded } from '../../../hooks/useLoaded'
import { useOnReturn } from '../../../hooks/useOnReturn'
import { BookingActions, BookingStatus } from '../components/BookingCard'
import { api } from '../../../services/api'
import { formatRange } from '../format'
import '../room.scss'

const at = (ts: number) => formatShanghai(ts, 'M月D日 HH:mm')

/**
 * One booking, where a message about it opens: its state and why, when to check in, and what the booker may do.
 * A waitlist offer reads first: the slot is held until a time, accept or decline before then.
 */
export default function BookingPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const booking = useLoaded(() => api.room.booking({ id }), id || null)
  const act = useAction()
  usePullDownRefresh(() => {
    void booking.reload().finally(() => Taro.stopPullDownRefresh())
  })
  // Back from checking in: the booking has moved on.
  useOnReturn(booking.reload)
  const b = booking.data
  return (
    <Page>
      <Text className="page-title" data-testid="booking-title">
        {b ? b.roomName : '预约'}
      </Text>
      <StateView loading={booking.loading} error={b ? null : booking.error} onRetry={() => void booking.reload()} />
      {b ? (
        <>
          <Offer booking={b} />
          <View className="gz-card" data-testid="booking" data-status={b.status}>
            <View className="rm-meta">
              <BookingStatus booking={b} />
              {b.proxyBy ? <Text className="gz-tag gz-tag--gray">社区代办</Text> : null}
            </View>
            <Text className="rm-card__title">{formatRange(b)}</Text>
            <Text className="rm-line">
              用途：{b.purpose} · {b.attendees}人
            </Text>
            <Explanation booking={b} />
          </View>
          <View className="gz-card">
            <BookingActions booking={b} act={act} onChanged={booking.setData} />
          </View>
        </>
      ) : null}
    </Page>
  )
}

/** A waitlist hold: until when, and what happens if nobody answers. */
function Offer({ booking: b }: { booking: BookingView }) {
  if (b.status !== 'offered' || !b.holdUntil) return null
  return (
    <View className="gz-card" data-testid="offer">
      <Text className="gz-section-title">您候补的时段空出来了</Text>
      <Text className="rm-line">为您保留到</Text>
      <Text className="rm-big" data-testid="hold-until">
        {at(b.holdUntil)}
      </Text>
      <Text className="rm-line">请在这之前确认要不要。过时没有确认，会顺延给排在您后面的居民。</Text>
    </View>
  )
}

/** Why the booking stands as it does, in the booker's words. */
function Explanation({ booking: b }: { booking: BookingView }) {
  switch (b.status) {
    case 'pending':
      return <Text className="rm-line">这间活动室的预约要社区审核，审核通过后会发消息告诉您。</Text>
    case 'confirmed':
      return <Text className="rm-line">到了以后请签到：{at(b.checkInFrom)} 到 {formatShanghai(b.checkInUntil, 'HH:mm')} 之间，扫门口的二维码或输入门口的签到码。过时没有签到，时段会释放给别人，并记一次未签到。</Text>
    case 'checked_in':
      return b.checkedInAt ? <Text className="rm-ok">已于{at(b.checkedInAt)}签到 ✓</Text> : null
    case 'rejected':
      return <Text className="rm-line gz-text-danger">未通过的理由：{b.rejectReason}</Text>
    case 'cancelled':
      return <Text className="rm-line">{b.cancelledBy === 'staff' ? `社区工作者取消了这个预约：${b.cancelReason ?? ''}` : b.cancelledBy === 'system' ? `预约已取消：${b.cancelReason ?? ''}` : '您已取消这个预约。'}</Text>
    case 'no_show':
      return <Text className="rm-line gz-text-danger">开始后15分钟仍未签到，时段已释放，记一次未签到。30天内未签到次数多了会暂停预约。</Text>
    case 'lapsed':
      return <Text className="rm-line">保留时间内没有确认，时段已顺延给下一位。</Text>
    default:
      return null
  }
}
