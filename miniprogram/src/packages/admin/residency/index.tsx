import { useCallback, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ResidencyApplication } from '@shared/contract'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { TextArea } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import { StateView, ListFooter } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { CommunitySwitcher } from '../../../components/CommunitySwitcher'
import { useManagedCommunity } from '../../../hooks/useManagedCommunity'
import { usePagedList } from '../../../hooks/usePagedList'
import { useForm } from '../../../hooks/useForm'
import { api } from '../../../services/api'
import { formatDateTime } from '../../../services/format'
import { routes } from '../../../services/routes'
import { residencyReviewed } from '../../../services/residencyQueue'
import { memberName } from '../../../services/memberText'
import { addressLine } from '@shared/user/household'
import '../admin.scss'

function ApplicationCard({ application, onDone }: { application: ResidencyApplication; onDone: () => void }) {
  const [rejecting, setRejecting] = useState(false)
  const form = useForm({ reason: '' })
  const r = application.residency

  const review = (approve: boolean) =>
    form.submit(async ({ reason }) => {
      await api.user.reviewResidency(approve ? { userId: application.userId, approve } : { userId: application.userId, approve, reason })
      void Taro.showToast({ title: approve ? '已通过' : '已驳回', icon: 'none' })
      residencyReviewed(r.communityId)
      onDone()
    })

  return (
    <View className="gz-card gz-stack residency-application" data-user-id={application.userId}>
      <Text className="admin-person__name">{memberName({ name: r.name ?? '', nickname: application.nickname })}</Text>
      <View className="admin-person">
        <Text className="admin-person__line" data-testid="applicant-name">姓名：{r.name || '（未填写）'}</Text>
        <Text className="admin-person__line" data-testid="applicant-address">住址：{r.communityName} {addressLine(r)}</Text>
        <Text className="admin-person__line" data-testid="applicant-phone">电话：{r.phone || '（未填写）'}</Text>
        <Text className="admin-person__line gz-muted">申请时间：{formatDateTime(r.appliedAt)}</Text>
      </View>
      {application.sameHousehold.length ? (
        <Text className="admin-warning" data-testid="same-household">
          这一户已有认证居民：{application.sameHousehold.map((n) => n.name).join('、')}。请核实申请人是否同住。
        </Text>
      ) : (
        <Text className="gz-muted" data-testid="same-household">这一户还没有认证居民。</Text>
      )}
      {rejecting ? (
        <>
          <Field label="驳回理由" error={form.errors.reason} hint="会告诉申请人，请写清楚需要怎样改" name="reason">
            <TextArea value={form.values.reason} placeholder="例如：门牌号与登记不符，请核对后重新申请" maxlength={maxLengthOf('user', 'reviewResidency', 'reason')} onInput={(e) => form.set('reason', e.detail.value)} />
          </Field>
          <View className="gz-row">
            <Button size="large" onClick={() => setRejecting(false)}>
              取消
            </Button>
            <Button type="danger" size="large" loading={form.submitting} onClick={() => review(false)}>
              确认驳回
            </Button>
          </View>
        </>
      ) : (
        <View className="gz-row">
          <Button type="primary" size="large" loading={form.submitting} onClick={() => review(true)}>
            通过
          </Button>
          <Button size="large" onClick={() => setRejecting(true)}>
            驳回
          </Button>
        </View>
      )}
    </View>
  )
}

export default function ReviewResidencyPage() {
  const { params } = useRouter()
  const scope = useManagedCommunity(params.communityId, 'residency')
  const communityId = scope.community?.id
  const fetchPage = useCallback(
    (cursor: string | undefined) => api.user.listResidencyApplications({ communityId: communityId as string, status: 'pending', cursor, limit: 20 }),
    [communityId],
  )
  const list = usePagedList<ResidencyApplication>(fetchPage, communityId ?? '', { enabled: !!communityId })

  return (
    <Page>
      <Text className="page-title">居民认证审核</Text>
      {scope.signedOut ? <SignInNeeded back={routes.reviewResidency()} /> : null}
      <StateView loading={scope.loading} error={scope.error} onRetry={scope.reload} />
      {scope.forbidden ? <Text className="gz-card gz-muted">只有社区工作者可以审核居民认证。</Text> : null}
      {communityId ? (
        <>
          <CommunitySwitcher options={scope.options} value={communityId} onChange={scope.choose} />
          <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText="没有待审核的申请" onRetry={list.reload} />
          {list.items.map((a) => (
            <ApplicationCard key={a.userId} application={a} onDone={() => list.setItems((items) => items.filter((x) => x.userId !== a.userId))} />
          ))}
          <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
        </>
      ) : null}
    </Page>
  )
}
