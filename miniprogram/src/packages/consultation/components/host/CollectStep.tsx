import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { earlyCloseProblem } from '@shared/consultation/collection'
import { StateView } from '../../../../components/StateView'
import { api } from '../../../../services/api'
import { formatDate, formatDateTime } from '../../../../services/format'
import { consultationRoutes } from '../../../../services/consultationRoutes'
import { useOpinionsOf } from '../../hooks/useOpinionsOf'
import { OpinionPick } from '../OpinionPick'
import { ReasonAction } from '../ReasonAction'
import type { StepFormProps } from './types'

/** Step 1: see what came in, bring opinions over from the pool, end the collection early if needed. */
export function CollectStep({ view: c, act, apply }: StepFormProps) {
  const linked = useOpinionsOf(c.communityId, c.id, `${c.id}:${c.opinionCount}:${c.updatedAt}`)
  const [showPool, setShowPool] = useState(false)
  const pool = useOpinionsOf(c.communityId, null, showPool ? `pool:${c.opinionCount}` : null)
  const [picked, setPicked] = useState<string[]>([])
  const active = c.state === 'active'

  const link = async () => {
    const next = await act.run('link', () => api.consultation.linkOpinions({ id: c.id, opinionIds: picked }), { success: `已纳入${picked.length}条意见` })
    if (next) {
      apply(next)
      setPicked([])
      setShowPool(false)
    }
  }
  const closeEarly = async (reason: string) => {
    const next = await act.run('closeCollection', () => api.consultation.closeCollection({ id: c.id, reason }), { success: '已结束收集' })
    if (next) apply(next)
    return next
  }

  return (
    <View className="gz-stack">
      <View className="gz-card gz-stack">
        <Text className="cs-card-title">收集意见</Text>
        <Text>主题：{c.theme}</Text>
        <Text>
          收集时间：{formatDate(c.collectFrom)} 至 {formatDate(c.collectTo)}
        </Text>
        {c.collectionClosedAt ? (
          <Text className="cs-callout cs-callout--ok" data-testid="collection-closed">
            已于 {formatDateTime(c.collectionClosedAt)} 结束收集：{c.collectionCloseReason}
          </Text>
        ) : null}
        <Text className="cs-subtitle">已收到 {c.opinionCount} 条意见</Text>
        {linked.data?.length ? <Text className="gz-muted">点开意见可以回复居民、打标签。</Text> : null}
        <StateView loading={linked.loading} error={linked.error} empty={linked.data?.length === 0} emptyText="还没有意见。可以请居民在议事页提意见，或从意见池纳入。" onRetry={linked.reload} />
        {(linked.data ?? []).map((o) => (
          <View key={o.id} className="cs-mini-opinion" role="button" data-opinion-id={o.id} onClick={() => void Taro.navigateTo({ url: consultationRoutes.opinion(o.id) })}>
            <Text className="cs-pick__title">{o.title}</Text>
            <Text className="gz-muted">
              {o.authorName} · 附议 {o.supportCount} · 评论 {o.commentCount}
              {o.tags.length ? ` · ${o.tags.join('、')}` : ''} ›
            </Text>
          </View>
        ))}
      </View>

      {active ? (
        <View className="gz-card gz-stack">
          <Text className="cs-card-title">从意见池纳入</Text>
          <Text className="gz-muted">居民平时提在意见池里的意见，和本次主题相关的可以纳入进来。</Text>
          {showPool ? (
            <>
              <StateView loading={pool.loading} error={pool.error} empty={pool.data?.length === 0} emptyText="意见池里没有未纳入的意见" onRetry={pool.reload} />
              <OpinionPick opinions={pool.data ?? []} picked={picked} onChange={setPicked} testId="pool-pick" />
              <Button type="primary" block size="large" disabled={!picked.length} loading={act.busy === 'link'} onClick={link}>
                纳入所选（{picked.length}条）
              </Button>
            </>
          ) : (
            <Button block size="large" onClick={() => setShowPool(true)} data-testid="open-pool">
              打开意见池挑选
            </Button>
          )}
        </View>
      ) : null}

      {earlyCloseProblem(c, Date.now()) === null ? (
        <ReasonAction
          label="提前结束收集"
          reasonLabel="提前结束的理由"
          hint="例如：意见已比较集中。理由会公开显示"
          busy={act.busy === 'closeCollection'}
          testId="close-collection"
          onConfirm={closeEarly}
        />
      ) : null}
    </View>
  )
}
