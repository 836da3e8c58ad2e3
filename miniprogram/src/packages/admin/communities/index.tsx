import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { StateView } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { useMe } from '../../../hooks/useMe'
import { useCommunities } from '../../../hooks/useCommunities'
import { useForm } from '../../../hooks/useForm'
import { api } from '../../../services/api'
import { routes } from '../../../services/routes'
import { TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import { MenuItem } from '../../../components/MenuItem'
import '../admin.scss'

/** The street admin's page: the street's communities, a new one, and the way to each one's staff. */
export default function StreetCommunitiesPage() {
  const { me, loading, error, signedOut, reload } = useMe()
  const communities = useCommunities()
  const form = useForm({ name: '' })

  usePullDownRefresh(() => {
    void Promise.all([reload(), communities.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  const create = () =>
    form.submit(async ({ name }, submission) => {
      const created = await api.user.createCommunity({ name }, submission)
      await communities.reload()
      form.setValues({ name: '' })
      void Taro.showToast({ title: `已新建${created.name}`, icon: 'none' })
    })

  return (
    <Page>
      <Text className="page-title">社区与工作人员</Text>
      {signedOut ? <SignInNeeded back={routes.streetCommunities} /> : null}
      {!signedOut && !me ? <StateView loading={loading} error={error} onRetry={reload} /> : null}
      {me && !me.admin ? <Text className="gz-card gz-muted">只有街道管理员可以新建社区、指派社区工作者。</Text> : null}
      {me?.admin ? (
        <>
          <View className="gz-menu">
            <MenuItem label="数据看板" value="全街道与各社区的参与和工作" url={routes.dashboard(undefined, true)} testId="street-dashboard" />
          </View>
          <Text className="gz-section-title">街道内的社区</Text>
          <StateView loading={communities.loading && !communities.list.length} error={communities.error} empty={!communities.loading && !communities.error && !communities.list.length} emptyText="还没有社区，请在下面新建" onRetry={() => void communities.reload()} />
          <View className="gz-menu" data-testid="communities">
            {communities.list.map((c) => (
              <View key={c.id} className="gz-menu__item" role="button" data-community-id={c.id} onClick={() => void Taro.navigateTo({ url: routes.communityStaff(c.id) })}>
                <Text className="gz-menu__label">{c.name}</Text>
                <Text className="gz-menu__value">社区工作者</Text>
              </View>
            ))}
          </View>

          <Text className="gz-section-title">新建社区</Text>
          <View className="gz-card">
            <Field label="社区名称" name="name" error={form.errors.name} hint="2–30个字，例如：光明社区">
              <TextInput className="gz-input" value={form.values.name} maxlength={maxLengthOf('user', 'createCommunity', 'name')} placeholder="请输入社区名称" onInput={(e) => form.set('name', e.detail.value)} />
            </Field>
            <Button type="primary" size="large" block loading={form.submitting} onClick={() => void create()}>
              新建社区
            </Button>
          </View>
        </>
      ) : null}
    </Page>
  )
}
