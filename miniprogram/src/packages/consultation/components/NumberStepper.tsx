import { Text, View } from '@tarojs/components'

/** − n + with big targets: easier than typing digits on a phone for small counts. */
export function NumberStepper({ value, min = 0, max, onChange, label }: { value: number; min?: number; max: number; onChange: (n: number) => void; label: string }) {
  return (
    <View className="cs-stepper" aria-label={label}>
      <View className={`cs-stepper__btn${value <= min ? ' cs-stepper__btn--off' : ''}`} role="button" aria-label={`减少${label}`} onClick={() => value > min && onChange(value - 1)}>
        −
      </View>
      <Text className="cs-stepper__value">{value}</Text>
      <View className={`cs-stepper__btn${value >= max ? ' cs-stepper__btn--off' : ''}`} role="button" aria-label={`增加${label}`} onClick={() => value < max && onChange(value + 1)}>
        +
      </View>
    </View>
  )
}
