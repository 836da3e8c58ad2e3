import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ConsultationSummary } from '@shared/contract'
import { STATE_LABELS, stepName, type ConsultationState } from '@shared/consultation/steps'
import { formatDateTime } from '../services/format'
import { consultationRoutes } from '../services/consultationRoutes'
import './ConsultationCard.scss'

const STATE_TAG: Record<ConsultationState, string> = { active: 'gz-tag--primary', postponed: 'gz-tag--orange', cancelled: 'gz-tag--gray', closed: 'gz-tag--green' }

/** The state a person must notice: 进行中 needs no badge of its own, the step says it. */
export function ConsultationStateTag({ state }: { state: ConsultationState }) {
  if (state === 'active') return null
  return <Text className={`gz-tag ${STATE_TAG[state]}`}>{STATE_LABELS[state]}</Text>
}

export function ConsultationCard({ item, to }: { item: ConsultationSummary; to?: string }) {
  return (
    <View
      className="gz-card cs-card"
      role="button"
      data-consultation-id={item.id}
      onClick={() => void Taro.navigateTo({ url: to ?? consultationRoutes.detail(item.id) })}
    >
      <View className="gz-row">
        <Text className="gz-tag cs-card__step">
          第{item.step}步 · {stepName(item.step)}
        </Text>
        <ConsultationStateTag state={item.state} />
        <Text className="gz-muted">{item.communityName}</Text>
      </View>
      <Text className="cs-card__title">{item.title}</Text>
      {item.title !== item.theme ? <Text className="gz-muted">主题：{item.theme}</Text> : null}
      <View className="cs-card__dots" aria-hidden>
        {[1, 2, 3, 4, 5, 6].map((s) => (
          <View key={s} className={`cs-card__dot${s < item.step || item.state === 'closed' ? ' cs-card__dot--done' : s === item.step ? ' cs-card__dot--now' : ''}`} />
        ))}
      </View>
      <Text className="gz-muted">主持人：{item.hostName}</Text>
      {item.meetingAt ? <Text className="gz-muted">会议时间：{formatDateTime(item.meetingAt)}</Text> : null}
    </View>
  )
}
