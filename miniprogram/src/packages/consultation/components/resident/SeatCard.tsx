import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ConsultationView } from '@shared/contract'
import { placeSignup, signupProblem } from '@shared/consultation/seats'
import { api } from '../../../../services/api'
import { formatDateTime } from '../../../../services/format'
import type { useAction } from '../../../../hooks/useAction'

/** Whether the next sign-up joins the waitlist, by the server's own rule. */
export function seatsFull(c: ConsultationView): boolean {
  return !!c.plan && placeSignup(c.seatsTaken, c.plan.openSeats, c.waitingCount) === 'waitlisted'
}

interface Props {
  view: ConsultationView
  canTakePart: boolean
  act: ReturnType<typeof useAction>
  refresh: () => Promise<void>
}

/** The meeting's time, place and seats, and my place in it: seated, waiting (which place), or not yet. */
export function SeatCard({ view: c, canTakePart, act, refresh }: Props) {
  if (!c.plan) return null
  const open = signupProblem(c) === null
  const { status, waitlistPosition } = c.me
  const cancel = async () => {
    const seat = await act.run('cancelSignup', () => api.consultation.cancelSignup({ id: c.id }), { success: '已取消报名' })
    if (seat) await refresh()
  }
  return (
    <View className="gz-card gz-stack cs-seat" data-testid="seat-card" data-seat={status ?? 'none'}>
      <Text className="cs-card-title">参加会议</Text>
      <Text>时间：{formatDateTime(c.plan.meetingAt)}</Text>
      <Text>地点：{c.plan.place}</Text>
      <Text>
        居民名额 {c.plan.openSeats} 个，已报名 {c.seatsTaken} 人{c.waitingCount ? `，候补 ${c.waitingCount} 人` : ''}
      </Text>
      {status === 'seated' ? (
        <Text className="cs-callout cs-callout--ok" data-testid="seat-status">
          您已报名成功{c.meetingOpenedAt ? '' : '，请按时参会'}
        </Text>
      ) : null}
      {status === 'waitlisted' ? (
        <Text className="cs-callout cs-callout--wait" data-testid="seat-status">
          您在候补名单第 {waitlistPosition} 位，有人取消时按顺序递补，递补成功会通知您
        </Text>
      ) : null}
      {open && (status === 'seated' || status === 'waitlisted') ? (
        <Button block size="large" loading={act.busy === 'cancelSignup'} onClick={cancel} data-testid="cancel-signup">
          {status === 'seated' ? '取消报名' : '退出候补'}
        </Button>
      ) : null}
      {open && !canTakePart ? <Text className="gz-muted">认证为本社区居民后可以报名。</Text> : null}
      {!open && c.step === 4 && !c.noticeId ? <Text className="gz-muted">公告发布后开放报名。</Text> : null}
      {c.meetingOpenedAt && status !== 'seated' ? <Text className="gz-muted">会议已开始，报名已截止。</Text> : null}
    </View>
  )
}
