import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { DECISION_RULE_LABELS } from '@shared/consultation/decision'
import { earlyStartText, opensEarly } from '@shared/consultation/opening'
import { PARTICIPANT_ROLES } from '@shared/consultation/steps'
import { Choices } from '../../../../components/Choices'
import { Field } from '../../../../components/Field'
import { StateView } from '../../../../components/StateView'
import { api } from '../../../../services/api'
import { confirmIrreversible } from '../../../../services/confirm'
import { formatDateTime } from '../../../../services/format'
import { useConsultationSettings } from '../../hooks/useConsultationSettings'
import { useLoaded } from '../../../../hooks/useLoaded'
import { PointsList } from '../PointsList'
import { ResultCard } from '../ResultCard'
import type { StepFormProps } from './types'
import { TextArea, TextInput } from '../../../../components/TextInput'
import { maxLengthOf } from '../../../../services/limits'
import { useKeptText } from '../../../../hooks/useDraft'

const GUEST_ROLES = ['居民', ...PARTICIPANT_ROLES] as const
const SPEAKER_ROLES = ['居民', ...PARTICIPANT_ROLES, '主持人', '社区工作者'] as const
type GuestRole = (typeof GUEST_ROLES)[number]
type SpeakerRole = (typeof SPEAKER_ROLES)[number]
const asOptions = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: value }))

