import { Text, View } from '@tarojs/components'
import type { PointView } from '@shared/contract'
import { formatShanghai } from '@shared/time'

export function PointsList({ points }: { points: PointView[] }) {
  if (!points.length) return <Text className="gz-muted">还没有记录发言</Text>
  return (
    <View className="cs-points">
      {points.map((p) => (
        <View key={p.id} className="cs-points__item">
          <View className="gz-row">
            <Text className="gz-tag gz-tag--orange">{p.speakerRole}</Text>
            <Text className="gz-muted">{formatShanghai(p.at, 'HH:mm')}</Text>
          </View>
          <Text>{p.summary}</Text>
        </View>
      ))}
    </View>
  )
}
