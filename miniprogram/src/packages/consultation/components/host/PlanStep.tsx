import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CONSENSUS_CHOICES, DECISION_RULE_LABELS, type DecisionRule } from '@shared/consultation/decision'
import { PARTICIPANT_ROLES, planProblems, type ParticipantRole, type Plan } from '@shared/consultation/steps'
import { DEFAULT_MEETING_MINUTES, meetingLengths, nearestLength } from '@shared/room/meeting'
import { addDays, formatShanghai, parseShanghai } from '@shared/time'
import type { RoomView } from '@shared/contract'
import { Choices } from '../../../../components/Choices'
import { Field } from '../../../../components/Field'
import { useForm } from '../../../../hooks/useForm'
import { api } from '../../../../services/api'
import { DateTimeField } from '../DateTimeField'
import { ListEditor } from '../ListEditor'
import { NumberStepper } from '../NumberStepper'
import { useConsultationSettings } from '../../hooks/useConsultationSettings'
import { NO_DRAFT } from '../Checklist'
import type { StepFormProps } from './types'
import { TextInput } from '../../../../components/TextInput'
import { maxLengthOf } from '../../../../services/limits'
import { useLoaded } from '../../../../hooks/useLoaded'
import { heldRoomWords, MeetingRoomFields } from './MeetingRoom'

const RULES = (['majority', 'two_thirds', 'consensus'] as const).map((value) => ({ value, label: DECISION_RULE_LABELS[value] }))

const toInt = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN)

type PlanValues = ReturnType<typeof planValues>

/** The form's values for a saved plan, or a first proposal: just after the notice period, in the evening when most can come. */
function planValues(p: Plan | null, defaultAt: number) {
  return {
    date: formatShanghai(p?.meetingAt ?? defaultAt, 'YYYY-MM-DD'),
    time: p ? formatShanghai(p.meetingAt, 'HH:mm') : '19:00',
    place: p?.place ?? '',
    /** '' holds no room. */
    roomId: p?.roomId ?? '',
    meetingMinutes: p?.meetingMinutes ?? DEFAULT_MEETING_MINUTES,
    invited: Object.fromEntries(PARTICIPANT_ROLES.map((r) => [r, p?.invited.find((x) => x.role === r)?.count ?? 0])) as Record<ParticipantRole, number>,
    openSeats: String(p?.openSeats ?? 10),
    agenda: p?.agenda ?? ['介绍议题背景', '居民发言讨论', '表决'],
    rule: (p?.rule ?? 'majority') as DecisionRule,
    quorum: String(p?.quorum ?? 5),
    options: p?.options ?? ['同意', '不同意'],
  }
}

/** The plan the form would send: numbers parsed (NaN when not a number), empty lines dropped. */
function planOf(v: PlanValues): Plan {
  return {
    meetingAt: parseShanghai(`${v.date} ${v.time}`),
    place: v.place.trim(),
    roomId: v.roomId || null,
    ...(v.roomId ? { meetingMinutes: v.meetingMinutes } : {}),
    invited: PARTICIPANT_ROLES.filter((r) => v.invited[r] > 0).map((role) => ({ role, count: v.invited[role] })),
    openSeats: toInt(v.openSeats),
    agenda: v.agenda.map((a) => a.trim()).filter(Boolean),
    rule: v.rule,
    quorum: toInt(v.quorum),
    options: v.options.map((o) => o.trim()).filter(Boolean),
  }
}

/** What would stop the edited plan from being saved, checked by the same rules as the server. */
function editProblems(plan: Plan): string[] {
  if (Number.isNaN(plan.meetingAt)) return ['请选择会议日期和时间']
  if (Number.isNaN(plan.openSeats)) return ['请填写居民名额（数字）']
  if (Number.isNaN(plan.quorum)) return ['请填写法定人数（数字）']
  return [...(plan.meetingAt <= Date.now() ? ['会议时间须晚于现在'] : []), ...planProblems(plan)]
}

/** The form holds the time to the minute: a plan saved elsewhere (the API, the seed) may carry seconds. */
const minute = (ts: number) => Math.floor(ts / 60_000)

