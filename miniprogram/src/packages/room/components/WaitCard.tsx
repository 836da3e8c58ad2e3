import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { WaitView } from '@shared/contract'
import type { useAction } from '../../../hooks/useAction'
import { api } from '../../../services/api'
import { confirmIrreversible } from '../../../services/confirm'
import { routes } from '../../../services/routes'
import { formatRange } from '../format'

/** A place in a room's waitlist: where I stand, the offer when it comes, and leaving the queue (asked first). */
export function WaitCard({ wait: w, act, onChanged }: { wait: WaitView; act: ReturnType<typeof useAction>; onChanged: (w: WaitView) => void }) {
  const leave = async () => {
    const ok = await confirmIrreversible({ title: '退出候补？', content: '退出后您在队里的位置就没有了，再排要从最后排起。', confirmText: '退出候补', danger: true })
    if (!ok) return
    const next = await act.run(`leave:${w.id}`, () => api.room.leaveWaitlist({ id: w.id }), { success: '已退出候补' })
    if (next) onChanged(next)
  }
  return (
    <View className="gz-card rm-card" data-testid="wait-card" data-status={w.status}>
      <View className="rm-meta">
        <Text className={`gz-tag ${w.status === 'offered' ? 'gz-tag--orange' : 'gz-tag--gray'}`}>{w.statusLabel}</Text>
        <Text className="gz-tag gz-tag--gray">{w.roomName}</Text>
      </View>
      <Text className="rm-card__title">{formatRange(w)}</Text>
      <Text className="rm-line">{w.purpose}</Text>
      {w.status === 'waiting' && w.position ? <Text className="rm-line">排在第{w.position}位</Text> : null}
      <View className="rm-actions">
        {w.status === 'offered' && w.bookingId ? (
          <Button type="primary" block size="large" data-testid="wait-offer" onClick={() => void Taro.navigateTo({ url: routes.roomBooking(w.bookingId as string) })}>
            时段空出来了，去确认
          </Button>
        ) : null}
        {w.status === 'waiting' ? (
          <Button block size="large" loading={act.busy === `leave:${w.id}`} onClick={() => void leave()}>
            退出候补
          </Button>
        ) : null}
      </View>
    </View>
  )
}
