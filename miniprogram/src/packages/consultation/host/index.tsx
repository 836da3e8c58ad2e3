import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ConsultationView } from '@shared/contract'
import { sendBackProblem, stepName } from '@shared/consultation/steps'
import { Page } from '../../../components/Page'
import { StateView } from '../../../components/StateView'
import { api } from '../../../services/api'
import { ApiCallError } from '../../../services/errors'
import { consultationRoutes } from '../../../services/consultationRoutes'
import { useConsultation } from '../hooks/useConsultation'
import { useAction } from '../../../hooks/useAction'
import { StepBar } from '../components/StepBar'
import { StateBanner } from '../components/StateBanner'
import { Checklist, NO_DRAFT, type Draft } from '../components/Checklist'
import { BottomBar } from '../components/BottomBar'
import { ReasonAction } from '../components/ReasonAction'
import { CollectStep } from '../components/host/CollectStep'
import { TopicStep } from '../components/host/TopicStep'
import { PlanStep } from '../components/host/PlanStep'
import { NoticeStep } from '../components/host/NoticeStep'
import { MeetingStep } from '../components/host/MeetingStep'
import { ReportStep } from '../components/host/ReportStep'
import { PostponeAction } from '../components/host/PostponeAction'
import type { StepFormProps } from '../components/host/types'
import '../consultation.scss'

const STEP_FORMS = [CollectStep, TopicStep, PlanStep, NoticeStep, MeetingStep, ReportStep]

/** Sign-ups and the meeting move while the host watches: keep those screens current. */
const isLive = (v: ConsultationView) => v.state === 'active' && ((v.step === 4 && !!v.noticeId) || (v.step === 5 && !!v.meetingOpenedAt && v.voteState !== 'closed'))

/** The host's screen: the current step's form, what is missing, and the one big button to move on. */
export default function HostPage() {
  const { params } = useRouter()
  const { view: c, loading, error, reload, apply } = useConsultation(params.id, isLive)
  const act = useAction()
  const [draft, setDraft] = useState<Draft>(NO_DRAFT)

  if (!c || loading) {
    return (
      <Page>
        <Text className="page-title">主持议事</Text>
        <StateView loading={loading} error={error} onRetry={() => void reload()} />
      </Page>
    )
  }
  if (!c.canManage) {
    return (
      <Page>
        <Text className="page-title">主持议事</Text>
        <StateView error={new ApiCallError({ code: 'FORBIDDEN', message: '只有本议事的主持人或社区工作者可以主持' })} />
      </Page>
    )
  }

  const props: StepFormProps = { view: c, act, apply, refresh: () => reload(true), onDraft: setDraft }
  const StepForm = STEP_FORMS[c.step - 1]
  const active = c.state === 'active'
  const nextName = c.step < 6 ? stepName(c.step + 1) : null
  const canBack = active && !sendBackProblem(c)

  const advance = async () => {
    const next = await act.run('advance', () => api.consultation.advance({ id: c.id, fromStep: c.step }), { success: `进入${nextName}` })
    if (next) {
      apply(next)
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    }
  }
  const close = async () => {
    const next = await act.run('close', () => api.consultation.close({ id: c.id }), { success: '议事已结束' })
    if (next) apply(next)
  }
  const withReason = (key: string, run: (reason: string) => Promise<ConsultationView>, success: string) => async (reason: string) => {
    const next = await act.run(key, () => run(reason), { success })
    if (next) apply(next)
    return next
  }

  return (
    <Page>
      <Text className="page-title">{c.title}</Text>
      <View data-testid="host-screen" data-step={c.step} data-state={c.state}>
        <StepBar step={c.step} state={c.state} />
        <StateBanner view={c} />
        <Text className="cs-step-heading">
          第{c.step}步 · {stepName(c.step)}
        </Text>
        {active ? <Checklist missing={c.missing} nextName={nextName} draft={draft} /> : null}
        <StepForm key={`${c.id}:${c.step}`} {...props} />

        <Text className="gz-section-title">其他操作</Text>
        <View className="gz-stack">
          {c.state === 'postponed' ? (
            <Button type="primary" block size="large" loading={act.busy === 'resume'} onClick={() => void withReason('resume', () => api.consultation.resume({ id: c.id }), '已恢复进行')('')}>
              恢复进行
            </Button>
          ) : null}
          {canBack ? (
            <ReasonAction
              label="退回上一步"
              reasonLabel="退回的理由"
              hint={`退回到第${c.step - 1}步「${stepName(c.step - 1)}」，理由会公开`}
              busy={act.busy === 'sendBack'}
              testId="send-back"
              onConfirm={withReason('sendBack', (reason) => api.consultation.sendBack({ id: c.id, fromStep: c.step, reason }), '已退回')}
            />
          ) : null}
          {active ? <PostponeAction view={c} act={act} apply={apply} /> : null}
          {c.state === 'active' || c.state === 'postponed' ? (
            <ReasonAction
              label="取消议事"
              reasonLabel="取消的理由"
              hint="取消后不能恢复。会发公告告诉居民，并通知已报名的人"
              busy={act.busy === 'cancel'}
              danger
              testId="cancel"
              confirm={{
                title: '取消这次议事？',
                content: `取消后不能恢复，议事停在第${c.step}步「${stepName(c.step)}」。${c.noticeId ? '会发公告告诉居民，' : ''}${c.seatsTaken + c.waitingCount ? `已报名的${c.seatsTaken + c.waitingCount}人会收到通知，` : ''}取消的理由会公开。`,
                confirmText: '取消议事',
                danger: true,
              }}
              onConfirm={withReason('cancel', (reason) => api.consultation.cancel({ id: c.id, reason }), '已取消')}
            />
          ) : null}
          <Button block size="large" fill="none" onClick={() => void Taro.navigateTo({ url: consultationRoutes.detail(c.id) })}>
            看看居民看到的页面
          </Button>
        </View>

        {active ? (
          <BottomBar>
            {c.missing.length ? <Text className="cs-bar__why">还差 {c.missing.length} 项，见上方清单</Text> : null}
            {!c.missing.length && draft.unsaved ? <Text className="cs-bar__why">有未保存的修改，请先保存或放弃</Text> : null}
            {c.step < 6 ? (
              <Button type="primary" block size="large" disabled={c.missing.length > 0 || draft.unsaved} loading={act.busy === 'advance'} onClick={advance} data-testid="advance">
                进入下一步「{nextName}」
              </Button>
            ) : (
              <Button type="primary" block size="large" disabled={c.missing.length > 0} loading={act.busy === 'close'} onClick={close} data-testid="close">
                结束议事
              </Button>
            )}
          </BottomBar>
        ) : null}
      </View>
    </Page>
  )
}
