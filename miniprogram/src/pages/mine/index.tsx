import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Page } from '../../components/Page'
import { Avatar } from '../../components/Avatar'
import { StateView } from '../../components/StateView'
import { useMe } from '../../hooks/useMe'
import { useCommunities } from '../../hooks/useCommunities'
import { useInboxUnread } from '../../hooks/useInboxUnread'
import { useResidencyQueue } from '../../hooks/useResidencyQueue'
import { waitingIn } from '../../services/residencyQueue'
import { hasRoleIn, isStaffOrAdmin, roleLabels, staffCommunityIds } from '../../services/roles'
import { RESIDENCY_STATUS_LABELS } from '../../services/format'
import { clearSession } from '../../services/session'
import { routes } from '../../services/routes'
import { consultationRoutes } from '../../services/consultationRoutes'
import { MenuItem } from '../../components/MenuItem'
import { ElderModeSwitch } from '../../components/ElderMode'
import './index.scss'

const go = (url: string) => () => void Taro.navigateTo({ url })

export default function MinePage() {
  const { me, loading, error, signedOut, reload } = useMe()
  const communities = useCommunities()
  const unread = useInboxUnread(!!me)
  const waiting = waitingIn(useResidencyQueue(hasRoleIn(me, 'staff')))
  const communityName = (id: string) => communities.list.find((c) => c.id === id)?.name
  const isH5 = process.env.TARO_ENV === 'h5'

  return (
    <Page>
      <Text className="page-title">我的</Text>
      {signedOut ? (
        <View className="gz-card gz-stack">
          <Text>您还没有登录。登录后可以申请居民认证、修改资料。</Text>
          <Button type="primary" size="large" block onClick={go(routes.login(routes.mine))}>
            登录
          </Button>
        </View>
      ) : null}
      {!signedOut && !me ? <StateView loading={loading} error={error} onRetry={reload} /> : null}
      {me ? (
        <>
          <View className="gz-card mine-head" role="button" onClick={go(routes.profile)}>
            <Avatar fileId={me.avatarFileId} name={me.nickname} />
            <View className="mine-head__text">
              <Text className="mine-head__name">{me.nickname || '未设置昵称'}</Text>
              <View className="gz-row">
                {roleLabels(me, communities.list).map((label) => (
                  <Text key={label} className="gz-tag gz-tag--orange">
                    {label}
                  </Text>
                ))}
              </View>
            </View>
          </View>

          <View className="gz-menu">
            <MenuItem label="我的消息" value={unread ? '' : '议事通知等'} url={routes.inbox} testId="menu-inbox" badge={unread} />
            <MenuItem label="消息提醒设置" value="微信提醒哪些消息" url={routes.notifySettings} testId="menu-notify-settings" />
            <MenuItem label="我的心愿和认领" value="微心愿" url={routes.wishMine()} testId="menu-wishes" />
            <MenuItem label="爱心积分" value="余额、明细、爱心榜" url={routes.wishPoints()} testId="menu-love-points" />
            <MenuItem label="个人资料" value="头像、昵称" url={routes.profile} testId="menu-profile" />
            <MenuItem
              label="居民认证"
              value={me.residency ? RESIDENCY_STATUS_LABELS[me.residency.status] : '未认证'}
              url={routes.residency}
              testId="menu-residency"
            />
            <MenuItem label="我的数据" value="查看、导出、注销" url={routes.myData} testId="menu-data" />
          </View>

          {isStaffOrAdmin(me) ? (
            <>
              <Text className="gz-section-title">管理</Text>
              <View className="gz-menu">
                {hasRoleIn(me, 'staff') ? (
                  <MenuItem label="社区管理" value="居民、主持人、社区设置" url={routes.communityAdmin()} testId="menu-community-admin" badge={waiting} badgeLabel="份认证申请待审核" />
                ) : null}
                {me.admin ? <MenuItem label="社区与工作人员" value="新建社区、指派工作者" url={routes.streetCommunities} testId="menu-street-communities" /> : null}
                <MenuItem label="公告管理" value="发布、置顶、阅读人数" url={routes.manageNotices()} testId="menu-manage-notices" />
                {hasRoleIn(me, 'staff') ? (
                  <MenuItem label="居民认证审核" url={routes.reviewResidency()} testId="menu-review-residency" badge={waiting} badgeLabel="份待审核" />
                ) : null}
                <MenuItem label="通知发件箱" value="每条通知的发送情况" url={routes.outbox()} testId="menu-outbox" />
                {staffCommunityIds(me).map((id) => (
                  <MenuItem key={id} label="议事管理" value={communityName(id) ?? '审核议题、指派主持人'} url={consultationRoutes.staff(id)} testId="menu-consultation-staff" />
                ))}
              </View>
            </>
          ) : null}
        </>
      ) : null}

      <Text className="gz-section-title">阅读设置</Text>
      <ElderModeSwitch />

      {isH5 && !signedOut ? (
        <View className="gz-stack">
          <Button block size="large" onClick={go(routes.login(routes.mine))}>
            切换账号
          </Button>
          <Button
            block
            size="large"
            onClick={() => {
              clearSession()
              void Taro.showToast({ title: '已退出登录', icon: 'none' })
            }}
          >
            退出登录
          </Button>
        </View>
      ) : null}
    </Page>
  )
}
