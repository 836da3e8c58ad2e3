import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RoundView } from '@shared/contract'
import { PROPOSAL_CATEGORIES } from '@shared/budget/proposals'
import { addDays, formatShanghai, parseShanghai } from '@shared/time'
import { Page } from '../../../components/Page'
import { Choices } from '../../../components/Choices'
import { DateTimeField, type DateTimeValue } from '../../../components/DateTimeField'
import { Field } from '../../../components/Field'
import { StateView } from '../../../components/StateView'
import { useForm } from '../../../hooks/useForm'
import { api } from '../../../services/api'
import { useLoaded } from '../../../hooks/useLoaded'
import { budgetRoutes } from '../routes'
import { TextArea, TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import '../budget.scss'

const at = (ts: number): DateTimeValue => ({ date: formatShanghai(ts, 'YYYY-MM-DD'), time: formatShanghai(ts, 'HH:mm') })
const ts = (v: DateTimeValue) => parseShanghai(`${v.date} ${v.time || '00:00'}`) as number
const num = (s: string) => (s.trim() === '' ? undefined : Number(s)) as number

function initial(now: number) {
  return {
    name: '',
    description: '',
    budget: '100000',
    projectCap: '30000',
    categories: PROPOSAL_CATEGORIES.slice(0, 4).join('、'),
    collectTo: at(addDays(now, 14)),
    voteFrom: at(addDays(now, 21)),
    voteTo: at(addDays(now, 28)),
    kind: 'approval' as 'approval' | 'knapsack',
    maxChoices: '5',
    minChoices: '1',
    voterUnit: 'resident' as 'resident' | 'household',
    selectionRule: 'mes' as 'mes' | 'greedy',
    supportThreshold: '0',
  }
}

function fromRound(r: RoundView): ReturnType<typeof initial> {
  return {
    name: r.name,
    description: r.description,
    budget: String(r.budget),
    projectCap: String(r.projectCap),
    categories: r.categories.join('、'),
    collectTo: at(r.collectTo),
    voteFrom: at(r.voteFrom),
    voteTo: at(r.voteTo),
    kind: r.ballotRule.kind,
    maxChoices: r.ballotRule.kind === 'approval' ? String(r.ballotRule.maxChoices) : '5',
    minChoices: r.ballotRule.kind === 'approval' ? String(r.ballotRule.minChoices) : '1',
    voterUnit: r.voterUnit,
    selectionRule: r.selectionRule,
    supportThreshold: String(r.supportThreshold),
  }
}

/** The round editor (staff): a new round, or its settings until voting opens. */
export default function RoundEditorPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const communityId = params.communityId ?? ''
  const existing = useLoaded(() => api.budget.getRound({ id }), id || null)
  const form = useForm(initial(Date.now()))
  const { values, errors, set, setValues } = form
  const [filled, setFilled] = useState(false)
  useEffect(() => {
    if (existing.data && !filled) {
      setFilled(true)
      setValues(fromRound(existing.data))
    }
  }, [existing.data, filled, setValues])

  const save = () =>
    form.submit(async (v, submission) => {
      const plan = {
        name: v.name,
        description: v.description,
        budget: num(v.budget),
        projectCap: num(v.projectCap),
        categories: v.categories.split(/[\s,，、]+/).filter(Boolean),
        collectTo: ts(v.collectTo),
        voteFrom: ts(v.voteFrom),
        voteTo: ts(v.voteTo),
        ballotRule: v.kind === 'knapsack' ? { kind: 'knapsack' as const } : { kind: 'approval' as const, maxChoices: num(v.maxChoices), minChoices: num(v.minChoices) },
        voterUnit: v.voterUnit,
        selectionRule: v.selectionRule,
        supportThreshold: num(v.supportThreshold),
      }
      const saved = id ? await api.budget.updateRound({ id, ...plan }) : await api.budget.createRound({ communityId, ...plan }, submission)
      void Taro.showToast({ title: '已保存', icon: 'success' })
      void Taro.redirectTo({ url: budgetRoutes.round(saved.id) })
      return saved
    })

  return (
    <Page>
      <Text className="page-title">{id ? '修改本轮设置' : '新建一轮创享计划'}</Text>
      <StateView loading={existing.loading} error={existing.error} onRetry={existing.reload} />
      <View className="gz-card">
        <Field label="名称" error={errors.name} name="name">
          <TextInput className="gz-input" value={values.name} maxlength={maxLengthOf('budget', 'createRound', 'name')} placeholder="例如：2026年幸福里创享计划" onInput={(e) => set('name', e.detail.value)} />
        </Field>
        <Field label="说明（可选）" error={errors.description} name="description">
          <TextArea className="gz-textarea" value={values.description} maxlength={maxLengthOf('budget', 'createRound', 'description')} placeholder="资金来源、项目要求等" onInput={(e) => set('description', e.detail.value)} />
        </Field>
        <Field label="总预算（元）" error={errors.budget} name="budget">
          <TextInput className="gz-input" type="number" value={values.budget} onInput={(e) => set('budget', e.detail.value)} />
        </Field>
        <Field label="单个项目上限（元）" error={errors.projectCap} name="projectCap">
          <TextInput className="gz-input" type="number" value={values.projectCap} onInput={(e) => set('projectCap', e.detail.value)} />
        </Field>
        <Field label="项目类别（用顿号隔开）" error={errors.categories} name="categories">
          <TextInput className="gz-input" value={values.categories} onInput={(e) => set('categories', e.detail.value)} />
        </Field>
        <Field label="征集截止" error={errors.collectTo} name="collectTo">
          <DateTimeField value={values.collectTo} onChange={(v) => set('collectTo', v)} />
        </Field>
        <Field label="投票开始" error={errors.voteFrom} hint="到时间自动开始投票（提案须已全部审核）" name="voteFrom">
          <DateTimeField value={values.voteFrom} onChange={(v) => set('voteFrom', v)} />
        </Field>
        <Field label="投票截止" error={errors.voteTo} hint="到时间自动截止，约1分钟后自动计票公示" name="voteTo">
          <DateTimeField value={values.voteTo} onChange={(v) => set('voteTo', v)} />
        </Field>
        <Field label="投票规则" error={errors.ballotRule} name="ballotRule">
          <Choices
            layout="rows"
            options={[
              { value: 'approval', label: '限选项数：每人最多选几项' },
              { value: 'knapsack', label: '总价不超预算：所选项目合计不超过总预算' },
            ]}
            value={values.kind}
            onChange={(v) => set('kind', v)}
          />
        </Field>
        {values.kind === 'approval' ? (
          <View className="gz-row">
            <Field label="最多选几项" error={errors['ballotRule.maxChoices']} name="ballotRule.maxChoices">
              <TextInput className="gz-input" type="number" value={values.maxChoices} onInput={(e) => set('maxChoices', e.detail.value)} />
            </Field>
            <Field label="至少选几项" error={errors['ballotRule.minChoices']} name="ballotRule.minChoices">
              <TextInput className="gz-input" type="number" value={values.minChoices} onInput={(e) => set('minChoices', e.detail.value)} />
            </Field>
          </View>
        ) : null}
        <Field label="投票单位" error={errors.voterUnit} name="voterUnit">
          <Choices
            options={[
              { value: 'resident', label: '一人一票' },
              { value: 'household', label: '一户一票（同楼栋同单元）' },
            ]}
            value={values.voterUnit}
            onChange={(v) => set('voterUnit', v)}
          />
        </Field>
        <Field label="计票方法" error={errors.selectionRule} hint="两种方法的结果都会公示，这里选的决定哪些项目入选" name="selectionRule">
          <Choices
            layout="rows"
            options={[
              { value: 'mes', label: '等额分配法：每人一份预算，照顾到更多居民' },
              { value: 'greedy', label: '按得票多少：票多的先选，直到预算用完' },
            ]}
            value={values.selectionRule}
            onChange={(v) => set('selectionRule', v)}
          />
        </Field>
        <Field label="审核前需要的附议人数（0为不要求）" error={errors.supportThreshold} name="supportThreshold">
          <TextInput className="gz-input" type="number" value={values.supportThreshold} onInput={(e) => set('supportThreshold', e.detail.value)} />
        </Field>
        <Button type="primary" block size="large" loading={form.submitting} data-testid="save-round" onClick={() => void save()}>
          {id ? '保存' : '创建，开始征集提案'}
        </Button>
      </View>
    </Page>
  )
}
