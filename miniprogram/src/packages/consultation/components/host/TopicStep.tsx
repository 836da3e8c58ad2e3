import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Field } from '../../../../components/Field'
import { StateView } from '../../../../components/StateView'
import { useForm } from '../../../../hooks/useForm'
import { api } from '../../../../services/api'
import { useConsultationSettings } from '../../hooks/useConsultationSettings'
import { useOpinionsOf } from '../../hooks/useOpinionsOf'
import { OpinionPick } from '../OpinionPick'
import type { StepFormProps } from './types'
import { TextArea, TextInput } from '../../../../components/TextInput'
import { maxLengthOf } from '../../../../services/limits'

const APPROVAL_TEXT = {
  none: '议题保存后，请提交社区工作者审核',
  pending: '已提交审核，等待社区工作者审核',
  approved: '社区工作者已审核通过',
  rejected: '议题被驳回，请修改后重新提交',
} as const

/** Step 2: the topic (title, background, the question), the opinions it adopts and why. */
export function TopicStep({ view: c, act, apply }: StepFormProps) {
  const needsApproval = useConsultationSettings(c.communityId).topicNeedsApproval || c.topicApproval !== 'none'
  const opinions = useOpinionsOf(c.communityId, c.id, `${c.id}:${c.updatedAt}`)
  const [merging, setMerging] = useState<string[]>([])
  const form = useForm({
    title: c.topic?.title ?? c.theme,
    background: c.topic?.background ?? '',
    question: c.topic?.question ?? '',
    adoptedOpinionIds: c.topic?.adoptedOpinionIds ?? ([] as string[]),
    adoptionReason: c.topic?.adoptionReason ?? '',
  })
  const locked = c.topicApproval === 'pending' || c.state !== 'active'

  const save = () =>
    form.submit(async (v) => {
      const next = await act.run('saveTopic', () => api.consultation.saveTopic({ id: c.id, ...v }), { success: '议题已保存', onFields: form.setErrors })
      if (next) apply(next)
    })
  const requestApproval = async () => {
    const next = await act.run('requestApproval', () => api.consultation.requestTopicApproval({ id: c.id }), { success: '已提交审核' })
    if (next) apply(next)
  }
  const merge = async () => {
    const [keep, ...duplicates] = merging
    const kept = await act.run('merge', () => api.consultation.mergeOpinions({ id: keep, duplicateIds: duplicates }), { success: '已合并' })
    if (kept) {
      setMerging([])
      form.set(
        'adoptedOpinionIds',
        form.values.adoptedOpinionIds.filter((id) => !duplicates.includes(id)),
      )
      void opinions.reload()
    }
  }

  return (
    <View className="gz-stack">
      {needsApproval ? (
        <View className="gz-card gz-stack" data-testid="approval-state" data-approval={c.topicApproval}>
          <Text className="cs-card-title">议题审核</Text>
          <Text className={`cs-callout ${c.topicApproval === 'approved' ? 'cs-callout--ok' : 'cs-callout--wait'}`}>{APPROVAL_TEXT[c.topicApproval]}</Text>
          {c.topicApproval === 'rejected' && c.topicRejectReason ? <Text>驳回理由：{c.topicRejectReason}</Text> : null}
          {c.topic && (c.topicApproval === 'none' || c.topicApproval === 'rejected') && c.state === 'active' ? (
            <Button type="primary" block size="large" loading={act.busy === 'requestApproval'} onClick={requestApproval} data-testid="request-approval">
              提交社区工作者审核
            </Button>
          ) : null}
        </View>
      ) : null}

      <View className="gz-card">
        <Text className="cs-card-title">议题</Text>
        <Field label="议题标题" error={form.errors.title} name="title">
          <TextInput className="gz-input" value={form.values.title} maxlength={maxLengthOf('consultation', 'saveTopic', 'title')} disabled={locked} placeholder="例如：是否与邻近单位共享夜间车位" onInput={(e) => form.set('title', e.detail.value)} />
        </Field>
        <Field label="背景" error={form.errors.background} hint="大家为什么关心这件事，现在是什么情况" name="background">
          <TextArea className="gz-textarea" value={form.values.background} maxlength={maxLengthOf('consultation', 'saveTopic', 'background')} disabled={locked} onInput={(e) => form.set('background', e.detail.value)} />
        </Field>
        <Field label="需要大家决定的问题" error={form.errors.question} name="question">
          <TextArea className="gz-textarea cs-textarea--short" value={form.values.question} maxlength={maxLengthOf('consultation', 'saveTopic', 'question')} disabled={locked} placeholder="例如：是否签订夜间错峰停车协议？" onInput={(e) => form.set('question', e.detail.value)} />
        </Field>
        <Field label="采纳的意见" error={form.errors.adoptedOpinionIds} hint="勾选本议题采纳的居民意见" name="adoptedOpinionIds">
          <StateView loading={opinions.loading} error={opinions.error} empty={opinions.data?.length === 0} emptyText="本次议事还没有意见" onRetry={opinions.reload} />
          <OpinionPick opinions={opinions.data ?? []} picked={form.values.adoptedOpinionIds} onChange={(ids) => !locked && form.set('adoptedOpinionIds', ids)} testId="adopt-pick" />
        </Field>
        <Field label="采纳理由" error={form.errors.adoptionReason} name="adoptionReason">
          <TextArea className="gz-textarea cs-textarea--short" value={form.values.adoptionReason} maxlength={maxLengthOf('consultation', 'saveTopic', 'adoptionReason')} disabled={locked} placeholder="例如：附议最多，且可以操作" onInput={(e) => form.set('adoptionReason', e.detail.value)} />
        </Field>
        {!locked ? (
          <Button type="primary" block size="large" loading={act.busy === 'saveTopic'} onClick={save} data-testid="save-topic">
            保存议题
          </Button>
        ) : null}
      </View>

      {!locked && (opinions.data?.length ?? 0) > 1 ? (
        <View className="gz-card gz-stack">
          <Text className="cs-card-title">合并重复意见</Text>
          <Text className="gz-muted">先勾选要保留的那条，再勾选与它重复的；附议人会合并过去，不会重复计算。</Text>
          <OpinionPick opinions={opinions.data ?? []} picked={merging} onChange={setMerging} />
          <Button block size="large" disabled={merging.length < 2} loading={act.busy === 'merge'} onClick={merge}>
            合并到第一条所选（{merging.length}条）
          </Button>
        </View>
      ) : null}
    </View>
  )
}
