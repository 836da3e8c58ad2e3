import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Page } from '../../../../components/Page'
import { StateView } from '../../../../components/StateView'
import { useLoaded } from '../../../../hooks/useLoaded'
import { api } from '../../../../services/api'
import { roomStaffRoutes } from '../../../../services/roomStaffRoutes'
import { SeriesSummary } from '../components/SeriesSummary'
import { useOnReturn } from '../../../../hooks/useOnReturn'
import '../staff.scss'

/** The community's recurring bookings (兴趣班, regular groups), those due for re-confirming marked. */
export default function SeriesListPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const list = useLoaded(() => api.room.seriesList({ communityId }), communityId || null)
  useOnReturn(list.reload)
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))

  return (
    <Page>
      <Text className="page-title">固定预约</Text>
      <Text className="page-intro">兴趣班、固定活动每周或隔周用同一间活动室。每次确认一个季度，到期前会提醒续期。</Text>
      <Button type="primary" block size="large" data-testid="new-series" onClick={() => void Taro.navigateTo({ url: roomStaffRoutes.newSeries(communityId) })}>
        新建固定预约
      </Button>
      <View className="rs-gap" />
      <StateView loading={list.loading} error={list.error} empty={list.data?.length === 0} emptyText="还没有固定预约" onRetry={() => void list.reload()} />
      {(list.data ?? []).map((s) => (
        <View key={s.id} className="gz-card" role="button" data-testid="series" onClick={() => void Taro.navigateTo({ url: roomStaffRoutes.series(s.id) })}>
          <SeriesSummary series={s} />
          <Text className="gz-link">查看场次 ›</Text>
        </View>
      ))}
    </Page>
  )
}
