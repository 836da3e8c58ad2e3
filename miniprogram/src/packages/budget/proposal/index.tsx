import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ProposalView } from '@shared/contract'
import { yuan } from '@shared/budget/ballot'
import { IMPLEMENTATION_STATUS_LABELS, SATISFACTION_LABELS, satisfactionRate, type SatisfactionLevel } from '@shared/budget/implementation'
import { PROPOSAL_STATUS_LABELS, projectCost } from '@shared/budget/proposals'
import { parseShanghai, shanghaiDate } from '@shared/time'
import { Page } from '../../../components/Page'
import { Choices } from '../../../components/Choices'
import { Field } from '../../../components/Field'
import { StateView } from '../../../components/StateView'
import { useMe } from '../../../hooks/useMe'
import { api } from '../../../services/api'
import { formatDate, formatDateTime } from '../../../services/format'
import { hasRoleIn } from '../../../services/roles'
import { useAction } from '../../../hooks/useAction'
import { useLoaded } from '../../../hooks/useLoaded'
import { useKeptText } from '../../../hooks/useDraft'
import { PhotoPicker, PhotoRow } from '../../../components/Photos'
import { Progress } from '../components/Progress'
import { budgetRoutes } from '../routes'
import { TextArea, TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import '../budget.scss'

/** Staff post progress: a note, photos, the progress %, the spend so far, and a milestone reached. */
function UpdateForm({ p, onSaved }: { p: ProposalView; onSaved: () => void }) {
  const act = useAction()
  const impl = p.implementation!
  const [text, setText] = useState('')
  const textDraft = useKeptText(`budget-progress:${p.id}`, text, setText, text.trim() !== '')
  const [progress, setProgress] = useState(String(impl.progress))
  const [spent, setSpent] = useState(String(impl.spent))
  const [photos, setPhotos] = useState<string[]>([])
  const [milestone, setMilestone] = useState<string | undefined>()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [title, setTitle] = useState('')
  const [due, setDue] = useState('')
  const save = async () => {
    const input = { id: p.id, text, photos, progress: Number(progress), spent: Number(spent), ...(milestone !== undefined ? { milestoneDone: Number(milestone) } : {}) }
    const done = await act.run('update', (submission) => api.budget.addImplementationUpdate(input, submission), { success: '进展已更新', onFields: setErrors, content: input })
    if (done) {
      textDraft.clear()
      setText('')
      setPhotos([])
      setMilestone(undefined)
      onSaved()
    }
  }
  const addMilestone = async () => {
    const ts = parseShanghai(due)
    const milestones = [...impl.milestones.map(({ title: t, due: d }) => ({ title: t, due: d })), { title, due: ts }]
    if (await act.run('milestones', () => api.budget.setMilestones({ id: p.id, milestones }), { success: '节点已添加', onFields: (f) => setErrors({ milestone: Object.values(f)[0] }) })) {
      setTitle('')
      setDue('')
      onSaved()
    }
  }
  return (
    <View className="gz-card">
      <Text className="gz-section-title">更新实施进展（社区工作者）</Text>
      <Field label="进展说明" error={errors.text} name="text">
        <TextArea className="gz-textarea" value={text} maxlength={maxLengthOf('budget', 'addImplementationUpdate', 'text')} placeholder="例如：扶手已采购到位，下周安装" onInput={(e) => setText(e.detail.value)} />
      </Field>
      <Field label="进度（0—100）" error={errors.progress} name="progress">
        <TextInput className="gz-input" type="number" value={progress} onInput={(e) => setProgress(e.detail.value)} />
      </Field>
      <Field label={`已支出（元，预算${yuan(projectCost(p))}）`} error={errors.spent} name="spent">
        <TextInput className="gz-input" type="number" value={spent} onInput={(e) => setSpent(e.detail.value)} />
      </Field>
      {impl.milestones.some((m) => !m.done) ? (
        <Field label="完成了哪个节点（可选）" name="milestoneDone">
          <Choices options={impl.milestones.flatMap((m, i) => (m.done ? [] : [{ value: String(i), label: m.title }]))} value={milestone} onChange={setMilestone} />
        </Field>
      ) : null}
      <Field label="照片（可选）" error={errors.photos} name="photos">
        <PhotoPicker folder="budget" value={photos} max={9} onChange={setPhotos} />
      </Field>
      <Button type="primary" block size="large" loading={act.busy === 'update'} data-testid="save-update" onClick={() => void save()}>
        发布进展
      </Button>
      <Field label="添加实施节点" error={errors.milestone} name="milestone">
        <TextInput className="gz-input" value={title} maxlength={maxLengthOf('budget', 'setMilestones', 'milestones.title')} placeholder="节点名称，例如：完成安装" onInput={(e) => setTitle(e.detail.value)} />
        <Picker mode="date" value={due || shanghaiDate(Date.now())} onChange={(e) => setDue(String(e.detail.value))}>
          <View className="gz-choice" role="button">
            {due ? <Text>计划日期：{due}</Text> : <Text className="gz-muted">选择计划日期</Text>}
          </View>
        </Picker>
      </Field>
      <Button block size="large" loading={act.busy === 'milestones'} onClick={() => void addMilestone()}>
        添加节点
      </Button>
    </View>
  )
}

/** One proposal: what it asks and costs, its 附议, its review, and once it won, how carrying it out goes. */
export default function ProposalPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { me } = useMe()
  const loaded = useLoaded(() => api.budget.getProposal({ id }), id || null)
  const round = useLoaded(() => api.budget.getRound({ id: loaded.data?.roundId ?? '' }), loaded.data?.roundId ?? null)
  const updates = useLoaded(() => api.budget.listImplementationUpdates({ id }), loaded.data?.implementation ? id : null)
  const act = useAction()
  usePullDownRefresh(() => {
    void Promise.all([loaded.reload(), updates.reload()]).finally(() => Taro.stopPullDownRefresh())
  })
  useDidShow(() => {
    if (loaded.data) void loaded.reload()
  })
  const p = loaded.data
  const r = round.data
  const isResident = !!p && me?.residency?.status === 'approved' && me.residency.communityId === p.communityId
  const isStaff = !!p && hasRoleIn(me, 'staff', p.communityId)
  const gathering = !!r && (r.phase === 'collect' || r.phase === 'review') && (p?.status === 'submitted' || p?.status === 'eligible')

  const toggleSupport = async () => {
    if (!p) return
    const next = await act.run('support', () => (p.supportedByMe ? api.budget.withdrawSupport({ id }) : api.budget.supportProposal({ id })), { success: p.supportedByMe ? '已撤回附议' : '已附议' })
    if (next) loaded.setData(next)
  }
  const rate = async (level: SatisfactionLevel) => {
    const next = await act.run('rate', () => api.budget.rateProject({ id, level }), { success: '感谢您的评价' })
    if (next) loaded.setData(next)
  }
  const rateShare = p ? satisfactionRate(p.ratingCounts) : null

  return (
    <Page>
      <StateView loading={loaded.loading} error={loaded.error} onRetry={loaded.reload} />
      {p ? (
        <>
          <Text className="page-title">{p.title}</Text>
          <View className="gz-card gz-stack">
            <View className="gz-row">
              <Text className="gz-tag">{p.category}</Text>
              <Text className="gz-tag gz-tag--primary">{PROPOSAL_STATUS_LABELS[p.status]}</Text>
            </View>
            <Text className="bg-money">
              {yuan(projectCost(p))}
              {p.adjustedCost !== null && p.adjustedCost !== p.cost ? `（原估算${yuan(p.cost)}，审核核定）` : ''}
            </Text>
            <Text className="gz-muted">
              {p.onBehalf ? `代办：${p.proposerName}` : `提案人：${p.proposerName}`} · {p.location} · {formatDate(p.createdAt)}
            </Text>
            <Text className="bg-pre">{p.description}</Text>
            <PhotoRow ids={p.photos} />
            {p.reviewReason ? <Text className="bg-pre">审核意见：{p.reviewReason}</Text> : null}
            {p.mergedInto ? (
              <View role="button" onClick={() => void Taro.redirectTo({ url: budgetRoutes.proposal(p.mergedInto as string) })}>
                <Text className="gz-link">这个提案已合并到另一个提案，去那里看看 ›</Text>
              </View>
            ) : null}
          </View>
          <View className="gz-card gz-row gz-row--between">
            <Text className="bg-big">{p.supportCount} 人附议</Text>
            {isResident && gathering && !p.mine ? (
              <Button type={p.supportedByMe ? 'default' : 'primary'} size="large" loading={act.busy === 'support'} data-testid="support" onClick={() => void toggleSupport()}>
                {p.supportedByMe ? '撤回附议' : '我也支持（附议）'}
              </Button>
            ) : null}
            {r && r.supportThreshold > 0 && p.status === 'submitted' ? <Text className="gz-muted">本轮需要{r.supportThreshold}人附议才能通过审核</Text> : null}
          </View>
          {p.mine && r?.phase === 'collect' && p.status === 'submitted' ? (
            <Button block size="large" onClick={() => void Taro.navigateTo({ url: budgetRoutes.editProposal(p.roundId, p.id) })}>
              修改提案
            </Button>
          ) : null}
          {p.implementation ? (
            <>
              <Text className="gz-section-title">实施进展</Text>
              <View className="gz-card gz-stack" data-testid="implementation">
                <Text className="bg-big">{IMPLEMENTATION_STATUS_LABELS[p.implementation.status]}</Text>
                <Progress value={p.implementation.progress} max={100} label={`进度 ${p.implementation.progress}%`} />
                <Progress value={p.implementation.spent} max={projectCost(p)} over={p.implementation.spent > projectCost(p)} label={`已支出 ${yuan(p.implementation.spent)} / 预算 ${yuan(projectCost(p))}`} />
                {p.implementation.milestones.map((m, i) => (
                  <View key={i} className="gz-row">
                    <Text className={`gz-tag ${m.done ? 'gz-tag--green' : 'gz-tag--gray'}`}>{m.done ? '已完成' : '未完成'}</Text>
                    <Text>
                      {m.title}（计划{formatDate(m.due)}）
                    </Text>
                  </View>
                ))}
                {(updates.data ?? []).map((u) => (
                  <View key={u.id} className="bg-timeline__item">
                    <Text className="bg-timeline__label">
                      {formatDateTime(u.at)} · 进度{u.progress}%
                    </Text>
                    <Text className="bg-pre">{u.text}</Text>
                    <PhotoRow ids={u.photos} />
                  </View>
                ))}
              </View>
              {p.implementation.status === 'done' ? (
                <View className="gz-card gz-stack">
                  <Text className="bg-big">{rateShare === null ? '还没有评价' : `满意率 ${Math.round(rateShare * 100)}%`}</Text>
                  {isResident && !p.ratedByMe ? (
                    <View className="gz-row">
                      {(Object.keys(SATISFACTION_LABELS) as SatisfactionLevel[]).map((level) => (
                        <Button key={level} size="large" loading={act.busy === 'rate'} onClick={() => void rate(level)}>
                          {SATISFACTION_LABELS[level]}
                        </Button>
                      ))}
                    </View>
                  ) : null}
                  {p.ratedByMe ? <Text className="gz-muted">您的评价：{SATISFACTION_LABELS[p.ratedByMe]}</Text> : null}
                </View>
              ) : null}
              {isStaff && p.implementation.status !== 'done' ? (
                <UpdateForm
                  p={p}
                  onSaved={() => {
                    void loaded.reload()
                    void updates.reload()
                  }}
                />
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  )
}
