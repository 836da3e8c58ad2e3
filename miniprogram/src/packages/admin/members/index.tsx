import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { MemberView } from '@shared/contract'
import { Page } from '../../../components/Page'
import { StateView } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { CommunitySwitcher } from '../../../components/CommunitySwitcher'
import { useManagedCommunity } from '../../../hooks/useManagedCommunity'
import { api } from '../../../services/api'
import { reportError, toApiCallError, type ApiCallError } from '../../../services/errors'
import { memberAddress, memberName } from '../../../services/memberText'
import { routes } from '../../../services/routes'
import { MemberFinder } from '../../../components/MemberFinder'
import '../admin.scss'

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
  const hosts = useHosts(communityId)
  // A host removed from the hosts list must also read 设为主持人 again in the resident list below.
  const [latest, setLatest] = useState<Record<string, MemberView>>({})
  const changed = (m: MemberView) => {
    setLatest((all) => ({ ...all, [m.userId]: m }))
    void hosts.reload()
  }

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
          <MemberFinder
            communityId={communityId}
            latest={latest}
            renderMember={(m) => <MemberCard key={m.userId} member={m} communityId={communityId} onChanged={changed} />}
          />
        </>
      ) : null}
    </Page>
  )
}
