import { Text, View } from '@tarojs/components'
import type { OpinionView } from '@shared/contract'

interface Props {
  opinions: OpinionView[]
  picked: string[]
  onChange: (ids: string[]) => void
  testId?: string
}

/** Opinions to tick, most supported first, each row a full-width target. */
export function OpinionPick({ opinions, picked, onChange, testId }: Props) {
  const toggle = (id: string) => onChange(picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id])
  return (
    <View className="cs-pick" data-testid={testId}>
      {opinions.map((o) => {
        const on = picked.includes(o.id)
        return (
          <View key={o.id} className={`cs-pick__row${on ? ' cs-pick__row--on' : ''}`} role="checkbox" aria-checked={on} data-opinion-id={o.id} onClick={() => toggle(o.id)}>
            <Text className="cs-pick__box">{on ? '✓' : ''}</Text>
            <View className="cs-pick__text">
              <Text className="cs-pick__title">{o.title}</Text>
              <Text className="gz-muted">
                {o.category} · {o.authorName} · 附议 {o.supportCount}
              </Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
