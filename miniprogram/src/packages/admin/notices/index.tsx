import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { NoticeScope, NoticeStatus, NoticeView } from '@shared/contract'
import { Page } from '../../../components/Page'
import { StateView, ListFooter } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { CommunitySwitcher } from '../../../components/CommunitySwitcher'
import { Choices } from '../../../components/Choices'
import { useManagedCommunity } from '../../../hooks/useManagedCommunity'
import { useManagedNotices } from '../../../hooks/useManagedNotices'
import { formatDateTime, NOTICE_STATUS_LABELS } from '../../../services/format'
import { routes } from '../../../services/routes'

const STATUS_TAG: Record<NoticeStatus, string> = {
  draft: 'gz-tag--gray',
  scheduled: 'gz-tag--orange',
  published: 'gz-tag--green',
  expired: 'gz-tag--gray',
  unpublished: 'gz-tag--gray',
}

const SCOPE_OPTIONS: { value: NoticeScope; label: string }[] = [
  { value: 'community', label: '社区公告' },
  { value: 'street', label: '全街道公告' },
]

function ManagedNoticeCard({ notice, communityId }: { notice: NoticeView; communityId: string }) {
  return (
    <View className="gz-card managed-notice" role="link" data-notice-id={notice.id} onClick={() => void Taro.navigateTo({ url: routes.editNotice(communityId, notice.id) })}>
      <View className="gz-row">
        <Text className={`gz-tag ${STATUS_TAG[notice.status]}`}>{NOTICE_STATUS_LABELS[notice.status]}</Text>
        {notice.pinned ? <Text className="gz-tag gz-tag--primary">置顶</Text> : null}
        <Text className="gz-tag">{notice.category}</Text>
        {notice.scope === 'street' ? <Text className="gz-tag gz-tag--orange">全街道</Text> : null}
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
  // Street-wide notices are the street admin's alone.
  const [picked, setPicked] = useState<NoticeScope>('community')
  const noticeScope: NoticeScope = scope.me?.admin ? picked : 'community'
  const street = noticeScope === 'street'
  const list = useManagedNotices(communityId, noticeScope)

  return (
    <Page>
      <Text className="page-title">公告管理</Text>
      {scope.signedOut ? <SignInNeeded back={routes.manageNotices()} /> : null}
      <StateView loading={scope.loading} error={scope.error} onRetry={scope.reload} />
      {scope.forbidden ? <Text className="gz-card gz-muted">只有社区工作者和街道管理员可以管理公告。</Text> : null}
      {communityId ? (
        <>
          {scope.me?.admin ? (
            <View className="manage-scope" data-testid="notice-scope">
              <Choices options={SCOPE_OPTIONS} value={noticeScope} onChange={setPicked} />
            </View>
          ) : null}
          {street ? (
            <Text className="gz-muted community-current">全街道公告发给街道内每个社区的居民。</Text>
          ) : (
            <CommunitySwitcher options={scope.options} value={communityId} onChange={scope.choose} />
          )}
          <View className="manage-actions">
            <Button type="primary" size="large" block onClick={() => void Taro.navigateTo({ url: routes.editNotice(communityId, undefined, street ? 'street' : undefined) })}>
              {street ? '新建全街道公告' : '新建公告'}
            </Button>
          </View>
          <StateView
            loading={list.loading}
            error={list.error}
            empty={list.empty}
            emptyText={street ? '还没有全街道公告，点上面的按钮新建一条' : '还没有公告，点上面的按钮新建一条'}
            onRetry={list.reload}
          />
          {list.items.map((n) => (
            <ManagedNoticeCard key={n.id} notice={n} communityId={communityId} />
          ))}
          <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
        </>
      ) : null}
    </Page>
  )
}
