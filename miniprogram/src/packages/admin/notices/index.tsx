import { useCallback, useRef } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { NoticeStatus, NoticeView } from '@shared/contract'
import { Page } from '../../../components/Page'
import { StateView, ListFooter } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { CommunitySwitcher } from '../../../components/CommunitySwitcher'
import { useManagedCommunity } from '../../../hooks/useManagedCommunity'
import { usePagedList } from '../../../hooks/usePagedList'
import { api } from '../../../services/api'
import { rememberManaged } from '../../../services/noticeDrafts'
import { formatDateTime, NOTICE_STATUS_LABELS } from '../../../services/format'
import { routes } from '../../../services/routes'

const STATUS_TAG: Record<NoticeStatus, string> = {
  draft: 'gz-tag--gray',
  scheduled: 'gz-tag--orange',
  published: 'gz-tag--green',
  expired: 'gz-tag--gray',
  unpublished: 'gz-tag--gray',
}

function ManagedNoticeCard({ notice, communityId }: { notice: NoticeView; communityId: string }) {
  return (
    <View className="gz-card managed-notice" data-notice-id={notice.id} onClick={() => void Taro.navigateTo({ url: routes.editNotice(communityId, notice.id) })}>
      <View className="gz-row">
        <Text className={`gz-tag ${STATUS_TAG[notice.status]}`}>{NOTICE_STATUS_LABELS[notice.status]}</Text>
        {notice.pinned ? <Text className="gz-tag gz-tag--primary">置顶</Text> : null}
        <Text className="gz-tag">{notice.category}</Text>
      </View>
      <Text className="notice-card__title">{notice.title}</Text>
      <View className="gz-row gz-row--between">
        <Text className="managed-notice__reads">已读 {notice.readCount} 人</Text>
        <Text className="gz-muted">
          {notice.status === 'scheduled' ? `将于 ${formatDateTime(notice.publishAt)} 发布` : notice.publishAt ? `发布于 ${formatDateTime(notice.publishAt)}` : `修改于 ${formatDateTime(notice.updatedAt)}`}
        </Text>
      </View>
    </View>
  )
}

export default function ManageNoticesPage() {
  const { params } = useRouter()
  const scope = useManagedCommunity(params.communityId, 'notices')
  const communityId = scope.community?.id
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await api.notice.listManaged({ communityId: communityId as string, cursor, limit: 20 })
      rememberManaged(page.items)
      return page
    },
    [communityId],
  )
  const list = usePagedList<NoticeView>(fetchPage, communityId ?? '', { enabled: !!communityId })
  // Coming back from the editor: show the change and fresh reader counts.
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && communityId) void list.reload()
    shownOnce.current = true
  })

  return (
    <Page>
      <Text className="page-title">公告管理</Text>
      {scope.signedOut ? <SignInNeeded back={routes.manageNotices()} /> : null}
      <StateView loading={scope.loading} error={scope.error} onRetry={scope.reload} />
      {scope.forbidden ? <Text className="gz-card gz-muted">只有社区工作者和街道管理员可以管理公告。</Text> : null}
      {communityId ? (
        <>
          <CommunitySwitcher options={scope.options} value={communityId} onChange={scope.choose} />
          <View className="manage-actions">
            <Button type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: routes.editNotice(communityId) })}>
              新建公告
            </Button>
          </View>
          <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText="还没有公告，点上面的按钮新建一条" onRetry={list.reload} />
          {list.items.map((n) => (
            <ManagedNoticeCard key={n.id} notice={n} communityId={communityId} />
          ))}
          <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
        </>
      ) : null}
    </Page>
  )
}
