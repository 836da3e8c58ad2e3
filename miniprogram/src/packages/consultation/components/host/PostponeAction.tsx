import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ConsultationView } from '@shared/contract'
import { formatShanghai, parseShanghai } from '@shared/time'
import { Choices } from '../../../../components/Choices'
import { Field } from '../../../../components/Field'
import { api } from '../../../../services/api'
import type { useAction } from '../../../../hooks/useAction'
import { DateTimeField } from '../DateTimeField'
import { TextArea } from '../../../../components/TextInput'
import { maxLengthOf } from '../../../../services/limits'

interface Props {
  view: ConsultationView
  act: ReturnType<typeof useAction>
  apply: (next: ConsultationView) => void
}

/** 延期 needs a reason; once there is a plan the host may also move the meeting, which the notice then says. */
export function PostponeAction({ view: c, act, apply }: Props) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [move, setMove] = useState<'keep' | 'move'>('keep')
  const [date, setDate] = useState(formatShanghai(c.plan?.meetingAt ?? Date.now(), 'YYYY-MM-DD'))
  const [time, setTime] = useState(formatShanghai(c.plan?.meetingAt ?? Date.now(), 'HH:mm'))
  const [errors, setErrors] = useState<Record<string, string>>({})

  if (!open) {
    return (
      <Button block size="large" fill="outline" onClick={() => setOpen(true)}>
        延期
      </Button>
    )
  }
  const confirm = async () => {
    if (!reason.trim()) return setErrors({ reason: '请填写延期的理由' })
    const meetingAt = c.plan && move === 'move' ? parseShanghai(`${date} ${time}`) : undefined
    const next = await act.run('postpone', () => api.consultation.postpone({ id: c.id, reason: reason.trim(), meetingAt }), { success: '已延期', onFields: setErrors })
    if (next) {
      apply(next)
      setOpen(false)
      setReason('')
    }
  }
  return (
    <View className="gz-card cs-reason" data-testid="postpone-form">
      <Field label="延期的理由" error={errors.reason} hint={c.noticeId ? '会发公告告诉居民，并通知已报名的人' : '理由会公开显示在议事时间线上'}>
        <TextArea
          className="gz-textarea cs-textarea--short"
          value={reason}
          maxlength={maxLengthOf('consultation', 'postpone', 'reason')}
          placeholder="请写明延期的理由"
          onInput={(e) => {
            setReason(e.detail.value)
            setErrors({})
          }}
        />
      </Field>
      {c.plan ? (
        <>
          <Field label="会议时间">
            <Choices
              layout="rows"
              options={[
                { value: 'keep', label: '暂不定新时间' },
                { value: 'move', label: '改到新的时间' },
              ]}
              value={move}
              onChange={setMove}
            />
          </Field>
          {move === 'move' ? (
            <DateTimeField label="新的会议时间" name="meetingAt" date={date} time={time} start={formatShanghai(Date.now(), 'YYYY-MM-DD')} error={errors.meetingAt} onDate={setDate} onTime={setTime} />
          ) : null}
        </>
      ) : null}
      <View className="cs-actions">
        <Button block size="large" onClick={() => setOpen(false)}>
          不了
        </Button>
        <Button block size="large" type="primary" loading={act.busy === 'postpone'} onClick={confirm}>
          确认延期
        </Button>
      </View>
    </View>
  )
}
