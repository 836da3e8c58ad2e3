import { createContext, type PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'

/**
 * The field's label, for the text box inside it: Taro's H5 input sits in its own element, out of reach of a
 * `<label>`, so the box names itself with `aria-label` (components/TextInput).
 */
export const FieldLabel = createContext<string | undefined>(undefined)

/** A labelled form row with its error message right under the input, in red and in words. */
export function Field({ label, error, hint, children, name }: PropsWithChildren<{ label: string; error?: string; hint?: string; name?: string }>) {
  return (
    <View className={`gz-field${error ? ' gz-field--invalid' : ''}`} data-field={name}>
      <Text className="gz-field__label">{label}</Text>
      <FieldLabel.Provider value={label}>{children}</FieldLabel.Provider>
      {hint && !error ? <Text className="gz-field__hint">{hint}</Text> : null}
      {error ? (
        <View className="gz-field__error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  )
}
