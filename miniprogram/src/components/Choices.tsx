import { View } from '@tarojs/components'

interface Props<T extends string> {
  options: readonly { value: T; label: string }[]
  value: T | undefined
  onChange: (value: T) => void
  /** Rows are easier to hit than a wheel picker when there are only a few choices. */
  layout?: 'chips' | 'rows'
}

export function Choices<T extends string>({ options, value, onChange, layout = 'chips' }: Props<T>) {
  return (
    <View className={`gz-choices gz-choices--${layout}`} role="radiogroup">
      {options.map((o) => (
        <View
          key={o.value}
          role="radio"
          aria-checked={o.value === value}
          className={`gz-choice${o.value === value ? ' gz-choice--on' : ''}`}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
}