const samePlan = (a: Plan, b: Plan) =>
  minute(a.meetingAt) === minute(b.meetingAt) &&
  a.place === b.place &&
  (a.roomId ?? null) === (b.roomId ?? null) &&
  (a.roomId ? (a.meetingMinutes ?? DEFAULT_MEETING_MINUTES) === (b.meetingMinutes ?? DEFAULT_MEETING_MINUTES) : true) &&
  JSON.stringify(a.invited) === JSON.stringify(b.invited) &&
  a.openSeats === b.openSeats &&
  JSON.stringify(a.agenda) === JSON.stringify(b.agenda) &&
  a.rule === b.rule &&
  a.quorum === b.quorum &&
  JSON.stringify(a.options) === JSON.stringify(b.options)

/** Step 3: when and where, who is invited, open seats, agenda, how it is decided, and between what. */
export function PlanStep({ view: c, act, apply, onDraft }: StepFormProps) {
  const { noticeDays } = useConsultationSettings(c.communityId)
  const p = c.plan
  const [defaultAt] = useState(() => addDays(Date.now(), noticeDays + 1))
  const form = useForm(planValues(p, defaultAt))
  const v = form.values
  const locked = c.state !== 'active'
  const rooms = useLoaded(() => api.room.rooms({ communityId: c.communityId }), c.communityId)
  const heldRoom = p?.roomId ? rooms.data?.find((r) => r.id === p.roomId) : undefined

  // Choosing a room names the place after it and keeps the length on the room's steps.
  const chooseRoom = (room: RoomView | null) => {
    form.set('roomId', room?.id ?? '')
    if (!room) return
    form.set('place', room.name)
    form.set('meetingMinutes', nearestLength(meetingLengths(room), v.meetingMinutes))
  }
  // A place typed that is not the chosen room's name is somewhere else: no room is held then.
  const typePlace = (place: string) => {
    form.set('place', place)
    const room = rooms.data?.find((r) => r.id === v.roomId)
    if (room && place.trim() !== room.name) form.set('roomId', '')
  }

  // The checklist speaks for the saved plan; an edit that differs from it is reported, with what is wrong with it.
  const edited = planOf(v)
  const unsaved = p ? !samePlan(edited, p) : false
  const problems = unsaved ? editProblems(edited) : []
  const draftKey = JSON.stringify([unsaved, problems])
  useEffect(() => {
    onDraft({ unsaved, problems })
    // problems is a fresh array each render; draftKey says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftKey, onDraft])
  useEffect(() => () => onDraft(NO_DRAFT), [onDraft])

  const save = () =>
    form.submit(async () => {
      const plan = planOf(v)
      if (Number.isNaN(plan.meetingAt)) {
        form.setErrors({ meetingAt: '请选择会议日期和时间' })
        return
      }
      if (Number.isNaN(plan.openSeats)) return form.setErrors({ openSeats: '请填写居民名额（数字）' })
      if (Number.isNaN(plan.quorum)) return form.setErrors({ quorum: '请填写法定人数（数字）' })
      const next = await act.run('savePlan', () => api.consultation.savePlan({ id: c.id, plan }), {
        success: '方案已保存',
        // Messages come back keyed by the schema's path (plan.place); the inputs are named without it.
        onFields: (f) => form.setErrors(Object.fromEntries(Object.entries(f).map(([k, m]) => [k.replace(/^plan\.?/, '').split('.')[0] || 'plan', m]))),
      })
      if (next) apply(next)
    })

  return (
    <View className="gz-card">
      <Text className="cs-card-title">协商方案</Text>
      {form.errors.plan ? <Text className="cs-callout cs-callout--wait">{form.errors.plan}</Text> : null}
      <DateTimeField
        label="会议时间"
        name="meetingAt"
        date={v.date}
        time={v.time}
        start={formatShanghai(Date.now(), 'YYYY-MM-DD')}
        error={form.errors.meetingAt}
        hint={`社区要求公告至少提前${noticeDays}天发布`}
        onDate={(d) => form.set('date', d)}
        onTime={(t) => form.set('time', t)}
      />
      {p?.roomId ? (
        <Text className="cs-callout cs-callout--ok" data-testid="plan-room-held">
          已为会议占用：{heldRoomWords(heldRoom?.name ?? p.place, p.meetingAt, p.meetingMinutes ?? DEFAULT_MEETING_MINUTES)}
        </Text>
      ) : null}
      <MeetingRoomFields
        rooms={rooms.data}
        loading={rooms.loading}
        error={rooms.error}
        onRetry={() => void rooms.reload()}
        roomId={v.roomId}
        minutes={v.meetingMinutes}
        date={v.date}
        errors={form.errors}
        onRoom={chooseRoom}
        onMinutes={(m) => form.set('meetingMinutes', m)}
      />
      <Field label="会议地点" error={form.errors.place} hint="选了活动室会自动填上；室外或其他地点请直接填写（这时不占用活动室）" name="place">
        <TextInput className="gz-input" value={v.place} maxlength={maxLengthOf('consultation', 'savePlan', 'plan.place')} disabled={locked} placeholder="请填写会议地点" onInput={(e) => typePlace(e.detail.value)} />
      </Field>
      <Field label="邀请参会人" error={form.errors.invited} hint="不邀请的类别保持0人" name="invited">
        {PARTICIPANT_ROLES.map((role) => (
          <View key={role} className="cs-invite-row">
            <Text>{role}</Text>
            <NumberStepper label={`${role}人数`} value={v.invited[role]} max={50} onChange={(n) => form.set('invited', { ...v.invited, [role]: n })} />
          </View>
        ))}
      </Field>
      <Field label="居民名额" error={form.errors.openSeats} hint="居民报名，先到先得，满额后可候补" name="openSeats">
        <TextInput className="gz-input" type="number" value={v.openSeats} disabled={locked} onInput={(e) => form.set('openSeats', e.detail.value)} />
      </Field>
      <Field label="会议议程" error={form.errors.agenda} name="agenda">
        <ListEditor items={v.agenda} placeholder="议程内容" addLabel="添加议程" max={20} itemMaxLength={maxLengthOf('consultation', 'savePlan', 'plan.agenda')} testId="agenda" onChange={(items) => form.set('agenda', items)} />
      </Field>
      <Field label="表决规则" error={form.errors.rule} name="rule">
        <Choices
          layout="rows"
          options={RULES}
          value={v.rule}
          onChange={(rule) => {
            form.set('rule', rule)
            // Under consensus there is one proposal to agree or object to.
            if (rule === 'consensus' && v.options.length !== 1) form.set('options', [v.options[0] ?? ''])
            if (rule !== 'consensus' && v.options.length < 2) form.set('options', [v.options[0] ?? '同意', '不同意'])
          }}
        />
      </Field>
      <Field label="法定人数" error={form.errors.quorum} hint="到会人数达到这个数，表决才有效" name="quorum">
        <TextInput className="gz-input" type="number" value={v.quorum} disabled={locked} onInput={(e) => form.set('quorum', e.detail.value)} />
      </Field>
      <Field label={v.rule === 'consensus' ? '待表决的方案' : '表决选项'} error={form.errors.options} hint={v.rule === 'consensus' ? `大家对这个方案表示${CONSENSUS_CHOICES.join('或')}` : '至少两个选项'} name="options">
        <ListEditor items={v.options} placeholder={v.rule === 'consensus' ? '方案内容' : '选项内容'} addLabel="添加选项" max={v.rule === 'consensus' ? 1 : 10} itemMaxLength={maxLengthOf('consultation', 'savePlan', 'plan.options')} testId="options" onChange={(items) => form.set('options', items)} />
      </Field>
      {!locked ? (
        <Button type="primary" block size="large" loading={act.busy === 'savePlan'} onClick={save} data-testid="save-plan">
          保存方案
        </Button>
      ) : null}
      {!locked && unsaved && p ? (
        <Button block size="large" fill="none" onClick={() => form.setValues(planValues(p, defaultAt))} data-testid="discard-plan">
          放弃修改，恢复已保存的方案
        </Button>
      ) : null}
    </View>
  )
}
