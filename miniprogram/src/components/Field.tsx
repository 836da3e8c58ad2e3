import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'

/** A labelled form row with its error message right under the input, in red and in words. */
export function Field({ label, error, hint, children, name }: PropsWithChildren<{ label: string; error?: string; hint?: string; name?: string }>) {
  return (
    <View className={`gz-field${error ? ' gz-field--invalid' : ''}`} data-field={name}>
      <Text className="gz-field__label">{label}</Text>
      {children}
      {hint && !error ? <Text className="gz-field__hint">{hint}</Text> : null}
      {error ? (
        <View className="gz-field__error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  )
}
