import { Text, View } from '@tarojs/components'
import { PHASES, type Phase } from '@shared/budget/phases'

/** 征集 → 审核 → 投票 → 公示 → 实施 → 完成, the current one marked, the past ones ticked. */
export function PhaseBar({ phase }: { phase: Phase }) {
  const at = PHASES.findIndex((p) => p.key === phase)
  return (
    <View className="bg-phases" aria-label={`当前阶段：${PHASES[at]?.name ?? ''}`}>
      {PHASES.map((p, i) => (
        <View key={p.key} className={`bg-phase${i < at ? ' bg-phase--past' : ''}${i === at ? ' bg-phase--now' : ''}`}>
          <Text>{i < at ? `✓${p.name}` : p.name}</Text>
        </View>
      ))}
    </View>
  )
}
