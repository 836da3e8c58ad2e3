import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { InboxItem } from '@shared/contract'
import { Page } from '../../../components/Page'
import { ListFooter, StateView } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { useMe } from '../../../hooks/useMe'
import { useInbox } from '../../../hooks/useInbox'
import { formatDateTime } from '../../../services/format'
import { inboxLinkUrl } from '../../../services/inbox'
import { routes } from '../../../services/routes'
import './index.scss'

function Message({ message, onOpen }: { message: InboxItem; onOpen: () => void }) {
  const linked = inboxLinkUrl(message.link) !== null
  return (
    <View className={`gz-card inbox-item${message.read ? '' : ' inbox-item--unread'}`} role="button" data-testid="inbox-item" data-read={message.read} onClick={onOpen}>
      <View className="gz-row">
        {message.read ? <Text className="gz-tag gz-tag--gray">已读</Text> : <Text className="gz-tag gz-tag--primary">未读</Text>}
        <Text className="gz-muted">{formatDateTime(message.createdAt)}</Text>
      </View>
      <Text className="inbox-item__title">{message.title}</Text>
      {message.body ? <Text className="inbox-item__body">{message.body}</Text> : null}
      {linked ? <Text className="inbox-item__more">查看详情 ›</Text> : null}
    </View>
  )
}

export default function InboxPage() {
  const { signedOut } = useMe()
  const { list, unread, open, markAll, markingAll } = useInbox(!signedOut)

  return (
    <Page>
      <Text className="page-title">我的消息</Text>
      {signedOut ? (
        <SignInNeeded back={routes.inbox} />
      ) : (
        <>
          <View className="gz-row gz-row--between inbox-head">
            <Text className="inbox-head__count" data-testid="inbox-unread">
              {unread > 0 ? `${unread} 条未读` : '没有未读消息'}
            </Text>
            {unread > 0 ? (
              <Button size="large" loading={markingAll} onClick={markAll}>
                全部已读
              </Button>
            ) : null}
          </View>
          <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText="还没有消息。报名的议事有变化、候补成功时，会在这里通知您。" onRetry={list.reload} />
          {list.items.map((m) => (
            <Message key={m.id} message={m} onOpen={() => void open(m)} />
          ))}
          <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
        </>
      )}
    </Page>
  )
}
