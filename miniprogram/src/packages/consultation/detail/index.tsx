import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { SIGNUP_TEMPLATE_KEYS } from '@shared/consultation/notifications'
import { collectingProblem } from '@shared/consultation/collection'
import { signupProblem } from '@shared/consultation/seats'
import { stepName } from '@shared/consultation/steps'
import { Page } from '../../../components/Page'
import { StateView } from '../../../components/StateView'
import { useMe } from '../../../hooks/useMe'
import { api } from '../../../services/api'
import { consultationRoutes } from '../../../services/consultationRoutes'
import { askToSubscribe, preloadTemplates } from '../../../services/subscriptions'
import { useConsultation } from '../hooks/useConsultation'
import { useAction } from '../../../hooks/useAction'
import { useLoaded } from '../../../hooks/useLoaded'
import { StepBar } from '../components/StepBar'
import { StateBanner } from '../components/StateBanner'
import { NowCard } from '../components/NowCard'
import { PlanCard, TopicCard } from '../components/TopicCard'
import { ResultCard } from '../components/ResultCard'
import { PointsList } from '../components/PointsList'
import { Timeline } from '../components/Timeline'
import { BottomBar } from '../components/BottomBar'
import { SeatCard, seatsFull } from '../components/resident/SeatCard'
import { CheckInCard } from '../components/resident/CheckInCard'
import { VoteCard } from '../components/resident/VoteCard'
import { ReportCard } from '../components/resident/ReportCard'
import { RateCard } from '../components/resident/RateCard'
import { StaffTools } from '../components/staff/StaffTools'
import '../consultation.scss'

/** Residents (and anyone) follow a consultation here; what they can do shows at the step it belongs to. */
export default function ConsultationDetailPage() {
  const { params } = useRouter()
  const { me } = useMe()
  // During the meeting people watch their phones for the vote to open.
  const { view: c, timeline, loading, error, reload, apply } = useConsultation(params.id, (v) => v.step === 5 && v.state === 'active')
  const act = useAction()
  const afterMeeting = !!c && (c.step === 6 || (c.step === 5 && !!c.meetingOpenedAt))
  const points = useLoaded(() => api.consultation.listPoints({ id: c!.id }), afterMeeting ? `${c!.id}:${c!.updatedAt}` : null)
  const progress = useLoaded(() => api.consultation.listProgress({ id: c!.id }), c?.step === 6 ? `${c.id}:${c.updatedAt}` : null)
  const refresh = () => reload(true)
  // Template ids must be at hand when 报名 or 投票 is tapped: WeChat asks only from within the tap.
  useEffect(() => {
    void preloadTemplates()
  }, [])

  const canTakePart = !!c && me?.residency?.status === 'approved' && me.residency.communityId === c.communityId

  const signUp = async () => {
    if (!c) return
    void askToSubscribe(SIGNUP_TEMPLATE_KEYS)
    const seat = await act.run('signUp', () => api.consultation.signUp({ id: c.id }))
    if (seat) {
      void Taro.showToast({ title: seat.status === 'seated' ? '报名成功' : `已进入候补第${seat.waitlistPosition}位`, icon: 'none' })
      await refresh()
    }
  }

  let bottom: JSX.Element | null = null
  if (c?.canManage && c.state !== 'cancelled' && c.state !== 'closed') {
    bottom = (
      <Button type="primary" block size="large" data-testid="go-host" onClick={() => void Taro.navigateTo({ url: consultationRoutes.host(c.id) })}>
        主持议事：第{c.step}步「{stepName(c.step)}」
      </Button>
    )
  } else if (c && canTakePart && collectingProblem(c, Date.now()) === null) {
    bottom = (
      <Button type="primary" block size="large" data-testid="submit-opinion" onClick={() => void Taro.navigateTo({ url: consultationRoutes.submitOpinion(c.communityId, c.id) })}>
        我来提意见
      </Button>
    )
  } else if (c && canTakePart && signupProblem(c) === null && (c.me.status === null || c.me.status === 'cancelled')) {
    bottom = (
      <Button type="primary" block size="large" loading={act.busy === 'signUp'} data-testid="sign-up" onClick={signUp}>
        {seatsFull(c) ? '名额已满，报名候补' : '报名参加'}
      </Button>
    )
  }

  return (
    <Page>
      <Text className="page-title">{c?.title ?? '议事详情'}</Text>
      <StateView loading={loading} error={error} onRetry={() => void reload()} />
      {c && !loading ? (
        <View data-testid="consultation" data-step={c.step} data-state={c.state}>
          <Text className="gz-muted cs-community">{c.communityName}</Text>
          <StepBar step={c.step} state={c.state} />
          <StateBanner view={c} />
          <NowCard view={c} />
          <CheckInCard view={c} act={act} refresh={refresh} />
          <VoteCard view={c} act={act} refresh={refresh} />
          {c.result ? <ResultCard result={c.result} /> : null}
          <RateCard view={c} canTakePart={canTakePart} act={act} refresh={refresh} />
          <ReportCard view={c} progress={progress.data ?? []} />
          {c.step >= 4 ? <SeatCard view={c} canTakePart={canTakePart} act={act} refresh={refresh} /> : null}
          <TopicCard view={c} />
          <PlanCard view={c} />
          {afterMeeting ? (
            <View className="gz-card gz-stack">
              <Text className="cs-card-title">会上发言要点</Text>
              <PointsList points={points.data ?? []} />
            </View>
          ) : null}
          {c.canApproveTopic ? <StaffTools view={c} act={act} apply={apply} /> : null}
          <Text className="gz-section-title">议事记录</Text>
          <View className="gz-card">
            <Timeline entries={timeline} />
          </View>
          {bottom ? <BottomBar>{bottom}</BottomBar> : null}
        </View>
      ) : null}
    </Page>
  )
}
