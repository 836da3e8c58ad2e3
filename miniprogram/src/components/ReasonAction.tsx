import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Field } from './Field'
import { TextArea } from './TextInput'
import { confirmIrreversible, type Confirmation } from '../services/confirm'
import './ReasonAction.scss'

export interface ReasonActionProps {
  label: string
  /** What the reason field asks, e.g. 退回的理由. */
  reasonLabel: string
  /** Who will read the reason: 理由会告诉预约人. */
  hint: string
  /** The reason's limit, from the action's contract (`maxLengthOf`). */
  maxLength: number
  busy: boolean
  danger?: boolean
  testId?: string
  /** For what cannot be undone (取消): asked once, after the reason is written and before it is sent. */
  confirm?: Confirmation
  /** Resolves to undefined when the action failed: the reason stays for another try. */
  onConfirm: (reason: string) => Promise<unknown>
}

/** An action that must say why (退回、驳回、延期、取消): one tap opens the reason, a second confirms. */
export function ReasonAction({ label, reasonLabel, hint, maxLength, busy, danger, testId, confirm: confirmation, onConfirm }: ReasonActionProps) {
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
    <View className="gz-card gz-reason" data-testid={testId ? `${testId}-form` : undefined}>
      <Field label={reasonLabel} error={error} hint={hint}>
        <TextArea
          className="gz-reason__text"
          value={reason}
          maxlength={maxLength}
          placeholder={`请写明${reasonLabel}`}
          onInput={(e) => {
            setReason(e.detail.value)
            setError(undefined)
          }}
        />
      </Field>
      <View className="gz-reason__actions">
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
