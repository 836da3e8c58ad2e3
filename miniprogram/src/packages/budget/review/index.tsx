import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ProposalView } from '@shared/contract'
import { yuan } from '@shared/budget/ballot'
import { PROPOSAL_STATUS_LABELS } from '@shared/budget/proposals'
import { Page } from '../../../components/Page'
import { Choices } from '../../../components/Choices'
import { Field } from '../../../components/Field'
import { ListFooter, StateView } from '../../../components/StateView'
import { usePagedList } from '../../../hooks/usePagedList'
import { api } from '../../../services/api'
import { useAction } from '../../../hooks/useAction'
import { budgetRoutes } from '../routes'
import { TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import '../budget.scss'

/** One proposal in the queue: eligible (with the cost the round will fund) or not (with the reason), or merged. */
function ReviewCard({ p, others, onDone }: { p: ProposalView; others: ProposalView[]; onDone: (next: ProposalView) => void }) {
  const act = useAction()
  const [cost, setCost] = useState('')
  const [reason, setReason] = useState('')
  const [into, setInto] = useState<string | undefined>()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const review = async (verdict: 'eligible' | 'ineligible') => {
    const { confirm } = await Taro.showModal({
      title: verdict === 'eligible' ? '通过审核' : '不通过',
      content: verdict === 'eligible' ? `「${p.title}」将进入投票${cost ? `，按${yuan(Number(cost))}计` : ''}。提案人会收到通知。` : `「${p.title}」不进入投票，理由会告诉提案人。`,
      confirmText: '确定',
      cancelText: '再想想',
    })
    if (!confirm) return
    const next = await act.run(verdict, () => api.budget.reviewProposal({ id: p.id, verdict, reason, ...(cost ? { adjustedCost: Number(cost) } : {}) }), { success: '已审核', onFields: setErrors })
    if (next) onDone(next)
  }
  const merge = async () => {
    if (!into) return
    const target = others.find((o) => o.id === into)
    const { confirm } = await Taro.showModal({ title: '合并重复提案', content: `把「${p.title}」合并到「${target?.title ?? ''}」？附议人会一起带过去，合并后不能撤销。`, confirmText: '合并', cancelText: '再想想' })
    if (!confirm) return
    const next = await act.run('merge', () => api.budget.mergeProposals({ id: into, duplicateIds: [p.id] }), { success: '已合并' })
    if (next) onDone({ ...p, status: 'merged', mergedInto: into })
  }
  return (
    <View className="gz-card gz-stack" data-testid="review-card">
      <View className="gz-row">
        <Text className="gz-tag gz-tag--orange">{PROPOSAL_STATUS_LABELS[p.status]}</Text>
        <Text className="gz-tag">{p.category}</Text>
      </View>
      <Text className="bg-card__title" role="link" onClick={() => void Taro.navigateTo({ url: budgetRoutes.proposal(p.id) })}>
        {p.title} ›
      </Text>
      <Text>
        估算{yuan(p.cost)} · {p.supportCount}人附议 · {p.proposerName}
      </Text>
      <Field label="核定费用（元，可选）" error={errors.adjustedCost} hint="不填则按估算" name="adjustedCost">
        <TextInput className="gz-input" type="number" value={cost} onInput={(e) => setCost(e.detail.value)} />
      </Field>
      <Field label="审核意见（不通过时必填）" error={errors.reason} name="reason">
        <TextInput className="gz-input" value={reason} maxlength={maxLengthOf('budget', 'reviewProposal', 'reason')} placeholder="例如：已列入街道计划" onInput={(e) => setReason(e.detail.value)} />
      </Field>
      <View className="gz-row">
        <Button type="primary" size="large" loading={act.busy === 'eligible'} data-testid="approve" onClick={() => void review('eligible')}>
          通过
        </Button>
        <Button size="large" loading={act.busy === 'ineligible'} data-testid="reject" onClick={() => void review('ineligible')}>
          不通过
        </Button>
      </View>
      {others.length ? (
        <Field label="与其他提案重复？合并到：" name="merge">
          <Choices options={others.map((o) => ({ value: o.id, label: o.title }))} value={into} onChange={setInto} />
          {into ? (
            <Button size="large" loading={act.busy === 'merge'} onClick={() => void merge()}>
              合并
            </Button>
          ) : null}
        </Field>
      ) : null}
    </View>
  )
}

/** The review queue (staff): proposals waiting for review, each judged on its own card. */
export default function ReviewPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const list = usePagedList((cursor) => api.budget.listProposals({ roundId: id, cursor, limit: 50 }), id)
  const waiting = list.items.filter((p) => p.status === 'submitted')
  const reviewed = list.items.filter((p) => p.status !== 'submitted')
  return (
    <Page>
      <Text className="page-title">审核提案</Text>
      <Text className="page-intro">逐个判断是否可行：通过的进入投票（可核定费用），不通过的写明理由；重复的合并。结果会通知提案人。</Text>
      <StateView loading={list.loading} error={list.error} empty={!list.loading && !list.error && waiting.length === 0} emptyText="没有待审核的提案" onRetry={list.reload} />
      {waiting.map((p) => (
        <ReviewCard key={p.id} p={p} others={list.items.filter((o) => o.id !== p.id && o.status !== 'merged' && o.status !== 'ineligible')} onDone={(next) => list.setItems((items) => items.map((x) => (x.id === next.id ? next : x)))} />
      ))}
      {reviewed.length ? <Text className="gz-section-title">已审核</Text> : null}
      {reviewed.map((p) => (
        <View key={p.id} className="gz-card gz-row gz-row--between">
          <Text>{p.title}</Text>
          <Text className="gz-muted">{PROPOSAL_STATUS_LABELS[p.status]}</Text>
        </View>
      ))}
      <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
    </Page>
  )
}
