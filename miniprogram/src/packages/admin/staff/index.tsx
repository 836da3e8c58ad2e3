import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MemberView, UserCard } from '@shared/contract'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { StateView } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { useMe } from '../../../hooks/useMe'
import { useCommunities } from '../../../hooks/useCommunities'
import { useForm } from '../../../hooks/useForm'
import { api } from '../../../services/api'
import { reportError, toApiCallError, type ApiCallError } from '../../../services/errors'
import { routes } from '../../../services/routes'
import { TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import '../admin.scss'

function useStaff(communityId: string | undefined, enabled: boolean) {
  const [staff, setStaff] = useState<MemberView[]>([])
  const [loading, setLoading] = useState(enabled)
  const [error, setError] = useState<ApiCallError | null>(null)
  const load = useCallback(async () => {
    if (!communityId || !enabled) return
    setLoading(true)
    setError(null)
    try {
      setStaff((await api.user.listRoleHolders({ communityId, role: 'staff', limit: 100 })).items)
    } catch (e) {
      setError(toApiCallError(e))
    } finally {
      setLoading(false)
    }
  }, [communityId, enabled])
  useEffect(() => {
    void load()
  }, [load])
  return { staff, loading, error, reload: load }
}

/** The street admin: one community's staff, removing one (asked first), and finding someone to add. */
export default function CommunityStaffPage() {
  const { params } = useRouter()
  const communityId = params.communityId
  const { me, loading: meLoading, error: meError, signedOut, reload: reloadMe } = useMe()
  const communities = useCommunities()
  const community = communities.list.find((c) => c.id === communityId)
  const admin = !!me?.admin
  const list = useStaff(communityId, admin)
  const search = useForm({ query: '' })
  const [found, setFound] = useState<UserCard[] | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  usePullDownRefresh(() => {
    void Promise.all([reloadMe(), list.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  const find = () =>
    search.submit(async ({ query }) => {
      setFound(await api.user.findUsers({ query }))
    })

  const assign = async (person: UserCard) => {
    if (!communityId) return
    setBusy(person.userId)
    try {
      await api.user.assignStaff({ communityId, userId: person.userId })
      void Taro.showToast({ title: `已指派${person.nickname || '该用户'}`, icon: 'none' })
      setFound((people) => people?.map((p) => (p.userId === person.userId ? { ...p, staffOf: [...p.staffOf, communityId] } : p)) ?? null)
      await list.reload()
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(null)
    }
  }

  const remove = async (member: MemberView) => {
    if (!communityId) return
    const who = member.nickname || '该用户'
    const { confirm } = await Taro.showModal({
      title: '撤销社区工作者',
      content: `撤销后，${who}将不能再审核居民、发布公告和管理${community?.name ?? '本社区'}。确定撤销吗？`,
      confirmText: '确定撤销',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusy(member.userId)
    try {
      await api.user.removeStaff({ communityId, userId: member.userId })
      void Taro.showToast({ title: `已撤销${who}`, icon: 'none' })
      setFound((people) => people?.map((p) => (p.userId === member.userId ? { ...p, staffOf: p.staffOf.filter((c) => c !== communityId) } : p)) ?? null)
      await list.reload()
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(null)
    }
  }

  const communityName = (id: string) => communities.list.find((c) => c.id === id)?.name ?? '其他社区'

  return (
    <Page>
      <Text className="page-title">{community ? `${community.name}的社区工作者` : '社区工作者'}</Text>
      {signedOut ? <SignInNeeded back={routes.streetCommunities} /> : null}
      {!signedOut && !me ? <StateView loading={meLoading} error={meError} onRetry={reloadMe} /> : null}
      {me && !admin ? <Text className="gz-card gz-muted">只有街道管理员可以指派社区工作者。</Text> : null}
      {admin && communities.list.length > 0 && !community ? (
        <View className="gz-card gz-stack">
          <Text>这个社区不存在或已删除。</Text>
          <Button size="large" onClick={() => void Taro.redirectTo({ url: routes.streetCommunities })}>
            返回社区列表
          </Button>
        </View>
      ) : null}
      {admin && community ? (
        <>
          <Text className="gz-section-title">现任社区工作者</Text>
          <StateView loading={list.loading && !list.staff.length} error={list.error} empty={!list.loading && !list.error && !list.staff.length} emptyText="还没有社区工作者，请在下面查找并指派" onRetry={() => void list.reload()} />
          <View data-testid="staff">
            {list.staff.map((m) => (
              <View key={m.userId} className="gz-card admin-person" data-user-id={m.userId}>
                <Text className="admin-person__name">{m.nickname || '（未设置昵称）'}</Text>
                <Button size="large" loading={busy === m.userId} onClick={() => void remove(m)}>
                  撤销社区工作者
                </Button>
              </View>
            ))}
          </View>

          <Text className="gz-section-title">指派社区工作者</Text>
          <View className="gz-card">
            <Field label="昵称或用户编号" name="query" error={search.errors.query} hint="请对方先打开小程序，在“我的 → 个人资料”里能看到昵称和用户编号">
              <TextInput className="gz-input" value={search.values.query} maxlength={maxLengthOf('user', 'findUsers', 'query')} placeholder="例如：李书记" onInput={(e) => search.set('query', e.detail.value)} />
            </Field>
            <Button type="primary" size="large" block loading={search.submitting} onClick={() => void find()}>
              查找
            </Button>
          </View>
          {found && !found.length ? <Text className="gz-card gz-muted">没有找到，请核对昵称或用户编号。</Text> : null}
          <View data-testid="found">
            {(found ?? []).map((p) => {
              const already = p.staffOf.includes(community.id)
              const elsewhere = p.staffOf.filter((c) => c !== community.id)
              return (
                <View key={p.userId} className="gz-card admin-person" data-user-id={p.userId}>
                  <Text className="admin-person__name">{p.nickname || '（未设置昵称）'}</Text>
                  <Text className="admin-person__line gz-muted">用户编号：{p.userId}</Text>
                  <Text className="admin-person__line">{p.residentOf ? `${p.residentOf}的认证居民` : '不是认证居民'}</Text>
                  {elsewhere.length ? <Text className="admin-person__line">已是{elsewhere.map(communityName).join('、')}的社区工作者</Text> : null}
                  {already ? (
                    <Text className="gz-tag gz-tag--green">已是本社区工作者</Text>
                  ) : (
                    <Button type="primary" size="large" loading={busy === p.userId} onClick={() => void assign(p)}>
                      指派到本社区
                    </Button>
                  )}
                </View>
              )
            })}
          </View>
        </>
      ) : null}
    </Page>
  )
}
