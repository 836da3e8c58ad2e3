import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MemberView } from '@shared/contract'
import { Page } from '../../../components/Page'
import { Field } from '../../../components/Field'
import { StateView, ListFooter } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { CommunitySwitcher } from '../../../components/CommunitySwitcher'
import { useManagedCommunity } from '../../../hooks/useManagedCommunity'
import { usePagedList } from '../../../hooks/usePagedList'
import { api } from '../../../services/api'
import { reportError, toApiCallError, type ApiCallError } from '../../../services/errors'
import { memberAddress, memberName } from '../../../services/memberText'
import { routes } from '../../../services/routes'
import { TextInput } from '../../../components/TextInput'
import { maxLengthOf } from '../../../services/limits'
import '../admin.scss'

type Search = { building: string; unit: string }

/** Appointing is undone as easily as it is done; removing someone's role is asked about first. */
async function changeHost(communityId: string, member: MemberView, grant: boolean): Promise<MemberView | null> {
  if (!grant) {
    const { confirm } = await Taro.showModal({
      title: '撤销主持人',
      content: `撤销后，${memberName(member)}将不能再发起和主持议事；正在主持的议事需要另外指派主持人。确定撤销吗？`,
      confirmText: '确定撤销',
      cancelText: '再想想',
    })
    if (!confirm) return null
  }
  try {
    const input = { communityId, userId: member.userId }
    const next = grant ? await api.user.grantHost(input) : await api.user.revokeHost(input)
    void Taro.showToast({ title: grant ? '已设为主持人' : '已撤销主持人', icon: 'none' })
    return next
  } catch (e) {
    reportError(e)
    return null
  }
}

function MemberCard({ member, communityId, onChanged }: { member: MemberView; communityId: string; onChanged: (m: MemberView) => void }) {
  const [busy, setBusy] = useState(false)
  const isHost = member.roles.includes('host')
  const act = async () => {
    setBusy(true)
    const next = await changeHost(communityId, member, !isHost)
    setBusy(false)
    if (next) onChanged(next)
  }
  return (
    <View className="gz-card admin-person" data-user-id={member.userId} data-testid="member">
      <Text className="admin-person__name">{memberName(member)}</Text>
      <Text className="admin-person__line">{memberAddress(member)}</Text>
      <View className="gz-row">
        {isHost ? <Text className="gz-tag gz-tag--orange">主持人</Text> : null}
        {member.roles.includes('staff') ? <Text className="gz-tag gz-tag--green">社区工作者</Text> : null}
      </View>
      <Button size="large" type={isHost ? 'default' : 'primary'} loading={busy} onClick={() => void act()}>
        {isHost ? '撤销主持人' : '设为主持人'}
      </Button>
    </View>
  )
}

function useHosts(communityId: string | undefined) {
  const [hosts, setHosts] = useState<MemberView[]>([])
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<ApiCallError | null>(null)
  const load = useCallback(async () => {
    if (!communityId) return
    setLoading(true)
    setError(null)
    try {
      setHosts((await api.user.listRoleHolders({ communityId, role: 'host', limit: 100 })).items)
    } catch (e) {
      setError(toApiCallError(e))
    } finally {
      setLoading(false)
    }
  }, [communityId])
  useEffect(() => {
    void load()
  }, [load])
  // The resident list refreshes itself on a pull; the hosts come along.
  usePullDownRefresh(() => void load())
  return { hosts, loading, error, reload: load }
}

export default function MembersPage() {
  const { params } = useRouter()
  const scope = useManagedCommunity(params.communityId, 'residency')
  const communityId = scope.community?.id
  const [typed, setTyped] = useState<Search>({ building: '', unit: '' })
  const [search, setSearch] = useState<Search>({ building: '', unit: '' })
  const [searchError, setSearchError] = useState<string | undefined>()
  const hosts = useHosts(communityId)

  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      api.user.listMembers({
        communityId: communityId as string,
        ...(search.building ? { building: search.building } : {}),
        ...(search.unit ? { unit: search.unit } : {}),
        cursor,
        limit: 20,
      }),
    [communityId, search],
  )
  const list = usePagedList<MemberView>(fetchPage, `${communityId ?? ''}|${search.building}|${search.unit}`, { enabled: !!communityId })

  const find = () => {
    const next = { building: typed.building.trim(), unit: typed.unit.trim() }
    // The same rule the server gives: a unit means nothing without its building.
    if (next.unit && !next.building) return setSearchError('按单元查找时请先填写楼栋')
    setSearchError(undefined)
    setSearch(next)
  }
  const clear = () => {
    setTyped({ building: '', unit: '' })
    setSearch({ building: '', unit: '' })
    setSearchError(undefined)
  }
  const changed = (m: MemberView) => {
    list.setItems((items) => items.map((x) => (x.userId === m.userId ? m : x)))
    void hosts.reload()
  }
  const searching = !!(search.building || search.unit)

  return (
    <Page>
      <Text className="page-title">居民名单与主持人</Text>
      {scope.signedOut ? <SignInNeeded back={routes.members()} /> : null}
      <StateView loading={scope.loading} error={scope.error} onRetry={scope.reload} />
      {scope.forbidden ? <Text className="gz-card gz-muted">只有社区工作者可以查看居民名单。</Text> : null}
      {communityId ? (
        <>
          <CommunitySwitcher options={scope.options} value={communityId} onChange={scope.choose} />

          <Text className="gz-section-title">现任主持人（议事厅厅长）</Text>
          <StateView loading={hosts.loading && !hosts.hosts.length} error={hosts.error} empty={!hosts.loading && !hosts.error && !hosts.hosts.length} emptyText="还没有主持人。在下面的居民名单里点“设为主持人”。" onRetry={() => void hosts.reload()} />
          <View data-testid="hosts">
            {hosts.hosts.map((m) => (
              <MemberCard key={m.userId} member={m} communityId={communityId} onChanged={changed} />
            ))}
          </View>

          <Text className="gz-section-title">已认证居民</Text>
          <View className="gz-card">
            <View className="admin-search">
              <View className="admin-search__field">
                <Field label="楼栋" name="building" error={searchError} hint="例如：3号楼">
                  <TextInput className="gz-input" value={typed.building} maxlength={maxLengthOf('user', 'listMembers', 'building')} placeholder="楼栋" onInput={(e) => setTyped((t) => ({ ...t, building: e.detail.value }))} />
                </Field>
              </View>
              <View className="admin-search__field">
                <Field label="单元" name="unit" hint="可不填">
                  <TextInput className="gz-input" value={typed.unit} maxlength={maxLengthOf('user', 'listMembers', 'unit')} placeholder="单元" onInput={(e) => setTyped((t) => ({ ...t, unit: e.detail.value }))} />
                </Field>
              </View>
            </View>
            <View className="gz-row">
              <Button type="primary" size="large" onClick={find}>
                查找
              </Button>
              {searching ? (
                <Button size="large" onClick={clear}>
                  显示全部
                </Button>
              ) : null}
            </View>
          </View>
          <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText={searching ? '这里没有找到已认证的居民，请核对楼栋和单元' : '还没有已认证的居民'} onRetry={list.reload} />
          <View data-testid="members">
            {list.items.map((m) => (
              <MemberCard key={m.userId} member={m} communityId={communityId} onChanged={changed} />
            ))}
          </View>
          <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
        </>
      ) : null}
    </Page>
  )
}
