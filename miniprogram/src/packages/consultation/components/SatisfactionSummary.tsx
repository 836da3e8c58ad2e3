import { Text, View } from '@tarojs/components'
import type { ConsultationView } from '@shared/contract'
import { SATISFACTION_LABELS, type SatisfactionLevel } from '@shared/consultation/seats'

const LEVELS: SatisfactionLevel[] = ['satisfied', 'basic', 'dissatisfied']

export function SatisfactionSummary({ view: c }: { view: ConsultationView }) {
  const total = LEVELS.reduce((n, l) => n + c.ratingCounts[l], 0)
  return (
    <View className="gz-stack" data-testid="satisfaction">
      <Text>
        满意率：{c.satisfactionRate === null ? '暂无评价' : `${Math.round(c.satisfactionRate * 100)}%`}（共 {total} 人评价）
      </Text>
      <View className="gz-row">
        {LEVELS.map((l) => (
          <Text key={l} className="gz-tag">
            {SATISFACTION_LABELS[l]} {c.ratingCounts[l]}
          </Text>
        ))}
      </View>
    </View>
  )
}
