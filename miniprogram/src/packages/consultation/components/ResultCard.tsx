import { Text, View } from '@tarojs/components'
import type { ConsultationResult } from '@shared/contract'
import { DECISION_RULE_LABELS, OUTCOME_LABELS } from '@shared/consultation/decision'

/** The counted vote: a bar per choice, the outcome in words and why. */
export function ResultCard({ result }: { result: ConsultationResult }) {
  const most = Math.max(1, ...result.counts)
  return (
    <View className="gz-card gz-stack" data-testid="result-card">
      <Text className="cs-card-title">表决结果</Text>
      <Text className={`cs-callout ${result.outcome === 'decided' ? 'cs-callout--ok' : 'cs-callout--wait'}`} data-testid="outcome">
        {OUTCOME_LABELS[result.outcome]}
        {result.winner !== null ? `：${result.choices[result.winner]}` : ''}
      </Text>
      <Text className="gz-muted">{result.explanation}</Text>
      {result.choices.map((choice, i) => (
        <View key={choice} className="cs-count">
          <View className="gz-row gz-row--between">
            <Text>{choice}</Text>
            <Text className="cs-count__n">{result.counts[i] ?? 0} 票</Text>
          </View>
          <View className="cs-count__track">
            <View className={`cs-count__bar${result.winner === i ? ' cs-count__bar--win' : ''}`} style={{ width: `${((result.counts[i] ?? 0) / most) * 100}%` }} />
          </View>
        </View>
      ))}
      <Text className="gz-muted">
        到会 {result.attendance} 人，法定人数 {result.quorum} 人；{DECISION_RULE_LABELS[result.rule]}
      </Text>
    </View>
  )
}
