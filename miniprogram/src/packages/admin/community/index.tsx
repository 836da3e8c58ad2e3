import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { StateView } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { CommunitySwitcher } from '../../../components/CommunitySwitcher'
import { useManagedCommunity } from '../../../hooks/useManagedCommunity'
import { useResidencyQueue } from '../../../hooks/useResidencyQueue'
import { refreshResidencyQueue, waitingIn } from '../../../services/residencyQueue'
import { routes } from '../../../services/routes'
import { consultationRoutes } from '../../../services/consultationRoutes'
import { MenuItem } from '../../../components/MenuItem'
import { roomStaffRoutes } from '../../../services/roomStaffRoutes'
import { usePendingBookings } from './usePendingBookings'
import '../admin.scss'

/** The staff entry: everything staff do for one community, with the waiting applications counted. */
export default function CommunityAdminPage() {
  const { params } = useRouter()
  const scope = useManagedCommunity(params.communityId, 'residency')
  const communityId = scope.community?.id
  const counts = useResidencyQueue(!!communityId)
  const waiting = communityId ? waitingIn(counts, communityId) : null
  const bookings = usePendingBookings(communityId)

  usePullDownRefresh(() => {
    void Promise.all([scope.reload(), refreshResidencyQueue(), bookings.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <Page>
      <Text className="page-title">社区管理</Text>
      {scope.signedOut ? <SignInNeeded back={routes.communityAdmin()} /> : null}
      <StateView loading={scope.loading} error={scope.error} onRetry={scope.reload} />
      {scope.forbidden ? <Text className="gz-card gz-muted">只有社区工作者可以管理社区。</Text> : null}
      {communityId ? (
        <>
          <CommunitySwitcher options={scope.options} value={communityId} onChange={scope.choose} />
          <View className="gz-menu">
            <MenuItem
              label="居民认证审核"
              value={waiting ? `${waiting}份待审核` : '没有待审核的'}
              url={routes.reviewResidency(communityId)}
              testId="admin-residency"
              badge={waiting}
              badgeLabel="份待审核"
            />
            <MenuItem label="居民名单与主持人" value="按楼栋查找、任免主持人" url={routes.members(communityId)} testId="admin-members" />
            <MenuItem label="社区设置" value="公告天数、议题审核等" url={routes.communitySettings(communityId)} testId="admin-settings" />
            <MenuItem label="议事管理" value="审核议题、指派主持人" url={consultationRoutes.staff(communityId)} testId="admin-consultations" />
            <MenuItem
              label="活动室"
              value={bookings.count ? `${bookings.count}${bookings.more ? '+' : ''}个预约待审核` : '预约审核、开放时间、每日安排'}
              url={roomStaffRoutes.desk(communityId)}
              testId="admin-rooms"
              badge={bookings.count}
              badgeLabel="个预约待审核"
            />
            <MenuItem label="公告管理" value="发布、置顶、阅读人数" url={routes.manageNotices(communityId)} testId="admin-notices" />
            <MenuItem label="通知发件箱" value="每条通知的发送情况" url={routes.outbox(communityId)} testId="admin-outbox" />
            <MenuItem label="数据看板" value="参与人数、各项工作、导出Excel" url={routes.dashboard(communityId)} testId="admin-dashboard" />
          </View>
        </>
      ) : null}
    </Page>
  )
}
