import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Residency } from '@shared/contract'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import { Choices } from '../../../components/Choices'
import { StateView } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { useMe } from '../../../hooks/useMe'
import { useCommunities } from '../../../hooks/useCommunities'
import { useForm } from '../../../hooks/useForm'
import { api } from '../../../services/api'
import { setMe } from '../../../services/me'
import { formatDateTime, RESIDENCY_STATUS_LABELS } from '../../../services/format'
import { routes } from '../../../services/routes'
import { RESIDENT_ABILITIES } from '@shared/modules'
import { addressLine } from '@shared/user/household'

const STATUS_TAG: Record<Residency['status'], string> = { pending: 'gz-tag--orange', approved: 'gz-tag--green', rejected: 'gz-tag--primary' }

function ResidencyStatus({ residency }: { residency: Residency }) {
  return (
    <View className="gz-card gz-stack residency-status" data-status={residency.status}>
      <View className="gz-row">
        <Text>认证状态</Text>
        <Text className={`gz-tag ${STATUS_TAG[residency.status]}`}>{RESIDENCY_STATUS_LABELS[residency.status]}</Text>
      </View>
      {residency.name ? <Text>姓名：{residency.name}</Text> : null}
      <Text>
        {residency.communityName} {addressLine(residency)}
      </Text>
      {residency.phone ? <Text className="gz-muted">电话：{residency.phone}（审核后删除）</Text> : null}
      <Text className="gz-muted">申请时间：{formatDateTime(residency.appliedAt)}</Text>
      {residency.status === 'pending' ? <Text className="gz-muted">社区工作者会尽快审核，请耐心等待。</Text> : null}
      {residency.status === 'approved' ? <Text className="gz-muted">您已是认证居民，可以参与社区的各项活动。</Text> : null}
      {residency.status === 'rejected' ? <Text className="gz-text-danger">未通过的原因：{residency.reason ?? '未说明'}</Text> : null}
    </View>
  )
}

export default function ResidencyPage() {
  const { me, loading, error, signedOut, reload } = useMe()
  const communities = useCommunities()
  const form = useForm<{ communityId?: string; name: string; building: string; unit: string; phone: string }>({ communityId: undefined, name: '', building: '', unit: '', phone: '' })
  const [reapplying, setReapplying] = useState(false)

  const residency = me?.residency ?? null
  const showForm = !!me && (!residency || (residency.status === 'rejected' && reapplying))

  const submit = () =>
    form.submit(async (values, submission) => {
      const { communityId, name, building, unit, phone } = values
      // The name is always sent, so an empty one is refused; the phone only when given.
      const next = await api.user.applyResidency({ communityId: communityId as string, name, building, unit, ...(phone.trim() ? { phone } : {}) }, submission)
      setMe(next)
      setReapplying(false)
      void Taro.showToast({ title: '已提交，请等待审核', icon: 'none' })
    })

  return (
    <Page>
      <Text className="page-title">居民认证</Text>
      <Text className="page-intro" data-testid="residency-intro">
        {RESIDENT_ABILITIES.length ? `认证后可以${RESIDENT_ABILITIES.join('，')}。` : ''}我们只记录您的姓名和住的社区、楼栋、门牌，不需要身份证；电话只用于社区工作者核实，审核后即删除。
      </Text>
      {signedOut ? <SignInNeeded back={routes.residency} /> : null}
      {!signedOut && !me ? <StateView loading={loading} error={error} onRetry={reload} /> : null}
      {residency ? <ResidencyStatus residency={residency} /> : null}
      {residency?.status === 'rejected' && !reapplying ? (
        <Button type="primary" size="large" block onClick={() => setReapplying(true)}>
          重新申请
        </Button>
      ) : null}

      {showForm ? (
        <View className="gz-card residency-form">
          <Field label="所在社区" error={form.errors.communityId} name="communityId">
            <StateView loading={communities.loading} error={communities.error} onRetry={communities.reload} />
            <Choices
              layout="rows"
              options={communities.list.map((c) => ({ value: c.id, label: c.name }))}
              value={form.values.communityId}
              onChange={(id) => form.set('communityId', id)}
            />
          </Field>
          <Field label="姓名" error={form.errors.name} hint="社区工作者据此核实，不会公开" name="name">
            <TextInput value={form.values.name} placeholder="请填写您的姓名" maxlength={maxLengthOf('user', 'applyResidency', 'name')} onInput={(e) => form.set('name', e.detail.value)} />
          </Field>
          <Field label="楼栋" error={form.errors.building} hint="例如：3号楼" name="building">
            <TextInput value={form.values.building} placeholder="请填写楼栋" maxlength={maxLengthOf('user', 'applyResidency', 'building')} onInput={(e) => form.set('building', e.detail.value)} />
          </Field>
          <Field label="单元/门牌" error={form.errors.unit} hint="例如：2单元301" name="unit">
            <TextInput value={form.values.unit} placeholder="请填写单元和门牌号" maxlength={maxLengthOf('user', 'applyResidency', 'unit')} onInput={(e) => form.set('unit', e.detail.value)} />
          </Field>
          <Field label="电话（选填）" error={form.errors.phone} hint="方便社区工作者联系核实，审核后即删除" name="phone">
            <TextInput value={form.values.phone} placeholder="例如：13812345678" maxlength={maxLengthOf('user', 'applyResidency', 'phone')} onInput={(e) => form.set('phone', e.detail.value)} />
          </Field>
          <Button type="primary" size="large" block loading={form.submitting} onClick={submit}>
            提交认证申请
          </Button>
        </View>
      ) : null}
    </Page>
  )
}
