import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { addDays, formatShanghai, parseShanghai, shanghaiDate } from '@shared/time'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { Choices } from '../../../components/Choices'
import { StateView } from '../../../components/StateView'
import { useMe } from '../../../hooks/useMe'
import { useForm } from '../../../hooks/useForm'
import { api } from '../../../services/api'
import { hasRoleIn } from '../../../services/roles'
import { consultationRoutes } from '../../../services/consultationRoutes'
import { DateTimeField } from '../components/DateTimeField'
import { useHosts } from '../hooks/useHosts'
import '../consultation.scss'
import { TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'

/** Opening a consultation is step 1: a theme and how long residents have to send opinions. */
export default function CreateConsultationPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const { me } = useMe()
  const isStaff = hasRoleIn(me, 'staff', communityId)
  const hosts = useHosts(isStaff ? communityId : null)
  const today = shanghaiDate(Date.now())
  const form = useForm({ theme: '', from: today, to: formatShanghai(addDays(Date.now(), 7), 'YYYY-MM-DD'), hostId: undefined as string | undefined })
  const [done, setDone] = useState(false)

  const submit = () =>
    form.submit(async (v, submission) => {
      // Starting today means from now; a later start means from that morning.
      const collectFrom = v.from === today ? Date.now() : parseShanghai(v.from)
      const collectTo = parseShanghai(`${v.to} 23:59`)
      const created = await api.consultation.create({ communityId, theme: v.theme, collectFrom, collectTo, hostId: v.hostId }, submission)
      setDone(true)
      void Taro.showToast({ title: '议事已发起', icon: 'success' })
      void Taro.redirectTo({ url: consultationRoutes.host(created.id) })
    })

  return (
    <Page>
      <Text className="page-title">发起议事</Text>
      <Text className="page-intro">先定一个协商主题，在收集时间内居民可以提意见、附议。之后一步一步确定议题、开会、公布结果。</Text>
      <View className="gz-card">
        <Field label="协商主题" error={form.errors.theme} hint="用一句话说清要商量什么，例如：小区停车难怎么办" name="theme">
          <TextInput className="gz-input" value={form.values.theme} maxlength={maxLengthOf('consultation', 'create', 'theme')} placeholder="请填写协商主题" onInput={(e) => form.set('theme', e.detail.value)} />
        </Field>
        <DateTimeField label="开始收集" name="collectFrom" date={form.values.from} start={today} error={form.errors.collectFrom} onDate={(d) => form.set('from', d)} />
        <DateTimeField
          label="收集截止"
          name="collectTo"
          date={form.values.to}
          start={form.values.from}
          error={form.errors.collectTo}
          hint="截止当天23:59；意见集中了也可以提前结束"
          onDate={(d) => form.set('to', d)}
        />
        {isStaff ? (
          <Field label="主持人" error={form.errors.hostId} hint="不选就由您自己主持" name="hostId">
            <StateView loading={hosts.loading} error={hosts.error} onRetry={hosts.reload} />
            <Choices layout="rows" options={(hosts.data ?? []).map((m) => ({ value: m.userId, label: m.nickname }))} value={form.values.hostId} onChange={(id) => form.set('hostId', id)} />
          </Field>
        ) : null}
        <Button type="primary" block size="large" loading={form.submitting} disabled={done} onClick={submit} data-testid="create-submit">
          发起议事
        </Button>
      </View>
    </Page>
  )
}
