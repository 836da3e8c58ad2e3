import { Text, View } from '@tarojs/components'
import { ROLE_LABELS, type TimelineEntry } from '@shared/contract'
import { stepName } from '@shared/consultation/steps'
import { formatDateTime } from '../../../services/format'

/** The public record: who (by role), when, from which step to which, and the note they left. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (!entries.length) return <Text className="gz-muted">还没有记录</Text>
  return (
    <View className="cs-timeline">
      {[...entries].reverse().map((e) => (
        <View key={e.id} className="cs-timeline__item">
          <View className="gz-row">
            <Text className="cs-timeline__label">{e.label}</Text>
            {e.fromStep !== null && e.toStep !== null && e.fromStep !== e.toStep ? (
              <Text className="gz-tag">
                {stepName(e.fromStep)} → {stepName(e.toStep)}
              </Text>
            ) : null}
          </View>
          <Text className="gz-muted">
            {ROLE_LABELS[e.actorRole as keyof typeof ROLE_LABELS] ?? e.actorRole} · {formatDateTime(e.at)}
          </Text>
          {e.note ? <Text className="cs-timeline__note">{e.note}</Text> : null}
        </View>
      ))}
    </View>
  )
}
