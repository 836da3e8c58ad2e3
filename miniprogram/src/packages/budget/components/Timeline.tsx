import { Text, View } from '@tarojs/components'
import type { RoundTimelineEntry } from '@shared/contract'
import { ROLE_LABELS, type ActorRole } from '@shared/contract'
import { formatDateTime } from '../../../services/format'

/** The round's public timeline: who moved it on, when, and why. */
export function RoundTimeline({ entries }: { entries: RoundTimelineEntry[] }) {
  return (
    <View className="gz-card gz-stack" data-testid="round-timeline">
      {entries.length ? null : <Text className="gz-muted">还没有记录</Text>}
      {entries.map((e) => (
        <View key={e.id} className="bg-timeline__item">
          <Text className="bg-timeline__label">{e.label}</Text>
          <Text className="gz-muted">
            {formatDateTime(e.at)} · {ROLE_LABELS[e.actorRole as ActorRole] ?? e.actorRole}
            {e.note ? ` · ${e.note}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
