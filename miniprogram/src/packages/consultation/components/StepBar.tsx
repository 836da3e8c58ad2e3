import { Text, View } from '@tarojs/components'
import { STEPS, type ConsultationState } from '@shared/consultation/steps'

/** The six steps with the current one highlighted; done steps carry a tick. */
export function StepBar({ step, state }: { step: number; state: ConsultationState }) {
  return (
    <View className="cs-steps" aria-label={`当前第${step}步`}>
      {STEPS.map((s) => {
        const done = s.step < step || state === 'closed'
        const now = s.step === step && state !== 'closed'
        return (
          <View key={s.step} className={`cs-steps__item${done ? ' cs-steps__item--done' : ''}${now ? ' cs-steps__item--now' : ''}`} aria-current={now ? 'step' : undefined}>
            <Text className="cs-steps__num">{done ? '✓' : s.step}</Text>
            <Text className="cs-steps__name">{s.name}</Text>
          </View>
        )
      })}
    </View>
  )
}
