import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PARTICIPANT_ROLES } from '@shared/consultation/steps'
import { Choices } from '../../../../components/Choices'
import { Field } from '../../../../components/Field'
import { StateView } from '../../../../components/StateView'
import { api } from '../../../../services/api'
import { useLoaded } from '../../hooks/useLoaded'
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

  const call = async (key: string, run: () => Promise<typeof c>, success: string) => {
    const next = await act.run(key, run, { success })
    if (next) apply(next)
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
        <Text>已报名 {c.seatsTaken} 人。到了会议时间，点下面的按钮开始会议，手机上会显示签到码。</Text>
        {active ? (
          <Button type="primary" block size="large" loading={act.busy === 'openMeeting'} onClick={() => call('openMeeting', () => api.consultation.openMeeting({ id: c.id }), '会议开始')} data-testid="open-meeting">
            开始会议
          </Button>
        ) : null}
      </View>
    )
  }

  const present = new Set((attendees.data ?? []).map((a) => a.id.split(':').pop()))
  const quorum = c.plan?.quorum ?? 0
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
              <Button type="primary" block size="large" loading={act.busy === 'openVote'} onClick={() => call('openVote', () => api.consultation.openVote({ id: c.id }), '表决已开启')} data-testid="open-vote">
                开启表决
              </Button>
            ) : null}
          </>
        ) : null}
        {c.voteState === 'open' ? (
          <>
            <Text className="cs-callout cs-callout--wait">表决进行中，请参会人在手机上投票</Text>
            {active ? (
              <Button type="primary" block size="large" loading={act.busy === 'closeVote'} onClick={() => call('closeVote', () => api.consultation.closeVote({ id: c.id }), '已计票')} data-testid="close-vote">
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
