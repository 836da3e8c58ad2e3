import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { RoundSummary } from '@shared/contract'
import { yuan } from '@shared/budget/ballot'
import { phaseName } from '@shared/budget/phases'
import { Page } from '../../../components/Page'
import { CommunitySwitcher } from '../../../components/CommunitySwitcher'
import { ListFooter, StateView } from '../../../components/StateView'
import { useCommunities } from '../../../hooks/useCommunities'
import { useMe } from '../../../hooks/useMe'
import { usePagedList } from '../../../hooks/usePagedList'
import { api } from '../../../services/api'
import { formatDate } from '../../../services/format'
import { hasRoleIn } from '../../../services/roles'
import { PHASE_TAG } from '../labels'
import { budgetRoutes } from '../routes'
import '../budget.scss'

function RoundCard({ r }: { r: RoundSummary }) {
  return (
    <View className="gz-card bg-card" role="button" data-testid="round-card" onClick={() => void Taro.navigateTo({ url: budgetRoutes.round(r.id) })}>
      <View className="gz-row">
        <Text className={`gz-tag ${PHASE_TAG[r.phase]}`}>{phaseName(r.phase)}</Text>
        {r.imported ? <Text className="gz-tag gz-tag--gray">导入的测试轮次</Text> : null}
      </View>
      <Text className="bg-card__title">{r.name}</Text>
      <View className="gz-row gz-row--between">
        <Text className="bg-money">总预算 {yuan(r.budget)}</Text>
        <Text className="gz-muted">投票 {formatDate(r.voteFrom)}—{formatDate(r.voteTo)}</Text>
      </View>
    </View>
  )
}

/** The rounds of a community, newest activity first; staff start a new one here. */
export default function RoundsPage() {
  const { params } = useRouter()
  const { me } = useMe()
  const communities = useCommunities()
  const home = me?.residency?.status === 'approved' ? me.residency.communityId : me?.roles[0]?.communityId
  const [picked, setPicked] = useState<string | undefined>(params.communityId)
  const communityId = picked ?? home ?? communities.list[0]?.id
  const list = usePagedList((cursor) => api.budget.listRounds({ communityId, cursor }), communityId ?? '', { enabled: !!communityId })
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.reload()
    shown.current = true
  })
  const isStaff = !!communityId && hasRoleIn(me, 'staff', communityId)

  return (
    <Page>
      <Text className="page-title">创享计划</Text>
      <Text className="page-intro">居民提出社区小项目，大家投票决定钱花在哪里，结果和每一笔花费都公开。</Text>
      <CommunitySwitcher options={communities.list} value={communityId} onChange={setPicked} />
      {isStaff ? (
        <View className="gz-row bg-gap">
          <Button type="primary" size="large" data-testid="new-round" onClick={() => void Taro.navigateTo({ url: budgetRoutes.create(communityId as string) })}>
            新建一轮
          </Button>
        </View>
      ) : null}
      <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText="这个社区还没有创享计划" onRetry={list.reload} />
      {list.items.map((r) => (
        <RoundCard key={r.id} r={r} />
      ))}
      <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
    </Page>
  )
}