/** Step 5, the live meeting: code for check-in, who is here against the quorum, points, the vote, minutes. */
export function MeetingStep({ view: c, act, apply, refresh }: StepFormProps) {
  const open = !!c.meetingOpenedAt
  const live = `${c.id}:${c.attendanceCount}:${c.voteState}`
  const attendees = useLoaded(() => api.consultation.listAttendees({ id: c.id }), open ? live : null)
  const signups = useLoaded(async () => (await api.consultation.listSignups({ id: c.id, limit: 100 })).items.filter((s) => s.status === 'seated'), open ? live : null)
  const [pointsKey, setPointsKey] = useState(0)
  const points = useLoaded(() => api.consultation.listPoints({ id: c.id }), open ? `${c.id}:${pointsKey}` : null)
  const [guest, setGuest] = useState<{ name: string; role: GuestRole }>({ name: '', role: '物业' })
  const [guestError, setGuestError] = useState<string | undefined>()
  const [point, setPoint] = useState<{ role: SpeakerRole; summary: string }>({ role: '居民', summary: '' })
  const [pointError, setPointError] = useState<string | undefined>()
  const [minutes, setMinutes] = useState(c.minutes)
  const [minutesError, setMinutesError] = useState<string | undefined>()
  const minutesDraft = useKeptText(`minutes:${c.id}`, minutes, setMinutes, minutes.trim() !== (c.minutes ?? '').trim())
  const active = c.state === 'active'
  const { earlyStartHours } = useConsultationSettings(c.communityId)
  const meetingAt = c.plan?.meetingAt ?? 0
  const [earlyReason, setEarlyReason] = useState('')
  const [earlyError, setEarlyError] = useState<string | undefined>()
  // The server has the last word on the clock: when it asks for a reason, the field shows even if this phone thought it was time.
  const [serverWantsReason, setServerWantsReason] = useState(false)
  const early = serverWantsReason || (!!c.plan && opensEarly(meetingAt, Date.now(), earlyStartHours))
  const quorum = c.plan?.quorum ?? 0

  const call = async (key: string, run: () => Promise<typeof c>, success: string) => {
    const next = await act.run(key, run, { success })
    if (next) apply(next)
  }
  const openMeeting = async () => {
    const reason = earlyReason.trim()
    if (early && !reason) {
      setEarlyError('提前开始会议，请写明理由')
      void Taro.showToast({ title: '请写明提前开始的理由', icon: 'none' })
      return
    }
    const told = c.seatsTaken + c.waitingCount
    const sure = await confirmIrreversible({
      title: early ? '提前开始会议？' : '开始会议？',
      content: `${early ? `会议原定${formatDateTime(meetingAt)}，现在提前开始；理由会记入议事记录${told ? `，并通知已报名的${told}人` : ''}。` : ''}开始后报名截止，手机上显示签到码，不能再退回上一步。`,
      confirmText: '开始',
    })
    if (!sure) return
    const next = await act.run('openMeeting', () => api.consultation.openMeeting({ id: c.id, reason: early ? reason : undefined }), {
      success: '会议开始',
      onFields: (f) => {
        if (f.reason) {
          setServerWantsReason(true)
          setEarlyError(f.reason)
        }
      },
    })
    if (next) apply(next)
  }
  const openVote = async () => {
    const short = c.attendanceCount < quorum
    const sure = await confirmIrreversible({
      title: '开启表决？',
      content: `已到会${c.attendanceCount}人，法定人数${quorum}人${short ? `，还差${quorum - c.attendanceCount}人：不足法定人数时表决结果无效` : ''}。开启后已签到的人在手机上投票，表决不能撤回。`,
      confirmText: '开启',
    })
    if (sure) await call('openVote', () => api.consultation.openVote({ id: c.id }), '表决已开启')
  }
  const closeVote = async () => {
    const sure = await confirmIrreversible({
      title: '结束表决并计票？',
      content: `已有${c.votesCast ?? 0}人投票，到会${c.attendanceCount}人。结束后不能再投票或签到，立即按“${c.plan ? DECISION_RULE_LABELS[c.plan.rule] : ''}”计票，结果不能更改。`,
      confirmText: '结束计票',
    })
    if (sure) await call('closeVote', () => api.consultation.closeVote({ id: c.id }), '已计票')
  }
  const markUser = async (userId: string) => {
    const done = await act.run(`mark:${userId}`, (submission) => api.consultation.markPresent({ id: c.id, userId, role: '居民' }, submission), { success: '已登记到会' })
    if (done) await refresh()
  }
  const markGuest = async () => {
    const done = await act.run('markGuest', (submission) => api.consultation.markPresent({ id: c.id, guestName: guest.name.trim(), role: guest.role }, submission), {
      content: guest,
      success: '已登记到会',
      onFields: (f) => setGuestError(f.guestName ?? f.role),
    })
    if (done) {
      setGuest({ name: '', role: guest.role })
      await refresh()
    }
  }
  const addPoint = async () => {
    const done = await act.run('point', (submission) => api.consultation.recordPoint({ id: c.id, speakerRole: point.role, summary: point.summary.trim() }, submission), {
      content: point,
      success: '已记录',
      onFields: (f) => setPointError(f.summary ?? f.speakerRole),
    })
    if (done) {
      setPoint({ role: point.role, summary: '' })
      setPointsKey((k) => k + 1)
    }
  }
  const saveMinutes = async () => {
    const next = await act.run('minutes', () => api.consultation.saveMinutes({ id: c.id, minutes: minutes.trim() }), { success: '纪要已保存', onFields: (f) => setMinutesError(f.minutes) })
    if (next) minutesDraft.clear()
    if (next) apply(next)
  }

  if (!open) {
    return (
      <View className="gz-card gz-stack">
        <Text className="cs-card-title">开展协商</Text>
        <Text>会议时间：{formatDateTime(meetingAt)}。已报名 {c.seatsTaken} 人。</Text>
        {early ? (
          <Text className="cs-callout cs-callout--wait" data-testid="early-start-note">
            {earlyStartText(meetingAt, earlyStartHours)}
          </Text>
        ) : (
          <Text>会议时间快到了，点下面的按钮开始会议，手机上会显示签到码。</Text>
        )}
        {active && early ? (
          <Field label="提前开始的理由" error={earlyError} hint="例如：天气原因改期提前，已电话通知参会人" name="reason">
            <TextArea
              className="gz-textarea cs-textarea--short"
              value={earlyReason}
              maxlength={maxLengthOf('consultation', 'openMeeting', 'reason')}
              placeholder="请写明为什么提前开始"
              data-testid="early-reason"
              onInput={(e) => {
                setEarlyReason(e.detail.value)
                setEarlyError(undefined)
              }}
            />
          </Field>
        ) : null}
        {active ? (
          <Button type="primary" block size="large" loading={act.busy === 'openMeeting'} onClick={() => void openMeeting()} data-testid="open-meeting">
            {early ? '提前开始会议' : '开始会议'}
          </Button>
        ) : null}
      </View>
    )
  }

  const present = new Set((attendees.data ?? []).map((a) => a.id.split(':').pop()))
  return (
    <View className="gz-stack">
      {c.checkInCode ? (
        <View className="gz-card cs-code" data-testid="checkin-code-card">
          <Text className="gz-muted">签到码（请参会居民在手机上输入）</Text>
          <Text className="cs-code__value" data-testid="checkin-code-value" userSelect>
            {c.checkInCode}
          </Text>
        </View>
      ) : null}
      <View className="gz-card gz-stack">
        <Text className="cs-card-title">到会情况</Text>
        <Text className={`cs-callout ${c.attendanceCount >= quorum ? 'cs-callout--ok' : 'cs-callout--wait'}`} data-testid="attendance">
          已到会 {c.attendanceCount} 人 / 法定人数 {quorum} 人{c.attendanceCount >= quorum ? '，已达到' : `，还差 ${quorum - c.attendanceCount} 人`}
        </Text>
        <StateView loading={attendees.loading} error={attendees.error} onRetry={attendees.reload} />
        {(attendees.data ?? []).map((a) => (
          <View key={a.id} className="gz-row gz-row--between cs-signup">
            <Text>
              {a.name}（{a.role}）
            </Text>
            <Text className="gz-tag gz-tag--green">{a.via === 'qr' ? '自己签到' : '主持人登记'}</Text>
          </View>
        ))}
        {active && c.voteState !== 'closed' ? (
          <>
            <Text className="cs-subtitle">登记到会</Text>
            {(signups.data ?? [])
              .filter((s) => !present.has(s.userId))
              .map((s) => (
                <View key={s.userId} className="gz-row gz-row--between cs-signup">
                  <Text>{s.name}（已报名）</Text>
                  <Button size="small" loading={act.busy === `mark:${s.userId}`} onClick={() => markUser(s.userId)}>
                    登记到会
                  </Button>
                </View>
              ))}
            <Field label="其他参会人" error={guestError} hint="受邀的居民代表、物业、专家等，填写姓名和身份" name="guestName">
              <TextInput
                className="gz-input"
                value={guest.name}
                maxlength={maxLengthOf('consultation', 'markPresent', 'guestName')}
                placeholder="姓名，例如 物业刘经理"
                onInput={(e) => {
                  setGuest({ ...guest, name: e.detail.value })
                  setGuestError(undefined)
                }}
              />
              <Choices options={asOptions(GUEST_ROLES)} value={guest.role} onChange={(role) => setGuest({ ...guest, role })} />
            </Field>
            <Button block size="large" loading={act.busy === 'markGuest'} onClick={markGuest} data-testid="mark-guest">
              登记此人到会
            </Button>
          </>
        ) : null}
      </View>

      <View className="gz-card gz-stack">
        <Text className="cs-card-title">发言要点</Text>
        <PointsList points={points.data ?? []} />
        {active ? (
          <>
            <Field label="谁发言" name="speakerRole">
              <Choices options={asOptions(SPEAKER_ROLES)} value={point.role} onChange={(role) => setPoint({ ...point, role })} />
            </Field>
            <Field label="说了什么" error={pointError} name="summary">
              <TextArea
                className="gz-textarea cs-textarea--short"
                value={point.summary}
                maxlength={maxLengthOf('consultation', 'recordPoint', 'summary')}
                placeholder="一两句话记下要点"
                onInput={(e) => {
                  setPoint({ ...point, summary: e.detail.value })
                  setPointError(undefined)
                }}
              />
            </Field>
            <Button block size="large" loading={act.busy === 'point'} onClick={addPoint} data-testid="add-point">
              记下这条发言
            </Button>
          </>
        ) : null}
      </View>

      <View className="gz-card gz-stack" data-testid="vote-control" data-vote={c.voteState}>
        <Text className="cs-card-title">表决</Text>
        {c.voteState === 'not_open' ? (
          <>
            <Text className="gz-muted">讨论结束后开启表决，已签到的参会人在手机上投票。</Text>
            {active ? (
              <Button type="primary" block size="large" loading={act.busy === 'openVote'} onClick={() => void openVote()} data-testid="open-vote">
                开启表决
              </Button>
            ) : null}
          </>
        ) : null}
        {c.voteState === 'open' ? (
          <>
            <Text className="cs-callout cs-callout--wait">表决进行中，请参会人在手机上投票</Text>
            {active ? (
              <Button type="primary" block size="large" loading={act.busy === 'closeVote'} onClick={() => void closeVote()} data-testid="close-vote">
                结束表决并计票
              </Button>
            ) : null}
          </>
        ) : null}
      </View>
      {c.result ? <ResultCard result={c.result} /> : null}

      <View className="gz-card">
        <Text className="cs-card-title">会议纪要</Text>
        <Field label="纪要内容" error={minutesError} hint="会后整理，会写进结果公示" name="minutes">
          <TextArea
            className="gz-textarea"
            value={minutes}
            maxlength={maxLengthOf('consultation', 'saveMinutes', 'minutes')}
            placeholder="会议讨论了什么、决定了什么"
            onInput={(e) => {
              setMinutes(e.detail.value)
              setMinutesError(undefined)
            }}
          />
        </Field>
        {active ? (
          <Button type="primary" block size="large" loading={act.busy === 'minutes'} onClick={saveMinutes} data-testid="save-minutes">
            保存纪要
          </Button>
        ) : null}
      </View>
    </View>
  )
}
