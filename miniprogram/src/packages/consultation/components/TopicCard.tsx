import { Text, View } from '@tarojs/components'
import type { ConsultationView } from '@shared/contract'
import { DECISION_RULE_LABELS } from '@shared/consultation/decision'
import { ballotChoices } from '@shared/consultation/steps'
import { formatDateTime } from '../../../services/format'

export function TopicCard({ view: c }: { view: ConsultationView }) {
  if (!c.topic) return null
  return (
    <View className="gz-card gz-stack" data-testid="topic-card">
      <Text className="cs-card-title">议题</Text>
      <Text className="cs-topic-title">{c.topic.title}</Text>
      <Text>背景：{c.topic.background}</Text>
      <Text>需要决定：{c.topic.question}</Text>
      {c.topic.adoptionReason ? <Text className="gz-muted">采纳意见的理由：{c.topic.adoptionReason}</Text> : null}
    </View>
  )
}

export function PlanCard({ view: c }: { view: ConsultationView }) {
  const p = c.plan
  if (!p) return null
  return (
    <View className="gz-card gz-stack" data-testid="plan-card">
      <Text className="cs-card-title">协商方案</Text>
      <Text>时间：{formatDateTime(p.meetingAt)}</Text>
      <Text>地点：{p.place}</Text>
      <Text>
        参会：{p.invited.map((r) => `${r.role}${r.count}人`).join('、')}
        {p.invited.length ? '；' : ''}居民名额{p.openSeats}个
      </Text>
      <View>
        <Text>议程：</Text>
        {p.agenda.map((a, i) => (
          <Text key={i} className="cs-line">
            {i + 1}. {a}
          </Text>
        ))}
      </View>
      <Text>表决规则：{DECISION_RULE_LABELS[p.rule]}，到会不少于{p.quorum}人</Text>
      <Text>表决选项：{ballotChoices(p).join(' / ')}</Text>
    </View>
  )
}
