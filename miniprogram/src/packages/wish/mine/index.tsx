import { useRef, useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Choices } from '../../../components/Choices'
import { ListFooter, StateView } from '../../../components/StateView'
import { usePagedList } from '../../../hooks/usePagedList'
import { api } from '../../../services/api'
import { WishCard } from '../components/WishCard'
import '../wish.scss'

const TABS = [
  { value: 'wishes', label: '我的心愿' },
  { value: 'claims', label: '我的认领' },
] as const

/** The wishes I made, with their state, and the ones I took on. */
export default function MyWishesPage() {
  const { params } = useRouter()
  const [tab, setTab] = useState<'wishes' | 'claims'>(params.tab === 'claims' ? 'claims' : 'wishes')
  const list = usePagedList((cursor) => (tab === 'claims' ? api.wish.myClaims({ cursor }) : api.wish.mine({ cursor })), tab)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.reload()
    shown.current = true
  })
  return (
    <Page>
      <Text className="page-title">我的心愿和认领</Text>
      <View className="ws-gap">
        <Choices options={TABS} value={tab} onChange={setTab} />
      </View>
      <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText={tab === 'claims' ? '您还没有认领心愿' : '您还没有许过心愿'} onRetry={list.reload} />
      {list.items.map((w) => (
        <WishCard key={w.id} wish={w} />
      ))}
      <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
    </Page>
  )
}
