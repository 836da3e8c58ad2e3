import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Page } from '../../../components/Page'
import { Choices } from '../../../components/Choices'
import { CommunitySwitcher } from '../../../components/CommunitySwitcher'
import { ListFooter, StateView } from '../../../components/StateView'
import { useCommunities } from '../../../hooks/useCommunities'
import { useFeedCommunity } from '../../../hooks/useFeedCommunity'
import { useMe } from '../../../hooks/useMe'
import { usePagedList } from '../../../hooks/usePagedList'
import { hasRoleIn } from '../../../services/roles'
import { api } from '../../../services/api'
import { routes } from '../../../services/routes'
import { WishCard } from '../components/WishCard'
import { categoriesOf, wishCommunity } from '../community'
import '../wish.scss'

const ALL = '全部'

/** The wish wall: anyone may read it; names are masked and no contact is ever shown here. */
export default function WishWallPage() {
  const { params } = useRouter()
  const { me } = useMe()
  const communities = useCommunities()
  const feed = useFeedCommunity(me)
  const communityId = wishCommunity(params.communityId, me, feed.chosen, communities.list)
  const [category, setCategory] = useState(ALL)
  const [onlyClaimable, setOnlyClaimable] = useState(false)
  const list = usePagedList(
    (cursor) => api.wish.wall({ communityId, category: category === ALL ? undefined : category, onlyClaimable: onlyClaimable || undefined, cursor }),
    `${communityId}|${category}|${onlyClaimable}`,
    { enabled: !!communityId },
  )
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.reload()
    shown.current = true
  })

  const resident = me?.residency?.status === 'approved' && me.residency.communityId === communityId
  const staff = hasRoleIn(me, 'staff', communityId)
  const canBrowseOthers = !resident && !staff && !hasRoleIn(me, 'org')
  const categories = [ALL, ...categoriesOf(communities.list, communityId)].map((c) => ({ value: c, label: c }))

  return (
    <Page>
      <Text className="page-title">微心愿</Text>
      <Text className="page-intro">邻居们的小心愿，等您来认领。认领后按约定的日期帮忙实现，完成后获得爱心积分。</Text>
      {canBrowseOthers ? <CommunitySwitcher options={communities.list} value={communityId} onChange={feed.choose} /> : null}
      <View className="ws-links">
        {me ? (
          <View className="ws-link" role="button" onClick={() => void Taro.navigateTo({ url: routes.wishMine() })}>
            我的心愿和认领
          </View>
        ) : null}
        <View className="ws-link" role="button" onClick={() => void Taro.navigateTo({ url: routes.wishPoints(communityId) })}>
          爱心积分榜
        </View>
        {staff ? (
          <View className="ws-link" role="button" data-testid="wish-staff" onClick={() => void Taro.navigateTo({ url: routes.wishStaff(communityId) })}>
            心愿管理
          </View>
        ) : null}
        {me && !resident && !staff && !hasRoleIn(me, 'org', communityId) ? (
          <View className="ws-link" role="button" onClick={() => void Taro.navigateTo({ url: routes.wishOrg(communityId) })}>
            爱心单位申请
          </View>
        ) : null}
      </View>
      <View className="ws-gap">
        <Choices options={categories} value={category} onChange={setCategory} />
      </View>
      <View className="ws-gap">
        <Choices
          options={[
            { value: 'all', label: '全部心愿' },
            { value: 'open', label: '只看可认领' },
          ]}
          value={onlyClaimable ? 'open' : 'all'}
          onChange={(v) => setOnlyClaimable(v === 'open')}
        />
      </View>
      <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText="这里还没有心愿" onRetry={list.reload} />
      {list.items.map((w) => (
        <WishCard key={w.id} wish={w} />
      ))}
      <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
      {resident ? (
        <Button type="primary" block size="large" data-testid="new-wish" onClick={() => void Taro.navigateTo({ url: routes.wishNew(communityId) })}>
          许个心愿
        </Button>
      ) : me && hasRoleIn(me, 'org', communityId) ? null : (
        <Text className="gz-muted">{me ? '认证为本社区居民后，可以许心愿、认领心愿。' : '登录并认证为本社区居民后，可以许心愿、认领心愿。'}</Text>
      )}
    </Page>
  )
}
