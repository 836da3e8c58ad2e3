import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Page } from '../../../components/Page'
import { ListFooter, StateView } from '../../../components/StateView'
import { ConsultationCard } from '../../../components/ConsultationCard'
import { useConsultationList } from '../../../hooks/useConsultationList'
import { useMe } from '../../../hooks/useMe'
import { consultationRoutes } from '../../../services/consultationRoutes'
import '../consultation.scss'

/** 我主持的议事: each card opens straight into the host screen; with none yet, the way to start one. */
export default function HostedPage() {
  const list = useConsultationList({ hostedByMe: true })
  const { me } = useMe()
  // Hosts and staff start consultations in the community where they hold the role.
  const startIn = me?.roles.find((r) => r.role === 'host' || r.role === 'staff')?.communityId
  return (
    <Page>
      <Text className="page-title">我主持的议事</Text>
      <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText="您还没有主持的议事。" onRetry={list.reload} />
      {list.empty && !list.loading && startIn ? (
        <View className="gz-card gz-stack" data-testid="start-first">
          <Text>社区里有需要大家商量的事，就发起一次议事：先收集居民意见，再一步一步走完六个步骤。</Text>
          <Button type="primary" block size="large" data-testid="start-consultation" onClick={() => void Taro.navigateTo({ url: consultationRoutes.create(startIn) })}>
            发起议事
          </Button>
        </View>
      ) : null}
      {list.items.map((c) => (
        <ConsultationCard key={c.id} item={c} to={consultationRoutes.host(c.id)} />
      ))}
      <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
    </Page>
  )
}
