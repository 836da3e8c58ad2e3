import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ConsultationView } from '@shared/contract'
import { SATISFACTION_LABELS, type SatisfactionLevel } from '@shared/consultation/seats'
import { Choices } from '../../../../components/Choices'
import { Field } from '../../../../components/Field'
import { api } from '../../../../services/api'
import { formatDate } from '../../../../services/format'
import type { useAction } from '../../../../hooks/useAction'
import { SatisfactionSummary } from '../SatisfactionSummary'
import { TextArea } from '../../../../components/TextInput'
import { maxLengthOf } from '../../../../services/limits'

const OPTIONS = (['satisfied', 'basic', 'dissatisfied'] as const).map((value) => ({ value, label: SATISFACTION_LABELS[value] }))

interface Props {
  view: ConsultationView
  canTakePart: boolean
  act: ReturnType<typeof useAction>
  refresh: () => Promise<void>
}

/** Once it is done: each resident rates once, while the rating window is open. */
export function RateCard({ view: c, canTakePart, act, refresh }: Props) {
  const [level, setLevel] = useState<SatisfactionLevel | undefined>()
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | undefined>()
  if (!c.implementedAt) return null
  const open = c.state === 'active' && c.ratingUntil !== null && Date.now() <= c.ratingUntil
  const submit = async () => {
    if (!level) {
      setError('请选择满意程度')
      return
    }
    const seat = await act.run('rate', () => api.consultation.rate({ id: c.id, level, comment: comment.trim() || undefined }), {
      success: '感谢您的评价',
      onFields: (f) => setError(f.level ?? f.comment),
    })
    if (seat) await refresh()
  }
  return (
    <View className="gz-card gz-stack" data-testid="rate-card">
      <Text className="cs-card-title">满意度评价</Text>
      <SatisfactionSummary view={c} />
      {c.me.rated ? (
        <Text className="cs-callout cs-callout--ok" data-testid="rated">
          您的评价：{SATISFACTION_LABELS[c.me.rated]}，谢谢！
        </Text>
      ) : null}
      {!c.me.rated && open && canTakePart ? (
        <>
          {c.ratingUntil ? <Text className="gz-muted">评价截止：{formatDate(c.ratingUntil)}，每人只能评价一次</Text> : null}
          <Field label="您对落实情况满意吗？" error={error}>
            <Choices
              layout="rows"
              options={OPTIONS}
              value={level}
              onChange={(v) => {
                setLevel(v)
                setError(undefined)
              }}
            />
          </Field>
          <Field label="想说的话（可不填）">
            <TextArea className="gz-textarea cs-textarea--short" value={comment} maxlength={maxLengthOf('consultation', 'rate', 'comment')} placeholder="例如：希望以后更快" onInput={(e) => setComment(e.detail.value)} />
          </Field>
          <Button type="primary" block size="large" loading={act.busy === 'rate'} onClick={submit} data-testid="rate-submit">
            提交评价
          </Button>
        </>
      ) : null}
      {!c.me.rated && !open ? <Text className="gz-muted">评价已结束。</Text> : null}
    </View>
  )
}
