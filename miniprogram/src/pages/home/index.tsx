import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { NoticeCategory } from '@shared/contract'
import { NOTICE_CATEGORIES } from '@shared/modules'
import { Page } from '../../components/Page'
import { NoticeCard } from '../../components/NoticeCard'
import { Choices } from '../../components/Choices'
import { ElderModeSwitch } from '../../components/ElderMode'
import { ListFooter, StateView } from '../../components/StateView'
import { useMe } from '../../hooks/useMe'
import { useNoticeFeed } from '../../hooks/useNotices'
import { useCommunities } from '../../hooks/useCommunities'
import { useFeedCommunity } from '../../hooks/useFeedCommunity'
import { MODULE_TILES, type ModuleTile } from '../../services/modules'
import './index.scss'

const CATEGORY_OPTIONS = [{ value: 'all', label: '全部' }, ...NOTICE_CATEGORIES.map((c) => ({ value: c, label: c }))] as const

function openTile(tile: ModuleTile) {
  if (!tile.url) {
    void Taro.showToast({ title: `${tile.title}即将上线，敬请期待`, icon: 'none' })
    return
  }
  void (tile.tab ? Taro.switchTab({ url: tile.url }) : Taro.navigateTo({ url: tile.url }))
}

export default function HomePage() {
  const { me } = useMe()
  const [category, setCategory] = useState<string>('all')
  const browse = useFeedCommunity(me)
  const communities = useCommunities()
  const feed = useNoticeFeed(category === 'all' ? undefined : (category as NoticeCategory), browse.communityId)
  const community = browse.resident && me?.residency ? me.residency.communityName : ''
  const browseOptions = [{ value: '', label: '只看街道' }, ...communities.list.map((c) => ({ value: c.id, label: c.name }))]

  return (
    <Page>
      <Text className="page-title">{community ? `${community} · 共治` : '共治 · 社区大家一起办'}</Text>
      <View className="home-tiles">
        {MODULE_TILES.map((tile) => (
          <View key={tile.key} className="home-tile" role="button" onClick={() => openTile(tile)}>
            <Text className="home-tile__title">{tile.title}</Text>
            <Text className="home-tile__hint">{tile.hint}</Text>
            {tile.url ? null : <Text className="gz-tag gz-tag--gray home-tile__soon">即将上线</Text>}
          </View>
        ))}
      </View>

      <ElderModeSwitch />

      <Text className="gz-section-title">社区公告</Text>
      {community ? null : (
        <View className="home-browse">
          <Text className="page-intro">您还没有通过居民认证，可以选择想看哪个社区的公告：</Text>
          <Choices options={browseOptions} value={browse.chosen} onChange={browse.choose} />
        </View>
      )}
      <View className="home-categories">
        <Choices options={CATEGORY_OPTIONS} value={category} onChange={setCategory} />
      </View>
      <View className="home-feed">
        <StateView loading={feed.loading} error={feed.error} empty={feed.empty} emptyText="这里还没有公告" onRetry={feed.reload} />
        {feed.items.map((n) => (
          <NoticeCard key={n.id} notice={n} />
        ))}
        <ListFooter loadingMore={feed.loadingMore} moreError={feed.moreError} hasMore={feed.hasMore} count={feed.items.length} onRetry={feed.loadMore} />
      </View>
    </Page>
  )
}
