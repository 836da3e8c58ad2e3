import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { yuan } from '@shared/budget/ballot'
import { Page } from '../../../components/Page'
import { Choices } from '../../../components/Choices'
import { Field } from '../../../components/Field'
import { StateView } from '../../../components/StateView'
import { useForm } from '../../../hooks/useForm'
import { useMe } from '../../../hooks/useMe'
import { api } from '../../../services/api'
import { hasRoleIn } from '../../../services/roles'
import { useLoaded } from '../../../hooks/useLoaded'
import { PhotoPicker } from '../../../components/Photos'
import { budgetRoutes } from '../routes'
import { TextArea, TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import '../budget.scss'

type Behalf = 'self' | 'resident' | 'organisation'

/**
 * A new proposal, or the proposer's edit of theirs before review. Staff may enter one for a community organisation or
 * for a resident without a phone (代办), naming them.
 */
export default function ProposalFormPage() {
  const { params } = useRouter()
  const roundId = params.roundId ?? ''
  const editing = params.id ?? ''
  const { me } = useMe()
  const round = useLoaded(() => api.budget.getRound({ id: roundId }), roundId || null)
  const existing = useLoaded(() => api.budget.getProposal({ id: editing }), editing || null)
  const form = useForm({ title: '', description: '', category: '', location: '', cost: '', photos: [] as string[], behalf: 'self' as Behalf, behalfName: '' }, { draft: editing ? undefined : `proposal:${roundId}` })
  const { values, errors, set } = form
  const [filled, setFilled] = useState(false)
  useEffect(() => {
    const p = existing.data
    if (p && !filled) {
      setFilled(true)
      for (const [k, v] of Object.entries({ title: p.title, description: p.description, category: p.category, location: p.location, cost: String(p.cost), photos: p.photos })) set(k as 'title', v as string)
    }
  }, [existing.data, filled, set])
  const r = round.data
  const isStaff = !!r && hasRoleIn(me, 'staff', r.communityId)
  const isResident = !!r && me?.residency?.status === 'approved' && me.residency.communityId === r.communityId

  const save = () =>
    form.submit(async (v, submission) => {
      const fields = { title: v.title, description: v.description, category: v.category, location: v.location, cost: (v.cost.trim() === '' ? undefined : Number(v.cost)) as number, photos: v.photos }
      if (editing) {
        const saved = await api.budget.editProposal({ id: editing, ...fields })
        void Taro.showToast({ title: '已保存', icon: 'success' })
        void Taro.redirectTo({ url: budgetRoutes.proposal(saved.id) })
        return saved
      }
      const onBehalf = v.behalf === 'self' ? undefined : { kind: v.behalf, name: v.behalfName }
      const made = await api.budget.submitProposal({ id: roundId, ...fields, ...(onBehalf ? { onBehalf } : {}) }, submission)
      void Taro.showToast({ title: '已提交', icon: 'success' })
      void Taro.redirectTo({ url: budgetRoutes.proposal(made.id) })
      return made
    })

  return (
    <Page>
      <Text className="page-title">{editing ? '修改提案' : '提交提案'}</Text>
      <StateView loading={round.loading} error={round.error} onRetry={round.reload} />
      {r ? (
        <View className="gz-card">
          <Text className="page-intro">
            {r.name}：单个项目不超过{yuan(r.projectCap)}。审核开始前您可以随时修改。
          </Text>
          {isStaff && !editing ? (
            <Field label="提案人" name="onBehalf">
              <Choices
                options={[...(isResident ? [{ value: 'self' as Behalf, label: '我自己' }] : []), { value: 'resident' as Behalf, label: '代居民提交' }, { value: 'organisation' as Behalf, label: '代社区组织提交' }]}
                value={values.behalf === 'self' && !isResident ? undefined : values.behalf}
                onChange={(v) => set('behalf', v)}
              />
            </Field>
          ) : null}
          {isStaff && !editing && values.behalf !== 'self' ? (
            <Field label={values.behalf === 'organisation' ? '组织名称' : '居民姓名'} error={errors['onBehalf.name']} name="onBehalf.name">
              <TextInput className="gz-input" value={values.behalfName} maxlength={maxLengthOf('budget', 'submitProposal', 'onBehalf.name')} placeholder={values.behalf === 'organisation' ? '例如：幸福里亲子志愿服务队' : '例如：王奶奶（3号楼）'} onInput={(e) => set('behalfName', e.detail.value)} />
            </Field>
          ) : null}
          <Field label="项目名称" error={errors.title} name="title">
            <TextInput className="gz-input" value={values.title} maxlength={maxLengthOf('budget', 'submitProposal', 'title')} placeholder="例如：楼道加装扶手" onInput={(e) => set('title', e.detail.value)} />
          </Field>
          <Field label="类别" error={errors.category} name="category">
            <Choices options={r.categories.map((c) => ({ value: c, label: c }))} value={values.category || undefined} onChange={(v) => set('category', v)} />
          </Field>
          <Field label="做什么、为什么" error={errors.description} name="description">
            <TextArea className="gz-textarea" value={values.description} maxlength={maxLengthOf('budget', 'submitProposal', 'description')} placeholder="说说现在的问题，和想怎么改" onInput={(e) => set('description', e.detail.value)} />
          </Field>
          <Field label="地点" error={errors.location} name="location">
            <TextInput className="gz-input" value={values.location} maxlength={maxLengthOf('budget', 'submitProposal', 'location')} placeholder="例如：1至3号楼楼道" onInput={(e) => set('location', e.detail.value)} />
          </Field>
          <Field label="预计费用（元）" error={errors.cost} hint="估个大概即可，审核时社区会核定" name="cost">
            <TextInput className="gz-input" type="number" value={values.cost} placeholder="例如：30000" onInput={(e) => set('cost', e.detail.value)} />
          </Field>
          <Field label="照片（可选，最多6张）" error={errors.photos} name="photos">
            <PhotoPicker folder="budget" value={values.photos} max={6} onChange={(ids) => set('photos', ids)} />
          </Field>
          <Button type="primary" block size="large" loading={form.submitting} data-testid="save-proposal" onClick={() => void save()}>
            {editing ? '保存修改' : '提交提案'}
          </Button>
        </View>
      ) : null}
    </Page>
  )
}
