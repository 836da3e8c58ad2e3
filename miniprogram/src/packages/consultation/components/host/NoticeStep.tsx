import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { consultationNoticeText, consultationNoticeTitle, NOTICE_BUTTONS } from '@shared/consultation/announcements'
import { noticePeriodProblem } from '@shared/consultation/steps'
import { Field } from '../../../../components/Field'
import { StateView } from '../../../../components/StateView'
import { api } from '../../../../services/api'
import { confirmIrreversible } from '../../../../services/confirm'
import { formatDateTime } from '../../../../services/format'
import { routes } from '../../../../services/routes'
import { useLoaded } from '../../../../hooks/useLoaded'
import { NoticePreview } from '../NoticePreview'
import { PlanCard } from '../TopicCard'
import { useConsultationSettings } from '../../hooks/useConsultationSettings'
import type { StepFormProps } from './types'
import { TextArea } from '../../../../components/TextInput'
import { maxLengthOf } from '../../../../services/limits'

const STATUS = { seated: ['已报名', 'gz-tag--green'], waitlisted: ['候补', 'gz-tag--orange'], cancelled: ['已取消', 'gz-tag--gray'] } as const

/** Everyone who signed up, in order, with where they stand. */
export function SignupList({ id, refreshKey }: { id: string; refreshKey: string }) {
  const signups = useLoaded(async () => (await api.consultation.listSignups({ id, limit: 100 })).items, refreshKey)
  return (
    <View className="gz-stack" data-testid="signup-list">
      <StateView loading={signups.loading} error={signups.error} empty={signups.data?.length === 0} emptyText="还没有人报名" onRetry={signups.reload} />
      {(signups.data ?? []).map((s) => (
        <View key={s.userId} className="gz-row gz-row--between cs-signup">
          <Text>
            {s.seq}. {s.name}
          </Text>
          <Text className={`gz-tag ${STATUS[s.status][1]}`}>{STATUS[s.status][0]}</Text>
        </View>
      ))}
    </View>
  )
}

/** Step 4: publish the 协商公告 (saying why when the meeting is sooner than the notice period), then watch sign-ups. */
export function NoticeStep({ view: c, act, apply }: StepFormProps) {
  const { noticeDays } = useConsultationSettings(c.communityId)
  const tooSoon = c.plan ? noticePeriodProblem(c.plan.meetingAt, Date.now(), noticeDays) : null
  const [overrideReason, setOverrideReason] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [askReason, setAskReason] = useState(false)
  const [previewing, setPreviewing] = useState(false)
  const noticeId = c.noticeId
  const reason = overrideReason.trim()

  const preview = () => {
    if (tooSoon && !reason) return setError('请填写提前召开的理由')
    setPreviewing(true)
  }
  const publish = async () => {
    const sure = await confirmIrreversible({
      title: '发布协商公告？',
      content: '公告会立即出现在社区公告栏，提过意见的居民会收到通知，居民从此可以报名。发布后不能撤回或修改。',
      confirmText: '发布',
    })
    if (!sure) return
    const next = await act.run('publish', () => api.consultation.publishNotice({ id: c.id, overrideReason: reason || undefined }), {
      success: '公告已发布',
      onFields: (f) => {
        if (f.overrideReason) {
          setPreviewing(false)
          setAskReason(true)
          setError(f.overrideReason)
        }
      },
    })
    if (next) apply(next)
  }

  return (
    <View className="gz-stack">
      <PlanCard view={c} />
      {!noticeId ? (
        <View className="gz-card gz-stack">
          <Text className="cs-card-title">发布协商公告</Text>
          <Text className="gz-muted">公告会发到社区公告栏，居民看到后可以报名。</Text>
          {tooSoon || askReason ? (
            <Field label="提前召开的理由" error={error} hint={`${tooSoon ?? '会议离现在太近'}。如确需提前，请写明理由，会写进公告`} name="overrideReason">
              <TextArea
                className="gz-textarea cs-textarea--short"
                value={overrideReason}
                maxlength={maxLengthOf('consultation', 'publishNotice', 'overrideReason')}
                onInput={(e) => {
                  setOverrideReason(e.detail.value)
                  setError(undefined)
                  // The preview showed the old reason.
                  setPreviewing(false)
                }}
              />
            </Field>
          ) : null}
          {c.state === 'active' && !previewing ? (
            <Button type="primary" block size="large" onClick={preview} data-testid="publish-notice">
              预览并发布协商公告
            </Button>
          ) : null}
          {c.state === 'active' && previewing && c.topic && c.plan ? (
            <NoticePreview
              category="协商公告"
              title={consultationNoticeTitle(c.topic)}
              body={consultationNoticeText(c.topic, c.plan, tooSoon ? reason : null)}
              button={NOTICE_BUTTONS.announced}
              busy={act.busy === 'publish'}
              testId="notice-preview"
              onPublish={() => void publish()}
              onBack={() => setPreviewing(false)}
            />
          ) : null}
        </View>
      ) : (
        <View className="gz-card gz-stack">
          <Text className="cs-callout cs-callout--ok" data-testid="notice-published">
            协商公告已发布{c.noticeOverrideReason ? `（提前召开：${c.noticeOverrideReason}）` : ''}
          </Text>
          <View className="cs-link-row" role="button" onClick={() => void Taro.navigateTo({ url: routes.noticeDetail(noticeId) })}>
            <Text>查看《协商公告》</Text>
            <Text className="cs-picker__arrow">›</Text>
          </View>
          {c.plan ? (
            <Text data-testid="seat-count">
              居民名额 {c.plan.openSeats} 个：已报名 {c.seatsTaken} 人，候补 {c.waitingCount} 人
            </Text>
          ) : null}
          {c.plan ? <Text className="gz-muted">会议时间：{formatDateTime(c.plan.meetingAt)}</Text> : null}
          <Text className="cs-subtitle">报名名单</Text>
          <SignupList id={c.id} refreshKey={`${c.id}:${c.seatsTaken}:${c.waitingCount}:${c.updatedAt}`} />
        </View>
      )}
    </View>
  )
}
