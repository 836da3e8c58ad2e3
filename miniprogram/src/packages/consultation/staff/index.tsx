import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { ListFooter, StateView } from '../../../components/StateView'
import { ConsultationCard } from '../../../components/ConsultationCard'
import { useConsultationList } from '../../../hooks/useConsultationList'
import { consultationRoutes } from '../../../services/consultationRoutes'
import { usePendingTopics } from '../hooks/usePendingTopics'
import '../consultation.scss'

/** For staff: topics waiting for review first, then every consultation of the community. */
export default function StaffPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const [round, setRound] = useState(0)
  useDidShow(() => setRound((r) => r + 1))
  const pending = usePendingTopics(communityId || null, String(round))
  const all = useConsultationList({ communityId }, !!communityId)

  return (
    <Page>
      <Text className="page-title">议事管理</Text>
      <Text className="gz-section-title">待审核的议题</Text>
      <StateView loading={pending.loading} error={pending.error} empty={pending.data?.length === 0} emptyText="没有待审核的议题" onRetry={pending.reload} />
      {(pending.data ?? []).map((c) => (
        <View key={c.id} className="gz-card gz-stack" role="button" data-testid="pending-topic" onClick={() => void Taro.navigateTo({ url: consultationRoutes.detail(c.id) })}>
          <Text className="cs-topic-title">{c.topic?.title}</Text>
          <Text>需要决定：{c.topic?.question}</Text>
          <Text className="gz-muted">主持人：{c.hostName} · 点开审核</Text>
        </View>
      ))}
      <Text className="gz-section-title">本社区的全部议事</Text>
      <Text className="gz-muted cs-gap">点开议事可以指派主持人、查看审计记录。</Text>
      <StateView loading={all.loading} error={all.error} empty={all.empty} emptyText="还没有议事" onRetry={all.reload} />
      {all.items.map((c) => (
        <ConsultationCard key={c.id} item={c} />
      ))}
      <ListFooter loadingMore={all.loadingMore} moreError={all.moreError} hasMore={all.hasMore} count={all.items.length} onRetry={all.loadMore} />
    </Page>
  )
}
