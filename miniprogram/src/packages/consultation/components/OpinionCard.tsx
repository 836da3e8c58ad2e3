import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { OpinionView } from '@shared/contract'
import { formatDate } from '../../../services/format'
import { consultationRoutes } from '../../../services/consultationRoutes'

/**
 * The 附议 toggle: a full-size target showing the count and whether I have joined. On one's own opinion there is no
 * button, only the count: nobody 附议s their own (the server refuses it too).
 */
export function SupportButton({ opinion, busy, disabled, onToggle }: { opinion: OpinionView; busy: boolean; disabled?: boolean; onToggle: () => void }) {
  if (opinion.mine) {
    return (
      <Text className="gz-muted cs-support-count" data-testid="support-count">
        {opinion.supportCount} 人附议
      </Text>
    )
  }
  return (
    <View
      className={`cs-support${opinion.supportedByMe ? ' cs-support--on' : ''}${disabled ? ' cs-support--off' : ''}`}
      role="button"
      aria-pressed={opinion.supportedByMe}
      data-testid="support"
      onClick={(e) => {
        e.stopPropagation()
        if (!busy && !disabled) onToggle()
      }}
    >
      {busy ? '…' : opinion.supportedByMe ? `已附议 ${opinion.supportCount}` : `附议 ${opinion.supportCount}`}
    </View>
  )
}

export function OpinionCard({ opinion: o, canSupport, busy, onToggle }: { opinion: OpinionView; canSupport: boolean; busy: boolean; onToggle: () => void }) {
  return (
    <View className="gz-card cs-opinion" role="button" data-opinion-id={o.id} onClick={() => void Taro.navigateTo({ url: consultationRoutes.opinion(o.id) })}>
      <View className="gz-row">
        <Text className="gz-tag">{o.category}</Text>
        {o.consultationId ? <Text className="gz-tag gz-tag--orange">已纳入议事</Text> : null}
        {o.tags.map((t) => (
          <Text key={t} className="gz-tag gz-tag--green">
            {t}
          </Text>
        ))}
      </View>
      <Text className="cs-opinion__title">{o.title}</Text>
      <Text className="cs-opinion__body">{o.description.length > 60 ? `${o.description.slice(0, 60)}…` : o.description}</Text>
      <View className="gz-row gz-row--between">
        <Text className="gz-muted">
          {o.authorName}
          {o.mine ? '（我）' : ''} · {formatDate(o.createdAt)} · 评论 {o.commentCount}
        </Text>
        <SupportButton opinion={o} busy={busy} disabled={!canSupport} onToggle={onToggle} />
      </View>
    </View>
  )
}
