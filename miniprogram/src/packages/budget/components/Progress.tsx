import { Text, View } from '@tarojs/components'

/** A plain bar with its words beside it; `over` turns it red (a knapsack ballot over budget). */
export function Progress({ value, max, label, over }: { value: number; max: number; label: string; over?: boolean }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0
  return (
    <View className="bg-progress" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label={label}>
      <View className="bg-progress__track">
        <View className={`bg-progress__fill${over ? ' bg-progress__fill--over' : ''}`} style={{ width: `${pct}%` }} />
      </View>
      <Text className={`bg-progress__label${over ? ' gz-text-danger' : ''}`}>{label}</Text>
    </View>
  )
}
