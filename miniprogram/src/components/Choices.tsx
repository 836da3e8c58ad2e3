import { View } from '@tarojs/components'

interface Props<T extends string> {
  options: readonly { value: T; label: string }[]
  value: T | undefined
  onChange: (value: T) => void
  /** Rows are easier to hit than a wheel picker when there are only a few choices. */
  layout?: 'chips' | 'rows'
  /** What is being chosen, for screen readers when no visible label names the group. */
  label?: string
}

export function Choices<T extends string>({ options, value, onChange, layout = 'chips', label }: Props<T>) {
  return (
    <View className={`gz-choices gz-choices--${layout}`} role="radiogroup" aria-label={label}>
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
