import { Text } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { ListFooter, StateView } from '../../../components/StateView'
import { ConsultationCard } from '../../../components/ConsultationCard'
import { useConsultationList } from '../../../hooks/useConsultationList'
import { consultationRoutes } from '../../../services/consultationRoutes'
import '../consultation.scss'

/** 我主持的议事: each card opens straight into the host screen. */
export default function HostedPage() {
  const list = useConsultationList({ hostedByMe: true })
  return (
    <Page>
      <Text className="page-title">我主持的议事</Text>
      <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText="您还没有主持的议事。可以在“议事”页发起一个。" onRetry={list.reload} />
      {list.items.map((c) => (
        <ConsultationCard key={c.id} item={c} to={consultationRoutes.host(c.id)} />
      ))}
      <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
    </Page>
  )
}
