import { useCallback } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { OutboxView, SendView } from '@shared/notify/contract'
import { Page } from '../../../components/Page'
import { ListFooter, StateView } from '../../../components/StateView'
import { SignInNeeded } from '../../../components/SignInNeeded'
import { CommunitySwitcher } from '../../../components/CommunitySwitcher'
import { useManagedCommunity } from '../../../hooks/useManagedCommunity'
import { usePagedList } from '../../../hooks/usePagedList'
import { api } from '../../../services/api'
import { formatDateTime } from '../../../services/format'
import { routes } from '../../../services/routes'
import './index.scss'

const STATE_LABELS: Record<SendView['state'], string> = {
  queued: '等待发送',
  sending: '发送中',
  sent: '已发送',
  skipped: '未发送',
  failed: '发送失败',
  dead: '多次失败，已放弃',
}

const REASON_LABELS: Record<string, string> = {
  local: '本地环境不发送',
  'no-subscription': '对方没有可用的订阅次数',
  'no-template': '未配置消息模板',
  'opted-out': '对方关闭了此类提醒',
  network: '网络错误，稍后重试',
  'unknown-event': '未知的通知类型',
  'bad-fields': '模板内容不合规',
}

function reasonText(reason: string): string {
  const wechat = /^wechat-(-?\d+)$/.exec(reason)
  return wechat ? `微信返回错误码 ${wechat[1]}` : (REASON_LABELS[reason] ?? reason)
}

/** In words, for the page: the state, why, and when the next try is. */
export function sendStateText(send: SendView): string {
  const reason = send.reason ? reasonText(send.reason) : ''
  const when = send.state === 'queued' && send.nextAt ? `，${formatDateTime(send.nextAt)} 发送` : ''
  const tries = send.tries > 1 ? `，已尝试 ${send.tries} 次` : ''
  return `${STATE_LABELS[send.state]}${reason ? `（${reason}）` : ''}${when}${tries}`
}

function Entry({ entry }: { entry: OutboxView }) {
  return (
    <View className="gz-card outbox-entry" data-testid="outbox-entry" data-event={entry.event}>
      <View className="gz-row">
        <Text className="gz-tag">{entry.label}</Text>
        <Text className={`gz-tag ${entry.delivered ? 'gz-tag--green' : 'gz-tag--orange'}`}>{entry.delivered ? '已进收件箱' : '投递中'}</Text>
        <Text className="gz-muted">{formatDateTime(entry.createdAt)}</Text>
      </View>
      <Text className="outbox-entry__title">{entry.title}</Text>
      <Text className="gz-muted">收件人 {entry.recipients} 人</Text>
      {entry.sends.length ? (
        <View className="outbox-entry__sends">
          <Text className="outbox-entry__sends-title">微信提醒</Text>
          {entry.sends.map((s) => (
            <Text key={s.userId} className="outbox-send" data-state={s.state}>
              {s.userId}：{sendStateText(s)}
            </Text>
          ))}
        </View>
      ) : (
        <Text className="gz-muted">没有需要发送的微信提醒</Text>
      )}
    </View>
  )
}

/** Every notification of a community and what became of each WeChat reminder. Locally nothing is sent. */
export default function OutboxPage() {
  const { params } = useRouter()
  const scope = useManagedCommunity(params.communityId, 'notices')
  const communityId = scope.community?.id
  const fetchPage = useCallback((cursor: string | undefined) => api.notify.listOutbox({ communityId: communityId!, cursor, limit: 20 }), [communityId])
  const list = usePagedList<OutboxView>(fetchPage, `outbox:${communityId ?? ''}`, { enabled: !!communityId })

  return (
    <Page>
      <Text className="page-title">通知发件箱</Text>
      {scope.signedOut ? <SignInNeeded back={routes.outbox()} /> : null}
      <StateView loading={scope.loading} error={scope.error} onRetry={scope.reload} />
      {scope.forbidden ? <Text className="gz-card gz-muted">只有社区工作者和街道管理员可以查看发件箱。</Text> : null}
      {communityId ? (
        <>
          <CommunitySwitcher options={scope.options} value={communityId} onChange={scope.choose} />
          <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText="还没有发出过通知" onRetry={list.reload} />
          {list.items.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
          <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
        </>
      ) : null}
    </Page>
  )
}
