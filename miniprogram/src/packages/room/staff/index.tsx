import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { BookingView } from '@shared/contract'
import { CommunitySwitcher } from '../../../components/CommunitySwitcher'
import { MenuItem } from '../../../components/MenuItem'
import { Page } from '../../../components/Page'
import { ReasonAction } from '../../../components/ReasonAction'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { ListFooter, StateView } from '../../../components/StateView'
import { useAction } from '../../../hooks/useAction'
import { useManagedCommunity } from '../../../hooks/useManagedCommunity'
import { useOnReturn } from '../../../hooks/useOnReturn'
import { usePagedList } from '../../../hooks/usePagedList'
import { api } from '../../../services/api'
import { maxLengthOf } from '../../../services/limits'
import { roomStaffRoutes } from '../../../services/roomStaffRoutes'
import { formatRange } from '../format'
import { BookingCard } from './components/BookingCard'
import './staff.scss'

const REASON_MAX = maxLengthOf('room', 'review', 'reason')

/** Staff's 活动室 desk: the bookings waiting for approval, earliest start first, and the way to everything else. */
export default function RoomStaffPage() {
  const { params } = useRouter()
  const scope = useManagedCommunity(params.communityId, 'residency')
  const communityId = scope.community?.id ?? ''
  const queue = usePagedList<BookingView>((cursor) => api.room.approvalQueue({ communityId, cursor, limit: 20 }), communityId, { enabled: !!communityId })
  const act = useAction()
  useOnReturn(queue.reload)

  const decided = (b: BookingView | undefined) => {
    if (b) queue.setItems((items) => items.filter((x) => x.id !== b.id))
    return b
  }
  const approve = async (b: BookingView) => decided(await act.run(`approve:${b.id}`, () => api.room.review({ id: b.id, approve: true }), { success: '已通过' }))
  const reject = async (b: BookingView, reason: string) => decided(await act.run(`reject:${b.id}`, () => api.room.review({ id: b.id, approve: false, reason }), { success: '已驳回' }))

  return (
    <Page>
      <Text className="page-title">活动室管理</Text>
      {scope.signedOut ? <SignInNeeded back={roomStaffRoutes.desk(params.communityId ?? '')} /> : null}
      <StateView loading={scope.loading} error={scope.error} onRetry={scope.reload} />
      {scope.forbidden ? <Text className="gz-card gz-muted">只有社区工作者可以管理活动室。</Text> : null}
      {communityId ? (
        <>
          <CommunitySwitcher options={scope.options} value={communityId} onChange={scope.choose} />
          <View className="gz-menu">
            <MenuItem label="活动室" value="新建、开放时间、门口二维码" url={roomStaffRoutes.rooms(communityId)} testId="staff-rooms" />
            <MenuItem label="每日安排" value="所有活动室某一天的预约" url={roomStaffRoutes.day(communityId)} testId="staff-day" />
            <MenuItem label="停用时段" value="装修、节假日、社区活动" url={roomStaffRoutes.blackouts(communityId)} testId="staff-blackouts" />
            <MenuItem label="固定预约" value="兴趣班、固定活动，按季度续期" url={roomStaffRoutes.seriesList(communityId)} testId="staff-series" />
            <MenuItem label="代办预约" value="为不会用手机的居民预约" url={roomStaffRoutes.proxyBook(communityId)} testId="staff-proxy" />
          </View>

          <Text className="gz-section-title">待审核的预约</Text>
          <StateView loading={queue.loading} error={queue.error} empty={queue.empty} emptyText="没有待审核的预约" onRetry={queue.reload} />
          <View data-testid="approval-queue">
            {queue.items.map((b) => (
              <BookingCard key={b.id} booking={b}>
                <Button type="primary" block size="large" loading={act.busy === `approve:${b.id}`} data-testid="approve" onClick={() => void approve(b)}>
                  通过
                </Button>
                <ReasonAction
                  label="不通过"
                  reasonLabel="不通过的理由"
                  hint="理由会告诉预约的居民"
                  maxLength={REASON_MAX}
                  busy={act.busy === `reject:${b.id}`}
                  danger
                  testId="reject"
                  confirm={{ title: '不通过这个预约？', content: `${b.bookerName ?? '居民'} ${formatRange(b)} 的预约将不通过，时段随之释放给其他人，不能撤回。`, confirmText: '不通过', danger: true }}
                  onConfirm={(reason) => reject(b, reason)}
                />
              </BookingCard>
            ))}
          </View>
          <ListFooter loadingMore={queue.loadingMore} moreError={queue.moreError} hasMore={queue.hasMore} count={queue.items.length} onRetry={queue.loadMore} />
        </>
      ) : null}
    </Page>
  )
}
