import { Text, View } from '@tarojs/components'
import type { CommunityView } from '@shared/contract'
import { Choices } from './Choices'

/** Shown only to people who manage more than one community (the street admin, or staff of two). */
export function CommunitySwitcher({ options, value, onChange }: { options: CommunityView[]; value: string | undefined; onChange: (id: string) => void }) {
  if (options.length < 2) return options[0] ? <Text className="gz-muted community-current">{options[0].name}</Text> : null
  return (
    <View className="community-switcher">
      <Choices options={options.map((c) => ({ value: c.id, label: c.name }))} value={value} onChange={onChange} />
    </View>
  )
}
