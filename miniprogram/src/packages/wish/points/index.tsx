import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatShanghai } from '@shared/time'
import { Page } from '../../../components/Page'
import { Choices } from '../../../components/Choices'
import { StateView } from '../../../components/StateView'
import { useCommunities } from '../../../hooks/useCommunities'
import { useLoaded } from '../../../hooks/useLoaded'
import { useMe } from '../../../hooks/useMe'
import { api } from '../../../services/api'
import { wishCommunity } from '../community'
import '../wish.scss'

const PERIODS = [
  { value: 'month', label: '本月榜' },
  { value: 'all', label: '总榜' },
] as const

/** 爱心积分: my balance and history (signed in), and the community's board by households helped. */
export default function PointsPage() {
  const { params } = useRouter()
  const { me } = useMe()
  const communities = useCommunities()
  const communityId = wishCommunity(params.communityId, me, undefined, communities.list)
  const [period, setPeriod] = useState<'month' | 'all'>('month')
  const mine = useLoaded(() => api.wish.myPoints({}), me ? me.id : null)
  const board = useLoaded(() => api.wish.leaderboard({ communityId, period }), communityId ? `${communityId}|${period}` : null)
  usePullDownRefresh(() => {
    void Promise.all([mine.reload(), board.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <Page>
      <Text className="page-title">爱心积分</Text>
      <Text className="page-intro">帮邻居实现一个心愿、许愿人确认后，认领人获得爱心积分。爱心榜按帮助过的户数排名。</Text>
      {me ? (
        <View className="gz-card" data-testid="my-points">
          <Text className="gz-section-title">我的积分</Text>
          <StateView loading={mine.loading} error={mine.error} onRetry={() => void mine.reload()} />
          {mine.data ? (
            <>
              <Text className="ws-balance">{mine.data.balance}</Text>
              <Text className="ws-line">帮助过{mine.data.households}户邻居</Text>
              {mine.data.entries.items.map((e) => (
                <View key={e.id} className="ws-rank">
                  <Text>
                    {e.kind === 'reversal' ? '更正：' : ''}
                    {e.title} · {formatShanghai(e.at, 'M月D日')}
                  </Text>
                  <Text className={e.points < 0 ? 'gz-text-danger' : ''}>{e.points > 0 ? `+${e.points}` : e.points}</Text>
                </View>
              ))}
              {mine.data.entries.items.length ? null : <Text className="gz-muted">还没有积分记录，去心愿墙看看吧。</Text>}
            </>
          ) : null}
        </View>
      ) : null}
      <View className="gz-card" data-testid="leaderboard">
        <Text className="gz-section-title">爱心榜</Text>
        <Choices options={PERIODS} value={period} onChange={setPeriod} />
        <StateView loading={board.loading} error={board.error} empty={board.data?.rows.length === 0} emptyText="还没有人上榜" onRetry={() => void board.reload()} />
        {(board.data?.rows ?? []).map((r) => (
          <View key={r.userId} className="ws-rank">
            <Text>
              {r.rank}. {r.name}
            </Text>
            <Text>
              {r.households}户 · {r.points}分
            </Text>
          </View>
        ))}
        {board.data?.me ? (
          <Text className="ws-line">
            我排第{board.data.me.rank}名：{board.data.me.households}户 · {board.data.me.points}分
          </Text>
        ) : null}
      </View>
    </Page>
  )
}
