import { Text, View } from '@tarojs/components'
import type { ConsultationView } from '@shared/contract'
import { STATE_LABELS } from '@shared/consultation/steps'

/** 已延期 / 已取消 / 已结束, with the published reason. */
export function StateBanner({ view: c }: { view: ConsultationView }) {
  if (c.state === 'active') return null
  return (
    <View className={`cs-banner cs-banner--${c.state}`} data-testid="state-banner">
      <Text className="cs-banner__state">{STATE_LABELS[c.state]}</Text>
      {c.stateReason ? <Text>原因：{c.stateReason}</Text> : null}
    </View>
  )
}
