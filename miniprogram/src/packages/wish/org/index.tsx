import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { StateView } from '../../../components/StateView'
import { useForm } from '../../../hooks/useForm'
import { useLoaded } from '../../../hooks/useLoaded'
import { useMe } from '../../../hooks/useMe'
import { api } from '../../../services/api'
import { TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import '../wish.scss'

const STATUS = { pending: '等待社区审核', granted: '已是爱心单位，可以认领心愿', revoked: '已被撤销，可重新申请' } as const

/** An organisation's account asks to be a 爱心单位 of a community, and sees where its application stands. */
export default function OrgApplyPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const { me } = useMe()
  const mine = useLoaded(() => api.wish.myOrg({}), me ? me.id : null)
  const form = useForm({ orgName: '', contactPhone: '' })
  usePullDownRefresh(() => {
    void mine.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const here = mine.data?.find((o) => o.communityId === communityId)
  const submit = () =>
    form.submit(async (v, submission) => {
      await api.wish.applyOrg({ communityId, orgName: v.orgName, contactPhone: v.contactPhone }, submission)
      void Taro.showToast({ title: '已提交申请', icon: 'success' })
      await mine.reload()
    })
  return (
    <Page>
      <Text className="page-title">爱心单位申请</Text>
      <Text className="page-intro">驻区单位、商户、社会组织可以申请成为本社区的爱心单位，社区认定后就能认领居民的微心愿。</Text>
      <StateView loading={mine.loading} error={mine.error} onRetry={() => void mine.reload()} />
      {here ? (
        <View className="gz-card">
          <Text className="ws-line">{here.orgName}</Text>
          <Text className="ws-line">{STATUS[here.status]}</Text>
        </View>
      ) : null}
      {me && (!here || here.status === 'revoked') ? (
        <View className="gz-card">
          <Field label="单位名称" error={form.errors.orgName} name="orgName">
            <TextInput className="gz-input" value={form.values.orgName} maxlength={maxLengthOf('wish', 'applyOrg', 'orgName')} placeholder="例如：幸福里爱心超市" onInput={(e) => form.set('orgName', e.detail.value)} />
          </Field>
          <Field label="联系电话" error={form.errors.contactPhone} hint="只有社区工作者能看到" name="contactPhone">
            <TextInput className="gz-input" type="number" value={form.values.contactPhone} onInput={(e) => form.set('contactPhone', e.detail.value)} />
          </Field>
          <Button type="primary" block size="large" loading={form.submitting} onClick={submit}>
            提交申请
          </Button>
        </View>
      ) : null}
      {me ? null : <Text className="gz-muted">请先登录。</Text>}
    </Page>
  )
}
