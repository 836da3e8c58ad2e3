import { useCallback } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ROLE_LABELS, type AuditEntryView } from '@shared/contract'
import { auditLabel } from '@shared/modules'
import { Page } from '../../../components/Page'
import { ListFooter, StateView } from '../../../components/StateView'
import { usePagedList } from '../../../hooks/usePagedList'
import { api } from '../../../services/api'
import { formatDateTime } from '../../../services/format'
import { describeAuditChange } from '../auditText'
import '../consultation.scss'

/** Staff read every recorded change of one consultation, private ones (sign-ups, votes) included. */
export default function AuditPage() {
  const { params } = useRouter()
  const communityId = params.communityId ?? ''
  const targetId = params.id ?? ''
  const fetchPage = useCallback((cursor: string | undefined) => api.user.auditTrail({ communityId, targetId, cursor, limit: 20 }), [communityId, targetId])
  const list = usePagedList<AuditEntryView>(fetchPage, `${communityId}:${targetId}`)
  return (
    <Page>
      <Text className="page-title">审计记录</Text>
      <Text className="page-intro">每一次改动都记在这里，不能被悄悄修改。投票只记录“已投票”，不记录投给了谁。</Text>
      <StateView loading={list.loading} error={list.error} empty={list.empty} emptyText="没有记录" onRetry={list.reload} />
      {list.items.map((e) => {
        const change = describeAuditChange(e.before, e.after)
        return (
          <View key={e.id} className="gz-card gz-stack cs-audit">
            <View className="gz-row">
              <Text className="cs-timeline__label">{auditLabel(e.action)}</Text>
              <Text className="gz-tag">{ROLE_LABELS[e.actorRole as keyof typeof ROLE_LABELS] ?? e.actorRole}</Text>
            </View>
            <Text className="gz-muted">
              {e.sealed ? `#${e.seq}` : '待封存'} · {formatDateTime(e.at)}
            </Text>
            {change ? <Text className="cs-audit__change">{change}</Text> : null}
            {e.note ? <Text>说明：{e.note}</Text> : null}
          </View>
        )
      })}
      <ListFooter loadingMore={list.loadingMore} moreError={list.moreError} hasMore={list.hasMore} count={list.items.length} onRetry={list.loadMore} />
    </Page>
  )
}
