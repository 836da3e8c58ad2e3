import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Field } from '../../../components/Field'
import { confirmIrreversible, type Confirmation } from '../../../services/confirm'
import { TextArea } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'

const REASON_MAX = maxLengthOf('consultation', 'closeCollection', 'reason')

interface Props {
  label: string
  /** What the reason field asks, e.g. 退回的理由. */
  reasonLabel: string
  hint?: string
  busy: boolean
  danger?: boolean
  testId?: string
  /** For what cannot be undone (取消议事): asked once, after the reason is written and before it is sent. */
  confirm?: Confirmation
  onConfirm: (reason: string) => Promise<unknown>
}

/** An action that must say why (退回、延期、取消、提前结束): one tap opens the reason, a second confirms. */
export function ReasonAction({ label, reasonLabel, hint, busy, danger, testId, confirm: confirmation, onConfirm }: Props) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | undefined>()
  if (!open) {
    return (
      <Button block size="large" type={danger ? 'danger' : 'default'} fill="outline" data-testid={testId} onClick={() => setOpen(true)}>
        {label}
      </Button>
    )
  }
  const confirm = async () => {
    if (!reason.trim()) {
      setError(`请填写${reasonLabel}`)
      return
    }
    if (confirmation && !(await confirmIrreversible(confirmation))) return
    const done = await onConfirm(reason.trim())
    if (done !== undefined) {
      setOpen(false)
      setReason('')
    }
  }
  return (
    <View className="gz-card cs-reason" data-testid={testId ? `${testId}-form` : undefined}>
      <Field label={reasonLabel} error={error} hint={hint ?? '理由会公开显示在议事时间线上'}>
        <TextArea
          className="cs-textarea--short"
          value={reason}
          maxlength={REASON_MAX}
          placeholder={`请写明${reasonLabel}`}
          onInput={(e) => {
            setReason(e.detail.value)
            setError(undefined)
          }}
        />
      </Field>
      <View className="cs-actions">
        <Button block size="large" onClick={() => setOpen(false)}>
          不了
        </Button>
        <Button block size="large" type={danger ? 'danger' : 'primary'} loading={busy} onClick={confirm} data-testid={testId ? `${testId}-confirm` : undefined}>
          确认{label}
        </Button>
      </View>
    </View>
  )
}
